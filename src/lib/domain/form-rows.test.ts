import { describe, expect, it } from 'vitest';
import { applyRowOp, parseRowOp } from './form-rows';

const raw = {
	c0_points: '10',
	c0_name_fi: 'A',
	c1_points: '20',
	c1_name_fi: 'B',
	c2_points: '',
	c2_name_fi: '',
	priceShare: '30'
};

describe('editing repeated rows without JavaScript', () => {
	it('reads only the buttons it knows', () => {
		expect(parseRowOp('add')).toEqual({ kind: 'add' });
		expect(parseRowOp('up:2')).toEqual({ kind: 'up', index: 2 });
		expect(parseRowOp('remove:x')).toBeNull();
		expect(parseRowOp(undefined)).toBeNull();
	});

	it('adds an empty row', () => {
		expect(applyRowOp(raw, 'c', { kind: 'add' })).toEqual({ values: raw, rows: 4 });
	});

	it('removes a row and numbers the rest again', () => {
		expect(applyRowOp(raw, 'c', { kind: 'remove', index: 0 })).toEqual({
			values: { c0_points: '20', c0_name_fi: 'B', c1_points: '', c1_name_fi: '', priceShare: '30' },
			rows: 2
		});
	});

	it('moves a row up and down, not past the ends', () => {
		const up = applyRowOp(raw, 'c', { kind: 'up', index: 1 }).values;
		expect([up.c0_name_fi, up.c1_name_fi]).toEqual(['B', 'A']);
		const down = applyRowOp(raw, 'c', { kind: 'down', index: 0 }).values;
		expect([down.c0_name_fi, down.c1_name_fi]).toEqual(['B', 'A']);
		expect(applyRowOp(raw, 'c', { kind: 'up', index: 0 }).values).toEqual(raw);
		expect(applyRowOp(raw, 'c', { kind: 'down', index: 2 }).values).toEqual(raw);
	});
});
