// A worked example: the City of Helsinki's innovation partnership for employment training
// (shared/seeds), run through the jury core. Nine service providers applied and all met the
// minimum requirements; five were selected for negotiations; three submitted a final tender,
// scored on five quality criteria (70 points) and price (30 points); two were selected for
// the development phase. The applicants and every score below are invented.
import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import {
	assignJurors,
	checkDecision,
	evaluate,
	leaveOneJurorOut,
	maxQualityPoints,
	priceMaxPoints,
	proposeTopK,
	stageCriteria,
	validateScorecard,
	type Scorecard
} from './index';

const NAMES = [
	'Compliance with the objectives and innovativeness',
	'Integrability of the solution',
	'Professional expertise of team members',
	'Project management in a multi-producer environment',
	'Product development expertise and social responsibility'
];
const POINTS = [30, 10, 10, 10, 10];
const criteria: Criterion[] = (['shortlisting', 'selection'] as const).flatMap((stage) =>
	NAMES.map((name, i) => ({ stage, name: { en: name }, description: {}, maxPoints: POINTS[i] }))
);
const PRICE_SHARE = 30;
const jurors = ['juror-a', 'juror-b', 'juror-c'];

// Each juror's usual deviation from the jury's consensus, per criterion. The three add up
// to zero, so an item every juror scores has the consensus as its mean.
const USUAL: Record<string, number[]> = {
	'juror-a': [1.5, 0.5, 0, -0.5, 0.5], // +2 in total
	'juror-b': [-1, 0, 0.5, 0, -0.5], // −1
	'juror-c': [-0.5, -0.5, -0.5, 0.5, 0] // −1
};

/** Scorecards as jurors enter them, each validated like the form will. */
function score(
	stage: 'shortlisting' | 'selection',
	assignment: { item: string; jurors: string[] }[],
	consensus: Record<string, number[]>,
	unusual: Record<string, Record<string, number[]>> = {}
): Scorecard[] {
	return assignment.flatMap(({ item, jurors }) =>
		jurors.map((juror) => {
			const deviation = unusual[item]?.[juror] ?? USUAL[juror];
			const inputs = consensus[item].map((p, i) => ({
				points: p + deviation[i],
				justification: `${juror} on ${item}, criterion ${i + 1}: reasons in the minutes.`
			}));
			const valid = validateScorecard(stageCriteria(criteria, stage), inputs);
			if (!valid.ok) throw new Error(`${juror}/${item}: ${JSON.stringify(valid.issues)}`);
			return { juror, item, points: valid.value.points };
		})
	);
}

