import { error } from '@sveltejs/kit';
import { isEvaluatedStage } from '$lib/domain/stages';
import { readResults } from '$lib/server/jury/results';
import { requireUser } from '$lib/server/http/guards';
import { juryRefusalAsHttp } from '$lib/server/http/jury-refusals';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/**
 * Rendered on the server only: the page has nothing to run in the browser (the toggle is a
 * GET form), and a 1000-item ranking would otherwise be sent twice, as HTML and as the
 * data to hydrate it (npm run bench:jury).
 */
export const csr = false;

/**
 * A stage's results for the challenge's team (issue 13): ranking, disagreement,
 * robustness and the proposed top k on submitted scores; `?normalise=1` ranks on
 * per-juror z-scores. A stage without criteria is a 404 with words.
 */
export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	if (!challenge.onTeam && !challenge.managesTeam) error(403, translate('jury_refusal_not_chair'));
	const stage = params.stage;
	if (!isEvaluatedStage(stage)) error(404, 'Not found'); // the route's matcher already did
	const normalise = url.searchParams.get('normalise') === '1';
	const results = await locals.db
		.as(user, (tx) => readResults(tx, params.id, stage, normalise))
		.catch(juryRefusalAsHttp);
	if (!results) error(404, translate('jurychair_no_criteria'));
	return { results };
};
