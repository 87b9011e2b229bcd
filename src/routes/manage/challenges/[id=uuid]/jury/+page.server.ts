import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField } from '$lib/domain/account-schemas';
import { readDecimal } from '$lib/domain/decimal';
import { EVALUATED_STAGES, type EvaluatedStage } from '$lib/domain/stages';
import { listFilterOf, narrows } from '$lib/domain/list-filter';
import { pageOf } from '$lib/domain/paging';
import { keptFields, keptQuery } from '$lib/domain/kept-query';
import {
	narrowProgress,
	parseProgressQuery,
	progressFields,
	PROGRESS_PAGE_SIZE
} from '$lib/domain/jury/progress-filter';
import { formatPoints } from '$lib/components/decisions/points';
import { getLocale } from '$lib/paraglide/runtime';
import {
	assignStage,
	configureStage,
	inviteJuror,
	openConsensus,
	readProgress,
	remindJurors,
	withdrawInvitation
} from '$lib/server/jury/chair';
import { parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryFailure, juryRefusalAsHttp } from '$lib/server/http/jury-refusals';
import { limitedBy } from '$lib/server/http/limits';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

/**
 * The chair's jury page (issue 13): per evaluated stage that has criteria, its jurors,
 * score step, assignment, progress, reminders and consensus step. The layout has already
 * answered 404 to anyone outside the challenge's organisation; reading the jury takes
 * the challenge's team or its manager (else the page says so), changing it the chair.
 */
export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	if (!challenge.onTeam && !challenge.managesTeam) return { allowed: false, stages: [], kept: '' };
	const scored = EVALUATED_STAGES.filter((s) => challenge.criteria.some((c) => c.stage === s));
	// Every stage's progress read together, in the stages' order (issue 16).
	const stages = await locals.db
		.as(user, (tx) =>
			Promise.all(
				scored.map(async (stage) => ({ stage, ...(await readProgress(tx, params.id, stage)) }))
			)
		)
		.catch(juryRefusalAsHttp);
	// Each stage's table of items may be narrowed (a GET form, its own fields in the
	// address) and is shown a page at a time; what is not a choice shows every item. Each table's form keeps the other's
	// fields, and the page's forms post to addresses that keep them all.
	const fieldsOf = (s: EvaluatedStage) => {
		const f = progressFields(s);
		return [f.state, f.q, f.page];
	};
	return {
		allowed: true,
		stages: stages.map((progress) => {
			const query = parseProgressQuery(url.searchParams, progress.stage);
			const filter = listFilterOf(query);
			const { rows, found } = narrowProgress(progress.items, filter);
			const others = scored.filter((s) => s !== progress.stage).flatMap(fieldsOf);
			return {
				...progress,
				items: pageOf(rows, query.page, PROGRESS_PAGE_SIZE),
				itemCount: progress.items.length,
				filter: {
					query,
					found,
					narrowed: narrows(filter),
					keep: keptFields(url.searchParams, others)
				}
			};
		}),
		kept: keptQuery(url.searchParams, scored.flatMap(fieldsOf))
	};
};

const stage = z.enum(EVALUATED_STAGES, { error: 'error_form' });
const schemas = {
	invite: z.object({
		stage,
		// The one email schema (issue 11): "a@b" is not an address anyone can receive at.
		email: emailField
	}),
	// A step typed as people write it ("0,5"); what is no number is refused with the rule.
	step: z.object({ stage, step: z.string().default('').transform(readDecimal) }),
	assign: z.discriminatedUnion('mode', [
		z.object({ stage, mode: z.literal('all') }),
		z.object({
			stage,
			mode: z.literal('k'),
			perItem: z.coerce
				.number({ error: 'jurychair_per_item_invalid' })
				.int('jurychair_per_item_invalid')
				.min(1, 'jurychair_per_item_invalid')
				.max(100, 'jurychair_per_item_invalid')
		})
	]),
	confirmed: z.object({ stage, confirm: z.literal('yes').optional() }),
	withdraw: z.object({
		stage,
		juror: z.uuid({ error: 'error_form' }),
		confirm: z.literal('yes').optional()
	})
};

type Action = 'invite' | 'step' | 'assign' | 'remind' | 'consensus' | 'withdraw';

/** A refused or unreadable form, for the stage it came from, in words. */
function refuse(
	action: Action,
	stageName: string | undefined,
	key: string,
	status = 400,
	params: Record<string, unknown> = {}
) {
	return fail(status, { action, stage: stageName ?? '', error: translate(key, params) });
}

