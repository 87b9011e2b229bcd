import type { AnsweredShown, ChallengeDetail } from './detail';
import { forgetPages } from '../http/page-cache';

/**
 * What an anonymous visitor sees of a published challenge, or of the list of published
 * challenges, is the same for every visitor, so it is kept for a few seconds. Any
 * change made through this process empties the cache at once; TTL bounds staleness
 * across several app instances.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2000;
const entries = new Map<string, { at: number; value: unknown }>();
// Bumped by every change, so a view read while a change landed is not kept.
let generation = 0;
// Reads under way, by key.
const pending = new Map<string, Promise<unknown>>();

/**
 * The public data under `key`: what `load` returned within the last TTL_MS, or what it
 * returns now (kept unless a change landed meanwhile). `load` must read as the anonymous
 * visitor (db.as(null, …)), so that what is kept is what anyone may see; the signed-in
 * may be given it only where RLS shows them no more than a visitor (issue 16).
 */
async function publicView<T>(key: string, load: () => Promise<T>): Promise<T> {
	const hit = entries.get(key);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
	// Requests that arrive while the view is being read (every reader of a popular page when
	// its entry expires under load) wait for that one read instead of each sending their own.
	const reading = pending.get(key);
	if (reading) return reading as Promise<T>;
	const before = generation;
	const read = load();
	pending.set(key, read);
	try {
		const value = await read;
		if (generation === before) {
			if (entries.size >= MAX_ENTRIES) entries.clear();
			entries.set(key, { at: Date.now(), value });
		}
		return value;
	} finally {
		if (pending.get(key) === read) pending.delete(key);
	}
}

/** An anonymous visitor's view of the challenge at `slug` (null: none), read by `load`. */
export function visitorView(
	slug: string,
	load: () => Promise<ChallengeDetail | null>
): Promise<ChallengeDetail | null> {
	return publicView(`challenge:${slug}`, load);
}

/**
 * Page `page` of the published challenge at `slug`'s answered questions, their answers
 * rendered (answeredShown), read by `load` as the anonymous visitor. Answered questions of
 * a published challenge are public (RLS), so every reader, signed in or not, gets the same
 * (tests/integration/challenges.test.ts compares them for every demo account; issue 16:
 * one transaction less on every view of the page).
 */
export function visitorAnswers(
	slug: string,
	page: number,
	load: () => Promise<AnsweredShown>
): Promise<AnsweredShown> {
	return publicView(`answers:${slug}:${page}`, load);
}

/**
 * The published challenge at `slug`'s amendments' changes worded in `locale`, diffed and
 * rendered to HTML by amendment id, made by `load` from the visitor's view (visitorView):
 * public, the same for every reader given that view (issue 16: a word diff per amendment
 * on every view of the page).
 */
export function visitorAmendments(
	slug: string,
	locale: string,
	load: () => Promise<Record<string, string>>
): Promise<Record<string, string>> {
	return publicView(`amendments:${slug}:${locale}`, load);
}

/**
 * A page of the published challenges' list as a visitor reads it, for these `filters`
 * (any JSON: the key) in this locale, read by `load` as the anonymous visitor. The list
 * shows only published challenges, their timetables and organisations, which RLS shows
 * everyone alike, so a signed-in reader gets the same (issue 16).
 */
export function visitorList<T>(locale: string, filters: unknown, load: () => Promise<T>) {
	return publicView(`list:${locale}:${JSON.stringify(filters)}`, load);
}

/**
 * Called after every change to a challenge, its questions or its timetable (and by
 * hooks.server.ts after any signed-in form post); also empties the page cache.
 */
export function forgetVisitorViews() {
	entries.clear();
	// A read under way may have begun before the change: later requests read afresh.
	pending.clear();
	generation++;
	forgetPages();
}

/**
 * Routes whose form posts cannot change what a visitor sees of a challenge or the list:
 * a team's own work (applications, concepts, workshops, teams, production), juries,
 * files, sign-in and the language switch. Their posts are the deadline rush (issue 16:
 * every autosave used to empty the visitor views just when most people read them).
 */
const PRIVATE_WORK_ROUTES = [
	'/applications',
	'/auth',
	'/concepts',
	'/evidence',
	'/jury',
	'/language',
	'/production',
	'/teams',
	'/uploads',
	'/workshops'
];

/**
 * Whether a signed-in form post to the route `routeId` (SvelteKit's route id, e.g.
 * '/applications/[id=uuid]'; null for no route) may have changed what visitors see, so
 * hooks.server.ts empties the visitor views after it. True for every route but those of
 * PRIVATE_WORK_ROUTES: a new route forgets until it is listed there.
 */
export function postMayChangeVisitorViews(routeId: string | null): boolean {
	if (!routeId) return false;
	return !PRIVATE_WORK_ROUTES.some((r) => routeId === r || routeId.startsWith(`${r}/`));
}
