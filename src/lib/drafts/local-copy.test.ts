import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { LocalCopy } from './local-copy';

/** A browser's localStorage, in memory; `full` makes every write fail as a full quota does. */
function fakeStorage(full = false) {
	const items = new Map<string, string>();
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => {
			if (full) throw new DOMException('quota', 'QuotaExceededError');
			items.set(k, v);
		},
		removeItem: (k: string) => void items.delete(k),
		items
	};
}

describe('LocalCopy', () => {
	let storage: ReturnType<typeof fakeStorage>;
	beforeEach(() => {
		storage = fakeStorage();
		vi.stubGlobal('localStorage', storage);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('gives back what was written, with its version, until cleared', () => {
		fc.assert(
			fc.property(fc.nat(), fc.dictionary(fc.string(), fc.string()), (version, fields) => {
				const copy = new LocalCopy<{ fields: Record<string, string> }>('k');
				copy.write(version, { fields });
				expect(copy.read()).toEqual({ fields, version });
				copy.clear();
				expect(copy.read()).toBeNull();
			})
		);
	});

	it('keeps the application draft format (flat, version beside the content)', () => {
		new LocalCopy<{ ideas: string[] }>('talkoot:draft:x').write(3, { ideas: ['a'] });
		expect(JSON.parse(storage.items.get('talkoot:draft:x')!)).toEqual({ ideas: ['a'], version: 3 });
	});

	it('reads nothing from a broken or foreign entry', () => {
		storage.items.set('k', '{not json');
		expect(new LocalCopy('k').read()).toBeNull();
		storage.items.set('k', '"text"');
		expect(new LocalCopy('k').read()).toBeNull();
		storage.items.set('k', '{"version": "1"}');
		expect(new LocalCopy('k').read()).toBeNull();
	});

	it('throws nothing when the browser keeps nothing (private mode, full quota)', () => {
		vi.stubGlobal('localStorage', fakeStorage(true));
		const copy = new LocalCopy<{ a: number }>('k');
		expect(() => copy.write(1, { a: 1 })).not.toThrow();
		expect(copy.read()).toBeNull();
		expect(() => copy.clear()).not.toThrow();
	});
});
