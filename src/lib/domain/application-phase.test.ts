import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appealLastDay, applicationPhase, type PhaseInput } from './application-phase';

const decidedAt = new Date('2026-12-01T10:00:00Z');

describe('applicationPhase', () => {
	it('an ineligible decision is one state: no countdown, no editing, an appeal date', () => {
		const v = applicationPhase({
			status: 'submitted',
			open: false,
			withdrawn: false,
			decision: { eligible: false, decidedAt }
		});
		expect(v).toEqual({
			phase: 'ineligible',
			canEdit: false,
			canWithdraw: false,
			withdrawVoidsDecision: false,
			showCountdown: false,
			appealBy: '2026-12-15'
		});
	});
	it('before the deadline a decided application may be withdrawn, which voids the decision', () => {
		const v = applicationPhase({
			status: 'submitted',
			open: true,
			withdrawn: false,
			decision: { eligible: false, decidedAt }
		});
		expect(v).toMatchObject({
			phase: 'ineligible',
			canWithdraw: true,
			withdrawVoidsDecision: true
		});
		expect(v.showCountdown).toBe(false);
	});
	it('names every other state', () => {
		const at = (status: 'draft' | 'submitted', open: boolean, withdrawn = false) =>
			applicationPhase({ status, open, withdrawn, decision: null }).phase;
		expect(at('draft', true)).toBe('draft');
		expect(at('draft', true, true)).toBe('withdrawn');
		expect(at('draft', false)).toBe('not_submitted');
		expect(at('draft', false, true)).toBe('not_submitted');
		expect(at('submitted', true)).toBe('submitted');
		expect(at('submitted', false)).toBe('awaiting_screening');
		expect(
			applicationPhase({
				status: 'submitted',
				open: false,
				withdrawn: false,
				decision: { eligible: true, decidedAt }
			})
		).toMatchObject({ phase: 'eligible', appealBy: null, canWithdraw: false });
	});
	it('counts the appeal period in Helsinki days', () => {
		// 23.30 UTC on 31 December is 1 January in Helsinki.
		expect(appealLastDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-15');
		expect(appealLastDay('2027-02-20T08:00:00Z')).toBe('2027-03-06');
	});
});

describe('applicationPhase, in every combination', () => {
	const input: fc.Arbitrary<PhaseInput> = fc.record({
		status: fc.constantFrom('draft' as const, 'submitted' as const),
		open: fc.boolean(),
		withdrawn: fc.boolean(),
		decision: fc.option(
			fc.record({
				eligible: fc.boolean(),
				decidedAt: fc.date({
					min: new Date('2025-01-01'),
					max: new Date('2030-01-01'),
					noInvalidDate: true
				})
			})
		)
	});
	it('never offers what the database refuses, nor counts down to nothing', () => {
		fc.assert(
			fc.property(input, (i) => {
				const v = applicationPhase(i);
				// Editing only a draft, and withdrawing only a submission, before the deadline.
				if (v.canEdit) expect(i.status === 'draft' && i.open).toBe(true);
				if (v.canWithdraw) expect(i.status === 'submitted' && i.open).toBe(true);
				// A countdown only where something can still be done before the deadline.
				if (v.showCountdown) expect(v.canEdit || v.canWithdraw).toBe(true);
				if (!i.open) expect(v.showCountdown || v.canEdit || v.canWithdraw).toBe(false);
				// An appeal only against an ineligible decision on a submitted application.
				expect(v.appealBy !== null).toBe(v.phase === 'ineligible');
				if (v.withdrawVoidsDecision) expect(v.canWithdraw && i.decision !== null).toBe(true);
			})
		);
	});
});
