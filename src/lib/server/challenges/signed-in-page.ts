import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';
import { applicationsOpenAt } from '$lib/domain/application-window';
import { applyTeams, type ApplyTeam } from '../applications/apply-options';
import { challengeWorkshops, type WorkshopSummary } from '../workshops/list';
import { getChallengeDetail, readerDetail, type ChallengeDetail } from './detail';

/** A challenge page's data for a signed-in reader. */
export interface SignedInPage {
	challenge: ChallengeDetail;
	/** Their teams for the Apply panel; null while applications are not open. */
	teams: ApplyTeam[] | null;
	workshops: WorkshopSummary[];
}

/**
 * The challenge at `slug` as RLS shows it to the signed-in user `userId`, for its page, read
 * in the caller's transaction `tx` (as that user); null when they cannot see one. With it
 * the teams of the Apply panel (only while applications are open, so a visitor's page stays
 * cacheable without them; ordered by name in `locale`) and the workshops they take part
 * in, facilitate or own. A reader outside the organisation of the published challenge
 * (`visitor`: a visitor's view of it, or null when none is published at `slug`) gets that
 * view and their own parts, all sent in one round trip (readerDetail, issue 16); a member
 * of the organisation, or the reader of a draft, the challenge read whole.
 */
export async function signedInPage(
	tx: Queryable,
	slug: string,
	userId: string,
	visitor: ChallengeDetail | null,
	locale: Locale
): Promise<SignedInPage | null> {
	const panels = (challenge: ChallengeDetail) =>
		Promise.all([
			applicationsOpenAt(challenge.stages, new Date())
				? applyTeams(tx, challenge.id, userId, locale)
				: null,
			challengeWorkshops(tx, challenge.id)
		]);
	if (!visitor) {
		const challenge = await getChallengeDetail(tx, { slug }, userId);
		if (!challenge) return null;
		const [teams, workshops] = await panels(challenge);
		return { challenge, teams, workshops };
	}
	const [reader, [teams, workshops]] = await Promise.all([
		readerDetail(tx, visitor, userId),
		panels(visitor)
	]);
	// A member of the organisation reads the same published challenge whole: its stages,
	// and so its panels, are the visitor's, already read.
	const challenge = reader ?? (await getChallengeDetail(tx, { slug }, userId));
	return challenge && { challenge, teams, workshops };
}
