import { describe, expect, it, vi } from 'vitest';
import { useMemoryStorage } from '$lib/drafts/memory-storage';
import { ConceptDraft, type TypedConcept } from './concept-draft.svelte';

const KEY = 'talkoot:concept:c1';
const saved: TypedConcept = {
	title: 'Chat',
	summary: 'Saved summary',
	description: 'Saved description',
	plan: '',
	budget: [{ item: 'Build', euros: '100,00' }]
};
const messages = { fallback: 'failed', badAmount: 'bad' };
const fresh = (version = 2) => new ConceptDraft('c1', version, structuredClone(saved), messages);

describe('ConceptDraft keeps unsaved text in the browser', () => {
	const storage = useMemoryStorage();

	it('keeps a copy of every edit over the version it was typed on', () => {
		const draft = fresh();
		draft.fields.summary = 'Typed, not saved';
		draft.changed();
		expect(JSON.parse(storage.items().get(KEY)!)).toMatchObject({
			version: 2,
			summary: 'Typed, not saved'
		});
	});

	it('puts a copy over the same version back, unsaved, and discards it on request', () => {
		storage
			.items()
			.set(KEY, JSON.stringify({ ...saved, summary: 'Typed before the crash', version: 2 }));
		const draft = fresh();
		draft.restore();
		expect(draft.restored).toBe(true);
		expect(draft.unsaved).toBe(true);
		expect(draft.fields.summary).toBe('Typed before the crash');
		draft.discardRestored();
		expect(draft.fields).toEqual(saved);
		expect(draft.unsaved).toBe(false);
		expect(storage.items().has(KEY)).toBe(false);
	});

	it('only shows a copy over an older version, replacing nothing', () => {
		storage.items().set(KEY, JSON.stringify({ ...saved, summary: 'Old typing', version: 1 }));
		const draft = fresh();
		draft.restore();
		expect(draft.restored).toBe(false);
		expect(draft.orphan?.summary).toBe('Old typing');
		expect(draft.fields).toEqual(saved);
		draft.discardOrphan();
		expect(storage.items().has(KEY)).toBe(false);
	});

	it('forgets a copy the server already has, and a broken one restores nothing', () => {
		storage.items().set(KEY, JSON.stringify({ ...saved, version: 2 }));
		fresh().restore();
		expect(storage.items().has(KEY)).toBe(false);
		storage.items().set(KEY, '{broken');
		const draft = fresh();
		draft.restore();
		expect(draft.restored).toBe(false);
		expect(draft.orphan).toBeNull();
	});

	it('keeps and saves text typed before the page came alive, over a copy kept before', async () => {
		storage.items().set(KEY, JSON.stringify({ ...saved, summary: 'Older typing', version: 2 }));
		const put = vi.fn(async () => new Response(null, { status: 503 }));
		vi.stubGlobal('fetch', put);
		vi.stubGlobal('window', { addEventListener: () => {} });
		const draft = fresh();
		// What bind:value does at hydration with a field typed into before it.
		draft.fields.plan = 'Typed while the page loaded';
		draft.restore();
		expect(draft.restored).toBe(false);
		expect(draft.unsaved).toBe(true);
		expect(draft.fields.plan).toBe('Typed while the page loaded');
		expect(JSON.parse(storage.items().get(KEY)!)).toMatchObject({
			plan: 'Typed while the page loaded'
		});
		await vi.runAllTimersAsync();
		expect(put).toHaveBeenCalledTimes(1);
	});
});
