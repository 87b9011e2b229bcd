import { describe, expect, it } from 'vitest';
import { nextStep, type LaterStage } from './solver-dashboard';

const now = new Date('2026-12-01T10:00:00Z');
const later = '2026-12-24T14:00:00Z';
const earlier = '2026-11-30T14:00:00Z';

describe('nextStep', () => {
	it('a draft is to be finished while applications are open, and closed after', () => {
		expect(nextStep({ status: 'draft', eligible: null, deadline: later }, now)).toBe(
			'finish_draft'
		);
		expect(nextStep({ status: 'draft', eligible: null, deadline: earlier }, now)).toBe(
			'draft_closed'
		);
		expect(nextStep({ status: 'draft', eligible: null, deadline: null }, now)).toBe('draft_closed');
	});
	it('the deadline itself is closed (one second late is late)', () => {
		expect(nextStep({ status: 'draft', eligible: null, deadline: now }, now)).toBe('draft_closed');
	});
	it('a submission can change until the deadline, then waits for screening', () => {
		expect(nextStep({ status: 'submitted', eligible: null, deadline: later }, now)).toBe(
			'submitted_open'
		);
		expect(nextStep({ status: 'submitted', eligible: null, deadline: earlier }, now)).toBe(
			'awaiting_screening'
		);
	});
	it('a screening decision decides the step', () => {
		expect(nextStep({ status: 'submitted', eligible: true, deadline: earlier }, now)).toBe(
			'eligible'
		);
		expect(nextStep({ status: 'submitted', eligible: false, deadline: earlier }, now)).toBe(
			'ineligible'
		);
	});
	it('the newest decision after screening decides over the screening result', () => {
		const eligible = { status: 'submitted', eligible: true, deadline: earlier } as const;
		const later = (stage: LaterStage, chosen: boolean) => ({ id: 'd', stage, chosen });
		expect(nextStep({ ...eligible, later: later('shortlisting', true) }, now)).toBe('shortlisted');
		expect(nextStep({ ...eligible, later: later('selection', true) }, now)).toBe('selected');
		expect(nextStep({ ...eligible, later: later('proof_of_concept', true) }, now)).toBe(
			'proof_accepted'
		);
		for (const stage of ['shortlisting', 'selection', 'proof_of_concept'] as const)
			expect(nextStep({ ...eligible, later: later(stage, false) }, now)).toBe('not_chosen');
		expect(nextStep({ ...eligible, later: null }, now)).toBe('eligible');
	});
});
