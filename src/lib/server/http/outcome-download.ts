import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatForRecord } from '$lib/format';
import { pickLocalized } from '$lib/domain/locale';
import {
	outcomeMarkdown,
	outcomeTable,
	type OutcomeInput,
	type OutcomeLabels
} from '$lib/domain/workshop-outcome';
import { colourLabel } from '$lib/workshops/labels';
import { csvResponse } from '../csv';
import { requireUser } from './guards';
import { loadOutcome } from '../workshops/outcome';

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
 * challenge's organisation, participants; each only with the boards they may see), as
 * Markdown or as CSV through the one CSV writer.
 */
export async function outcomeDownload(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	format: 'markdown' | 'csv'
): Promise<Response> {
	const user = requireUser(event.locals, event.url);
	// The route's [id=uuid] matcher let only a UUID through.
	const id = event.params.id ?? '';
	const locale = getLocale();
	const found = await event.locals.db.as(user, (tx) => loadOutcome(tx, id, locale));
	if (!found) error(404, 'Not found');
	const { workshop } = found;
	const input: OutcomeInput = {
		title: workshop.title,
		challengeTitle: pickLocalized(workshop.challengeTitle, locale, workshop.primaryLocale).text,
		startsAt: formatForRecord(workshop.startsAt, locale),
		boards: found.boards,
		names: found.names,
		seesVotes: workshop.role === 'facilitator'
	};
	const fileName = `workshop-${workshop.id.slice(0, 8)}-outcome`;
	if (format === 'csv')
		return csvResponse(outcomeTable(input, labels()), locale, `${fileName}.csv`);
	return new Response(outcomeMarkdown(input, labels()), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}.md"`,
			'cache-control': 'private, no-store'
		}
	});
}
