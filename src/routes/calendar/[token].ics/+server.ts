import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/domain/locale';
import { calendarChallenges, renderCalendar } from '$lib/server/challenges/calendar';
import type { RequestHandler } from './$types';

// Calendar apps cannot sign in: the secret token in the address stands for the person.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!/^[a-z2-7]{32}$/.test(params.token)) error(404, 'Not found');
	const feed = await locals.db.service('personal calendar feed', async (tx) => {
		const [owner] = await tx.query<{ user_id: string; locale: Locale }>(
			`select f.user_id, p.locale from public.calendar_feeds f join public.profiles p on p.id = f.user_id
			 where f.token = $1`,
			[params.token]
		);
		if (!owner) return null;
		return {
			locale: owner.locale,
			challenges: await calendarChallenges(tx, { followedBy: owner.user_id })
		};
	});
	if (!feed) error(404, 'Not found');
	return new Response(renderCalendar('Talkoot', feed.challenges, feed.locale), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Cache-Control': 'private, max-age=300'
		}
	});
};
