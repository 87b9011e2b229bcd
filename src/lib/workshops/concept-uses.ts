import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/domain/locale';

/** A concept building on a note or cluster of a board (src/lib/server/concepts.ts conceptUsesInWorkshop). */
export interface ConceptUse {
	boardId: string;
	elementId: string;
	kind: 'board_note' | 'board_cluster';
	conceptId: string;
	/** The concept's current title ('' before its first save). */
	title: string;
	/** The concept's language: its team's working language. */
	lang: Locale;
}

/** The concepts building on one element of one board, in the order read. */
export type UsesOf = (boardId: string, elementId: string) => ConceptUse[];

const KEY = Symbol('concept-uses');

/**
 * Indexes the uses the page loaded once (not per socket event) by board and element, so a
 * note asks for its own in constant time however often the board changes.
 */
export function indexUses(uses: ConceptUse[]): Map<string, ConceptUse[]> {
	const index = new Map<string, ConceptUse[]>();
	for (const u of uses) {
		const key = `${u.boardId}:${u.elementId}`;
		const list = index.get(key);
		if (list) list.push(u);
		else index.set(key, [u]);
	}
	return index;
}

/** The page gives the board's notes and clusters their lineage; `uses` reads the latest load. */
export function setConceptUses(uses: () => Map<string, ConceptUse[]>) {
	setContext<UsesOf>(KEY, (boardId, elementId) => uses().get(`${boardId}:${elementId}`) ?? []);
}

/** What the page set, or no uses (a board shown outside the workshop page). */
export const useConceptUses = (): UsesOf => getContext<UsesOf>(KEY) ?? (() => []);
