import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedChoices, LIST_SEARCH_MAX, parseChoice, parseListQuery } from './list-filter';
import { backTo, fromQuery, keptFrom, keptQuery, listSearch, withField } from './kept-query';
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

describe('a search too long for the box', () => {
	const CHOICES = ['all'] as const;

	it('reads as its first LIST_SEARCH_MAX characters, trimmed, not as no search', () => {
		const long = `  Tekoäly ${'x'.repeat(LIST_SEARCH_MAX)}`;
		expect(parseListQuery(params(`q=${encodeURIComponent(long)}`), CHOICES).q).toBe(
			long.trim().slice(0, LIST_SEARCH_MAX)
		);
		expect(listSearch(`${'a'.repeat(LIST_SEARCH_MAX - 1)} b`)).toBe(
			'a'.repeat(LIST_SEARCH_MAX - 1)
		);
		// An emoji is not cut in half.
		expect(listSearch(`${'a'.repeat(LIST_SEARCH_MAX - 1)}😀`)).toBe(
			'a'.repeat(LIST_SEARCH_MAX - 1)
		);
		expect(listSearch(null)).toBe('');
	});

	it('is always at most the limit and a prefix of the trimmed search', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 400, size: 'max' }), (typed) => {
				const read = parseListQuery(params(`q=${encodeURIComponent(typed)}`), CHOICES).q;
				expect(read.length).toBeLessThanOrEqual(LIST_SEARCH_MAX);
				expect(typed.trim().startsWith(read)).toBe(true);
				if (typed.trim().length <= LIST_SEARCH_MAX) expect(read).toBe(typed.trim());
				else expect(read.length).toBeGreaterThan(0);
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

	it('keeps each field as the list reads it, never junk', () => {
		const long = 'x'.repeat(LIST_SEARCH_MAX + 50);
		expect(keptQuery(params(`state=draft&q=++${long}&page=007`))).toBe(
			`?state=draft&q=${'x'.repeat(LIST_SEARCH_MAX)}&page=7`
		);
		for (const page of ['0', '-3', '2.5', 'x', '100001', '1e9', '1'])
			expect(keptQuery(params(`page=${page}`))).toBe('');
		expect(keptQuery(params('page=100000'))).toBe('?page=100000');
		expect(keptQuery(params('q=+++&state='))).toBe('');
		expect(keptQuery(params(`state=${'a'.repeat(101)}`))).toBe('');
		expect(keptQuery(params(`org-q=${long}&org-page=x`), ['org-q', 'org-page'])).toBe(
			`?org-q=${'x'.repeat(LIST_SEARCH_MAX)}`
		);
	});

	it('keeps a list address of bounded length whatever the address holds', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom('state', 'q', 'page', 'from', 'x-q'),
					fc.string({ maxLength: 2000 })
				),
				(fields) => {
					const address = new URLSearchParams(fields);
					for (const kept of [
						keptQuery(address, ['state', 'q', 'page', 'x-q']),
						fromQuery(address),
						keptFrom(address),
						backTo('/manage', address)
					]) {
						expect(decodeURIComponent(kept.replaceAll('+', ' ')).length).toBeLessThan(2000);
						for (const [field, value] of new URLSearchParams(kept.split('?')[1] ?? '')) {
							expect(value).not.toBe('');
							if (field === 'page') expect(value).toMatch(/^[1-9]\d{0,5}$/);
							if (field.endsWith('q')) expect(value.length).toBeLessThanOrEqual(LIST_SEARCH_MAX);
						}
					}
				}
			)
		);
	});

	it('carries normalised fields in `from`, and links back with them', () => {
		const from = fromQuery(params(`q=${'y'.repeat(300)}&page=abc&state=draft`));
		expect(new URLSearchParams(new URLSearchParams(from).get('from')!).get('q')).toHaveLength(
			LIST_SEARCH_MAX
		);
		expect(
			keptFrom(params(`from=${encodeURIComponent(`page=0&q=${'z'.repeat(300)}&junk=`)}`))
		).toBe(`?from=${encodeURIComponent(`q=${'z'.repeat(LIST_SEARCH_MAX)}`)}`);
		expect(keptFrom(params('from=page%3D0'))).toBe('');
		expect(backTo('/manage', params(`from=${encodeURIComponent('q=+lab+&page=99999999')}`))).toBe(
			'/manage?q=lab'
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
