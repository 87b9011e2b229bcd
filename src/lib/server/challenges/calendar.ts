import ical from 'ical-generator';
import type { Queryable } from '../db';
import type { Procedure } from '$lib/domain/challenge';
import { pickLocalized, type Locale, type LocalizedText } from '$lib/domain/locale';
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

/**
 * An iCalendar feed: one event per stage and one per decision date, in the reader's
 * language. Links are on the configured origin (absoluteUrl), never the request's.
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
			calendar.createEvent({
				id: `${c.id}-${s.stage}@talkoot`,
				start: new Date(s.startsAt),
				end: new Date(s.endsAt),
				summary: `${title}: ${stage}`,
				url
			});
			if (s.decisionOn) {
				calendar.createEvent({
					id: `${c.id}-${s.stage}-decision@talkoot`,
					start: new Date(s.decisionOn),
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
