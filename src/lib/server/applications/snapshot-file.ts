import type { Queryable } from '../db';

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
