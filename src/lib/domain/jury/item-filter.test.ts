import { describe, expect, it } from 'vitest';
import { ASSIGNED_STATUSES, parseItemStatus } from './item-filter';

const parse = (search: string) => parseItemStatus(new URLSearchParams(search));

describe("the juror's list query", () => {
	it('keeps a status it knows', () => {
		for (const status of ASSIGNED_STATUSES) expect(parse(`status=${status}`)).toBe(status);
		expect(parse('status=all')).toBe('all');
	});

	it('is every item for nothing, or for a value that is not a status', () => {
		for (const search of ['', 'status=', 'status=SUBMITTED', 'status=toString', 'x=draft'])
			expect(parse(search)).toBe('all');
	});

	it('takes the first of a repeated field', () => {
		expect(parse('status=draft&status=submitted')).toBe('draft');
	});
});
