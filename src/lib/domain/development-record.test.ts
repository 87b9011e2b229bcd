import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MILESTONE_STATUSES,
	milestoneAfter,
	milestoneSteps,
	reportAfter,
	type Actor,
	type MilestoneStep,
	type ReportStatus,
	type ReportStep
} from './development-record';

const actors: Actor[] = ['partner', 'owner'];
const milestoneStepsAll: MilestoneStep[] = ['start', 'deliver', 'replan', 'accept', 'reject'];
const reportSteps: ReportStep[] = ['submit', 'confirm', 'dispute'];

describe('milestones (issue 14)', () => {
	it('walks planned → in progress → delivered → accepted, the owner deciding', () => {
		expect(milestoneAfter('planned', 'start', 'partner')).toBe('in_progress');
		expect(milestoneAfter('in_progress', 'deliver', 'partner')).toBe('delivered');
		expect(milestoneAfter('delivered', 'accept', 'owner')).toBe('accepted');
		expect(milestoneAfter('delivered', 'accept', 'partner')).toBeNull();
		expect(milestoneAfter('in_progress', 'accept', 'owner')).toBeNull();
	});

	it('a rejected milestone is re-planned by the partner; the owner cannot re-plan', () => {
		expect(milestoneAfter('delivered', 'reject', 'owner')).toBe('rejected');
		expect(milestoneAfter('rejected', 'replan', 'partner')).toBe('planned');
		expect(milestoneAfter('rejected', 'replan', 'owner')).toBeNull();
		expect(milestoneSteps('rejected', 'partner')).toEqual(['replan']);
		expect(milestoneSteps('delivered', 'owner')).toEqual(['accept', 'reject']);
	});

	it('an accepted milestone never changes, whoever tries whatever', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...milestoneStepsAll), fc.constantFrom(...actors))),
				(steps) => {
					for (const [step, actor] of steps)
						expect(milestoneAfter('accepted', step, actor)).toBeNull();
					expect(milestoneSteps('accepted', 'partner')).toEqual([]);
					expect(milestoneSteps('accepted', 'owner')).toEqual([]);
				}
			)
		);
	});

	it('every step leads to a status, and only the owner accepts or rejects', () => {
		for (const status of MILESTONE_STATUSES)
			for (const step of milestoneStepsAll)
				for (const actor of actors) {
					const next = milestoneAfter(status, step, actor);
					if (next === null) continue;
					expect(MILESTONE_STATUSES).toContain(next);
					if (next === 'accepted' || next === 'rejected') expect(actor).toBe('owner');
				}
	});
});

describe('monthly outcome reports (issue 14)', () => {
	it('submitted, disputed, corrected as a new version, confirmed', () => {
		expect(reportAfter('none', 'submit', 'partner')).toBe('submitted');
		expect(reportAfter('submitted', 'dispute', 'owner')).toBe('disputed');
		expect(reportAfter('disputed', 'submit', 'partner')).toBe('submitted');
		expect(reportAfter('submitted', 'confirm', 'owner')).toBe('confirmed');
		expect(reportAfter('submitted', 'confirm', 'partner')).toBeNull();
		expect(reportAfter('none', 'confirm', 'owner')).toBeNull();
	});

	it('a confirmed month is locked: no sequence of steps leaves it', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...reportSteps), fc.constantFrom(...actors))),
				(steps) => {
					let status: ReportStatus = 'none';
					let confirmed = false;
					for (const [step, actor] of steps) {
						const next = reportAfter(status, step, actor);
						if (confirmed) expect(next).toBeNull();
						if (next !== null) status = next;
						if (status === 'confirmed') confirmed = true;
					}
				}
			)
		);
	});
});
