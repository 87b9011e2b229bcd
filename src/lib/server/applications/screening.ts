import type { Queryable } from '../db';
import type { Screening } from '$lib/domain/application-schemas';
import type { Coverage } from '$lib/domain/experience';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { enqueueMail } from '../mail/outbox';
import { readScreening, type ScreeningResult } from './screening-result';
import type { Snapshot } from './submit';

export interface SubmittedSummary {
	id: string;
	teamName: string;
	submittedAt: Date;
	digest: string;
	coverageOk: boolean | null;
	eligible: boolean | null;
}

/** The submitted applications of a challenge (never drafts): what RLS shows its owners. */
export function listSubmitted(tx: Queryable, challengeId: string) {
	return tx.query<SubmittedSummary>(
		`select a.id, a.snapshot -> 'team' ->> 'name' as "teamName", a.submitted_at as "submittedAt",
		   a.digest, (a.snapshot -> 'coverage' ->> 'ok')::boolean as "coverageOk", d.eligible
		 from public.applications a
		 left join public.screening_decisions d on d.application_id = a.id
		 where a.challenge_id = $1 and a.status = 'submitted'
		 order by a.submitted_at`,
		[challengeId]
	);
}

export interface SubmittedApplication {
	id: string;
	challengeId: string;
	submittedAt: Date;
	digest: string;
	snapshot: Snapshot & { coverage: Coverage | null };
	screening: ScreeningResult | null;
	marks: ScreeningResult['marks'];
}

/** One submitted application with its frozen content and the screening so far. */
export async function getSubmitted(
	tx: Queryable,
	challengeId: string,
	id: string
): Promise<SubmittedApplication | null> {
	const [app] = await tx.query<Omit<SubmittedApplication, 'screening' | 'marks'>>(
		`select id, challenge_id as "challengeId", submitted_at as "submittedAt", digest, snapshot
		 from public.applications where id = $1 and challenge_id = $2 and status = 'submitted'
		   and id in (select private.my_screenable_application_ids())`,
		[id, challengeId]
	);
	if (!app) return null;
	return { ...app, ...(await readScreening(tx, id)) };
}

/**
 * Records the owner's marks and, when given, the decision in their name; a decision's
 * mail to every member of the team is enqueued in the same transaction. Returns
 * whether a decision was recorded, or null when RLS refused.
 */
export async function saveScreening(
	tx: Queryable,
	id: string,
	screening: Screening,
	decider: { id: string; name: string }
): Promise<{ decided: boolean } | null> {
	const [ok] = await tx.query('select 1 where private.is_screenable($1)', [id]);
	if (!ok) return null;
	for (const mark of screening.marks) {
		await tx.query(
			`insert into public.screening_marks (application_id, requirement_id, met, reason, marked_by)
			 select $1, r.id, $3, $4, $5 from public.challenge_requirements r
			 join public.applications a on a.challenge_id = r.challenge_id and a.id = $1
			 where r.id = $2
			 on conflict (application_id, requirement_id) do update set met = excluded.met,
			   reason = excluded.reason, marked_by = excluded.marked_by, marked_at = now()`,
			[id, mark.requirementId, mark.met, mark.reason, decider.id]
		);
	}
	if (!screening.decision) return { decided: false };
	await tx.query(
		`insert into public.screening_decisions
		   (application_id, eligible, justification, decided_by, decided_by_name)
		 values ($1, $2, $3, $4, $5)
		 on conflict (application_id) do update set eligible = excluded.eligible,
		   justification = excluded.justification, decided_by = excluded.decided_by,
		   decided_by_name = excluded.decided_by_name, decided_at = now()`,
		[id, screening.decision.eligible, screening.decision.justification, decider.id, decider.name]
	);
	await enqueueScreeningResult(tx, id);
	return { decided: true };
}

/** Enqueues the team's result for every member, each in their language. */
async function enqueueScreeningResult(tx: Queryable, id: string) {
	const [app] = await tx.query<{
		teamId: string;
		teamName: string;
		eligible: boolean;
		title: LocalizedText;
		primaryLocale: Locale;
	}>(
		`select a.team_id as "teamId", a.snapshot -> 'team' ->> 'name' as "teamName", d.eligible,
		   c.title, c.primary_locale as "primaryLocale"
		 from public.applications a join public.challenges c on c.id = a.challenge_id
		 join public.screening_decisions d on d.application_id = a.id where a.id = $1`,
		[id]
	);
	if (!app) return;
	await enqueueMail(
		tx,
		'screening_result',
		{ teamId: app.teamId },
		{
			title: app.title,
			primaryLocale: app.primaryLocale,
			team: app.teamName ?? '',
			eligible: app.eligible,
			path: `/applications/${id}`
		}
	);
}
