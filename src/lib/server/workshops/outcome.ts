import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';
import type { OutcomeBoard } from '$lib/domain/workshop-outcome';
import { workshopById, workshopPeople } from './list';
import { loadBoard } from './board-state';
import { workshopBoards } from './schedule';

/**
 * What the caller may take away from a workshop: the boards RLS lets them see (in
 * negotiation mode a team sees only its own), and the names of those taking part.
 * Undefined when the workshop is hidden from the caller. Two round trips (issue 16): the
 * workshop, its boards and people together, then every board's contents together.
 */
export async function loadOutcome(tx: Queryable, workshopId: string, locale: Locale) {
	const [workshop, found, people] = await Promise.all([
		workshopById(tx, workshopId),
		workshopBoards(tx, workshopId, locale),
		workshopPeople(tx, workshopId, locale)
	]);
	if (!workshop) return undefined;
	const states = await Promise.all(found.map((b) => loadBoard(tx, b.id)));
	const boards: OutcomeBoard[] = found.flatMap((b, n) => {
		const state = states[n];
		return state ? [{ teamName: b.teamName, state }] : [];
	});
	return {
		workshop,
		boards,
		names: Object.fromEntries(people.map((p) => [p.userId, p.name]))
	};
}
