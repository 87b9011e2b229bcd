import ical, { ICalCalendarMethod } from 'ical-generator';
import { z } from 'zod';
import { LOCALES, pickLocalized, type Locale } from '$lib/domain/locale';
import { helsinkiIso } from '$lib/domain/helsinki-time';
import { compareNames } from '$lib/domain/names';
import { formatDateTime, formatDateTimeSeconds, formatEuros } from '$lib/format';
import { WORKSHOP_MODES } from '$lib/domain/workshop-schemas';
import { PROCEDURES } from '$lib/domain/procedure';
import { EVALUATED_STAGES, type Stage } from '$lib/domain/stages';
import { stageLabelAny } from '$lib/i18n-names';
import { juryItemWords } from '$lib/jury/labels';
import { submissionWords } from '$lib/concepts/labels';
import { m } from '$lib/paraglide/messages';
import { absoluteUrl } from '../http/links';
import type { Mail } from './transport';

/** Who a mail goes to, as stored in the outbox row. */
export interface MailRecipient {
	email: string;
	name: string;
	locale: Locale;
}

/** A site path ("/auth/reset?token=…"); the worker makes it absolute on ORIGIN. */
const path = z.string().regex(/^\/(?![/\\])/);
const locale = z.enum(LOCALES);
const localized = z.record(z.string(), z.string());
const titled = { title: localized, primaryLocale: locale };
/**
 * A stage of a challenge: named by stageLabelAny in the procedure the payload carries. A mail
 * queued before the procedure travelled with it (migration 20261216000100) names the stage
 * by every procedure's name (stageLabelAny of null) rather than being given up or guessing one:
 * the mail still arrives.
 */
const staged = <S extends readonly [Stage, ...Stage[]]>(stages: S) => ({
	...titled,
	procedure: z.enum(PROCEDURES).nullable().default(null),
	stage: z.enum(stages)
});

type Letter = {
	subject: string;
	paragraphs: string[];
	icalEvent?: Mail['icalEvent'];
	/** The paragraphs already greet and sign off (a mail in several languages does it in each). */
	whole?: true;
};

/** The recipient's language first, then the others: for a mail in every language. */
const everyLocale = (first: Locale): Locale[] => [first, ...LOCALES.filter((l) => l !== first)];

function template<S extends z.ZodType>(
	params: S,
	render: (p: z.infer<S>, to: MailRecipient) => Letter,
	options: { secret?: string[] } = {}
) {
	return { params, render, secret: options.secret ?? [] };
}

const title = (p: { title: Record<string, string>; primaryLocale: Locale }, to: MailRecipient) =>
	pickLocalized(p.title, to.locale, p.primaryLocale).text;

/**
 * Every mail the app sends, by name: the zod schema of its params (what an outbox row
 * holds, checked again at delivery since SQL functions enqueue too) and how it renders
 * in the recipient's language. `secret` names params that hold a live token; the worker
 * deletes them from the row once the mail is delivered or given up. To add a mail: add
 * an entry here, then enqueue it by name (see outbox.ts).
 */
