import { EVALUATED_STAGES, type EvaluatedStage, type Stage } from './stages';
import type { LocalizedText } from './locale';
import { isBlank } from './text';

export interface Criterion {
	stage: EvaluatedStage;
	name: LocalizedText;
	description: LocalizedText;
	maxPoints: number;
}

export type CriteriaIssue =
	| { index: number; code: 'points_not_positive' | 'points_not_whole' | 'name_missing' }
	| { code: 'price_share_out_of_range' };

export const MAX_POINTS_PER_CRITERION = 1000;

/** Points per evaluated stage, e.g. the Helsinki case: selection 70 quality points. */
export function criteriaTotals(criteria: Criterion[]): Record<EvaluatedStage, number> {
	const totals = { shortlisting: 0, selection: 0 };
	for (const c of criteria) totals[c.stage] += c.maxPoints;
	return totals;
}

/**
 * Every criterion has a name and a whole positive number of points (at most
 * MAX_POINTS_PER_CRITERION); a price share is 0–99 %. Whether each evaluated stage has
 * criteria is not a refusal here: a half-written set is saved, and publishing warns
 * (uncoveredStages, publishWarnings) (issue 12: the Helsinki criteria took three refused
 * saves). The database's private.publish_problems holds the same refusals.
 */
export function validateCriteria(
	criteria: Criterion[],
	priceShare: number | null
): CriteriaIssue[] {
	const issues: CriteriaIssue[] = [];
	criteria.forEach((c, index) => {
		if (Object.values(c.name).every((v) => isBlank(v)))
			issues.push({ index, code: 'name_missing' });
		if (!Number.isInteger(c.maxPoints)) issues.push({ index, code: 'points_not_whole' });
		else if (c.maxPoints <= 0 || c.maxPoints > MAX_POINTS_PER_CRITERION) {
			issues.push({ index, code: 'points_not_positive' });
		}
	});
	if (priceShare !== null && (!Number.isInteger(priceShare) || priceShare < 0 || priceShare > 99)) {
		issues.push({ code: 'price_share_out_of_range' });
	}
	return issues;
}

/** The evaluated stages in the timetable (stagesInUse) that no criterion scores. */
export function uncoveredStages(
	criteria: Criterion[],
	stagesInUse: readonly Stage[]
): EvaluatedStage[] {
	return EVALUATED_STAGES.filter(
		(stage) => stagesInUse.includes(stage) && !criteria.some((c) => c.stage === stage)
	);
}
