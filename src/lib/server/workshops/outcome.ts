import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';
import type { OutcomeBoard } from '$lib/domain/workshop-outcome';
import { workshopById, workshopPeople } from './list';
import { loadBoard } from './board-state';
import { workshopBoards } from './schedule';

/**
 * What the caller may take away from a workshop: the boards RLS lets them see (in
 * negotiation mode a team sees only its own), and the names of those taking part.
 * Undefined when the workshop is hidden from the caller.
 */
export async function loadOutcome(tx: Queryable, workshopId: string, locale: Locale) {
	const workshop = await workshopById(tx, workshopId);
	if (!workshop) return undefined;
	const [found, people] = await Promise.all([
		workshopBoards(tx, workshopId, locale),
		workshopPeople(tx, workshopId, locale)
	]);
	const boards: OutcomeBoard[] = [];
	for (const b of found) {
		const state = await loadBoard(tx, b.id);
		if (state) boards.push({ teamName: b.teamName, state });
	}
	return {
		workshop,
		boards,
		names: Object.fromEntries(people.map((p) => [p.userId, p.name]))
	};
}
