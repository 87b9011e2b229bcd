import { FROM_FIELD, keptFields } from '$lib/domain/kept-query';
import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { z } from 'zod';
import { statusStepSchema } from '$lib/domain/workshop-status';
import { conceptUsesInWorkshop } from '$lib/server/concepts';
import { ADVANCE_REFUSALS } from '$lib/server/http/refusals';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { announcements, workshopById, workshopPeople } from '$lib/server/workshops/list';
import { boardOverview, workshopBoards } from '$lib/server/workshops/schedule';
import { moveWorkshop, statusChanges } from '$lib/server/workshops/status';
import { requestSummary } from '$lib/server/workshops/summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	const user = requireUser(locals, url);
	// The facilitator's overview loads again when a team board changes (the page's socket says).
	depends('workshop:overview');
	const found = await locals.db.as(user, async (tx) => {
		// Sent together (issue 16); for a workshop the caller may not see RLS finds nothing.
		// The lineage from the board's side: read once with the page (RLS: only concepts the
		// caller may read), never per board op.
		const [workshop, boards, people, said, changes, conceptUses] = await Promise.all([
			workshopById(tx, params.id),
			workshopBoards(tx, params.id, getLocale()),
			workshopPeople(tx, params.id, getLocale()),
			announcements(tx, params.id),
			statusChanges(tx, params.id),
			conceptUsesInWorkshop(tx, params.id)
		]);
		if (!workshop) return null;
		// The facilitator of a negotiation sees every team's board at a glance.
		const overview =
			workshop.role === 'facilitator' && workshop.mode === 'team_boards'
				? await boardOverview(tx, params.id)
				: [];
		return { workshop, boards, people, announcements: said, changes, overview, conceptUses };
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
	/** The facilitator mails the outcome summary of an ended workshop (once; the database decides). */
	summary: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const outcome = await locals.db.as(user, (tx) => requestSummary(tx, params.id));
		if (outcome === 'forbidden')
			return invalid({}, { summary: 'error_fac_summary_forbidden' }, 403);
		return { summary: outcome };
	},
	/** The facilitator starts or ends the workshop (the database refuses anyone else, and any step back). */
	advance: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, statusStepSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// Everyone else on the boards is told at once: their pages load the workshop again.
		const outcome = await moveWorkshop(locals.db, user, params.id, parsed.data.to);
		if (outcome !== 'moved') {
			const refusal = ADVANCE_REFUSALS[outcome];
			return invalid(parsed.values, { form: refusal.error }, refusal.status);
		}
		// The list the page was reached from stays its way back (FROM_FIELD).
		const next = new URLSearchParams({
			...keptFields(url.searchParams, [FROM_FIELD]),
			notice: parsed.data.to
		});
		const board = z.uuid().safeParse(url.searchParams.get('board'));
		if (board.success) next.set('board', board.data);
		redirect(303, `/workshops/${params.id}?${next}`);
	}
};
