import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages';
import Pagination from './Pagination.svelte';

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/challenges?q=water') } }));

/** The server-rendered HTML of a Pagination with these props. */
const html = (props: { page: number; pages: number; range?: string; label?: string }) =>
	render(Pagination, { props }).body;

describe('Pagination', () => {
	it('shows a list of one page as its range, with no empty navigation landmark', () => {
		const body = html({ page: 1, pages: 1, range: '1–7 of 7' });
		expect(body).not.toContain('<nav');
		expect(body).toMatch(/<p[^>]*>1–7 of 7<\/p>/);
	});

	it('shows nothing for one page when there is no range to say', () => {
		expect(html({ page: 1, pages: 1 })).not.toMatch(/<(nav|p)\b/);
	});

	it('links the other pages in a navigation named by its label, keeping the filters', () => {
		const body = html({ page: 2, pages: 3, range: '8–14 of 20', label: 'Pages: Feedback' });
		expect(body).toMatch(/<nav[^>]*aria-label="Pages: Feedback"/);
		expect(body).toContain('href="?q=water&amp;page=1" rel="prev"');
		expect(body).toContain('href="?q=water&amp;page=3" rel="next"');
		expect(body).toContain('8–14 of 20');
	});

	it('names its navigation "Pages" when the page holds one list', () => {
		expect(html({ page: 1, pages: 2 })).toContain(`aria-label="${m.list_pages()}"`);
	});
});
