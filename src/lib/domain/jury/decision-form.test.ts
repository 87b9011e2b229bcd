import { describe, expect, it } from 'vitest';
import { decisionDraftIssue, decisionFormDraft, type RankedItem } from './decision-schemas';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const ranked: RankedItem[] = [
	{ item: A, rank: 1, quality: 60.5, price: null, total: 60.5 },
	{ item: B, rank: 2, quality: 41, price: null, total: 41 }
];

describe('the decision form as a draft (issue 13)', () => {
	it('takes who is chosen and the reasons from the form, ranks and points from the jury', () => {
		const draft = decisionFormDraft(
			{
				[`chosen:${A}`]: 'on',
				[`reason:${A}`]: '  Best on every criterion. ',
				[`reason:${B}`]: 'Weaker plan.',
				// A forged item and forged points are ignored.
				'chosen:33333333-3333-4333-8333-333333333333': 'on',
				rationale: 'By the criteria.',
				signatory: '  ',
				decidedOn: '2026-12-15'
			},
			ranked
		);
		expect(draft.items).toEqual([
			{
				itemKind: 'application',
				item: A,
				chosen: true,
				rank: 1,
				reason: 'Best on every criterion.',
				quality: 60.5,
				price: null,
				total: 60.5
			},
			{
				itemKind: 'application',
				item: B,
				chosen: false,
				rank: 2,
				reason: 'Weaker plan.',
				quality: 41,
				price: null,
				total: 41
			}
		]);
		// Blank details are left to the database's defaults (the timetable's signatory).
		expect(draft.details).toEqual({
			rationale: 'By the criteria.',
			deviation: undefined,
			signatory: undefined,
			decidedOn: '2026-12-15',
			appeal: undefined,
			comparisonPublished: false
		});
		expect(decisionDraftIssue(draft)).toBeNull();
	});

	it('names each item with the kind the jury ranked: final tenders at selection', () => {
		const tenders: RankedItem[] = ranked.map((r) => ({ ...r, kind: 'final_tender', price: 30 }));
		const draft = decisionFormDraft({ [`chosen:${A}`]: 'on' }, tenders);
		expect(draft.items.map((i) => [i.itemKind, i.item, i.chosen, i.price])).toEqual([
			['final_tender', A, true, 30],
			['final_tender', B, false, 30]
		]);
		expect(decisionDraftIssue(draft)).toBeNull();
	});

	it('names what would not stand in the database’s words', () => {
		const long = 'x'.repeat(4001);
		const draft = (form: Record<string, string>) => decisionFormDraft(form, ranked);
		expect(decisionDraftIssue(draft({ [`reason:${A}`]: long }))).toBe('decision_reason_too_long');
		expect(decisionDraftIssue(draft({ deviation: long }))).toBe('decision_justification_too_long');
		expect(decisionDraftIssue(draft({ decidedOn: '2026-02-30' }))).toBe('decision_bad_input');
		expect(decisionDraftIssue(draft({ signatory: 'y'.repeat(201) }))).toBe(
			'decision_text_too_long'
		);
	});
});
