import { expect, signInByRequest, test } from './helpers';
import { routeParams, routeTargets, type Target } from './route-tree';

// Issue 11, item 9: a malformed id in an address reached SQL and answered 500 (a POST to
// /manage/challenges/not-a-uuid/timetable; 36 dashes passed the layout's regex). Every
// dynamic segment of the route tree has a parameter matcher (src/params/), so such an
// address matches no route: 404, for every page, form action and handler, whoever asks.

/** A well-formed value for each matcher, so that only the segment under test is wrong. */
const GOOD: Record<string, string> = {
	uuid: '20000000-0000-4000-8000-000000000001',
	slug: 'ai-goes-to-work',
	token: 'a'.repeat(32),
	filekey: '00000000-0000-4000-8000-000000000000.pdf',
	stage: 'shortlisting'
};

/** Values that are not of the kind, including the ones that once passed a regex. */
const GARBAGE: Record<string, string[]> = {
	uuid: [
		'not-a-uuid',
		'-'.repeat(36),
		'0'.repeat(36),
		'20000000-0000-4000-8000-00000000000g',
		'20000000-0000-4000-8000-0000000000011',
		'%00'
	],
	slug: ['Not_A_Slug', '-x-', 'a--b', '%C3%B8rsted', '%00'],
	token: ['x', 'a'.repeat(64), 'A'.repeat(32), '%00'],
	filekey: ['x.pdf', '..%2F..%2Fetc%2Fpasswd', '00000000-0000-4000-8000-000000000000', '%00'],
	stage: ['screening', 'Shortlisting', 'workshops', '%00']
};

const dynamic = routeTargets({ pages: true }).filter((t) => routeParams(t.path).length > 0);

/** The route's address with `bad` in its `index`-th dynamic segment, good values elsewhere. */
function addressOf(t: Target, index: number, bad: string): string {
	let i = 0;
	const path = t.path.replace(/\[(\w+)=(\w+)\]/g, (_, _name: string, matcher: string) =>
		i++ === index ? bad : GOOD[matcher]
	);
	return t.action && t.action !== 'default' ? `${path}?/${t.action}` : path;
}

test('every dynamic segment of the route tree has a parameter matcher', () => {
	expect(dynamic.length).toBeGreaterThan(20);
	for (const t of dynamic)
		for (const param of routeParams(t.path))
			expect(param.matcher && GARBAGE[param.matcher], `${t.path}: [${param.name}]`).toBeTruthy();
});

for (const who of ['visitor', 'owner@hel.example'] as const) {
	test(`a malformed id is a 404 on every dynamic route, as ${who}`, async ({
		request,
		baseURL
	}) => {
		const headers = { origin: new URL(baseURL!).origin, accept: 'text/html' };
		if (who !== 'visitor') {
			await signInByRequest(request, who, headers);
		}
		const wrong: string[] = [];
		let asked = 0;
		for (const t of dynamic) {
			const params = routeParams(t.path);
			for (let index = 0; index < params.length; index++) {
				for (const bad of GARBAGE[params[index].matcher!]) {
					const url = addressOf(t, index, bad);
					const response = await request.fetch(url, {
						method: t.method,
						headers,
						...(t.method === 'GET' ? {} : { form: { id: GOOD.uuid } }),
						maxRedirects: 0
					});
					asked++;
					if (response.status() !== 404) wrong.push(`${response.status()} ${t.method} ${url}`);
				}
			}
		}
		expect(asked).toBeGreaterThan(100);
		expect(wrong).toEqual([]);
	});
}

test('a mistyped invitation link says so in words', async ({ page }) => {
	const response = await page.goto('/invitations/not-a-real-token');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitation to a team');
	await expect(page.getByRole('alert')).toContainText(/invitation/i);
});
