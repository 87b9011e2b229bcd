import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import {
	MAX_JUSTIFICATION_LENGTH,
	scoreStepIssue,
	maxQualityPoints,
	stageCriteria,
	toHundredths,
	validateScore,
	validateScorecard
} from './scores';

const criterion = (maxPoints: number, stage: Criterion['stage'] = 'selection'): Criterion => ({
	stage,
	name: { en: `C${maxPoints}` },
	description: {},
	maxPoints
});
const why = 'Clear plan for the pilot.';

describe('toHundredths', () => {
	it('counts whole hundredths and forgives float noise', () => {
		expect(toHundredths(7.5)).toBe(750);
		expect(toHundredths(0.1 + 0.2)).toBe(30);
		expect(toHundredths(3 * 0.1)).toBe(30);
		expect(toHundredths(7.501)).toBeNull();
		expect(toHundredths(Number.NaN)).toBeNull();
		expect(toHundredths(Infinity)).toBeNull();
	});
});

describe('validateScore', () => {
	it('accepts points from 0 to max on the step, with a justification', () => {
		for (const points of [0, 0.5, 7.5, 30]) {
			expect(validateScore({ points, justification: why }, 30)).toEqual([]);
		}
		expect(validateScore({ points: 0.1 + 0.2, justification: why }, 10, 0.1)).toEqual([]);
		expect(validateScore({ points: 4, justification: why }, 10, 2)).toEqual([]);
	});

	it('refuses missing, negative, too high and off-step points', () => {
		const v = (points: number | null, step?: number) =>
			validateScore({ points, justification: why }, 30, step);
		expect(v(null)).toEqual(['score_missing']);
		expect(v(Number.NaN)).toEqual(['score_missing']);
		expect(v(Infinity)).toEqual(['score_missing']);
		expect(v(-0.5)).toEqual(['score_negative']);
		expect(v(30.5)).toEqual(['score_above_max']);
		expect(v(7.3)).toEqual(['score_off_step']);
		expect(v(7.25)).toEqual(['score_off_step']);
		expect(v(7.25, 0.25)).toEqual([]);
		expect(v(5, 2)).toEqual(['score_off_step']);
		expect(v(7.001, 0.01)).toEqual(['score_off_step']);
	});

	it('wants a justification that is not blank and not too long', () => {
		expect(validateScore({ points: 5, justification: ' \n\t ' }, 10)).toEqual([
			'justification_missing'
		]);
		expect(
			validateScore({ points: 5, justification: 'x'.repeat(MAX_JUSTIFICATION_LENGTH + 1) }, 10)
		).toEqual(['justification_too_long']);
		expect(
			validateScore({ points: 5, justification: ` ${'x'.repeat(MAX_JUSTIFICATION_LENGTH)} ` }, 10)
		).toEqual([]);
		expect(validateScore({ points: -1, justification: '' }, 10)).toEqual([
			'score_negative',
			'justification_missing'
		]);
	});

	it('refuses a step that is not a positive number of hundredths', () => {
		for (const step of [0, -0.5, 0.001, Number.NaN]) {
			expect(() => validateScore({ points: 1, justification: why }, 10, step)).toThrow(RangeError);
		}
	});

	it('accepts every multiple of the step up to max (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(0.01, 0.1, 0.25, 0.5, 1, 2),
				fc.integer({ min: 1, max: 100 }),
				fc.nat(),
				(step, max, n) => {
					const steps = Math.floor((max * 100) / Math.round(step * 100));
					const points = (n % (steps + 1)) * step;
					expect(validateScore({ points, justification: why }, max, step)).toEqual([]);
				}
			)
		);
	});
});

describe('validateScorecard', () => {
	const helsinki = [30, 10, 10, 10, 10].map((p) => criterion(p));

	it('returns points in whole hundredths and trimmed justifications', () => {
		const result = validateScorecard(
			helsinki,
			[0.1 + 0.2, 8, 7.5, 6, 10].map((points) => ({ points, justification: `  ${why} ` })),
			0.1
		);
		expect(result).toEqual({
			ok: true,
			value: { points: [0.3, 8, 7.5, 6, 10], justifications: Array(5).fill(why) }
		});
	});

	it('names the criterion of each issue and refuses a card of the wrong length', () => {
		const inputs = [25, 11, 7.5, 6, 10].map((points) => ({ points, justification: why }));
		inputs[3] = { points: 6, justification: '' };
		expect(validateScorecard(helsinki, inputs)).toEqual({
			ok: false,
			issues: [
				{ index: 1, code: 'score_above_max' },
				{ index: 3, code: 'justification_missing' }
			]
		});
		expect(validateScorecard(helsinki, inputs.slice(1))).toEqual({
			ok: false,
			issues: [{ code: 'criteria_count_mismatch' }]
		});
	});
});

describe('stage criteria', () => {
	it('keeps the stage’s criteria in order and adds up their points', () => {
		const all = [criterion(5, 'shortlisting'), criterion(30), criterion(3, 'shortlisting')];
		expect(stageCriteria(all, 'shortlisting').map((c) => c.maxPoints)).toEqual([5, 3]);
		expect(maxQualityPoints(stageCriteria(all, 'selection'))).toBe(30);
	});
});

describe('scoreStepIssue', () => {
	it('refuses a step that does not divide every maximum, naming the first', () => {
		expect(scoreStepIssue(0.5, [20, 10])).toBeNull();
		expect(scoreStepIssue(2.5, [20, 10])).toBeNull();
		expect(scoreStepIssue(10, [20, 10])).toBeNull();
		// The reported cases: 3 cannot reach 10 (nor 20), 1000 leaves nothing but 0.
		expect(scoreStepIssue(3, [20, 10])).toEqual({ code: 'step_not_divisor', index: 0 });
		expect(scoreStepIssue(1000, [20, 10])).toEqual({ code: 'step_not_divisor', index: 0 });
		expect(scoreStepIssue(4, [20, 10])).toEqual({ code: 'step_not_divisor', index: 1 });
		expect(scoreStepIssue(0.3, [30, 7])).toEqual({ code: 'step_not_divisor', index: 1 });
		expect(scoreStepIssue(3, [])).toBeNull();
	});

	it('refuses what is no step at all', () => {
		for (const step of [null, 0, -0.5, 0.001, 1000.01, Number.NaN, Infinity]) {
			expect(scoreStepIssue(step, [10]), String(step)).toEqual({ code: 'bad_step' });
		}
	});

	it('a step it accepts reaches every maximum: validateScore takes each maximum and 0', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 100_000 }),
				fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
				(stepH, maxes) => {
					const step = stepH / 100;
					const issue = scoreStepIssue(step, maxes);
					const reachable = maxes.every(
						(max) => !validateScore({ points: max, justification: 'x' }, max, step).length
					);
					expect(issue === null).toBe(reachable);
				}
			)
		);
	});
});
