import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';
import { BOARD_REFUSALS } from '$lib/domain/board';
import { ASK, ASK_SCHEMAS, REFUSALS, TELL } from './protocol';

/** Every source file under src/ (not tests, not the generated messages), with its text. */
const sources = () =>
	sourceFiles('src', /\.(ts|js|svelte)$/).map((path) => ({
		path,
		text: readFileSync(path, 'utf8')
	}));

const where = (pattern: RegExp) =>
	sources()
		.filter((f) => pattern.test(f.text))
		.map((f) => f.path)
		.sort();

describe('the socket protocol in one file', () => {
	it('names each event once, and validates every question', () => {
		const names = [...Object.values(ASK), ...Object.values(TELL)];
		expect(new Set(names).size).toBe(names.length);
		expect(Object.keys(ASK_SCHEMAS).sort()).toEqual(Object.values(ASK).sort());
		expect(ASK_SCHEMAS[ASK.join].safeParse({ boardId: 'x', lastSeq: 0 }).success).toBe(false);
	});

	it('keeps one list of refusal codes, the reducer’s among them', () => {
		expect(new Set(REFUSALS).size).toBe(REFUSALS.length);
		for (const code of BOARD_REFUSALS) expect(REFUSALS).toContain(code);
	});

	it('is the only place that spells an event name', () => {
		for (const name of [...Object.values(ASK), ...Object.values(TELL)]) {
			const quoted = new RegExp(`['"\`]${name}['"\`]`);
			expect(where(quoted), name).toEqual(['src/lib/realtime/protocol.ts']);
		}
	});

	it('has one sender on the server (through the gate) and one asker in the browser', () => {
		expect(where(/\.emit\(/)).toEqual(['src/lib/server/realtime/say.ts']);
		expect(where(/emitWithAck\(/)).toEqual(['src/lib/realtime/board-client.ts']);
	});
});

describe('one way to act as a user', () => {
	it('sets JWT claims only in Database (as and serviceAs)', () => {
		expect(where(/request\.jwt\.claims'/)).toEqual(['src/lib/server/db/database.ts']);
	});

	it('keeps routes off the socket layer: they call capabilities, which hold the notifier', () => {
		expect(where(/\$lib\/server\/realtime/).filter((p) => p.startsWith('src/routes'))).toEqual([]);
	});
});
