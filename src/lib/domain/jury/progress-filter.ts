import { foldForSearch } from '$lib/domain/search';
import { parseListQuery, type ListFilter, type ListQuery } from '$lib/domain/list-filter';

/**
 * A choice of the chair's progress table of a stage (which items each juror has scored):
 * every item; those with scores still to come (an item no juror scores yet among them);
 * those every assigned juror free of conflict has submitted; those with a conflict declared.
 */
export const PROGRESS_CHOICES = ['all', 'missing', 'complete', 'conflicted'] as const;
export type ProgressChoice = (typeof PROGRESS_CHOICES)[number];
export type ProgressFilter = ListFilter<ProgressChoice>;

/** What the table needs of an item's progress (chair.ts ItemProgress). */
export interface ProgressRow {
	teamName: string;
	/** Jurors assigned and free of conflict, and how many of them submitted. */
	expected: number;
	submitted: number;
	conflicted: readonly string[];
}

/**
 * The field names of a stage's table in the address: the chair's page holds a table per
 * stage, so each has its own ("shortlisting-state", "shortlisting-q").
 */
export const progressFields = (stage: string) => ({
	prefix: `${stage}-`,
	state: `${stage}-state`,
	q: `${stage}-q`,
	page: `${stage}-page`
});

/** Rows a page of a stage's progress table holds. */
export const PROGRESS_PAGE_SIZE = 50;

/** A stage's table as the address asks for it (parseListQuery with the stage's prefix). */
export const parseProgressQuery = (
	params: URLSearchParams,
	stage: string
): ListQuery<ProgressChoice> =>
	parseListQuery(params, PROGRESS_CHOICES, progressFields(stage).prefix);

/** Whether an item's progress is the choice's. */
export function progressIs(row: ProgressRow, choice: ProgressChoice): boolean {
	const complete = row.expected > 0 && row.submitted >= row.expected;
	switch (choice) {
		case 'all':
			return true;
		case 'missing':
			return !complete;
		case 'complete':
			return complete;
		case 'conflicted':
			return row.conflicted.length > 0;
	}
}

/** Whether an item's team name holds every word (folded, as foldForSearch; none: every name). */
const nameHolds = (row: ProgressRow, words: readonly string[]) => {
	const name = foldForSearch(row.teamName);
	return words.every((w) => name.includes(w));
};

/**
 * The rows of a stage's table `filter` lets through, in their order, and how many of the
 * rows the search finds there are of each choice. The whole stage is read anyway (each
 * juror's totals need every pair), so the table is narrowed here, not in SQL, and the
 * page shows one page of it (pageOf, PROGRESS_PAGE_SIZE).
 */
export function narrowProgress<R extends ProgressRow>(
	rows: readonly R[],
	filter: ProgressFilter
): { rows: R[]; found: Record<ProgressChoice, number> } {
	const found = rows.filter((r) => nameHolds(r, filter.words));
	return {
		rows: found.filter((r) => progressIs(r, filter.state)),
		found: Object.fromEntries(
			PROGRESS_CHOICES.map((c) => [c, found.filter((r) => progressIs(r, c)).length])
		) as Record<ProgressChoice, number>
	};
}
