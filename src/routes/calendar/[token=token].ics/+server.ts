import { error } from '@sveltejs/kit';
import { personalFeed, renderCalendar } from '$lib/server/challenges/calendar';
import type { RequestHandler } from './$types';

// Calendar apps cannot sign in: the secret token in the address stands for the person.
export const GET: RequestHandler = async ({ locals, params }) => {
	const feed = await locals.db.service('personal calendar feed', (tx) =>
		personalFeed(tx, params.token)
	);
	if (!feed) error(404, 'Not found');
	return new Response(renderCalendar('Talkoot', feed.challenges, feed.locale), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Cache-Control': 'private, max-age=300'
		}
	});
};
