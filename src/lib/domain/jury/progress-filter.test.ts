import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFilterOf } from '$lib/domain/list-filter';
import {
	PROGRESS_CHOICES,
	narrowProgress,
	parseProgressQuery,
	progressIs,
	type ProgressRow
} from './progress-filter';

const row = (teamName: string, submitted: number, expected: number, conflicted: string[] = []) => ({
	teamName,
	submitted,
	expected,
	conflicted
});
const ROWS = [
	row('Äänekoski Lab', 2, 2),
	row('Ähtäri Works', 1, 2, ['Juho']),
	row('Zeta', 0, 0),
	row('Porvoo Crew', 1, 1, ['Anna'])
];
const filter = (state: (typeof PROGRESS_CHOICES)[number], q = '') => listFilterOf({ state, q });

describe("the chair's progress table, narrowed", () => {
	it('reads each stage’s own fields from the address', () => {
		const params = new URLSearchParams('selection-state=missing&shortlisting-q=lab&state=complete');
		expect(parseProgressQuery(params, 'selection')).toEqual({ state: 'missing', q: '', page: 1 });
		expect(parseProgressQuery(params, 'shortlisting')).toEqual({ state: 'all', q: 'lab', page: 1 });
	});

	it('tells items with scores missing from those every juror has scored', () => {
		const names = (state: (typeof PROGRESS_CHOICES)[number]) =>
			narrowProgress(ROWS, filter(state)).rows.map((r) => r.teamName);
		expect(names('missing')).toEqual(['Ähtäri Works', 'Zeta']);
		expect(names('complete')).toEqual(['Äänekoski Lab', 'Porvoo Crew']);
		expect(names('conflicted')).toEqual(['Ähtäri Works', 'Porvoo Crew']);
		expect(names('all')).toEqual(ROWS.map((r) => r.teamName));
	});

	it('searches team names case and accents aside, and counts each choice among what it finds', () => {
		const found = narrowProgress(ROWS, filter('all', 'AHTARI'));
		expect(found.rows.map((r) => r.teamName)).toEqual(['Ähtäri Works']);
		expect(found.found).toEqual({ all: 1, missing: 1, complete: 0, conflicted: 1 });
		expect(narrowProgress(ROWS, filter('complete', 'ahtari')).rows).toEqual([]);
	});

	it('splits every item into missing or complete, and keeps the table’s order', () => {
		const arbitraryRow: fc.Arbitrary<ProgressRow> = fc.record({
			teamName: fc.string(),
			expected: fc.nat(5),
			submitted: fc.nat(5),
			conflicted: fc.array(fc.string(), { maxLength: 2 })
		});
		fc.assert(
			fc.property(fc.array(arbitraryRow), fc.string(), (rows, q) => {
				const { found } = narrowProgress(rows, filter('all', q));
				expect(found.missing + found.complete).toBe(found.all);
				for (const choice of PROGRESS_CHOICES) {
					const narrowed = narrowProgress(rows, filter(choice, q)).rows;
					expect(narrowed.length).toBe(found[choice]);
					expect(narrowed.every((r) => progressIs(r, choice))).toBe(true);
					// A subsequence: the rows in the table's order.
					let at = 0;
					for (const r of narrowed) at = rows.indexOf(r, at) + 1;
					expect(at).toBeGreaterThanOrEqual(narrowed.length);
				}
			})
		);
	});
});
