import type { PageLoad } from './$types';

/**
 * Adds the components only a signed-in reader uses (reader-parts.ts) to the page's data:
 * null for a visitor, whose browser then never fetches them (issue 16: a visitor's challenge
 * page under 60 kB of JavaScript). It runs on the server as well, so a signed-in reader's page
 * is rendered with them, and in the browser before the page hydrates, so nothing flashes.
 */
export const load: PageLoad = async ({ data }) => ({
	...data,
	readerParts: data.signedIn ? await import('./reader-parts') : null
});
