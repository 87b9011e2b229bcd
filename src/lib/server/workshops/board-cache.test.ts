import { describe, expect, it } from 'vitest';
import { emptyBoard } from '$lib/domain/board';
import { BoardCache } from './board-state';

const at = (seq: number) => ({ ...emptyBoard(), seq });

describe('the board cache', () => {
	it('answers only for the sequence number still stored', () => {
		const cache = new BoardCache();
		cache.set('a', at(7));
		expect(cache.get('a', 7)?.seq).toBe(7);
		// Another instance stored an op since: the board must be read again.
		expect(cache.get('a', 8)).toBeUndefined();
		cache.forget('a');
		expect(cache.get('a', 7)).toBeUndefined();
	});

	it('lets the board written longest ago go first when full', () => {
		const cache = new BoardCache(2);
		cache.set('a', at(1));
		cache.set('b', at(1));
		cache.set('a', at(2));
		cache.set('c', at(1));
		expect(cache.get('b', 1)).toBeUndefined();
		expect(cache.get('a', 2)?.seq).toBe(2);
		expect(cache.get('c', 1)?.seq).toBe(1);
	});
});
