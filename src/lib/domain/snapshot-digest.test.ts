import { describe, expect, it } from 'vitest';
import { jsonbText, snapshotDigest } from './snapshot-digest';

describe('jsonbText', () => {
	it('orders keys by length, then bytes, as Postgres prints jsonb', () => {
		expect(jsonbText({ bb: 1, a: [true, null], c: { z: 'x', y: '' } })).toBe(
			'{"a": [true, null], "c": {"y": "", "z": "x"}, "bb": 1}'
		);
	});

	it('escapes quotes, backslashes and control characters, and keeps the rest', () => {
		expect(jsonbText('a"b\\c\n\u0001 ä €/')).toBe('"a\\"b\\\\c\\n\\u0001 ä €/"');
		expect(jsonbText([])).toBe('[]');
		expect(jsonbText({})).toBe('{}');
	});

	it('gives the same digest whatever order the keys arrive in', () => {
		expect(snapshotDigest({ a: 1, b: [{ x: 1, y: 2 }] })).toBe(
			snapshotDigest({ b: [{ y: 2, x: 1 }], a: 1 })
		);
		expect(snapshotDigest({ a: 1 })).not.toBe(snapshotDigest({ a: 2 }));
	});
});
