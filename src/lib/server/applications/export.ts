import type { Queryable } from '../db';
import { toCsv } from '$lib/domain/csv';
import { withCoverage, type Snapshot } from '$lib/domain/application-snapshot';

interface Row {
	id: string;
	submittedAt: Date;
	digest: string;
	snapshot: Snapshot;
	eligible: boolean | null;
	justification: string | null;
}

/** The submitted applications of a challenge with their frozen content; RLS limits them to its owners. */
async function submittedRows(tx: Queryable, challengeId: string) {
	const rows = await tx.query<Row>(
		`select a.id, a.submitted_at as "submittedAt", a.digest, a.snapshot, d.eligible, d.justification
		 from public.applications a left join public.screening_decisions d on d.application_id = a.id
		 where a.challenge_id = $1 and a.status = 'submitted' order by a.submitted_at`,
		[challengeId]
	);
	return rows.map((r) => ({ ...r, snapshot: withCoverage(r.snapshot) }));
}

const decision = (eligible: boolean | null) =>
	eligible === null ? '' : eligible ? 'eligible' : 'ineligible';

/** One row per application: team, members, coverage, answers and the screening result. */
export async function applicationsCsv(tx: Queryable, challengeId: string): Promise<string> {
	const rows = await submittedRows(tx, challengeId);
	return toCsv(
		[
			'application_id',
			'team',
			'home_organisations',
			'members',
			'submitted_at',
			'sha256',
			'coverage_ok',
			'shortfalls',
			'requirements_met_by_applicant',
			'ideas',
			'decision',
			'justification'
		],
		rows.map((r) => [
			r.id,
			r.snapshot.team.name,
			r.snapshot.team.homeOrganisations.join('; '),
			r.snapshot.team.members.map((x) => x.name).join('; '),
			new Date(r.submittedAt).toISOString(),
			r.digest,
			r.snapshot.coverage?.ok ?? '',
			(r.snapshot.coverage?.shortfalls ?? [])
				.map((s) => ('area' in s ? `${s.code}:${s.area}` : s.code))
				.join('; '),
			`${r.snapshot.answers.filter((a) => a.meets).length}/${r.snapshot.answers.length}`,
			r.snapshot.ideas.map((i) => i.title).join('; '),
			decision(r.eligible),
			r.justification ?? ''
		])
	);
}

/** One row per preliminary idea of every submitted application. */
export async function ideasCsv(tx: Queryable, challengeId: string): Promise<string> {
	const rows = await submittedRows(tx, challengeId);
	return toCsv(
		['application_id', 'team', 'position', 'title', 'problem', 'idea', 'value', 'decision'],
		rows.flatMap((r) =>
			r.snapshot.ideas.map((i) => [
				r.id,
				r.snapshot.team.name,
				i.position,
				i.title,
				i.problem,
				i.idea,
				i.value,
				decision(r.eligible)
			])
		)
	);
}
