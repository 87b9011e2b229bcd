import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For the editors' unit tests: before each test, a fresh in-memory `localStorage` (the
 * store LocalCopy writes to) and fake timers (the autosave's debounce); after it, both
 * undone. Returns the stored items by key, read through `items()` (a new Map each test).
 */
export function useMemoryStorage(): { items: () => Map<string, string> } {
	let items = new Map<string, string>();
	beforeEach(() => {
		items = new Map();
		vi.stubGlobal('localStorage', {
			getItem: (k: string) => items.get(k) ?? null,
			setItem: (k: string, v: string) => void items.set(k, v),
			removeItem: (k: string) => void items.delete(k)
		});
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});
	return { items: () => items };
}
