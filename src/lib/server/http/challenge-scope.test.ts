import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestChallengeScope } from './challenge-scope';

const ROUTES = join(process.cwd(), 'src', 'routes');
const ID = '40000000-0000-4000-8000-000000000500';

/** Every route id of the app, from the files that make a route (+page, +server). */
function routeIds(): string[] {
	return readdirSync(ROUTES, { recursive: true, encoding: 'utf8' })
		.filter((f) => /(^|[/\\])\+(page|server)(\.server)?\.(ts|svelte)$/.test(f))
		.map((f) => `/${relative(ROUTES, join(ROUTES, f)).split(sep).slice(0, -1).join('/')}`)
		.map((id) => (id === '/' ? id : id.replace(/\/$/, '')));
}

describe('requestChallengeScope', () => {
	const ids = [...new Set(routeIds())];

	it('scopes every route under /manage/challenges/[id=uuid] to its id', () => {
		const inside = ids.filter((id) => id.startsWith('/manage/challenges/[id=uuid]'));
		expect(inside.length).toBeGreaterThan(10);
		for (const id of inside) expect(requestChallengeScope(id, { id: ID }), id).toBe(ID);
	});

	it('scopes no other route, even one with an id parameter', () => {
		const outside = ids.filter((id) => !id.startsWith('/manage/challenges/[id=uuid]'));
		expect(outside).toContain('/manage/challenges/new');
		expect(outside.some((id) => id.includes('[id=uuid]'))).toBe(true);
		for (const id of outside) expect(requestChallengeScope(id, { id: ID }), id).toBeNull();
		expect(requestChallengeScope('/manage/challenges/[id=uuid]x', { id: ID })).toBeNull();
		expect(requestChallengeScope(null, { id: ID })).toBeNull();
	});
});
