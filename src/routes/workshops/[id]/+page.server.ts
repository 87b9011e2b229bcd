import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ADVANCE_REFUSALS, statusStepSchema } from '$lib/domain/workshop-status';
import { invalid, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { announcements, workshopById, workshopPeople } from '$lib/server/workshops/list';
import { workshopBoards } from '$lib/server/workshops/schedule';
import { advanceWorkshop, statusChanges } from '$lib/server/workshops/status';
import { emitToBoards } from '$lib/server/realtime/attach';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	if (!z.uuid().safeParse(params.id).success) error(404, 'Not found');
	const found = await locals.db.as(user, async (tx) => {
		const workshop = await workshopById(tx, params.id);
		if (!workshop) return null;
		const [boards, people, said, changes] = await Promise.all([
			workshopBoards(tx, params.id),
			workshopPeople(tx, params.id),
			announcements(tx, params.id),
			statusChanges(tx, params.id)
		]);
		return { workshop, boards, people, announcements: said, changes };
	});
	if (!found || !found.boards.length) error(404, 'Not found');
	const wanted = url.searchParams.get('board');
	const nameOf = (id: string | null) => found.people.find((p) => p.userId === id)?.name ?? null;
	return {
		...found,
		userId: user.id,
		boardId: found.boards.find((b) => b.id === wanted)?.id ?? found.boards[0].id,
		announcements: found.announcements.map((a) => ({ ...a, at: new Date(a.at).getTime() })),
		changes: found.changes.map((c) => ({ status: c.status, at: c.at, name: nameOf(c.by) }))
	};
};

export const actions: Actions = {
	/** The facilitator starts or ends the workshop (the database refuses anyone else, and any step back). */
	advance: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		if (!z.uuid().safeParse(params.id).success) error(404, 'Not found');
		const parsed = await parseForm(request, statusStepSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const outcome = await locals.db.as(user, (tx) =>
			advanceWorkshop(tx, params.id, parsed.data.to)
		);
		if (outcome !== 'moved') {
			const refusal = ADVANCE_REFUSALS[outcome];
			return invalid(parsed.values, { form: refusal.error }, refusal.status);
		}
		// Everyone else on the boards sees it at once: the page loads the workshop again.
		const boards = await locals.db.as(user, (tx) => workshopBoards(tx, params.id));
		emitToBoards(
			boards.map((b) => b.id),
			'workshop:status',
			{ workshopId: params.id, status: parsed.data.to, by: user.id }
		);
		const next = new URLSearchParams({ notice: parsed.data.to });
		const board = z.uuid().safeParse(url.searchParams.get('board'));
		if (board.success) next.set('board', board.data);
		redirect(303, `/workshops/${params.id}?${next}`);
	}
};
