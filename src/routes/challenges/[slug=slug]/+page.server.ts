import { backTo, keptFrom, listPage, withField } from '$lib/domain/kept-query';
import { CHALLENGE_LIST_FIELDS } from '$lib/domain/challenge';
import { withRedirect } from '$lib/domain/safe-path';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { questionSchema } from '$lib/domain/challenge-schemas';
import { pickLocalized, type Locale } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import {
	ANSWERED_PAGE_SIZE,
	answeredShown,
	getChallengeDetail,
	type ChallengeDetail
} from '$lib/server/challenges/detail';
import { signedInPage } from '$lib/server/challenges/signed-in-page';
import {
	visitorAmendments,
	visitorAnswers,
	visitorView
} from '$lib/server/challenges/visitor-cache';
import {
	applyToChallenge,
	askAboutChallenge,
	setFollowing
} from '$lib/server/challenges/reader-actions';
import { invalid, parseForm } from '$lib/server/http/forms';
import { limitedBy } from '$lib/server/http/limits';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { renderMarkdown } from '$lib/server/markdown';
import { shownRange } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { webcalUrl } from '$lib/server/http/links';
import { amendmentChangesHtml, amendmentViews } from '$lib/server/challenges/amendment-views';
import type { Actions, PageServerLoad } from './$types';

/** This page's address at page `n` of its answered questions (`questions-page`). */
function withQuestionsPage(url: URL, n: number): string {
	const params = new URLSearchParams(url.searchParams);
	params.set('questions-page', String(n));
	return `?${params}`;
}

/** Each amendment's changes of `challenge` worded in `locale`, diffed and rendered, by id. */
const amendmentChangesOf = (challenge: ChallengeDetail, locale: Locale) =>
	Object.fromEntries(
		challenge.amendments.map((a) => [
			a.id,
			amendmentChangesHtml(
				amendmentViews(a.changes, challenge.procedure, challenge.primaryLocale, locale)
			)
		])
	);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user, db } = locals;
	// What a visitor sees of the published challenge here (10 s visitor cache): their page,
	// and for a signed-in reader outside the challenge's organisation all but their own parts.
	const visitor = await visitorView(params.slug, () =>
		db.as(null, (tx) => getChallengeDetail(tx, { slug: params.slug }, null))
	);
	// Every read of a published challenge's page is about it: its access checks too
	// (Database.scopedTo; for a member of an organisation of many challenges, issue 16).
	const found = user
		? await (visitor ? db.scopedTo(visitor.id) : db).as(user, (tx) =>
				signedInPage(tx, params.slug, user.id, visitor, getLocale())
			)
		: visitor && { challenge: visitor, teams: null, workshops: [] };
	if (!found) error(404, 'Not found');
	const { challenge, teams: applyTeamsOf, workshops } = found;
	// The answered questions, a page at a time (issue 16: a popular challenge has hundreds),
	// their answers rendered; a published challenge's are public, the same for every reader,
	// so they come from the visitor cache (read as the visitor, as `visitor` is).
	const page = listPage(url.searchParams.get('questions-page'));
	const { answered, answers } = visitor
		? await visitorAnswers(params.slug, page, () =>
				db.scopedTo(visitor.id).as(null, (tx) => answeredShown(tx, visitor.id, page))
			)
		: await db.as(user, (tx) => answeredShown(tx, challenge.id, page));
	const locale = getLocale();
	const body = pickLocalized(challenge.body, locale, challenge.primaryLocale);
	// The body's Markdown and the amendments' changes are rendered here (below); the page
	// is not sent them, so every response's data stays small (issue 16).
	const { body: _markdown, amendments, ...shown } = challenge;
	// The /challenges search this page was reached from (its `from` field): the way back to
	// it, and a sign-in that returns here keeping it. Worded here, so the address helpers stay
	// out of a visitor's JavaScript (issue 16: under 60 kB).
	const kept = keptFrom(url.searchParams);
	return {
		back: backTo('/challenges', url.searchParams, CHALLENGE_LIST_FIELDS),
		signIn: withRedirect('/auth/sign-in', `${url.pathname}${kept}`),
		challenge: { ...shown, amendments: amendments.map(({ changes: _changes, ...a }) => a) },
		// Whether +page.ts loads the parts only a signed-in reader uses.
		signedIn: Boolean(user),
		// The procedure's name, worded here: its words stay out of a visitor's JavaScript
		// (issue 16: under 60 kB).
		procedureLabel:
			challenge.procedure === 'innovation_partnership'
				? m.procedure_innovation_partnership()
				: m.procedure_open_challenge(),
		applyTeams: applyTeamsOf,
		workshops,
		answered,
		// Worded here: the words' helpers stay out of a visitor's JavaScript (issue 16).
		answeredRange: shownRange(answered, ANSWERED_PAGE_SIZE, locale),
		// The answers' page links, worded and addressed here for the same reason (Pagination's
		// words and the code that builds its links were over the 60 kB); none on one page, where
		// the page shows the range alone, not an empty navigation landmark (as Pagination).
		answeredLinks:
			answered.pages > 1
				? {
						label: m.list_pages(),
						previous:
							answered.page > 1
								? {
										href: withQuestionsPage(url, answered.page - 1),
										text: `← ${m.list_previous()}`
									}
								: null,
						next:
							answered.page < answered.pages
								? { href: withQuestionsPage(url, answered.page + 1), text: `${m.list_next()} →` }
								: null
					}
				: null,
		webcal: webcalUrl(`/challenges/${challenge.slug}/calendar.ics`),
		body: { html: renderMarkdown(body.text), lang: body.lang, fallback: body.fallback },
		// Each amendment's changes worded, diffed and rendered to HTML here, by amendment id:
		// the word diff and the component that shows it stay out of the visitor's JavaScript
		// (issue 16).
		// A published challenge's amendments are public: for a reader given the visitor's view
		// the diffs come from the visitor cache, worded once per language.
		amendmentChanges:
			visitor && !challenge.canManage
				? await visitorAmendments(params.slug, locale, async () =>
						amendmentChangesOf(visitor, locale)
					)
				: amendmentChangesOf(challenge, locale),
		// Answers are Markdown, rendered through the one sanitiser (issue 12): a link is a link.
		answers
	};
};

