import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Database } from '../db';
import type { Phase } from '$lib/domain/board';
import { pickLocalized, type Locale, type LocalizedText } from '$lib/domain/locale';
import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { sendLetter, type Recipient } from '../mail/messages';
import { log } from '../log';

interface InvitedWorkshop {
	id: string;
	title: string;
	startsAt: Date;
	agenda: Phase[];
	challengeTitle: LocalizedText;
	primaryLocale: Locale;
	facilitator: { name: string; email: string };
}

/** The invitation a calendar program adds: the workshop's time, for the agenda's length. */
function invitationEvent(w: InvitedWorkshop, to: Recipient, url: string, summary: string) {
	const minutes = w.agenda.reduce((sum, p) => sum + p.minutes, 0);
	const calendar = ical({
		prodId: { company: 'Talkoot', product: 'Talkoot', language: to.locale.toUpperCase() },
		method: ICalCalendarMethod.REQUEST
	});
	calendar.createEvent({
		id: `workshop-${w.id}@talkoot`,
		start: w.startsAt,
		end: new Date(new Date(w.startsAt).getTime() + minutes * 60_000),
		summary,
		url,
		description: url,
		organizer: w.facilitator,
		attendees: [{ email: to.email, name: to.displayName, rsvp: false }]
	});
	return calendar.toString();
}

/**
 * Everyone put in a workshop gets a mail in their own language: what, when, the link to
 * join, and a calendar invitation. A failed mail is logged; the workshop stands.
 */
export async function mailInvitations(db: Database, workshopId: string, origin: string) {
	const { workshop, people } = await db.service('workshop invitations', async (tx) => ({
		workshop: (
			await tx.query<InvitedWorkshop>(
				`select w.id, w.title, w.starts_at as "startsAt", w.agenda,
				   c.title as "challengeTitle", c.primary_locale as "primaryLocale",
				   json_build_object('name', coalesce(nullif(f.display_name, ''), f.email), 'email', f.email)
				     as facilitator
				 from public.workshops w join public.challenges c on c.id = w.challenge_id
				 join public.profiles f on f.id = w.facilitator_id where w.id = $1`,
				[workshopId]
			)
		)[0],
		people: await tx.query<Recipient>(
			// The guests and whoever is a member of one of its teams now.
			`select p.email, p.display_name as "displayName", p.locale
			 from public.profiles p
			 where p.id in (select wp.user_id from public.workshop_participants wp where wp.workshop_id = $1
			                union select m.user_id from public.workshop_teams t
			                join public.team_members m on m.team_id = t.team_id where t.workshop_id = $1)
			 order by p.email`,
			[workshopId]
		)
	}));
	const url = new URL(`/workshops/${workshopId}`, origin).href;
	for (const to of people) {
		const opts = { locale: to.locale };
		const challenge = pickLocalized(
			workshop.challengeTitle,
			to.locale,
			workshop.primaryLocale
		).text;
		const subject = m.mail_workshop_invitation_subject({ title: workshop.title }, opts);
		const time = formatDateTime(workshop.startsAt, to.locale);
		await sendLetter(
			to,
			subject,
			[
				m.mail_workshop_invitation_body({ title: workshop.title, challenge, time }, opts),
				url,
				m.mail_workshop_invitation_calendar({}, opts)
			],
			{
				icalEvent: {
					method: 'REQUEST',
					filename: 'workshop.ics',
					content: invitationEvent(workshop, to, url, subject)
				}
			}
		).catch((err) => log.error({ err, workshop: workshopId }, 'workshop invitation failed'));
	}
	return people.length;
}
