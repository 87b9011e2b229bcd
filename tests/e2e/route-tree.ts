import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isFileKey, isSlug, isToken, isUuid } from '../../src/lib/domain/route-params';
import { isEvaluatedStage } from '../../src/lib/domain/stages';

/** A request the app answers: a route of src/routes, its method and form action. */
export interface Target {
	/** The route as its directories name it, e.g. `/teams/[id=uuid]`. */
	path: string;
	method: string;
	/** A form action's name (`default` for the unnamed one). */
	action?: string;
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

/**
 * Every form action (POST) and handler method of src/routes, and with `pages` every page
 * (GET), read from the files themselves, so that a route added later is covered without
 * a list to update.
 */
export function routeTargets({ pages = false } = {}): Target[] {
	const found: Target[] = [];
	for (const file of files('src/routes')) {
		const route = '/' + relative('src/routes', file).split('/').slice(0, -1).join('/');
		const source = readFileSync(file, 'utf8');
		if (pages && file.endsWith('+page.svelte')) found.push({ path: route, method: 'GET' });
		if (file.endsWith('+page.server.ts')) {
			const block = /export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/.exec(source)?.[1];
			if (!block) continue;
			for (const m of block.matchAll(/^\t(\w+):\s*(?:async\s*)?\(/gm))
				found.push({ path: route, method: 'POST', action: m[1] });
		} else if (file.endsWith('+server.ts')) {
			for (const m of source.matchAll(
				/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
			))
				found.push({ path: route, method: m[1] });
		}
	}
	return found;
}

/** The dynamic segments of a route: `[name=matcher]` (matcher undefined when it has none). */
export function routeParams(path: string): { name: string; matcher?: string }[] {
	return [...path.matchAll(/\[(?:\.\.\.)?(\w+)(?:=(\w+))?\]/g)].map((m) => ({
		name: m[1],
		matcher: m[2]
	}));
}

/** The parameter matchers of src/params, by name (each file there has one entry here). */
const MATCHERS: Record<string, (value: string) => boolean> = {
	uuid: isUuid,
	slug: isSlug,
	token: isToken,
	filekey: isFileKey,
	stage: isEvaluatedStage
};

/**
 * The page route that answers `address` (a path such as `/invitations/abc…`), as
 * SvelteKit would match it with the matchers of src/params; null when none does. Route
 * groups `(name)` take no segment.
 */
export function routeOf(address: string): string | null {
	const wanted = address.split(/[?#]/)[0].split('/').filter(Boolean);
	for (const { path } of routeTargets({ pages: true }).filter((t) => t.method === 'GET')) {
		const segments = path.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
		if (segments.length !== wanted.length) continue;
		const fits = segments.every((segment, i) => {
			const param = /^\[(\w+)(?:=(\w+))?\]$/.exec(segment);
			if (!param) return segment === wanted[i];
			if (!param[2]) return true;
			const matcher = MATCHERS[param[2]];
			if (!matcher) throw new Error(`no matcher ${param[2]} in route-tree.ts`);
			return matcher(decodeURIComponent(wanted[i]));
		});
		if (fits) return path;
	}
	return null;
}
