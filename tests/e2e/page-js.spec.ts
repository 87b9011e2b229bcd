import { expect, test } from '@playwright/test';
import { kB, pageJavaScript } from '../bench/page-js.mjs';

// Issue 16: a visitor's challenge page downloads at most 60 kB of JavaScript, gzipped. It grew
// unnoticed from 59.1 to 75.1 kB as features came (a word diff library among them), was
// 71.0 kB after the diff moved to the server and 61.4 kB after routes were resolved on the
// server and a signed-in reader's parts were loaded for them only. It came to 58.0 kB once
// calendar days were apart from the Helsinki clock, the amendment log was rendered on the
// server, the signed-in menu was worded there and every component was compiled in runes
// mode. This holds it under the goal, so it cannot grow past it unnoticed.
const CEILING = 60 * 1024;

test('a challenge page sends a visitor no more JavaScript than its ceiling, gzipped', async ({
	baseURL
}) => {
	const js = await pageJavaScript(new URL('/challenges/snow-problem', baseURL).href);
	const list = js.files.map((f) => `${kB(f.bytes).padStart(9)}  ${new URL(f.url).pathname}`);
	// A page that sent no script at all would pass for the wrong reason.
	expect(js.files.length).toBeGreaterThan(0);
	expect(
		js.bytes,
		`${kB(js.bytes)} of JavaScript, over the ceiling of ${kB(CEILING)}:\n${list.join('\n')}`
	).toBeLessThanOrEqual(CEILING);
});
