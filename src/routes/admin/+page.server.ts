import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { feedbackReplySchema, feedbackStatusSchema } from '$lib/domain/feedback';
import { newOrganisationSchema } from '$lib/domain/organisation-schemas';
import { listFilterOf, narrows } from '$lib/domain/list-filter';
import { keptQuery, withField } from '$lib/domain/kept-query';
import { ADMIN_LIST_FIELDS, parseAdminQueries } from '$lib/domain/list-queries';
import {
	accessibilityFeedbackPage,
	FEEDBACK_PAGE_SIZE,
	listFeedbackHandlers,
	replyToAccessibilityFeedback,
	updateAccessibilityFeedback
} from '$lib/server/feedback';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import {
	createOrganisation,
	ORGANISATION_PAGE_SIZE,
	organisationsPage
} from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

function requireAdmin(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, 'Forbidden');
	return user;
}

/** Back to the feedback item, on the lists' pages it was posted from, with a notice (Post/Redirect/Get). */
function done(url: URL, id: string, notice: string): never {
	const kept = keptQuery(url.searchParams, ADMIN_LIST_FIELDS);
	redirect(303, `${withField('/admin', kept, 'notice', notice)}#feedback-${id}`);
}

const REFUSED = {
	forbidden: ['error_forbidden', 403],
	unknown: ['orgadmin_error_feedback_unknown', 404],
	not_admin: ['orgadmin_error_handler', 400],
	no_address: ['orgadmin_feedback_no_address', 409]
} as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	// Two lists, each filtered and paged by its own fields of the address (issue 16).
	const query = parseAdminQueries(url.searchParams);
	const orgFilter = listFilterOf(query.organisations);
	const feedbackFilter = listFilterOf(query.feedback);
	// The reads are sent together (issue 16).
	const [organisations, feedback, handlers] = await locals.db.as(user, (tx) =>
		Promise.all([
			organisationsPage(tx, orgFilter, query.organisations.page, getLocale()),
			accessibilityFeedbackPage(tx, feedbackFilter, query.feedback.page),
			listFeedbackHandlers(tx)
		])
	);
	return {
		organisations,
		feedback,
		handlers,
		query,
		narrowed: { organisations: narrows(orgFilter), feedback: narrows(feedbackFilter) },
		size: { organisations: ORGANISATION_PAGE_SIZE, feedback: FEEDBACK_PAGE_SIZE },
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	createOrganisation: async ({ locals, url, request }) => {
		const user = requireAdmin(locals, url);
		const parsed = await parseForm(request, newOrganisationSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// A taken slug is not refused: the database gives the next free one.
		const created = await locals.db.as(user, (tx) => createOrganisation(tx, parsed.data));
		redirect(303, `/organisations/${created.slug}`);
	},
	/** Status and handler of one feedback item. */
	feedbackStatus: async ({ locals, url, request }) => {
		const user = requireAdmin(locals, url);
		const parsed = await parseForm(request, feedbackStatusSchema);
		if (!parsed.ok)
			return invalid(
				{ ...parsed.values, feedbackId: parsed.values.id ?? '' },
				{ feedback: Object.values(parsed.errors)[0] }
			);
		const { id, status, handlerId } = parsed.data;
		const outcome = await locals.db.as(user, (tx) =>
			updateAccessibilityFeedback(tx, id, status, handlerId)
		);
		if (outcome === 'saved') done(url, id, 'feedback_saved');
		const [key, code] = REFUSED[outcome];
		return invalid({ ...parsed.values, feedbackId: id }, { feedback: key }, code);
	},
	/** The reply to the sender, mailed in their language through the outbox. */
	feedbackReply: async ({ locals, url, request }) => {
		const user = requireAdmin(locals, url);
		const parsed = await parseForm(request, feedbackReplySchema);
		if (!parsed.ok)
			return invalid(
				{ ...parsed.values, feedbackId: parsed.values.id ?? '' },
				{ reply: parsed.errors.reply ?? parsed.errors.id }
			);
		const { id, reply } = parsed.data;
		const outcome = await locals.db.as(user, (tx) => replyToAccessibilityFeedback(tx, id, reply));
		if (outcome === 'sent') done(url, id, 'feedback_replied');
		const [key, code] = REFUSED[outcome];
		return invalid({ ...parsed.values, feedbackId: id }, { reply: key }, code);
	}
};
