import type { Queryable } from '../db';
import { startApplication, type StartResult } from '../applications/editor';
import { challengeIdBySlug } from './detail';
import { follow, unfollow } from './followers';
import { askQuestion, type AskResult } from './questions';

/**
 * What a reader does on a challenge's page, each one capability taking the page's slug
 * (issue 11: one call per action, no query left in the route). Each finds the challenge
 * in the caller's transaction (RLS decides what they can see) and returns `not_found`
 * for a slug they cannot see, which the route answers with 404.
 */
type NotFound = { ok: false; reason: 'not_found' };
const notFound: NotFound = { ok: false, reason: 'not_found' };

/** Follows (`following` true) or stops following the challenge at `slug`, as the caller. */
export async function setFollowing(
	tx: Queryable,
	slug: string,
	following: boolean
): Promise<{ ok: true } | NotFound> {
	const id = await challengeIdBySlug(tx, slug);
	if (!id) return notFound;
	await (following ? follow : unfollow)(tx, id);
	return { ok: true };
}

/**
 * Starts (or finds) `teamId`'s application to the challenge at `slug`: startApplication's
 * answer, whose refusals (closed, not a member) the database decides.
 */
export async function applyToChallenge(
	tx: Queryable,
	slug: string,
	teamId: string
): Promise<StartResult | NotFound> {
	const id = await challengeIdBySlug(tx, slug);
	return id ? startApplication(tx, id, teamId) : notFound;
}

/** Asks a question of the challenge at `slug` (ask_question checks the period and counts). */
export async function askAboutChallenge(
	tx: Queryable,
	slug: string,
	question: string
): Promise<AskResult | NotFound> {
	const id = await challengeIdBySlug(tx, slug);
	return id ? askQuestion(tx, id, question) : notFound;
}