/** A refusal of the database (juryFailure) tagged with its action and stage. */
function refused(action: Action, stageName: string, e: unknown) {
	const failure = juryFailure(e);
	return fail(failure.status, { action, stage: stageName, error: failure.data.error });
}

export const actions: Actions = {
	invite: async (event) => {
		const user = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, schemas.invite);
		if (!parsed.ok) return refuse('invite', parsed.values.stage, Object.values(parsed.errors)[0]);
		const { stage: s, email } = parsed.data;
		try {
			const outcome = await limitedBy(event, () =>
				event.locals.db.as(user, (tx) => inviteJuror(tx, event.params.id, s, email))
			);
			if (typeof outcome === 'object') {
				return fail(429, {
					action: 'invite',
					stage: s,
					error: translate(outcome.key, outcome.params)
				});
			}
			return { action: 'invite', stage: s, done: outcome, email };
		} catch (e) {
			return refused('invite', s, e);
		}
	},
	/** Withdraws an open invitation; asks first (without JavaScript the first post only asks). */
	withdraw: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, schemas.withdraw);
		if (!parsed.ok) return refuse('withdraw', parsed.values.stage, 'error_form');
		const { stage: s, juror, confirm } = parsed.data;
		if (confirm !== 'yes') return { action: 'withdraw', stage: s, confirm: true, juror };
		try {
			const email = await locals.db.as(user, (tx) => withdrawInvitation(tx, juror));
			return { action: 'withdraw', stage: s, done: 'withdrawn', email };
		} catch (e) {
			return refused('withdraw', s, e);
		}
	},
	step: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, schemas.step);
		if (!parsed.ok) return refuse('step', parsed.values.stage, Object.values(parsed.errors)[0]);
		const { stage: s, step } = parsed.data;
		try {
			const refusal = await locals.db.as(user, (tx) =>
				configureStage(tx, params.id, s, Number.isNaN(step) ? null : step, getLocale())
			);
			if (refusal?.criterion) {
				return refuse('step', s, 'jurychair_step_not_divisor', 400, {
					step: formatPoints(step, getLocale()),
					max: formatPoints(refusal.criterion.maxPoints, getLocale()),
					criterion: refusal.criterion.name
				});
			}
			if (refusal) return refuse('step', s, 'jury_refusal_bad_step');
			return { action: 'step', stage: s, done: 'saved' };
		} catch (e) {
			return refused('step', parsed.data.stage, e);
		}
	},
	assign: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, schemas.assign);
		if (!parsed.ok) return refuse('assign', parsed.values.stage, Object.values(parsed.errors)[0]);
		const d = parsed.data;
		try {
			const outcome = await locals.db.as(user, (tx) =>
				assignStage(tx, params.id, d.stage, d.mode === 'k' ? d.perItem : null)
			);
			return { action: 'assign', stage: d.stage, done: 'assigned', assignment: outcome };
		} catch (e) {
			return refused('assign', d.stage, e);
		}
	},
	remind: async (event) => {
		const user = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, schemas.confirmed);
		if (!parsed.ok) return refuse('remind', parsed.values.stage, 'error_form');
		const s = parsed.data.stage;
		// Mails go out at once: without JavaScript the first post only asks.
		if (parsed.data.confirm !== 'yes') return { action: 'remind', stage: s, confirm: true };
		try {
			const outcome = await limitedBy(event, () =>
				event.locals.db.as(user, (tx) => remindJurors(tx, event.params.id, s))
			);
			if ('limited' in outcome) {
				return fail(429, {
					action: 'remind',
					stage: s,
					error: translate(outcome.key, outcome.params)
				});
			}
			return { action: 'remind', stage: s, done: 'reminded', reminded: outcome };
		} catch (e) {
			return refused('remind', s, e);
		}
	},
	consensus: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, schemas.confirmed);
		if (!parsed.ok) return refuse('consensus', parsed.values.stage, 'error_form');
		const s = parsed.data.stage;
		if (parsed.data.confirm !== 'yes') return { action: 'consensus', stage: s, confirm: true };
		try {
			await locals.db.as(user, (tx) => openConsensus(tx, params.id, s));
			return { action: 'consensus', stage: s, done: 'opened' };
		} catch (e) {
			return refused('consensus', s, e);
		}
	}
};
