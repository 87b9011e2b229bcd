import type { Queryable } from '../db';
import { snapshotLangs, type Snapshot } from '$lib/domain/application-snapshot';
import type { Locale, LocalizedText } from '$lib/domain/locale';

/**
 * The submitted snapshot of one of the caller's team's applications as the exact text its
 * digest was computed from (`snapshot::text`, see public.snapshot_digest); null when the
 * application is not the caller's team's or not submitted. Owners read the snapshot on
 * their screening pages; this file is the team's means to check its receipt.
 */
export async function submittedSnapshotText(tx: Queryable, id: string): Promise<string | null> {
	const [row] = await tx.query<{ text: string }>(
		`select snapshot::text as text from public.applications
		 where id = $1 and status = 'submitted' and team_id in (select private.my_team_ids())`,
		[id]
	);
	return row?.text ?? null;
}

/**
 * The submitted snapshot of one of the caller's team's applications, parsed, with what the
 * readable receipt page shows beside it (the digest on record, when, the challenge's title,
 * the languages of its typed text: snapshotLangs); null when the application is not the
 * caller's team's or not submitted.
 */
export async function submittedSnapshot(tx: Queryable, id: string) {
	const [row] = await tx.query<{
		snapshot: Snapshot;
		digest: string;
		submittedAt: Date;
		title: LocalizedText;
		primaryLocale: Locale;
		lang: Locale;
	}>(
		`select a.snapshot, a.digest, a.submitted_at as "submittedAt", c.title,
		   c.primary_locale as "primaryLocale", a.lang
		 from public.applications a join public.challenges c on c.id = a.challenge_id
		 where a.id = $1 and a.status = 'submitted' and a.team_id in (select private.my_team_ids())`,
		[id]
	);
	if (!row) return null;
	const { lang, ...rest } = row;
	return { ...rest, langs: snapshotLangs(row.snapshot, lang) };
}
