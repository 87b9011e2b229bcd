import type { Queryable } from '../db';
import { lateness } from '$lib/domain/lateness';
import type { Locale } from '$lib/domain/locale';

/** Intl.DurationFormat (Node 23+), not yet in TypeScript's lib. */
type DurationFormatter = { format(d: Record<string, number>): string };
const DurationFormat = (
	Intl as unknown as {
		DurationFormat: new (locale: string, o: { style: 'long' }) => DurationFormatter;
	}
).DurationFormat;

/** How late, in words in `locale` ("1 tunti ja 30 minuuttia"), from whole seconds. */
export const latenessInWords = (seconds: number, locale: Locale): string =>
	new DurationFormat(locale, { style: 'long' }).format(lateness(seconds));

/** A submission refused because the applications deadline had passed. */
export interface LateAttempt {
	id: string;
	teamName: string;
	attemptedByName: string;
	attemptedAt: Date;
	deadline: Date;
	/** How late, in seconds, by the database's clock. */
	lateBySeconds: number;
}

/** A late attempt with how late it was in words, as the owner's list shows it. */
export type LateAttemptView = LateAttempt & { lateBy: string };

/** lateAttempts with how late each was in words in `locale` (computed here, not in the browser). */
export async function lateAttemptsInWords(
	tx: Queryable,
	challengeId: string,
	locale: Locale
): Promise<LateAttemptView[]> {
	const rows = await lateAttempts(tx, challengeId);
	return rows.map((r) => ({ ...r, lateBy: latenessInWords(r.lateBySeconds, locale) }));
}

/**
 * The late submission attempts of a challenge, latest first, as public.submit_application
 * records them (who, when, against which deadline, all by the database's clock). RLS shows
 * them to the challenge's team and to the team that tried; anyone else gets none.
 */
export function lateAttempts(tx: Queryable, challengeId: string) {
	return tx.query<LateAttempt>(
		`select id, team_name as "teamName", attempted_by_name as "attemptedByName",
		   attempted_at as "attemptedAt", deadline,
		   floor(extract(epoch from attempted_at - deadline))::int as "lateBySeconds"
		 from public.late_submission_attempts where challenge_id = $1
		 order by attempted_at desc, id`,
		[challengeId]
	);
}
