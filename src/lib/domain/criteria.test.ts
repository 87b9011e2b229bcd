import { describe, expect, it } from 'vitest';
import { criteriaTotals, uncoveredStages, validateCriteria, type Criterion } from './criteria';

const c = (
	name: string,
	maxPoints: number,
	stage: Criterion['stage'] = 'selection'
): Criterion => ({
	stage,
	name: { en: name },
	description: {},
	maxPoints
});

// The City of Helsinki's final call for tenders: qualitative assessment, 70 points.
const helsinki = [
	c('Compliance with the objectives and innovativeness', 30),
	c('Integrability of the solution', 10),
	c('Professional expertise of team members', 10),
	c('Project management in a multi-producer environment', 10),
	c('Product development expertise and social responsibility', 10)
];

describe('evaluation criteria', () => {
	it('add up per stage', () => {
		expect(criteriaTotals(helsinki)).toEqual({ shortlisting: 0, selection: 70 });
		expect(criteriaTotals([...helsinki, c('Team', 5, 'shortlisting')])).toEqual({
			shortlisting: 5,
			selection: 70
		});
	});

	it('are valid as the Helsinki case has them, with a 30 % price share', () => {
		expect(validateCriteria(helsinki, 30)).toEqual([]);
	});

	it('refuse zero, negative and fractional points, and a nameless criterion', () => {
		expect(
			validateCriteria([c('Zero', 0), c('Negative', -5), c('Half', 2.5), c('', 3)], null)
		).toEqual([
			{ index: 0, code: 'points_not_positive' },
			{ index: 1, code: 'points_not_positive' },
			{ index: 2, code: 'points_not_whole' },
			{ index: 3, code: 'name_missing' }
		]);
	});

	it('refuse a bad price share but save a stage without criteria (publishing warns)', () => {
		expect(validateCriteria(helsinki, 100)).toEqual([{ code: 'price_share_out_of_range' }]);
		expect(uncoveredStages(helsinki, ['shortlisting', 'selection'])).toEqual(['shortlisting']);
		expect(uncoveredStages(helsinki, ['selection'])).toEqual([]);
	});
});
