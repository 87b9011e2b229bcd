import type { ChallengeDetail } from './detail';
import { forgetPages } from '../http/page-cache';

/**
 * What an anonymous visitor sees of a published challenge is the same for every
 * visitor, so it is kept for a few seconds. Any change made through this process
 * empties the cache at once; TTL bounds staleness across several app instances.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2000;
const entries = new Map<string, { at: number; value: ChallengeDetail | null }>();
// Bumped by every change, so a view read while a change landed is not kept.
let generation = 0;

export async function visitorView(
	slug: string,
	load: () => Promise<ChallengeDetail | null>
): Promise<ChallengeDetail | null> {
	const hit = entries.get(slug);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
	const before = generation;
	const value = await load();
	if (generation !== before) return value;
	if (entries.size >= MAX_ENTRIES) entries.clear();
	entries.set(slug, { at: Date.now(), value });
	return value;
}

/**
 * Called after every change to a challenge, its questions or its timetable (and by
 * hooks.server.ts after any signed-in form post); also empties the page cache.
 */
export function forgetVisitorViews() {
	entries.clear();
	generation++;
	forgetPages();
}
