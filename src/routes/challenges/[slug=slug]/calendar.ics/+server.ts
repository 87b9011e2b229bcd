import { error } from '@sveltejs/kit';
import { pickLocalized } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { challengeFeed, renderCalendar } from '$lib/server/challenges/calendar';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const challenges = await locals.db.as(null, (tx) => challengeFeed(tx, params.slug));
	if (!challenges) error(404, 'Not found');
	const locale = getLocale();
	const name = pickLocalized(challenges[0].title, locale, challenges[0].primaryLocale).text;
	return new Response(renderCalendar(`Talkoot: ${name}`, challenges, locale), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `inline; filename="${params.slug}.ics"`,
			'Cache-Control': 'public, max-age=300'
		}
	});
};
