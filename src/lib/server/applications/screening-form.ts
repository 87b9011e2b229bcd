import type { Queryable } from '../db';
import { parseScreening, type Screening } from '$lib/domain/application-schemas';
import type { Locale } from '$lib/domain/locale';
import { renderMail } from '../mail/templates';
import { applicationChallenge } from './editor';
import { getSubmitted, listSubmitted, saveScreening } from './screening';

/** What the team will read once a decision is confirmed: the mail and the reasons. */
export interface ScreeningPreview {
	eligible: boolean;
	justification: string;
	/** The language the justification and reasons are written in: the screener's. */
	lang: Locale;
	marks: Screening['marks'];
	mail: { subject: string; text: string };
}

export type ScreenOutcome =
	| { ok: true; decided: boolean }
	| { ok: false; errors: Record<string, string> }
	| { ok: 'preview'; preview: ScreeningPreview };

/**
 * The owner's screening form for one submitted application of the challenge: parsed
 * against the challenge's minimum requirements and saved in the caller's name (the database takes it).
 * A decision is mailed to the team and cannot be taken back unseen (issue 12, Owner):
 * unless the form says `confirm=1`, a valid decision is not saved but answered with
 * a preview of what the team will read (the mail, rendered by the very template the
 * outbox uses, in `locale`). Marks without a decision are saved at once (nothing is mailed).
 * The reasons are stored as written in `locale`, the screener's interface language.
 * Null when the application is not one the caller may screen (or not of this challenge).
 */
export async function screenApplication(
	tx: Queryable,
	challengeId: string,
	applicationId: string,
	raw: Record<string, string>,
	locale: Locale
): Promise<ScreenOutcome | null> {
	const challenge = await applicationChallenge(tx, challengeId);
	const app = challenge && (await getSubmitted(tx, challengeId, applicationId));
	if (!challenge || !app) return null;
	const parsed = parseScreening(
		raw,
		challenge.requirements.map((r) => r.id)
	);
	if (!parsed.ok) return parsed;
	const { decision, marks } = parsed.data;
	if (decision && raw.confirm !== '1') {
		const mail = renderMail(
			'screening_result',
			{
				title: challenge.title,
				primaryLocale: challenge.primaryLocale,
				team: app.snapshot.team.name,
				eligible: decision.eligible,
				path: `/applications/${applicationId}`
			},
			{ email: '', name: '', locale }
		);
		return {
			ok: 'preview',
			preview: {
				...decision,
				lang: locale,
				marks,
				mail: { subject: mail.subject, text: mail.text }
			}
		};
	}
	const saved = await saveScreening(tx, applicationId, parsed.data, locale);
	return saved && { ok: true, decided: saved.decided };
}

/**
 * The next submitted application of the challenge still without a decision, in the
 * list's order (team name) after `currentId`, wrapping round, among those whose team's
 * name holds every one of `words` (the owner's list's search, ScreeningFilter's words;
 * none: every one); null when none is left.
 */
export async function nextToScreen(
	tx: Queryable,
	challengeId: string,
	currentId: string,
	locale: Locale,
	words: string[] = []
): Promise<{ id: string; teamName: string } | null> {
	const list = await listSubmitted(tx, challengeId, locale, { state: 'all', words });
	const at = list.findIndex((a) => a.id === currentId);
	const ordered = [...list.slice(at + 1), ...list.slice(0, Math.max(at, 0))];
	const next = ordered.find((a) => a.eligible === null && a.id !== currentId);
	return next ? { id: next.id, teamName: next.teamName } : null;
}