export const MAIL_TEMPLATES = {
	verify: template(
		z.object({ path }),
		(p, to) => ({
			subject: m.mail_verify_subject({}, to),
			paragraphs: [m.mail_verify_body({}, to), absoluteUrl(p.path)]
		}),
		{ secret: ['path'] }
	),
	reset: template(
		z.object({ path }),
		(p, to) => ({
			subject: m.mail_reset_subject({}, to),
			paragraphs: [m.mail_reset_body({}, to), absoluteUrl(p.path)]
		}),
		{ secret: ['path'] }
	),
	/** Sign-up with an address that has an account: the owner hears of it, not the visitor. */
	signup_existing: template(z.object({}), (_p, to) => ({
		subject: m.mail_signup_existing_subject({}, to),
		paragraphs: [
			m.mail_signup_existing_body({}, to),
			`${m.mail_signup_existing_sign_in({}, to)} ${absoluteUrl('/auth/sign-in')}`,
			`${m.mail_signup_existing_reset({}, to)} ${absoluteUrl('/auth/forgot')}`
		]
	})),
	/**
	 * To the new address of a change of email (private.request_email_change), in the
	 * requester's language: the single-use link that confirms it.
	 */
	email_change_confirm: template(
		z.object({ path }),
		(p, to) => ({
			subject: m.mail_email_change_confirm_subject({}, to),
			paragraphs: [m.mail_email_change_confirm_body({}, to), absoluteUrl(p.path)]
		}),
		{ secret: ['path'] }
	),
	/** To the old address of a change of email: it is under way; if not you, change the password. */
	email_change_notice: template(z.object({ newEmail: z.string() }), (p, to) => ({
		subject: m.mail_email_change_notice_subject({}, to),
		paragraphs: [
			m.mail_email_change_notice_body({ email: p.newEmail }, to),
			`${m.mail_email_change_notice_reset({}, to)} ${absoluteUrl('/auth/forgot')}`
		]
	})),
	/** A change of email to an address that has an account: its owner hears of it, not the asker. */
	email_change_taken: template(z.object({}), (_p, to) => ({
		subject: m.mail_email_change_taken_subject({}, to),
		paragraphs: [m.mail_email_change_taken_body({}, to)]
	})),
	/**
	 * In the invitee's language when the address has an account (its profile's locale);
	 * otherwise (`everyLanguage`) in Finnish, Swedish and English in one mail, the
	 * inviter's language first, since we do not know which the invitee reads.
	 */
	team_invitation: template(
		z.object({
			team: z.string(),
			inviter: z.string(),
			everyLanguage: z.boolean().default(false),
			path
		}),
		(p, to) => {
			const say = (locale: Locale) => {
				const t = { ...to, locale };
				return `${m.mail_invite_body({ inviter: p.inviter, team: p.team }, t)} ${m.mail_invite_decline({}, t)}`;
			};
			if (!p.everyLanguage) {
				return {
					subject: m.mail_invite_subject({ team: p.team }, to),
					paragraphs: [say(to.locale), absoluteUrl(p.path)]
				};
			}
			const locales = everyLocale(to.locale);
			return {
				subject: locales
					.map((locale) => m.mail_invite_subject({ team: p.team }, { locale }))
					.join(' / '),
				paragraphs: [
					...locales.map((locale) => `${greeting({ name: to.name, locale })}\n\n${say(locale)}`),
					absoluteUrl(p.path),
					...locales.map((locale) => m.mail_footer({}, { locale }))
				],
				whole: true
			};
		},
		{ secret: ['path'] }
	),
	/** To the team's lead, in the lead's language: the invitee declined (decline_team_invitation). */
	team_invitation_declined: template(
		z.object({ team: z.string(), email: z.string(), path }),
		(p, to) => ({
			subject: m.a11y_mail_declined_subject({ team: p.team }, to),
			paragraphs: [
				m.a11y_mail_declined_body({ team: p.team, email: p.email }, to),
				absoluteUrl(p.path)
			]
		})
	),
	receipt: template(
		z.object({
			...titled,
			team: z.string(),
			submittedAt: z.string(),
			digest: z.string(),
			path
		}),
		(p, to) => {
			const challenge = title(p, to);
			// To the second, as lateness is judged; in words and as ISO 8601 with the offset.
			const time = formatDateTimeSeconds(p.submittedAt, to.locale);
			const iso = helsinkiIso(p.submittedAt);
			return {
				subject: m.mail_receipt_subject({ challenge }, to),
				paragraphs: [
					m.mail_receipt_body({ team: p.team, challenge, time, iso }, to),
					`SHA-256: ${p.digest}`,
					absoluteUrl(p.path)
				]
			};
		}
	),
	/**
	 * To every member of a team, in the team's language (issue 14): its final tender was
	 * received (public.submit_final_tender enqueues it in the same transaction).
	 */
	final_tender_receipt: template(
		z.object({
			...titled,
			procedure: z.enum(PROCEDURES).nullable().default(null),
			team: z.string(),
			concept: z.string(),
			version: z.number(),
			submittedAt: z.string(),
			digest: z.string(),
			priceCents: z.number().nullable(),
			path
		}),
		(p, to) => {
			const challenge = title(p, to);
			const time = formatDateTimeSeconds(p.submittedAt, to.locale);
			const iso = helsinkiIso(p.submittedAt);
			// A partnership's final tender, an open challenge's concept (submissionWords). A mail
			// queued before the procedure travelled with it (private.mail_challenge, migration
			// 20261216000100) keeps the words such mails always had.
			const words = submissionWords(p.procedure ?? 'innovation_partnership');
			const price =
				p.priceCents === null
					? []
					: [m.mail_final_tender_price({ price: formatEuros(p.priceCents, to.locale) }, to)];
			return {
				subject: words.mailSubject({ challenge }, to),
				paragraphs: [
					words.mailBody(
						{ team: p.team, concept: p.concept, version: p.version, challenge, time, iso },
						to
					),
					...price,
					`SHA-256: ${p.digest}`,
					absoluteUrl(p.path)
				]
			};
		}
	),
	screening_result: template(
		z.object({ ...titled, team: z.string(), eligible: z.boolean(), path }),
		(p, to) => {
			const challenge = title(p, to);
			const result = p.eligible ? m.mail_screening_eligible : m.mail_screening_ineligible;
			return {
				subject: m.mail_screening_subject({ challenge }, to),
				paragraphs: [
					result({ team: p.team, challenge }, to),
					m.mail_screening_reasons({}, to),
					absoluteUrl(p.path)
				]
			};
		}
	),
	workshop_invitation: template(
		z.object({
			...titled,
			workshopId: z.string(),
			workshop: z.string(),
			startsAt: z.string(),
			minutes: z.number(),
			/** How the workshop runs; the mail words it so (absent: said without a board). */
			mode: z.enum(WORKSHOP_MODES).optional(),
			facilitator: z.object({ name: z.string(), email: z.string() }),
			path
		}),
		(p, to) => {
			const url = absoluteUrl(p.path);
			const subject = m.mail_workshop_invitation_subject({ title: p.workshop }, to);
			const time = formatDateTime(p.startsAt, to.locale);
			const iso = helsinkiIso(p.startsAt);
			const way =
				p.mode === 'team_boards'
					? m.mail_workshop_way_team_boards
					: p.mode === 'shared'
						? m.mail_workshop_way_shared
						: m.mail_workshop_way_unknown;
			const calendar = ical({
				prodId: { company: 'Talkoot', product: 'Talkoot', language: to.locale.toUpperCase() },
				method: ICalCalendarMethod.REQUEST
			});
			calendar.createEvent({
				id: `workshop-${p.workshopId}@talkoot`,
				start: new Date(p.startsAt),
				end: new Date(new Date(p.startsAt).getTime() + p.minutes * 60_000),
				summary: subject,
				url,
				description: url,
				organizer: p.facilitator,
				attendees: [{ email: to.email, name: to.name, rsvp: false }]
			});
			return {
				subject,
				paragraphs: [
					m.mail_workshop_invitation_body(
						{ title: p.workshop, challenge: title(p, to), time, iso },
						to
					),
					way({}, to),
					url,
					m.mail_workshop_invitation_calendar({}, to)
				],
				icalEvent: { method: 'REQUEST', filename: 'workshop.ics', content: calendar.toString() }
			};
		}
	),
	/**
	 * The outcome of a workshop when it ends (private.mail_workshop_summary, once per
	 * workshop): the boards the recipient may see with their clusters and notes ranked by
	 * dots, the announcements (marked with their language when not the recipient's), and
	 * who took part.
	 */
	workshop_summary: template(
		z.object({
			...titled,
			workshopId: z.string(),
			workshop: z.string(),
			boards: z
				.array(
					z.object({
						team: z.string().nullable(),
						clusters: z.array(z.string()),
						notes: z.array(
							z.object({
								text: z.string(),
								// Absent in summaries put in the outbox before notes kept their language.
								lang: locale.optional(),
								dots: z.number(),
								cluster: z.string().nullable()
							})
						)
					})
				)
				.max(100),
			announcements: z.array(
				z.object({ body: z.string(), lang: locale.nullable(), at: z.string() })
			),
			people: z.array(z.string()),
			path
		}),
		(p, to) => {
			const list = (names: string[]) => names.join(', ');
			// In the recipient's alphabet (issue 11, item 4): one summary goes to readers of
			// several languages, so the database's order is not theirs.
			const byName = compareNames(to.locale);
			// The shared board (no team) first, then the teams' boards by name.
			const boards = p.boards.toSorted((a, b) =>
				a.team === null || b.team === null
					? Number(a.team !== null) - Number(b.team !== null)
					: byName(a.team, b.team)
			);
			const people = p.people.toSorted(byName);
			const boardParagraphs = boards.map((b) =>
				[
					b.team
						? m.fac_summary_board_team({ team: b.team }, to)
						: m.fac_summary_board_shared({}, to),
					...(b.clusters.length ? [m.fac_summary_clusters({ names: list(b.clusters) }, to)] : []),
					...(b.notes.length
						? [
								m.fac_summary_notes({}, to),
								...b.notes.map(
									(n, i) =>
										`${i + 1}. ${n.text}${n.lang && n.lang !== to.locale ? ` [${n.lang}]` : ''} (${[
											m.fac_summary_dots({ count: n.dots }, to),
											n.cluster
										]
											.filter(Boolean)
											.join(', ')})`
								)
							]
						: [m.fac_summary_no_notes({}, to)])
				].join('\n')
			);
			const said = p.announcements.length
				? [
						[
							m.fac_summary_announcements({}, to),
							...p.announcements.map(
								(a) =>
									`${formatDateTime(a.at, to.locale)}: ${a.body}${a.lang && a.lang !== to.locale ? ` [${a.lang}]` : ''}`
							)
						].join('\n')
					]
				: [];
			return {
				subject: m.fac_summary_subject({ workshop: p.workshop }, to),
				paragraphs: [
					m.fac_summary_intro({ workshop: p.workshop, challenge: title(p, to) }, to),
					...boardParagraphs,
					...said,
					m.fac_summary_people({ names: list(people) }, to),
					`${m.fac_summary_link({}, to)} ${absoluteUrl(p.path)}`
				]
			};
		}
	),
	challenge_amendment: template(
		// applicant: the recipient's team has a draft or a submitted application.
		z.object({ ...titled, reason: z.string(), path, applicant: z.boolean().default(false) }),
		(p, to) => {
			const t = title(p, to);
			const body = p.applicant
				? m.procurement_mail_amendment_applicant_body
				: m.mail_amendment_body;
			return {
				subject: m.mail_amendment_subject({ title: t }, to),
				paragraphs: [body({ title: t }, to), p.reason, absoluteUrl(p.path)]
			};
		}
	),
	/** Issue 12: an organisation invitation, naming it in the recipient's language. */
	organisation_invitation: template(
		z.object({
			names: localized,
			primaryLocale: locale,
			role: z.enum(['owner', 'member']),
			inviter: z.string(),
			path
		}),
		(p, to) => {
			const organisation = pickLocalized(p.names, to.locale, p.primaryLocale).text;
			const role = p.role === 'owner' ? m.org_role_owner({}, to) : m.org_role_member({}, to);
			return {
				subject: m.orgadmin_mail_invite_subject({ organisation }, to),
				paragraphs: [
					m.orgadmin_mail_invite_body({ inviter: p.inviter, organisation, role }, to),
					absoluteUrl(p.path)
				]
			};
		},
		{ secret: ['path'] }
	),
	/**
	 * Issue 13: an invitation to a challenge's jury for one evaluated stage (public.jury_invite),
	 * naming the challenge in the recipient's language; accepted only by the invited address.
	 */
	jury_invitation: template(
		z.object({
			...staged(EVALUATED_STAGES),
			inviter: z.string(),
			path
		}),
		(p, to) => {
			const t = title(p, to);
			const stage = stageLabelAny(p.procedure, p.stage, to.locale);
			// The items the juror declares conflicts on, by the procedure (juryItemWords): an
			// open challenge's concepts, a partnership's final tenders. A mail queued without
			// its procedure cannot know a selection's items and leaves the sentence out.
			const known = p.procedure ?? (p.stage === 'shortlisting' ? 'open_challenge' : null);
			return {
				subject: m.jury_mail_invite_subject({ title: t }, to),
				paragraphs: [
					m.jury_mail_invite_body({ inviter: p.inviter, title: t, stage }, to),
					...(known ? [juryItemWords(known, p.stage).conflictsFirst({}, to)] : []),
					m.jury_mail_invite_valid({}, to),
					absoluteUrl(p.path)
				]
			};
		},
		{ secret: ['path'] }
	),
	/** Issue 12: an admin's reply to accessibility feedback, in the language it was sent in. */
	accessibility_feedback_reply: template(
		z.object({ reply: z.string(), message: z.string(), sentAt: z.string() }),
		(p, to) => ({
			subject: m.orgadmin_mail_reply_subject({}, to),
			paragraphs: [
				m.orgadmin_mail_reply_body({}, to),
				p.reply,
				m.orgadmin_mail_reply_quote({ date: formatDateTime(p.sentAt, to.locale) }, to),
				p.message
			]
		})
	),
	/** Issue 12: feedback not yet answered, some days before the promised 14 pass. */
	accessibility_feedback_reminder: template(
		z.object({ id: z.string(), page: z.string(), message: z.string(), dueAt: z.string() }),
		(p, to) => {
			const date = formatDateTime(p.dueAt, to.locale);
			return {
				subject: m.orgadmin_mail_reminder_subject({ date }, to),
				paragraphs: [
					m.orgadmin_mail_reminder_body({ date }, to),
					p.message,
					absoluteUrl(`/admin#feedback-${p.id}`)
				]
			};
		}
	),
	challenge_answer: template(
		z.object({ ...titled, question: z.string(), answer: z.string(), path }),
		(p, to) => {
			const t = title(p, to);
			return {
				subject: m.mail_answer_subject({ title: t }, to),
				paragraphs: [
					m.mail_answer_body({ title: t }, to),
					p.question,
					p.answer,
					absoluteUrl(p.path)
				]
			};
		}
	),
	/**
	 * Issue 13: the chair's reminder (public.jury_remind) to a juror with declarations of
	 * conflict or scores still missing on a stage, with how many of each.
	 */
	jury_reminder: template(
		z.object({
			...staged(EVALUATED_STAGES),
			declarations: z.number().int().min(0),
			scores: z.number().int().min(0)
		}),
		(p, to) => {
			const t = title(p, to);
			const stage = stageLabelAny(p.procedure, p.stage, to.locale);
			return {
				subject: m.jurychair_mail_remind_subject({ title: t }, to),
				paragraphs: [
					m.jurychair_mail_remind_body({ title: t, stage }, to),
					...(p.declarations
						? [m.jurychair_mail_remind_declarations({ count: p.declarations }, to)]
						: []),
					...(p.scores ? [m.jurychair_mail_remind_scores({ count: p.scores }, to)] : []),
					absoluteUrl('/jury')
				]
			};
		}
	),
	/**
	 * Issue 13: a decision of shortlisting, selection or proof of concept was published
	 * (public.decision_publish): each member of each team it names hears whether their team
	 * was chosen, in their language, with the way to their own result.
	 */
	decision_published: template(
		z.object({
			...staged(['shortlisting', 'selection', 'proof_of_concept'] as const),
			team: z.string(),
			chosen: z.boolean(),
			correction: z.boolean().optional(),
			path
		}),
		(p, to) => {
			const t = title(p, to);
			const stage = stageLabelAny(p.procedure, p.stage, to.locale);
			const subject = p.correction ? m.decision_mail_correction_subject : m.decision_mail_subject;
			const result = p.chosen ? m.decision_mail_chosen : m.decision_mail_not_chosen;
			return {
				subject: subject({ title: t }, to),
				paragraphs: [
					result({ title: t, stage, team: p.team }, to),
					m.decision_mail_details({}, to),
					absoluteUrl(p.path)
				]
			};
		}
	),
	/**
	 * Issue 14: a partner in production sent a month's report or its correction
	 * (public.outcome_report_submit): the challenge's team is asked to review it.
	 */
	outcome_report_submitted: template(
		z.object({ ...titled, month: z.string().regex(/^\d{4}-\d{2}$/), path }),
		(p, to) => {
			const t = title(p, to);
			return {
				subject: m.production_mail_submitted_subject({ title: t }, to),
				paragraphs: [
					m.production_mail_submitted_body({ title: t, month: p.month }, to),
					absoluteUrl(p.path)
				]
			};
		}
	),
	/**
	 * Issue 14: the owner confirmed or disputed a month's report
	 * (public.outcome_report_review): the partner's team hears which, and why.
	 */
	outcome_report_reviewed: template(
		z.object({
			...titled,
			month: z.string().regex(/^\d{4}-\d{2}$/),
			verdict: z.enum(['confirmed', 'disputed']),
			comment: z.string(),
			path
		}),
		(p, to) => {
			const t = title(p, to);
			const body =
				p.verdict === 'confirmed'
					? m.production_mail_confirmed_body({ title: t, month: p.month }, to)
					: m.production_mail_disputed_body({ title: t, month: p.month, comment: p.comment }, to);
			return {
				subject: m.production_mail_reviewed_subject({ title: t }, to),
				paragraphs: [body, absoluteUrl(p.path)]
			};
		}
	)
};

