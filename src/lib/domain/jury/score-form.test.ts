import { describe, expect, it } from 'vitest';
import {
	declarationFormSchema,
	justificationField,
	pointsField,
	readPoints,
	revisionSchema,
	scoreFormSchema
} from './score-form';

const K = [
	{ id: 'impact', maxPoints: 30 },
	{ id: 'feasibility', maxPoints: 10 }
];
const fields = (a: string, b: string, why = 'ok') => ({
	[pointsField('impact')]: a,
	[justificationField('impact')]: why,
	[pointsField('feasibility')]: b,
	[justificationField('feasibility')]: why
});
const issues = (r: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.success ? [] : r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`));

describe('readPoints', () => {
	it('reads a decimal point or comma, empty as null, anything else as NaN', () => {
		expect(readPoints('7,5')).toBe(7.5);
		expect(readPoints(' 7.5 ')).toBe(7.5);
		expect(readPoints('')).toBeNull();
		expect(readPoints(undefined)).toBeNull();
		expect(readPoints('7e1')).toBeNaN();
		expect(readPoints('seven')).toBeNaN();
	});
});

describe('scoreFormSchema', () => {
	it('lets a draft be unfinished but not wrong', () => {
		expect(scoreFormSchema(K, 0.5, false).parse(fields('', '', ''))).toEqual([
			{ criterion: 'impact', points: null, justification: '' },
			{ criterion: 'feasibility', points: null, justification: '' }
		]);
		expect(issues(scoreFormSchema(K, 0.5, false).safeParse(fields('31', '7.3', '')))).toEqual([
			'points_impact:jury_refusal_score_above_max',
			'points_feasibility:jury_refusal_score_off_step'
		]);
	});

	it('wants every criterion scored and justified to submit, in the database’s words', () => {
		expect(issues(scoreFormSchema(K, 0.5, true).safeParse(fields('', 'x', ' ')))).toEqual([
			'points_impact:jury_refusal_score_missing',
			'justification_impact:jury_refusal_justification_missing',
			'points_feasibility:juror_points_not_a_number',
			'justification_feasibility:jury_refusal_justification_missing'
		]);
		expect(scoreFormSchema(K, 0.5, true).parse(fields('22,5', '10', ' Clear. '))).toEqual([
			{ criterion: 'impact', points: 22.5, justification: 'Clear.' },
			{ criterion: 'feasibility', points: 10, justification: 'Clear.' }
		]);
	});
});

describe('revisionSchema', () => {
	const score = '00000000-0000-4000-8000-000000000001';
	it('needs points that stand, a justification and a reason', () => {
		expect(
			issues(
				revisionSchema(10, 0.5).safeParse({ score, points: '11', justification: '', reason: '' })
			)
		).toEqual([
			'points:jury_refusal_score_above_max',
			'justification:jury_refusal_justification_missing',
			'reason:jury_refusal_reason_missing'
		]);
		expect(
			revisionSchema(10, 0.5).parse({
				score,
				points: '8',
				justification: ' Better. ',
				reason: ' Talked. '
			})
		).toEqual({ score, points: 8, justification: 'Better.', reason: 'Talked.' });
	});
});

describe('declarationFormSchema', () => {
	it('reads the answered items and the confirmation', () => {
		const item = '00000000-0000-4000-8000-000000000002';
		expect(
			declarationFormSchema.parse({ [`conflict_${item}`]: 'yes', conflict_x: '', confirm: 'yes' })
		).toEqual({ declarations: [{ item, conflict: true }], confirmed: true });
		expect(declarationFormSchema.safeParse({ conflict_nope: 'no' }).success).toBe(false);
	});
});
