import ical, { ICalCalendarMethod } from 'ical-generator';
import { z } from 'zod';
import { LOCALES, pickLocalized, type Locale } from '$lib/domain/locale';
import { formatDateTime } from '$lib/format';
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

type Letter = { subject: string; paragraphs: string[]; icalEvent?: Mail['icalEvent'] };

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
	team_invitation: template(
		z.object({ team: z.string(), inviter: z.string(), path }),
		(p, to) => ({
			subject: m.mail_invite_subject({ team: p.team }, to),
			paragraphs: [
				m.mail_invite_body({ inviter: p.inviter, team: p.team }, to),
				absoluteUrl(p.path)
			]
		}),
		{ secret: ['path'] }
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
			const time = formatDateTime(p.submittedAt, to.locale);
			return {
				subject: m.mail_receipt_subject({ challenge }, to),
				paragraphs: [
					m.mail_receipt_body({ team: p.team, challenge, time }, to),
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
			facilitator: z.object({ name: z.string(), email: z.string() }),
			path
		}),
		(p, to) => {
			const url = absoluteUrl(p.path);
			const subject = m.mail_workshop_invitation_subject({ title: p.workshop }, to);
			const time = formatDateTime(p.startsAt, to.locale);
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
					m.mail_workshop_invitation_body({ title: p.workshop, challenge: title(p, to), time }, to),
					url,
					m.mail_workshop_invitation_calendar({}, to)
				],
				icalEvent: { method: 'REQUEST', filename: 'workshop.ics', content: calendar.toString() }
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
		text: [greeting(to), ...letter.paragraphs, m.mail_footer({}, to)].join('\n\n'),
		...(letter.icalEvent ? { icalEvent: letter.icalEvent } : {})
	};
}

/** The params of a template that hold a live token (removed after delivery). */
export function secretParams(name: string): string[] {
	return (MAIL_TEMPLATES as Record<string, { secret: string[] }>)[name]?.secret ?? [];
}
