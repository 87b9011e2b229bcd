import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storableParams } from './driver';

describe('storableParams', () => {
	it('takes U+0000 out of strings, also inside arrays and jsonb objects', () => {
		const at = new Date(0);
		const bytes = new Uint8Array([0, 1]);
		expect(
			storableParams(['a\0b', ['x\0'], { 'k\0': 'v\0', n: [{ deep: '\0' }] }, 3, null, at, bytes])
		).toEqual(['ab', ['x'], { k: 'v', n: [{ deep: '' }] }, 3, null, at, bytes]);
	});

	it('leaves text without NUL exactly as it was', () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => !s.includes('\0')),
				(s) => {
					expect(storableParams([s])[0]).toBe(s);
				}
			)
		);
	});
});
