import { describe, expect, it, vi } from 'vitest';
import { useMemoryStorage } from '$lib/drafts/memory-storage';
import { DraftState, type DraftContent } from './draft-state.svelte';

const KEY = 'talkoot:draft:a1';
const rendered: DraftContent = {
	ideas: [{ position: 1, title: 'Chat', problem: 'Queues', idea: 'A chat', value: 'Faster' }],
	answers: [],
	lang: 'fi'
};

describe('DraftState at the start of the page', () => {
	const storage = useMemoryStorage();

	it('puts a copy kept over the same version back and saves it', () => {
		const kept = structuredClone(rendered);
		kept.ideas[0].idea = 'Typed before the crash';
		storage.items().set(KEY, JSON.stringify({ ...kept, version: 3 }));
		const draft = new DraftState('a1', 3, structuredClone(rendered), 'failed');
		draft.restore();
		expect(draft.ideas[0].idea).toBe('Typed before the crash');
		expect(draft.unsaved).toBe(true);
	});

	it('keeps and saves text typed before the page came alive, over a copy kept before', async () => {
		const kept = structuredClone(rendered);
		kept.ideas[0].idea = 'Older typing';
		storage.items().set(KEY, JSON.stringify({ ...kept, version: 3 }));
		const put = vi.fn(async () => new Response(null, { status: 503 }));
		vi.stubGlobal('fetch', put);
		vi.stubGlobal('window', { addEventListener: () => {} });
		const draft = new DraftState('a1', 3, structuredClone(rendered), 'failed');
		// What bind:value does at hydration with a field typed into before it.
		draft.ideas[0].idea = 'Typed while the page loaded';
		draft.restore();
		expect(draft.ideas[0].idea).toBe('Typed while the page loaded');
		expect(draft.unsaved).toBe(true);
		expect(JSON.parse(storage.items().get(KEY)!).ideas[0].idea).toBe('Typed while the page loaded');
		await vi.runAllTimersAsync();
		expect(put).toHaveBeenCalledTimes(1);
	});

	it('does nothing when nothing was typed and nothing kept', () => {
		const draft = new DraftState('a1', 3, structuredClone(rendered), 'failed');
		draft.restore();
		expect(draft.unsaved).toBe(false);
		expect(storage.items().has(KEY)).toBe(false);
	});
});
