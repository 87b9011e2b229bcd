import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { readEuros } from '$lib/domain/decimal';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { outcomeFailure } from '$lib/server/http/outcome-refusals';
import { translate } from '$lib/server/i18n';
import {
	deleteCategory,
	partnerResults,
	readProduction,
	reviewReport,
	saveCategory,
	saveTargets
} from '$lib/server/production';
import type { Actions, PageServerLoad } from './$types';

/**
 * The owner's production page (issue 14): the challenge's outcome categories and targets,
 * and per partner in production the reports of every month with confirm and dispute. The
 * layout lets only those who manage the challenge in; the database checks every verb.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const production = await locals.db.as(user, (tx) => readProduction(tx, params.id));
	if (!production) error(404, 'Not found');
	return {
		production,
		partners: production.partners.map((p) => {
			const r = partnerResults(production, p);
			return { partner: p, inForce: r.inForce, versions: r.versions, summary: r.summary };
		})
	};
};

const count = z
	.string()
	.trim()
	.transform((s, ctx) => {
		if (s === '') return null;
		if (!/^\d{1,8}$/.test(s)) {
			ctx.addIssue({ code: 'custom', message: 'production_error_target' });
			return z.NEVER;
		}
		return Number(s);
	});

/**
 * A failure in words for the form named `form` (several forms share the page), at the
 * field named `field` when it is about one.
 */
const refused = (
	form: string,
	status: number,
	message: string,
	values: Record<string, string> = {},
	field: string | null = null
) => fail(status, { form, error: message, values, field });

/** A database refusal (outcome_…) for the form named `form`; anything else thrown on. */
function refusedBy(form: string, e: unknown, values: Record<string, string> = {}) {
	const f = outcomeFailure(e);
	return refused(form, f.status, f.data.error, values, f.data.field);
}

export const actions: Actions = {
	/** Adds or changes a category: names in fi/sv/en and the bonus in euros. */
	category: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) error(400, 'Bad request');
		const cents = readEuros(raw.bonus ?? '');
		const form = raw.category ? `category-${raw.category}` : 'category';
		if (cents === null) return refused(form, 400, translate('production_error_bonus'), raw);
		const category = z
			.uuid()
			.optional()
			.safeParse(raw.category || undefined);
		if (!category.success) error(400, 'Bad request');
		try {
			await locals.db.as(user, (tx) =>
				saveCategory(tx, params.id, {
					category: category.data,
					name: { fi: raw.name_fi ?? '', sv: raw.name_sv ?? '', en: raw.name_en ?? '' },
					bonusCents: cents
				})
			);
		} catch (e) {
			return refusedBy(form, e, raw);
		}
		return { form, saved: translate('production_category_saved') };
	},

	/** Removes a category no report counts. */
	removeCategory: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, z.object({ category: z.uuid() }));
		if (!parsed.ok) error(400, 'Bad request');
		try {
			await locals.db.as(user, (tx) => deleteCategory(tx, parsed.data.category));
		} catch (e) {
			return refusedBy(`category-${parsed.data.category}`, e);
		}
		return { form: 'category', saved: translate('production_category_removed') };
	},

	/** The challenge's targets, or one partner's. */
	targets: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(
			request,
			z.object({ concept: z.union([z.uuid(), z.literal('')]), clients: count, results: count })
		);
		if (!parsed.ok)
			return refused('targets', 400, translate('production_error_target'), parsed.values);
		try {
			await locals.db.as(user, (tx) =>
				saveTargets(tx, params.id, parsed.data.concept || null, {
					clientsToStart: parsed.data.clients,
					resultsToReach: parsed.data.results
				})
			);
		} catch (e) {
			return refusedBy('targets', e, parsed.values);
		}
		return { form: 'targets', saved: translate('production_targets_saved') };
	},

	/**
	 * Confirms a month's report (asks first: a confirmed month is locked). Without
	 * JavaScript the first post only asks; its confirm posts again with confirm=yes.
	 */
	confirm: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(
			request,
			z.object({ report: z.uuid(), confirm: z.literal('yes').optional() })
		);
		if (!parsed.ok) error(400, 'Bad request');
		if (parsed.data.confirm !== 'yes') return { form: 'review', ask: parsed.data.report };
		try {
			await locals.db.as(user, (tx) => reviewReport(tx, parsed.data.report, 'confirmed', ''));
		} catch (e) {
			return refusedBy(`review-${parsed.data.report}`, e);
		}
		return { form: 'review', saved: translate('production_confirmed_now') };
	},

	/** Disputes a month's report, saying what is wrong; the partner corrects it. */
	dispute: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(
			request,
			z.object({ report: z.uuid(), comment: z.string().max(10_000) })
		);
		if (!parsed.ok) error(400, 'Bad request');
		try {
			await locals.db.as(user, (tx) =>
				reviewReport(tx, parsed.data.report, 'disputed', parsed.data.comment)
			);
		} catch (e) {
			return refusedBy(`review-${parsed.data.report}`, e, parsed.values);
		}
		return { form: 'review', saved: translate('production_disputed_now') };
	}
};
