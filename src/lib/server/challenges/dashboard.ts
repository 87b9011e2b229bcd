import type { Queryable } from '../db';
import { ORGANISATION_JSON, orderByName } from '../organisations';
import type { OrganisationRef, Procedure } from '$lib/domain/challenge';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { Stage } from '$lib/domain/stages';

export interface DashboardRow {
	id: string;
	slug: string;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	status: 'draft' | 'published';
	organisation: OrganisationRef;
	currentStage: Stage | null;
	nextDeadline: Date | null;
	followers: number;
	waitingQuestions: number;
	submittedApplications: number;
	unscreenedApplications: number;
}

/** The challenges of every organisation the caller belongs to, with what needs attention. */
export function organisationDashboard(tx: Queryable, userId: string) {
	return tx.query<DashboardRow>(
		`select c.id, c.slug, c.title, c.primary_locale as "primaryLocale", c.procedure, c.status,
		   ${ORGANISATION_JSON} as organisation,
		   (select s.stage from public.challenge_stages s where s.challenge_id = c.id
		      and s.starts_at <= now() and now() < s.ends_at order by s.starts_at desc limit 1) as "currentStage",
		   (select min(t) from public.challenge_stages s, lateral (values (s.starts_at), (s.ends_at)) v(t)
		      where s.challenge_id = c.id and t > now()) as "nextDeadline",
		   coalesce(public.challenge_follower_count(c.id), 0) as followers,
		   (select count(*)::int from public.challenge_questions q
		      where q.challenge_id = c.id and q.answer is null and q.merged_into is null) as "waitingQuestions",
		   -- Sealed applications (before the deadline) are counted, not shown.
		   (select count(*)::int from public.applications a
		      where a.challenge_id = c.id and a.status = 'submitted')
		     + coalesce(public.sealed_application_count(c.id), 0) as "submittedApplications",
		   (select count(*)::int from public.applications a
		      where a.challenge_id = c.id and a.status = 'submitted' and not exists (
		        select 1 from public.screening_decisions d where d.application_id = a.id)) as "unscreenedApplications"
		 from public.challenges c
		 join public.organisations o on o.id = c.organisation_id
		 join public.organisation_members m on m.organisation_id = o.id and m.user_id = $1
		 order by c.status, c.updated_at desc`,
		[userId]
	);
}

/** Organisations in which the caller may create challenges, by name. */
export function myOrganisations(tx: Queryable, userId: string, locale: Locale) {
	return tx.query<{ id: string } & OrganisationRef>(
		`select o.id, o.slug, o.name, o.names, o.primary_locale as "primaryLocale"
		 from public.organisations o
		 join public.organisation_members m on m.organisation_id = o.id where m.user_id = $1
		 order by ${orderByName('$2')}`,
		[userId, locale]
	);
}