const applySchema = z.object({ teamId: z.uuid() });

export const actions: Actions = {
	follow: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await locals.db.as(user, (tx) => setFollowing(tx, params.slug, true));
		if (!result.ok) error(404, 'Not found');
		redirect(303, withField(`/challenges/${params.slug}`, keptFrom(url.searchParams), 'followed'));
	},
	unfollow: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await locals.db.as(user, (tx) => setFollowing(tx, params.slug, false));
		if (!result.ok) error(404, 'Not found');
		redirect(303, `/challenges/${params.slug}${keptFrom(url.searchParams)}`);
	},
	apply: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, applySchema);
		if (!parsed.ok) return invalid(parsed.values, { teamId: 'error_form' });
		// A team with a juror or a facilitator of the challenge never applies to it
		// (20261217000300_role_clashes.sql): said at the team chosen.
		const result = await orRoleRefused(
			locals.db.as(user, (tx) => applyToChallenge(tx, params.slug, parsed.data.teamId))
		);
		if (result instanceof RoleRefused)
			return invalid(parsed.values, { teamId: result.key }, result.status);
		if (!result.ok && result.reason === 'not_found') error(404, 'Not found');
		if (result.ok || result.id) redirect(303, `/applications/${result.id}`);
		const message =
			result.reason === 'closed' ? 'error_application_closed' : 'error_not_team_member';
		return invalid(parsed.values, { teamId: message }, result.reason === 'closed' ? 409 : 403);
	},
	ask: async (event) => {
		const { locals, url, params, request } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, questionSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// ask_question counts the asker's questions in the database.
		const result = await limitedBy(event, () =>
			locals.db.as(user, (tx) => askAboutChallenge(tx, params.slug, parsed.data.question))
		);
		if ('limited' in result)
			return invalid(parsed.values, { question: result.key }, 429, result.params);
		if (!result.ok && result.reason === 'not_found') error(404, 'Not found');
		if (!result.ok) return invalid(parsed.values, { question: 'error_questions_closed' }, 409);
		redirect(
			303,
			`${withField(`/challenges/${params.slug}`, keptFrom(url.searchParams), 'asked')}#questions`
		);
	}
};
