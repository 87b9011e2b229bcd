import ical, { ICalAlarmType } from 'ical-generator';
import type { Queryable } from '../db';
import type { Procedure } from '$lib/domain/challenge';
import { pickLocalized, type Locale, type LocalizedText } from '$lib/domain/locale';
import { dayAsUtcDate, type Day } from '$lib/domain/day';
import { helsinkiDay } from '$lib/domain/helsinki-time';
import type { Stage } from '$lib/domain/stages';
import type { StageWindow } from '$lib/domain/timetable';
import { stageLabel } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { absoluteUrl } from '../http/links';

interface CalendarChallenge {
	id: string;
	slug: string;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	stages: StageWindow[];
}

/** Published challenges' timetables (by id, or those a user follows), for a feed. */
export function calendarChallenges(tx: Queryable, filter: { id: string } | { followedBy: string }) {
	return tx.query<CalendarChallenge>(
		`select c.id, c.slug, c.title, c.primary_locale as "primaryLocale", c.procedure,
		   coalesce((select json_agg(json_build_object('stage', s.stage, 'startsAt', s.starts_at,
		     'endsAt', s.ends_at, 'decisionOn', s.decision_on, 'signatory', s.signatory) order by s.starts_at)
		     from public.challenge_stages s where s.challenge_id = c.id), '[]') as stages
		 from public.challenges c
		 where c.status = 'published' and ${
				'id' in filter
					? 'c.id = $1'
					: 'c.id in (select challenge_id from public.challenge_followers where user_id = $1)'
			}`,
		['id' in filter ? filter.id : filter.followedBy]
	);
}

/** Stages whose end is a deadline for the public: questions, then applications. */
const DEADLINES: Partial<Record<Stage, (locale: Locale) => string>> = {
	market_dialogue: (locale) => m.visitor_deadline_questions({}, { locale }),
	applications: (locale) => m.visitor_deadline_applications({}, { locale })
};

/** Reminders before each deadline, in seconds: one day and one hour (issue 12). */
const REMINDERS = [86_400, 3_600];

const DAY_MS = 86_400_000;

/**
 * The Helsinki days a stage covers as an all-day span: its first day and the day after its
 * last (DTEND of an all-day event is exclusive, RFC 5545). A stage ending at midnight ends
 * on the day before; one shorter than a day still covers the day it is on.
 */
export function stageDays(startsAt: Date, endsAt: Date): { first: Day; endExclusive: Day } {
	const first = helsinkiDay(startsAt);
	const last = helsinkiDay(new Date(Math.max(startsAt.getTime(), endsAt.getTime() - 1)));
	const endExclusive = new Date(dayAsUtcDate(last).getTime() + DAY_MS).toISOString().slice(0, 10);
	return { first, endExclusive };
}

/**
 * An iCalendar feed in the reader's language (issue 12): each stage an all-day span in
 * Helsinki days; each deadline (questions, applications) its own event at the deadline's
 * instant with reminders a day and an hour before; each decision date an all-day event.
 * Links are on the configured origin (absoluteUrl), never the request's. Takes the feed's
 * name, the challenges and the locale; returns the ICS text.
 */
export function renderCalendar(name: string, challenges: CalendarChallenge[], locale: Locale) {
	const calendar = ical({
		name,
		prodId: { company: 'Talkoot', product: 'Talkoot', language: locale.toUpperCase() }
	});
	for (const c of challenges) {
		const title = pickLocalized(c.title, locale, c.primaryLocale).text;
		const url = absoluteUrl(`/challenges/${c.slug}`);
		for (const s of c.stages) {
			const stage = stageLabel(c.procedure, s.stage, locale);
			const days = stageDays(new Date(s.startsAt), new Date(s.endsAt));
			calendar.createEvent({
				id: `${c.id}-${s.stage}@talkoot`,
				// Days, not instants: DTSTART/DTEND;VALUE=DATE (ical-generator writes an allDay
				// Date's UTC date, which dayAsUtcDate makes the Helsinki day).
				start: dayAsUtcDate(days.first),
				end: dayAsUtcDate(days.endExclusive),
				allDay: true,
				summary: `${title}: ${stage}`,
				url
			});
			const deadline = DEADLINES[s.stage];
			if (deadline) {
				const at = new Date(s.endsAt);
				const what = `${title}: ${deadline(locale)}`;
				const event = calendar.createEvent({
					id: `${c.id}-${s.stage}-deadline@talkoot`,
					start: at,
					end: at,
					summary: what,
					description: url,
					url
				});
				for (const trigger of REMINDERS)
					event.createAlarm({ type: ICalAlarmType.display, trigger, description: what });
			}
			if (s.decisionOn) {
				calendar.createEvent({
					id: `${c.id}-${s.stage}-decision@talkoot`,
					// A day, not an instant: DTSTART;VALUE=DATE of that very day (json_build_object
					// gives a date column as YYYY-MM-DD; ical-generator writes an allDay Date's UTC date).
					start: dayAsUtcDate(s.decisionOn),
					allDay: true,
					summary: `${title}: ${m.calendar_decision({ stage }, { locale })}`,
					description: s.signatory
						? m.calendar_signatory({ name: s.signatory }, { locale })
						: undefined,
					url
				});
			}
		}
	}
	return calendar.toString();
}

/**
 * The feed of one published challenge, by its slug: its name in `locale` and the
 * timetable to render; null when there is no published challenge there.
 */
export async function challengeFeed(tx: Queryable, slug: string) {
	const [row] = await tx.query<{ id: string }>(
		"select id from public.challenges where slug = $1 and status = 'published'",
		[slug]
	);
	const challenges = row ? await calendarChallenges(tx, { id: row.id }) : [];
	return challenges.length ? challenges : null;
}

/**
 * A person's feed, by the secret token of their calendar address: the published
 * challenges they follow, in their language; null for a token nobody has.
 */
export async function personalFeed(tx: Queryable, token: string) {
	const [owner] = await tx.query<{ user_id: string; locale: Locale }>(
		`select f.user_id, p.locale from public.calendar_feeds f join public.profiles p on p.id = f.user_id
		 where f.token = $1`,
		[token]
	);
	if (!owner) return null;
	return {
		locale: owner.locale,
		challenges: await calendarChallenges(tx, { followedBy: owner.user_id })
	};
}
