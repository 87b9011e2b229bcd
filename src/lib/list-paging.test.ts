import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

/**
 * Issue 16: a list that grows with the platform is filtered and paged by the database,
 * and says what it shows ("Showing 1–50 of 1,234"); nothing is cut silently. This scan
 * keeps a new silent cut or an unpaged filtered list from slipping in: each is either
 * paged or listed below with why not.
 */

/**
 * SQL cut at a fixed number of rows (`limit 200`), by file, with why the cut is no list a
 * person reads whole or, where it is, that it is a known leftover of issue 16.
 */
const FIXED_LIMITS: Record<string, string> = {};

/**
 * Pages that narrow a list (ListFilter) without pages, with why. The rest show Pagination
 * with the range they show.
 */
const FILTERED_UNPAGED: Record<string, string> = {};

describe('long lists', () => {
	it('no query is cut at a fixed number of rows unless it says why', () => {
		const cut = sourceFiles('src/lib/server', /\.ts$/).filter((file) =>
			/\blimit\s+(?!1\b)\d+/i.test(readFileSync(file, 'utf8'))
		);
		expect(cut.sort()).toEqual(Object.keys(FIXED_LIMITS).sort());
	});

	it('every filtered list is paged and says what it shows, unless it says why not', () => {
		const unpaged = sourceFiles('src/routes', /\.svelte$/).filter((file) => {
			const source = readFileSync(file, 'utf8');
			return source.includes('<ListFilter') && !/<Pagination[^>]*(\brange=|{range})/s.test(source);
		});
		expect(unpaged.sort()).toEqual(Object.keys(FILTERED_UNPAGED).sort());
	});

	it('every paged list says what it shows', () => {
		const bare = sourceFiles('src/routes', /\.svelte$/).filter((file) => {
			const source = readFileSync(file, 'utf8');
			return /<Pagination(?![^>]*(\brange=|{range}))[^>]*>/s.test(source);
		});
		expect(bare).toEqual([]);
	});

	it('a navigation of pages is only shown when there are pages to go to', () => {
		// An empty navigation landmark is announced by screen readers: each hand-made
		// previous/next nav (and Pagination's) sits right inside an {#if} that leaves it out
		// on a list of one page (Pagination.test.ts checks its own condition).
		const unguarded = sourceFiles('src', /\.svelte$/).filter((file) => {
			const source = readFileSync(file, 'utf8');
			return [...source.matchAll(/<nav\b[\s\S]*?<\/nav>/g)]
				.filter(([nav]) => /rel="(prev|next)"|previous|\bnext\b/i.test(nav))
				.some(({ index }) => {
					const before = source.slice(0, index).trimEnd().split('\n').at(-1) ?? '';
					return !before.trim().startsWith('{#if');
				});
		});
		expect(unguarded).toEqual([]);
	});

	it("a page with several paged lists names each list's navigation", () => {
		const unnamed = sourceFiles('src', /\.svelte$/).filter((file) => {
			const tags = readFileSync(file, 'utf8').match(/<Pagination\b[^>]*>/g) ?? [];
			return tags.length > 1 && tags.some((tag) => !/\blabel=/.test(tag));
		});
		expect(unnamed).toEqual([]);
	});
});
