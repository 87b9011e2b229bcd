import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { conceptFromForm, conceptSaveSchema, priceIssue } from '$lib/domain/concept';
import { readEuros } from '$lib/domain/decimal';
import {
	attachFile,
	detachFile,
	getConcept,
	linkBoardElement,
	linkIdea,
	saveConcept,
	submitFinalTender,
	unlink,
	withdrawFinalTender
} from '$lib/server/concepts';
import { conceptRefusal } from '$lib/server/http/concept-refusals';
import { readForm, type FormValues } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { renderMarkdown } from '$lib/server/markdown';
import { translate } from '$lib/server/i18n';
import { parseListQuery } from '$lib/domain/list-filter';
import { searchWords } from '$lib/domain/search';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const sources = parseListQuery(url.searchParams, ['all'], 'sources-').q;
	const concept = await locals.db.as(user, (tx) => getConcept(tx, params.id, searchWords(sources)));
	if (!concept) error(404, 'Not found');
	return { concept, sources, descriptionHtml: renderMarkdown(concept.description) };
};

/** A refusal of the database in words, kept with what was typed; anything else rethrown. */
function refused(e: unknown, values: FormValues = {}, field = 'form') {
	const r = conceptRefusal(e);
	if (!r) throw e;
	return fail(r.status, { values, errors: { [field]: r.message } });
}

const say = (status: number, key: string, values: FormValues = {}, field = 'form') =>
	fail(status, { values, errors: { [field]: translate(key) } });

const linkSchema = z.union([
	z.object({ kind: z.literal('idea'), position: z.coerce.number().int().min(1).max(10) }),
	z.object({
		kind: z.enum(['board_note', 'board_cluster']),
		board: z.uuid(),
		element: z.uuid()
	})
]);

/** The element picker's value `<kind>:<board>:<element>` as linkSchema takes it. */
function linkInput(raw: FormValues): unknown {
	const [kind, board, element] = (raw.element ?? '').split(':');
	return raw.kind === 'idea' ? { kind: 'idea', position: raw.position } : { kind, board, element };
}

/** The price field as cents: null when left empty, NaN when it is not an amount. */
const priceOf = (typed: string | undefined) =>
	!typed?.trim() ? null : (readEuros(typed) ?? Number.NaN);

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = conceptSaveSchema.safeParse(conceptFromForm(raw));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = issue.path[1] === 'budget' ? 'budget' : String(issue.path[1] ?? 'form');
			return say(
				400,
				issue.message.startsWith('concept_')
					? issue.message.replace(/^concept_/, 'concept_refusal_')
					: 'error_form',
				raw,
				field
			);
		}
		try {
			await locals.db.as(user, (tx) => saveConcept(tx, params.id, parsed.data));
		} catch (e) {
			return refused(e, raw);
		}
		redirect(303, `/concepts/${params.id}?saved=1`);
	},

	link: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = linkSchema.safeParse(linkInput(raw));
		if (!parsed.success) return say(400, 'concept_refusal_bad_input', {}, 'link');
		const link = parsed.data;
		try {
			await locals.db.as(user, (tx) =>
				link.kind === 'idea'
					? linkIdea(tx, params.id, link.position)
					: linkBoardElement(tx, params.id, link.kind, link.board, link.element)
			);
		} catch (e) {
			return refused(e, {}, 'link');
		}
		redirect(303, `/concepts/${params.id}?linked=1#lineage`);
	},

	unlink: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = z.uuid().safeParse((await readForm(request))?.link);
		if (!id.success) return say(400, 'concept_refusal_bad_input', {}, 'link');
		try {
			await locals.db.as(user, (tx) => unlink(tx, params.id, id.data));
		} catch (e) {
			return refused(e, {}, 'link');
		}
		redirect(303, `/concepts/${params.id}?unlinked=1#lineage`);
	},

	attach: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData().catch(() => null);
		if (!form) return say(400, 'error_form', {}, 'file');
		try {
			const result = await attachFile(locals.db, user, params.id, form.get('file'));
			if (!result.ok) return say(result.status, result.message, {}, 'file');
		} catch (e) {
			return refused(e, {}, 'file');
		}
		redirect(303, `/concepts/${params.id}?attached=1#attachments`);
	},

	detach: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = z.uuid().safeParse((await readForm(request))?.attachment);
		if (!id.success) return say(400, 'concept_refusal_bad_input', {}, 'file');
		try {
			const removed = await detachFile(locals.db, user, params.id, id.data);
			if (!removed) return say(404, 'concept_refusal_unknown', {}, 'file');
		} catch (e) {
			return refused(e, {}, 'file');
		}
		redirect(303, `/concepts/${params.id}?detached=1#attachments`);
	},

	/** First step of the final tender: the price checked and shown back before asking. */
	review: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const concept = await locals.db.as(user, (tx) => getConcept(tx, params.id));
		if (!concept) error(404, 'Not found');
		const cents = priceOf(raw.price);
		const issue = priceIssue(concept.challenge.priceShare, Number.isNaN(cents) ? -1 : cents);
		if (issue) return say(400, issue.replace(/^concept_/, 'concept_refusal_'), raw, 'price');
		return { review: { priceCents: cents, version: concept.version } };
	},

	submit: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const version = Number(raw.version);
		const cents = raw.price ? Number(raw.price) : null;
		if (!Number.isInteger(version) || (cents !== null && !Number.isSafeInteger(cents)))
			return say(400, 'concept_refusal_bad_input', raw, 'price');
		// Without JavaScript the first post only asks (AskFirst).
		if (raw.confirm !== 'yes') return { review: { priceCents: cents, version }, confirm: true };
		let tender: string;
		try {
			tender = await locals.db.as(user, (tx) => submitFinalTender(tx, params.id, version, cents));
		} catch (e) {
			return refused(e, {}, 'tender');
		}
		redirect(303, `/concepts/${params.id}/tenders/${tender}?submitted=1`);
	},

	withdraw: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		if (raw.confirm !== 'yes') return { withdrawConfirm: true };
		try {
			await locals.db.as(user, (tx) => withdrawFinalTender(tx, params.id));
		} catch (e) {
			return refused(e, {}, 'tender');
		}
		redirect(303, `/concepts/${params.id}?withdrawn=1#tender`);
	}
};
