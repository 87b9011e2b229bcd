import type { Queryable } from '../db';
import type { CsvTable } from '$lib/domain/csv';
import { helsinkiIso } from '$lib/domain/helsinki-time';
import type { Locale } from '$lib/domain/locale';
import { compareNames } from '$lib/domain/names';
import { withCoverage, type Snapshot } from '$lib/domain/application-snapshot';

interface Row {
	id: string;
	submittedAt: Date;
	digest: string;
	snapshot: Snapshot;
	eligible: boolean | null;
	justification: string | null;
}

/**
 * The submitted applications of a challenge with their frozen content, by team name; RLS
 * limits them to its owners.
 */
async function submittedRows(tx: Queryable, challengeId: string, locale: Locale) {
	const rows = await tx.query<Row>(
		`select a.id, a.submitted_at as "submittedAt", a.digest, a.snapshot, d.eligible, d.justification
		 from public.applications a left join public.screening_decisions d on d.application_id = a.id
		 where a.challenge_id = $1 and a.status = 'submitted' order by public.sort_key(a.snapshot -> 'team' ->> 'name', $2), a.submitted_at`,
		[challengeId, locale]
	);
	return rows.map((r) => ({ ...r, snapshot: withCoverage(r.snapshot) }));
}

const decision = (eligible: boolean | null) =>
	eligible === null ? '' : eligible ? 'eligible' : 'ineligible';

/** One row per application: team, members, coverage, answers, the screening result and the documents sent. */
export async function applicationsCsv(
	tx: Queryable,
	challengeId: string,
	locale: Locale
): Promise<CsvTable> {
	const rows = await submittedRows(tx, challengeId, locale);
	return {
		header: [
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
			'justification',
			'documents'
		],
		rows: rows.map((r) => [
			r.id,
			r.snapshot.team.name,
			r.snapshot.team.homeOrganisations.join('; '),
			r.snapshot.team.members
				.map((x) => x.name)
				.sort(compareNames(locale))
				.join('; '),
			// The page shows Helsinki time: the file says the same, with its offset.
			helsinkiIso(r.submittedAt),
			r.digest,
			r.snapshot.coverage?.ok ?? '',
			(r.snapshot.coverage?.shortfalls ?? [])
				.map((s) => ('area' in s ? `${s.code}:${s.area}` : s.code))
				.join('; '),
			`${r.snapshot.answers.filter((a) => a.meets).length}/${r.snapshot.answers.length}`,
			r.snapshot.ideas.map((i) => i.title).join('; '),
			decision(r.eligible),
			r.justification ?? '',
			// Every document the team sent, for a requirement or under "other documents"
			// (issue 12: a reviewer must never miss one).
			r.snapshot.documents.map((d) => d.fileName).join('; ')
		])
	};
}

/** One row per preliminary idea of every submitted application. */
export async function ideasCsv(
	tx: Queryable,
	challengeId: string,
	locale: Locale
): Promise<CsvTable> {
	const rows = await submittedRows(tx, challengeId, locale);
	return {
		header: ['application_id', 'team', 'position', 'title', 'problem', 'idea', 'value', 'decision'],
		rows: rows.flatMap((r) =>
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
	};
}
