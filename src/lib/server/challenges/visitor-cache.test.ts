import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	forgetVisitorViews,
	postMayChangeVisitorViews,
	visitorList,
	visitorView
} from './visitor-cache';

afterEach(() => {
	vi.useRealTimers();
	forgetVisitorViews();
});

describe('visitor cache', () => {
	it('keeps a list per locale and filters for ten seconds', async () => {
		vi.useFakeTimers();
		const load = vi.fn(async () => ({ items: [1, 2] }));
		expect(await visitorList('fi', { page: 1 }, load)).toEqual({ items: [1, 2] });
		await visitorList('fi', { page: 1 }, load);
		expect(load).toHaveBeenCalledTimes(1);
		await visitorList('sv', { page: 1 }, load);
		await visitorList('fi', { page: 2 }, load);
		expect(load).toHaveBeenCalledTimes(3);
		vi.advanceTimersByTime(10_000);
		await visitorList('fi', { page: 1 }, load);
		expect(load).toHaveBeenCalledTimes(4);
	});

	it('forgets every list and challenge at a change, and keeps nothing read during one', async () => {
		const list = vi.fn(async () => 'list');
		const page = vi.fn(async () => null);
		await visitorList('fi', {}, list);
		await visitorView('slug', page);
		forgetVisitorViews();
		await visitorList('fi', {}, list);
		await visitorView('slug', page);
		expect([list.mock.calls.length, page.mock.calls.length]).toEqual([2, 2]);
		// A change lands while the list is read: that read is not kept.
		await visitorList('en', {}, async () => {
			forgetVisitorViews();
			return 'stale';
		});
		expect(await visitorList('en', {}, async () => 'fresh')).toBe('fresh');
	});

	it('keeps a list and a challenge apart even under the same name', async () => {
		await visitorView('x', async () => null);
		expect(await visitorList('x', 'x', async () => 'list')).toBe('list');
	});
});

describe('which posts empty the visitor views', () => {
	it("keeps them over a team's private work and empties them for anything else", () => {
		for (const route of [
			'/applications/[id=uuid]',
			'/concepts/[id=uuid]/versions',
			'/workshops/[id=uuid]',
			'/uploads/[key=filekey]',
			'/auth/sign-in'
		])
			expect(postMayChangeVisitorViews(route), route).toBe(false);
		for (const route of [
			'/manage/challenges/[id=uuid]',
			'/challenges/[slug=slug]',
			'/organisations/[slug=slug]',
			'/account/erase',
			'/applicationsx',
			'/'
		])
			expect(postMayChangeVisitorViews(route), route).toBe(true);
		expect(postMayChangeVisitorViews(null)).toBe(false);
	});
});