export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type MailParams<T extends MailTemplate> = z.input<(typeof MAIL_TEMPLATES)[T]['params']>;

/** Thrown for a row that will never render (unknown template, params that do not fit). */
export class Unrenderable extends Error {}

/** "Hello Name," in the recipient's language. */
export function greeting(to: Pick<MailRecipient, 'name' | 'locale'>): string {
	return to.name ? m.mail_greeting_name({ name: to.name }, to) : m.mail_greeting({}, to);
}

/**
 * Renders an outbox row into the mail to send, in the recipient's language: greeting,
 * the template's paragraphs, footer. Throws Unrenderable when the template is unknown
 * or the params do not fit its schema.
 */
export function renderMail(name: string, params: unknown, to: MailRecipient): Mail {
	const t = (MAIL_TEMPLATES as Record<string, (typeof MAIL_TEMPLATES)[MailTemplate]>)[name];
	if (!t) throw new Unrenderable(`unknown mail template ${name}`);
	const parsed = t.params.safeParse(params);
	if (!parsed.success) throw new Unrenderable(`params of ${name}: ${parsed.error.message}`);
	const letter = (t.render as (p: unknown, to: MailRecipient) => Letter)(parsed.data, to);
	return {
		to: to.email,
		subject: letter.subject,
		text: (letter.whole
			? letter.paragraphs
			: [greeting(to), ...letter.paragraphs, m.mail_footer({}, to)]
		).join('\n\n'),
		...(letter.icalEvent ? { icalEvent: letter.icalEvent } : {})
	};
}

/** The params of a template that hold a live token (removed after delivery). */
export function secretParams(name: string): string[] {
	return (MAIL_TEMPLATES as Record<string, { secret: string[] }>)[name]?.secret ?? [];
}
