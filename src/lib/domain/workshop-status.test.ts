import { describe, expect, it } from 'vitest';
import { boardsOpen, nextStatus, statusStepSchema, WORKSHOP_STATUSES } from './workshop-status';

const issues = (input: unknown) => {
	const parsed = statusStepSchema.safeParse(input);
	return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('workshop status', () => {
	it('moves one step forward at a time and stops at ended', () => {
		expect(WORKSHOP_STATUSES.map(nextStatus)).toEqual(['live', 'ended', null]);
	});

	it('keeps the boards open until the workshop ends', () => {
		expect(WORKSHOP_STATUSES.map(boardsOpen)).toEqual([true, true, false]);
	});

	it('starts without more ado, and ends only when confirmed', () => {
		expect(statusStepSchema.parse({ to: 'live' })).toEqual({ to: 'live' });
		expect(statusStepSchema.parse({ to: 'ended', confirm: 'yes' })).toEqual({
			to: 'ended',
			confirm: 'yes'
		});
		expect(issues({ to: 'ended' })).toEqual([['confirm', 'error_workshop_end_unconfirmed']]);
		expect(issues({ to: 'ended', confirm: 'on' })).toEqual([
			['confirm', 'error_workshop_end_unconfirmed']
		]);
	});

	it('refuses any other step, backwards included, with one message', () => {
		for (const to of ['scheduled', 'LIVE', '', undefined]) {
			expect(issues({ to })).toEqual([['to', 'error_workshop_status_step']]);
		}
		expect(issues({})).toEqual([['to', 'error_workshop_status_step']]);
	});
});