describe('the Helsinki case, worked through', () => {
	const applicants = Array.from({ length: 9 }, (_, i) => `app-${i + 1}`);
	const applied = (i: number) => new Date(Date.UTC(2020, 2, 2 + i, 10));

	// Juror b once worked for applicant 5 and declares it: b never scores app-5.
	const assignment = assignJurors({
		items: applicants,
		jurors,
		conflicts: [{ juror: 'juror-b', item: 'app-5' }]
	});
	const shortlistCards = score(
		'shortlisting',
		assignment.items,
		{
			'app-1': [24, 8, 8, 7, 8], // 55
			'app-2': [22, 7, 8, 8, 7], // 52
			'app-3': [18, 6, 7, 6, 6], // 43
			'app-4': [25, 8, 7, 8, 7], // 55
			'app-5': [15, 6, 5, 6, 5], // 37
			'app-6': [20, 7, 7, 7, 7], // 48
			'app-7': [21, 7, 6, 7, 6], // 47
			'app-8': [12, 5, 6, 5, 4], // 32
			'app-9': [19, 6, 7, 6, 7] // 45
		},
		{
			// Juror c is taken with app-7's workshop; a and b are not.
			'app-7': {
				'juror-c': [6, 1, 1, 1, 1], // +10
				'juror-a': [-3, -0.5, -0.5, -0.5, -0.5], // −5
				'juror-b': [-3, -0.5, -0.5, -0.5, -0.5] // −5
			}
		}
	);
	const shortlisting = {
		criteria: stageCriteria(criteria, 'shortlisting'),
		items: applicants.map((item, i) => ({ item, submittedAt: applied(i) })),
		scorecards: shortlistCards
	};

	it('assigns every juror every applicant, except where a conflict is declared', () => {
		expect(assignment.loads).toEqual([
			{ juror: 'juror-a', load: 9 },
			{ juror: 'juror-b', load: 8 },
			{ juror: 'juror-c', load: 9 }
		]);
		expect(assignment.items.find((i) => i.item === 'app-5')?.jurors).toEqual([
			'juror-a',
			'juror-c'
		]);
		expect(assignment.short).toEqual([]);
	});

	it('shortlists five of nine, the tie at 55 settled on the 30-point criterion', () => {
		const result = evaluate(shortlisting);
		expect(result.items.map((i) => [i.item, i.total])).toEqual([
			['app-4', 55], // 25 on criterion 1…
			['app-1', 55], // …beats 24
			['app-2', 52],
			['app-6', 48],
			['app-7', 47],
			['app-9', 45],
			['app-3', 43],
			['app-5', 37.5], // scored by a and c only: (+2 − 1) / 2 above the consensus
			['app-8', 32]
		]);
		const app7 = result.items.find((i) => i.item === 'app-7')?.aggregate;
		expect(app7 && [app7.min, app7.max, app7.range, app7.disagreement]).toEqual([42, 57, 15, true]);
		expect(result.items.filter((i) => i.aggregate?.disagreement).map((i) => i.item)).toEqual([
			'app-7'
		]);
		expect(proposeTopK(result.items, 5)).toEqual({
			proposed: ['app-4', 'app-1', 'app-2', 'app-6', 'app-7'],
			tieAtCutoff: false
		});
	});

	it('shows the chair that app-7’s place rests on juror c', () => {
		expect(leaveOneJurorOut(shortlisting, 5)).toEqual({
			robust: false,
			topK: ['app-4', 'app-1', 'app-2', 'app-6', 'app-7'],
			dependsOn: [
				{
					juror: 'juror-c',
					topK: ['app-4', 'app-1', 'app-2', 'app-6', 'app-9'],
					entered: ['app-9'],
					left: ['app-7']
				}
			]
		});
	});

	it('lets the chair follow the proposal, or take a sixth only with reasons', () => {
		const ranked = applicants;
		const proposed = ['app-4', 'app-1', 'app-2', 'app-6', 'app-7'];
		expect(
			checkDecision({ ranked, proposed, k: 5, chosen: proposed, justification: '' })
		).toMatchObject({ ok: true, departs: false });
		const six = [...proposed, 'app-9'];
		expect(checkDecision({ ranked, proposed, k: 5, chosen: six, justification: '' })).toEqual({
			ok: false,
			issues: ['decision_justification_missing']
		});
		expect(
			checkDecision({
				ranked,
				proposed,
				k: 5,
				chosen: six,
				justification: 'app-7 was shortlisted on one juror’s scores; app-9 is close behind.'
			})
		).toMatchObject({ ok: true, departs: true, added: ['app-9'], dropped: [] });
	});

	describe('final tenders', () => {
		// Three of the five submitted a final tender.
		const tenders = [
			{ item: 'app-1', submittedAt: new Date('2020-10-30T09:00:00Z'), price: 480_000 },
			{ item: 'app-2', submittedAt: new Date('2020-10-29T12:00:00Z'), price: 420_000 },
			{ item: 'app-7', submittedAt: new Date('2020-10-30T11:00:00Z'), price: 600_000 }
		];
		const selectionCriteria = stageCriteria(criteria, 'selection');
		const selection = {
			criteria: selectionCriteria,
			items: tenders,
			scorecards: score(
				'selection',
				assignJurors({ items: tenders.map((t) => t.item), jurors, conflicts: [] }).items,
				{
					'app-1': [25, 8, 8, 8, 9], // 58
					'app-2': [21, 7, 8, 9, 7], // 52
					'app-7': [26, 9, 9, 8, 9] // 61
				}
			),
			priceMaxPoints: priceMaxPoints(maxQualityPoints(selectionCriteria), PRICE_SHARE)
		};

		it('scores quality 70 and price 30, and selects two', () => {
			expect(selection.priceMaxPoints).toBe(30);
			const result = evaluate(selection);
			expect(
				result.items.map((i) => [i.item, i.quality, i.price?.toFixed(2), i.total?.toFixed(2)])
			).toEqual([
				['app-1', 58, '26.25', '84.25'], // 420 000 ÷ 480 000 × 30
				['app-7', 61, '21.00', '82.00'], // 420 000 ÷ 600 000 × 30
				['app-2', 52, '30.00', '82.00'] // the lowest price
			]);
			// app-7 and app-2 tie at 82; app-7 has 26 points on criterion 1, app-2 21.
			expect(proposeTopK(result.items, 2)).toEqual({
				proposed: ['app-1', 'app-7'],
				tieAtCutoff: true
			});
		});

		it('is robust: no single juror decides who is selected', () => {
			expect(leaveOneJurorOut(selection, 2)).toEqual({
				robust: true,
				topK: ['app-1', 'app-7']
			});
		});

		it('needs reasons to select app-2 instead', () => {
			const base = {
				ranked: ['app-1', 'app-7', 'app-2'],
				proposed: ['app-1', 'app-7'],
				k: 2,
				chosen: ['app-1', 'app-2']
			};
			expect(checkDecision({ ...base, justification: '' })).toEqual({
				ok: false,
				issues: ['decision_justification_missing']
			});
			expect(
				checkDecision({
					...base,
					justification: 'app-7’s tender was found after scoring to miss minimum requirement 4.'
				})
			).toMatchObject({ ok: true, departs: true, added: ['app-2'], dropped: ['app-7'] });
		});
	});
});
