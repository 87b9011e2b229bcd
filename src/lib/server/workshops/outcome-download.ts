import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateTime } from '$lib/format';
import { pickLocalized } from '$lib/domain/locale';
import type { OutcomeInput, OutcomeLabels } from '$lib/domain/workshop-outcome';
import { colourLabel } from '$lib/workshops/labels';
import { requireUser } from '../guards';
import { loadOutcome } from './outcome';

const labels = (): OutcomeLabels => ({
	sharedBoard: m.outcome_shared_board(),
	clusters: m.outcome_clusters(),
	unclustered: m.workshop_unclustered(),
	ranking: m.outcome_ranking(),
	votesHidden: m.outcome_votes_hidden(),
	noNotes: m.outcome_no_notes(),
	dots: (count) => m.workshop_note_dots({ count }),
	colour: colourLabel,
	csvHeader: [
		m.outcome_csv_board(),
		m.outcome_csv_rank(),
		m.outcome_csv_note(),
		m.outcome_csv_cluster(),
		m.outcome_csv_colour(),
		m.outcome_csv_dots(),
		m.outcome_csv_author()
	]
});

/**
 * A workshop's outcome as a download for those who took part (RLS: the facilitator, the
 * challenge's organisation, participants; each only with the boards they may see).
 */
export async function outcomeDownload(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	type: 'text/markdown' | 'text/csv',
	build: (input: OutcomeInput, labels: OutcomeLabels) => string
): Promise<Response> {
	const user = requireUser(event.locals, event.url);
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) error(404, 'Not found');
	const found = await event.locals.db.as(user, (tx) => loadOutcome(tx, id.data));
	if (!found) error(404, 'Not found');
	const locale = getLocale();
	const { workshop } = found;
	const body = build(
		{
			title: workshop.title,
			challengeTitle: pickLocalized(workshop.challengeTitle, locale, workshop.primaryLocale).text,
			startsAt: formatDateTime(workshop.startsAt, locale),
			boards: found.boards,
			names: found.names,
			seesVotes: workshop.role === 'facilitator'
		},
		labels()
	);
	const extension = type === 'text/csv' ? 'csv' : 'md';
	return new Response(body, {
		headers: {
			'content-type': `${type}; charset=utf-8`,
			'content-disposition': `attachment; filename="workshop-${workshop.id.slice(0, 8)}-outcome.${extension}"`,
			'cache-control': 'private, no-store'
		}
	});
}
