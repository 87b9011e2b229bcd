import { error, fail, redirect } from '@sveltejs/kit';
import { nextMonthToReport, reportableMonths } from '$lib/domain/bonus';
import { helsinkiDay } from '$lib/domain/helsinki-time';
import { readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { outcomeFailure } from '$lib/server/http/outcome-refusals';
import { translate } from '$lib/server/i18n';
import { readPartnerPage, submitReport } from '$lib/server/production';
import type { Actions, PageServerLoad } from './$types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The partner's report form (issue 14): one month at a time — the month picked in a
 * form of its own (`?month=YYYY-MM`), then the clients started and progressed and the
 * results per category, counts only. Opened on a month already reported (and not
 * confirmed), it holds that month's numbers: sending it is a correction, a new version.
 * Members of the partner's team only; 404 for everyone else.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const found = await locals.db.as(user, (tx) => readPartnerPage(tx, params.id));
	if (!found?.roles.partner) error(404, 'Not found');
	const today = helsinkiDay(new Date());
	const asked = url.searchParams.get('month') ?? '';
	const month = MONTH.test(asked)
		? `${asked}-01`
		: nextMonthToReport(
				found.results.inForce.map((r) => r.month),
				today
			);
	return {
		results: found.results,
		month,
		months: reportableMonths(today),
		current: found.results.inForce.find((r) => r.month === month) ?? null
	};
};

export const actions: Actions = {
	/** Sends the month's report (or its correction); the database checks every rule. */
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) error(400, 'Bad request');
		const errors: Record<string, string> = {};
		const month = raw.month ?? '';
		if (!MONTH.test(month)) errors.month = translate('production_error_month');
		const counts: Record<string, number> = {};
		const number = (key: string) => {
			const text = (raw[key] ?? '').trim();
			if (text === '') return 0;
			if (!/^-?\d{1,8}$/.test(text)) {
				errors[key] = translate('production_error_count');
				return 0;
			}
			return Number(text);
		};
		const clientsStarted = number('started');
		const clientsProgressed = number('progressed');
		for (const key of Object.keys(raw)) {
			if (key.startsWith('count_')) counts[key.slice(6)] = number(key);
		}
		if (Object.keys(errors).length) return fail(400, { values: raw, errors });
		try {
			await locals.db.as(user, (tx) =>
				submitReport(tx, params.id, {
					month: `${month}-01`,
					clientsStarted,
					clientsProgressed,
					results: counts
				})
			);
		} catch (e) {
			const f = outcomeFailure(e);
			return fail(f.status, { values: raw, errors: { form: f.data.error } });
		}
		redirect(303, `/production/${params.id}?sent=${month}`);
	}
};
