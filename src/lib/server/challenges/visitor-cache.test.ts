import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	forgetVisitorViews,
	postMayChangeVisitorViews,
	visitorAmendments,
	visitorAnswers,
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

	it('reads once for the readers who arrive while a view is read, and afresh after a change', async () => {
		let finish!: (v: string) => void;
		const load = vi.fn(() => new Promise<string>((r) => (finish = r)));
		const readers = [1, 2, 3].map(() => visitorList('fi', { page: 1 }, load));
		finish('first');
		expect(await Promise.all(readers)).toEqual(['first', 'first', 'first']);
		expect(load).toHaveBeenCalledTimes(1);
		// Answers are kept per challenge and page.
		const shown = { answered: { items: [], page: 1, pages: 1, total: 0 }, answers: {} };
		const answers = vi.fn(async () => shown);
		await Promise.all([visitorAnswers('slug', 1, answers), visitorAnswers('slug', 1, answers)]);
		await visitorAnswers('slug', 2, answers);
		expect(answers).toHaveBeenCalledTimes(2);
		// A change while a read is under way: who comes later reads again, and that is kept.
		let late!: (v: Record<string, string>) => void;
		const before = visitorAmendments('slug', 'fi', () => new Promise((r) => (late = r)));
		forgetVisitorViews();
		const after = visitorAmendments('slug', 'fi', async () => ({ a: 'fresh' }));
		late({ a: 'stale' });
		expect([await before, await after]).toEqual([{ a: 'stale' }, { a: 'fresh' }]);
		expect(await visitorAmendments('slug', 'fi', async () => ({ a: 'again' }))).toEqual({
			a: 'fresh'
		});
		// A read that fails fails its readers, and the next one reads again.
		const failing = visitorView('gone', () => Promise.reject(new Error('down')));
		await expect(failing).rejects.toThrow('down');
		expect(await visitorView('gone', async () => null)).toBeNull();
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
