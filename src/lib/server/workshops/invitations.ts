import type { Queryable } from '../db';
import type { Phase } from '$lib/domain/board';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { enqueueMail } from '../mail/outbox';

/**
 * Everyone put in a workshop gets a mail in their own language: what, when, the link to
 * join, and a calendar invitation (rendered at delivery, template workshop_invitation).
 * Enqueued in the scheduling transaction, so a workshop that is not stored mails no one.
 * Returns the number of invitations enqueued.
 */
export async function mailInvitations(tx: Queryable, workshopId: string): Promise<number> {
	const [w] = await tx.query<{
		title: string;
		startsAt: Date;
		agenda: Phase[];
		challengeTitle: LocalizedText;
		primaryLocale: Locale;
		facilitator: { name: string; email: string };
	}>(
		`select w.title, w.starts_at as "startsAt", w.agenda,
		   c.title as "challengeTitle", c.primary_locale as "primaryLocale",
		   json_build_object('name', coalesce(nullif(f.display_name, ''), f.email), 'email', f.email)
		     as facilitator
		 from public.workshops w join public.challenges c on c.id = w.challenge_id
		 join public.profiles f on f.id = w.facilitator_id where w.id = $1`,
		[workshopId]
	);
	if (!w) return 0;
	return enqueueMail(
		tx,
		'workshop_invitation',
		{ inWorkshop: workshopId },
		{
			title: w.challengeTitle,
			primaryLocale: w.primaryLocale,
			workshopId,
			workshop: w.title,
			startsAt: new Date(w.startsAt).toISOString(),
			minutes: w.agenda.reduce((sum, p) => sum + p.minutes, 0),
			facilitator: w.facilitator,
			path: `/workshops/${workshopId}`
		}
	);
}
