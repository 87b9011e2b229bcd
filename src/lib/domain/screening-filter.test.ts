import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	SCREENING_SEARCH_MAX,
	SCREENING_STATES,
	inScreeningState,
	narrows,
	parseScreeningQuery,
	screeningCountsOf,
	screeningFilterOf
} from './screening-filter';

const parse = (search: string) => parseScreeningQuery(new URLSearchParams(search));

describe("the owner's list query", () => {
	it('is everything on the first page when the address says nothing', () => {
		expect(parse('')).toEqual({ state: 'all', q: '', page: 1 });
	});

	it('keeps a state, a search and a page it knows', () => {
		expect(parse('state=ineligible&q=+%C3%84%C3%A4nekoski+&page=2')).toEqual({
			state: 'ineligible',
			q: 'Äänekoski',
			page: 2
		});
		for (const state of ['all', 'unscreened', 'eligible'] as const)
			expect(parse(`state=${state}`).state).toBe(state);
	});

	it('falls back to all, no search and the first page for a value that is not one', () => {
		expect(parse('state=ELIGIBLE&page=0')).toEqual({ state: 'all', q: '', page: 1 });
		expect(parse('state=&page=2.5').state).toBe('all');
		expect(parse('state=__proto__&page=-1')).toEqual({ state: 'all', q: '', page: 1 });
		expect(parse('page=1e9').page).toBe(1);
		expect(parse(`q=${'a'.repeat(SCREENING_SEARCH_MAX + 1)}`).q).toBe(
			'a'.repeat(SCREENING_SEARCH_MAX)
		);
		expect(parse(`q=${'a'.repeat(SCREENING_SEARCH_MAX)}`).q).toHaveLength(SCREENING_SEARCH_MAX);
	});

	it('takes the first of a repeated field', () => {
		expect(parse('state=eligible&state=ineligible&q=a&q=b')).toMatchObject({
			state: 'eligible',
			q: 'a'
		});
	});

	it('never throws, whatever the address holds', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom('state', 'q', 'page', 'x'), fc.string()),
				(fields) => {
					const query = parseScreeningQuery(new URLSearchParams(fields));
					expect(['all', 'unscreened', 'eligible', 'ineligible']).toContain(query.state);
					expect(Number.isInteger(query.page) && query.page >= 1).toBe(true);
				}
			)
		);
	});
});

describe('the filter asked of the database', () => {
	it('searches folded words: case and accents aside', () => {
		expect(screeningFilterOf({ state: 'all', q: 'ÄÄNEKOSKI  Lab' })).toEqual({
			state: 'all',
			words: ['aanekoski', 'lab']
		});
		expect(screeningFilterOf({ state: 'eligible', q: 'Ærø' }).words).toEqual(['aero']);
	});

	it('has no words for a search of punctuation only, and then narrows only by state', () => {
		const filter = screeningFilterOf({ state: 'all', q: ' – & ' });
		expect(filter.words).toEqual([]);
		expect(narrows(filter)).toBe(false);
		expect(narrows(screeningFilterOf({ state: 'unscreened', q: '' }))).toBe(true);
		expect(narrows(screeningFilterOf({ state: 'all', q: 'x' }))).toBe(true);
	});
});

describe('screening states and their counts', () => {
	it('puts an application with no decision in force under unscreened, a decision under its answer', () => {
		expect(inScreeningState('unscreened', null)).toBe(true);
		expect(inScreeningState('unscreened', false)).toBe(false);
		expect(inScreeningState('eligible', true)).toBe(true);
		expect(inScreeningState('eligible', null)).toBe(false);
		expect(inScreeningState('ineligible', false)).toBe(true);
		expect(inScreeningState('ineligible', null)).toBe(false);
		expect(
			screeningCountsOf([
				{ eligible: null },
				{ eligible: true },
				{ eligible: false },
				{ eligible: true }
			])
		).toEqual({
			all: 4,
			unscreened: 1,
			eligible: 2,
			ineligible: 1
		});
	});

	it('counts every application in exactly one state, and all of them under all', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(true, false, null)), (answers) => {
				const counts = screeningCountsOf(answers.map((eligible) => ({ eligible })));
				expect(counts.unscreened + counts.eligible + counts.ineligible).toBe(answers.length);
				expect(counts.all).toBe(answers.length);
				for (const eligible of answers)
					expect(SCREENING_STATES.filter((s) => inScreeningState(s, eligible))).toHaveLength(1);
			})
		);
	});
});
