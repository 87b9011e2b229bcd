import { error, fail, redirect } from '@sveltejs/kit';
import { draftFromForm, draftSchema } from '$lib/domain/application-schemas';
import { getApplication, SAVE_REFUSALS, saveDraftAs } from '$lib/server/applications/editor';
import { readMyResult } from '$lib/server/decisions';
import {
	conceptOfApplication,
	conceptsOnIdeas,
	conceptsOpen,
	isShortlisted,
	startConcept
} from '$lib/server/concepts';
import { conceptRefusal } from '$lib/server/http/concept-refusals';
import { submitPosted, withdrawApplication } from '$lib/server/applications/submit';
import { attachPosted, removePosted } from '$lib/server/applications/attachments';
import { invalid, readForm, type FieldErrors } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = params.id;
	// One transaction for the whole page, its reads sent together (issue 16: one after
	// another, they were five round trips more). Each is by the application's id under RLS,
	// so for an application the caller may not see they find nothing: the page is a 404.
	const [app, results, current, shortlisted, open, onIdeas] = await locals.db.as(user, (tx) =>
		Promise.all([
			getApplication(tx, id),
			// The team's published results (issue 13): empty for the owner's side and before publication.
			readMyResult(tx, id),
			// Issue 14: the concept a shortlisted team builds, and which ideas it builds on.
			conceptOfApplication(tx, id),
			isShortlisted(tx, id),
			conceptsOpen(tx, id),
			conceptsOnIdeas(tx, id)
		])
	);
	if (!app) error(404, 'Not found');
	return { app, results, concept: { current, shortlisted, open, onIdeas } };
};

/** Form field of a draft issue: `idea<n>_<field>`, `req_<id>_explanation`, else (an idea too many) the form. */
function fieldOf(path: PropertyKey[], raw: unknown): string {
	const draft = raw as { ideas: { position?: number }[]; answers: { requirementId?: string }[] };
	const [list, index, field] = path;
	if (list === 'ideas' && typeof index === 'number' && field !== 'position') {
		return `idea${draft.ideas[index]?.position}_${String(field)}`;
	}
	if (list === 'answers' && typeof index === 'number') {
		return `req_${draft.answers[index]?.requirementId}_${String(field)}`;
	}
	return 'form';
}

const SUBMIT_REFUSALS = {
	closed: { status: 409, message: 'error_application_closed' },
	stale: { status: 409, message: 'error_draft_conflict' },
	not_draft: { status: 409, message: 'error_application_not_draft' },
	ideas: { status: 400, message: 'error_application_ideas' },
	answers: { status: 400, message: 'error_application_answers' },
	unknown: { status: 404, message: 'error_application_unknown' },
	file_pending: { status: 400, message: 'solverapp_error_file_pending' },
	invalid: { status: 400, message: 'error_form' }
} as const;

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const raw = (await readForm(request)) ?? {};
		const draft = draftFromForm(raw);
		const parsed = draftSchema.safeParse(draft);
		if (!parsed.success) {
			const errors: FieldErrors = {};
			for (const issue of parsed.error.issues) errors[fieldOf(issue.path, draft)] ??= issue.message;
			return invalid(raw, errors);
		}
		const result = await saveDraftAs(locals.db, user, id, parsed.data);
		if (result.ok) redirect(303, `/applications/${id}?saved=1`);
		const refusal = SAVE_REFUSALS[result.reason];
		return invalid(raw, { form: refusal.message }, refusal.status);
	},

	submit: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const raw = (await readForm(request)) ?? {};
		const { outcome, ideaCount } = await submitPosted(locals.db, user, id, raw);
		if (outcome === 'submitted') redirect(303, `/applications/${id}?submitted=1`);
		const refusal = SUBMIT_REFUSALS[outcome];
		// What was typed stays on screen; the ideas refusal names how many ideas are asked for.
		return invalid(raw, { form: refusal.message }, refusal.status, {
			count: ideaCount ?? undefined
		});
	},

	withdraw: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const outcome = await withdrawApplication(locals.db, user, id);
		if (outcome === 'withdrawn') redirect(303, `/applications/${id}?withdrawn=1`);
		const message =
			outcome === 'closed'
				? 'error_application_closed'
				: outcome === 'not_submitted'
					? 'error_application_not_submitted'
					: 'error_application_unknown';
		return invalid({}, { form: message }, outcome === 'unknown' ? 404 : 409);
	},

	attach: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const form = await request.formData().catch(() => null);
		const result = await attachPosted(locals.db, user, id, form);
		if (!result.ok) {
			// A refused draft save belongs to the form; a refused file to its field.
			const field = result.message.startsWith('error_upload_') ? `file_${result.slot}` : 'form';
			return invalid(result.values, { [field]: result.message }, result.status);
		}
		const anchor = result.slot ? `req-${result.slot}` : 'documents';
		redirect(303, `/applications/${id}?attached=1#${anchor}`);
	},

	/** Starts the team's concept once shortlisted (or opens the one it has). */
	concept: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		let conceptId: string;
		try {
			conceptId = await locals.db.as(user, (tx) => startConcept(tx, params.id));
		} catch (e) {
			const refusal = conceptRefusal(e);
			if (!refusal) throw e;
			return fail(refusal.status, { values: {}, errors: { form: refusal.message } });
		}
		redirect(303, `/concepts/${conceptId}`);
	},

	remove: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const result = await removePosted(locals.db, user, id, await readForm(request));
		if (!result.ok) return invalid({}, { form: result.message }, result.status);
		redirect(303, `/applications/${id}?removed=1`);
	}
};
