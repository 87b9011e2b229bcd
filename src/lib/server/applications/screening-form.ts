import type { Queryable } from '../db';
import { parseScreening } from '$lib/domain/application-schemas';
import { applicationChallenge } from './editor';
import { getSubmitted, saveScreening } from './screening';

export type ScreenOutcome =
	{ ok: true; decided: boolean } | { ok: false; errors: Record<string, string> };

/**
 * The owner's screening form for one submitted application of the challenge: parsed
 * against the challenge's minimum requirements and saved in the caller's name (the database takes it).
 * Null when the application is not one the caller may screen (or not of this challenge).
 */
export async function screenApplication(
	tx: Queryable,
	challengeId: string,
	applicationId: string,
	raw: Record<string, string>
): Promise<ScreenOutcome | null> {
	const challenge = await applicationChallenge(tx, challengeId);
	if (!challenge || !(await getSubmitted(tx, challengeId, applicationId))) return null;
	const parsed = parseScreening(
		raw,
		challenge.requirements.map((r) => r.id)
	);
	if (!parsed.ok) return parsed;
	const saved = await saveScreening(tx, applicationId, parsed.data);
	return saved && { ok: true, decided: saved.decided };
}
