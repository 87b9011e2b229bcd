import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { draftFromForm, draftSchema } from '$lib/domain/application-schemas';
import { applicationState, getApplication, saveDraft } from '$lib/server/applications/editor';
import { routeId } from '$lib/server/applications/route-id';
import { submitApplication, withdrawApplication } from '$lib/server/applications/submit';
import {
	attachDocument,
	checkEvidence,
	isNotADraft,
	MAX_EVIDENCE_BYTES,
	removeDocument
} from '$lib/server/evidence';
import { invalid, readForm, type FieldErrors } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { withFileChanges } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = routeId(params.id);
	const app = await locals.db.as(user, (tx) => getApplication(tx, id));
	if (!app) error(404, 'Not found');
	return { app, now: new Date() };
};

/** Form field of a draft issue: `idea<n>_<field>` or `req_<id>_explanation`. */
function fieldOf(path: PropertyKey[], raw: unknown): string {
	const draft = raw as { ideas: { position?: number }[]; answers: { requirementId?: string }[] };
	const [list, index, field] = path;
	if (list === 'ideas' && typeof index === 'number') {
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
	unknown: { status: 404, message: 'error_application_unknown' }
} as const;

const documentSchema = z.object({ documentId: z.uuid() });
const requirementSchema = z.union([z.literal(''), z.uuid()]);

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
		const raw = (await readForm(request)) ?? {};
		const draft = draftFromForm(raw);
		const parsed = draftSchema.safeParse(draft);
		if (!parsed.success) {
			const errors: FieldErrors = {};
			for (const issue of parsed.error.issues) errors[fieldOf(issue.path, draft)] ??= issue.message;
			return invalid(raw, errors);
		}
		const result = await locals.db.as(user, (tx) => saveDraft(tx, id, parsed.data));
		if (result.ok) redirect(303, `/applications/${id}?saved=1`);
		const refusal =
			result.reason === 'unknown'
				? { status: 404, message: 'error_application_unknown' }
				: result.reason === 'conflict'
					? { status: 409, message: 'error_draft_conflict' }
					: { status: 409, message: 'error_application_not_draft' };
		return invalid(raw, { form: refusal.message }, refusal.status);
	},

	submit: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
		const raw = (await readForm(request)) ?? {};
		const version = Number(raw.version);
		if (!Number.isInteger(version)) return invalid({}, { form: 'error_form' });
		const outcome = await submitApplication(locals.db, user, id, version);
		if (outcome === 'submitted') redirect(303, `/applications/${id}?submitted=1`);
		const refusal = SUBMIT_REFUSALS[outcome];
		// The ideas refusal names how many ideas the challenge asks for.
		const app =
			outcome === 'ideas' ? await locals.db.as(user, (tx) => getApplication(tx, id)) : null;
		return invalid({}, { form: refusal.message }, refusal.status, {
			count: app?.challenge.ideaCount
		});
	},

	withdraw: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
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
		const id = routeId(params.id);
		const form = await request.formData().catch(() => null);
		const requirement = requirementSchema.safeParse(form?.get('requirementId') ?? '');
		const slot = requirement.success ? requirement.data : '';
		const refuse = (status: number, message: string) =>
			invalid({}, { [`file_${slot}`]: message }, status);
		if (!form || !requirement.success) return refuse(400, 'error_form');
		const file = form.get('file');
		if (file instanceof File && file.size > MAX_EVIDENCE_BYTES) {
			return refuse(413, 'error_upload_too_large_10');
		}
		const stored = await checkEvidence(file);
		if (!stored) return refuse(400, 'error_upload_empty');
		if (!stored.ok) {
			return stored.reason === 'too_large'
				? refuse(413, 'error_upload_too_large_10')
				: refuse(415, 'error_upload_type_evidence');
		}
		const name = file instanceof File && file.name ? file.name : stored.key;
		// A submit in flight wins: the database then refuses the attach (not a draft any more).
		const attached = await withFileChanges(locals.db, 'private', (files) =>
			locals.db.as(user, async (tx) => {
				const ok = await attachDocument(tx, id, slot || null, {
					key: stored.key,
					name,
					mime: stored.mime,
					size: stored.size
				});
				// Stored only once the document row (RLS: a draft of the caller's team) is in.
				if (ok) await files.write(stored);
				return ok;
			})
		).catch((e) => {
			if (isNotADraft(e)) return false;
			throw e;
		});
		if (!attached) {
			// Another team's application is not there at all; a bad requirement is a bad form.
			const state = await locals.db.as(user, (tx) => applicationState(tx, id));
			return state === 'unknown'
				? refuse(404, 'error_application_unknown')
				: state === 'draft'
					? refuse(400, 'error_form')
					: refuse(409, 'error_application_not_draft');
		}
		redirect(303, `/applications/${id}?attached=1#${slot ? `req-${slot}` : 'documents'}`);
	},

	remove: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
		const parsed = documentSchema.safeParse((await readForm(request)) ?? {});
		if (!parsed.success) return invalid({}, { form: 'error_form' });
		const removed = await withFileChanges(locals.db, 'private', (files) =>
			locals.db.as(user, async (tx) => {
				const key = await removeDocument(tx, id, parsed.data.documentId);
				files.drop(key);
				return key !== null;
			})
		).catch((e) => {
			if (isNotADraft(e)) return false;
			throw e;
		});
		if (!removed) {
			const state = await locals.db.as(user, (tx) => applicationState(tx, id));
			return state === 'unknown'
				? invalid({}, { form: 'error_application_unknown' }, 404)
				: state === 'draft'
					? invalid({}, { form: 'error_item_gone' }, 404)
					: invalid({}, { form: 'error_application_not_draft' }, 409);
		}
		redirect(303, `/applications/${id}?removed=1`);
	}
};
