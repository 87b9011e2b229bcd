/** The routes about one challenge, named by their `id` parameter (a uuid, by its matcher). */
const ABOUT_ONE_CHALLENGE = '/manage/challenges/[id=uuid]';

/**
 * The challenge a request is about, when its route says so: the `id` of every route at or
 * under /manage/challenges/[id=uuid] (its pages, form actions and downloads, whose every
 * read and write is about that challenge). Takes SvelteKit's route id (null when no route
 * matched) and the route's params; returns the challenge's uuid, or null for any other
 * route. hooks.server.ts scopes such a request's database to it (Database.scopedTo): the
 * policies then check the reader's access to that challenge only (issue 16).
 */
export function requestChallengeScope(
	routeId: string | null,
	params: Partial<Record<string, string>>
): string | null {
	if (routeId !== ABOUT_ONE_CHALLENGE && !routeId?.startsWith(`${ABOUT_ONE_CHALLENGE}/`))
		return null;
	return params.id ?? null;
}
