import { error } from '@sveltejs/kit';
import { pickLocalized } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { csvResponse } from '$lib/server/csv';
import { requireUser } from '$lib/server/http/guards';
import { translate } from '$lib/server/i18n';
import { readPartnerResults, resultsCsv } from '$lib/server/production';
import type { RequestHandler } from './$types';

/** The results page's numbers as a CSV download, for those who read the page; else 404. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const results = await locals.db.as(user, (tx) => readPartnerResults(tx, params.id));
	if (!results) error(404, 'Not found');
	const locale = getLocale();
	const primary = results.production.challenge.primaryLocale;
	const table = resultsCsv(results, locale, {
		header: [
			'production_month',
			'production_csv_version',
			'production_status',
			'production_clients_started',
			'production_clients_progressed',
			'production_results',
			'production_bonus',
			'production_csv_cumulative_started',
			'production_csv_cumulative_progressed',
			'production_csv_cumulative_results',
			'production_csv_cumulative_bonus'
		].map((key) => translate(key)),
		categoryName: (c) => pickLocalized(c.name, locale, primary).text,
		status: (s) => translate(`production_status_${s}`),
		total: translate('production_total')
	});
	const slug = results.partner.teamName
		.normalize('NFKD')
		.replace(/[^\w-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	return csvResponse(table, locale, `${slug || 'partner'}-results.csv`);
};
