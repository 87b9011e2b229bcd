import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedChoices, parseChoice, parseListQuery } from './list-filter';
import { keptQuery, withField } from './kept-query';
import { MANAGE_STATUS_CHOICES, manageBack, manageFrom, parseManageQuery } from './manage-filter';

const params = (search: string) => new URLSearchParams(search);

describe('a list query with a prefix (several lists on one page)', () => {
	const CHOICES = ['all', 'missing', 'complete'] as const;

	it('reads only its own fields', () => {
		const address = params('selection-state=missing&selection-q=Lab&state=complete&q=x&page=3');
		expect(parseListQuery(address, CHOICES, 'selection-')).toEqual({
			state: 'missing',
			q: 'Lab',
			page: 1
		});
		expect(parseListQuery(address, CHOICES, 'shortlisting-')).toEqual({
			state: 'all',
			q: '',
			page: 1
		});
	});

	it('is the first choice for a value that is not one, never an error', () => {
		fc.assert(
			fc.property(fc.string(), (value) => {
				const chosen = parseChoice(params(`f=${encodeURIComponent(value)}`), 'f', CHOICES);
				expect(CHOICES).toContain(chosen);
				expect(chosen === value || chosen === 'all').toBe(true);
			})
		);
	});
});

describe("the owner's challenge list query", () => {
	it('keeps a status, a search and a page it knows, else all of it', () => {
		expect(parseManageQuery(params('state=draft&q=+Teko%C3%A4ly+&page=4'))).toEqual({
			state: 'draft',
			q: 'Tekoäly',
			page: 4
		});
		for (const state of MANAGE_STATUS_CHOICES)
			expect(parseManageQuery(params(`state=${state}`)).state).toBe(state);
		expect(parseManageQuery(params('state=closed&page=x'))).toEqual({
			state: 'all',
			q: '',
			page: 1
		});
	});
});

describe('the list query a detail page keeps', () => {
	it('keeps the list fields that are set, in order, and nothing else', () => {
		expect(keptQuery(params('decided=1&q=L%C3%A4b&page=2&state=eligible'))).toBe(
			'?state=eligible&q=L%C3%A4b&page=2'
		);
		expect(keptQuery(params('saved=1&q='))).toBe('');
		expect(keptQuery(params('status=draft&notice=saved'), ['status'])).toBe('?status=draft');
	});

	it('reads back as the same list query', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom('state', 'q', 'page', 'notice'), fc.string()),
				(fields) => {
					const address = new URLSearchParams(fields);
					const kept = new URLSearchParams(keptQuery(address));
					expect(kept.has('notice')).toBe(false);
					expect(parseManageQuery(kept)).toEqual(parseManageQuery(address));
				}
			)
		);
	});

	it('adds a notice after it', () => {
		expect(withField('/a', '?q=lab', 'saved')).toBe('/a?q=lab&saved=1');
		expect(withField('/a', '', 'notice', 'saved')).toBe('/a?notice=saved');
	});
});

describe("a challenge's pages, reached from a narrowed /manage", () => {
	it('carry the list query in one field and link back to that list', () => {
		const from = manageFrom(params('state=draft&q=Teko%C3%A4ly&page=2&notice=x'));
		expect(from).toBe('?from=state%3Ddraft%26q%3DTeko%25C3%25A4ly%26page%3D2');
		expect(manageBack(new URLSearchParams(from))).toBe('/manage?state=draft&q=Teko%C3%A4ly&page=2');
		expect(manageFrom(params('notice=x'))).toBe('');
	});

	it('link back to /manage only, with nothing but its list fields', () => {
		expect(manageBack(params(''))).toBe('/manage');
		expect(manageBack(params('from=%2F%2Fevil.example%26x%3D1'))).toBe('/manage');
		fc.assert(
			fc.property(fc.string(), (value) => {
				const back = manageBack(new URLSearchParams({ from: value }));
				expect(back === '/manage' || back.startsWith('/manage?')).toBe(true);
				const fields = [...new URLSearchParams(back.slice('/manage'.length)).keys()];
				expect(fields.every((f) => ['state', 'q', 'page'].includes(f))).toBe(true);
			})
		);
	});
});

describe('the choices a filter shows', () => {
	it('are in the list’s order, each with its words and count', () => {
		expect(
			countedChoices(MANAGE_STATUS_CHOICES, (c) => c.toUpperCase(), {
				all: 3,
				draft: 1,
				published: 2
			})
		).toEqual([
			{ value: 'all', label: 'ALL', count: 3 },
			{ value: 'draft', label: 'DRAFT', count: 1 },
			{ value: 'published', label: 'PUBLISHED', count: 2 }
		]);
	});
});
