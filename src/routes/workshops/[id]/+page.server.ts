import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/guards';
import { announcements, workshopById, workshopPeople } from '$lib/server/workshops/list';
import { workshopBoards } from '$lib/server/workshops/schedule';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	if (!z.uuid().safeParse(params.id).success) error(404, 'Not found');
	const found = await locals.db.as(user, async (tx) => {
		const workshop = await workshopById(tx, params.id);
		if (!workshop) return null;
		const [boards, people, said] = await Promise.all([
			workshopBoards(tx, params.id),
			workshopPeople(tx, params.id),
			announcements(tx, params.id)
		]);
		return { workshop, boards, people, announcements: said };
	});
	if (!found || !found.boards.length) error(404, 'Not found');
	const wanted = url.searchParams.get('board');
	return {
		...found,
		userId: user.id,
		boardId: found.boards.find((b) => b.id === wanted)?.id ?? found.boards[0].id,
		announcements: found.announcements.map((a) => ({ ...a, at: new Date(a.at).getTime() }))
	};
};
