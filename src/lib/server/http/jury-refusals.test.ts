import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JURY_REFUSALS, juryRefusal } from './jury-refusals';

const migrations = readdirSync('supabase/migrations')
	.filter((f) => f.endsWith('.sql'))
	.map((f) => readFileSync(`supabase/migrations/${f}`, 'utf8'))
	.join('\n');

/**
 * Every reason code a definer function raises: jury_refuse('…'), hint = 'jury_…', and the
 * codes private.jury_score_problem answers (then 'jury_…') for jury_refuse to raise.
 */
const raised = new Set(
	[
		...migrations.matchAll(
			/jury_refuse\('(jury_[a-z_]+)'\)|hint = '(jury_[a-z_]+)'|then '(jury_[a-z_]+)'/g
		)
	].map((m) => m[1] ?? m[2] ?? m[3])
);

describe('jury refusals in words (issue 13)', () => {
	it('knows every code the migrations raise, and no other', () => {
		expect(raised.size).toBeGreaterThan(20);
		expect([...raised].sort()).toEqual(Object.keys(JURY_REFUSALS).sort());
	});

	it('has words for every code in fi, sv and en', () => {
		for (const locale of ['fi', 'sv', 'en']) {
			const words = JSON.parse(readFileSync(`messages/jury/${locale}.json`, 'utf8'));
			for (const code of Object.keys(JURY_REFUSALS)) {
				expect(words[code.replace(/^jury_/, 'jury_refusal_')], `${locale} ${code}`).toMatch(/\S/);
			}
		}
	});

	it('answers a refusal with its status and words, and nothing else', () => {
		const refused = {
			code: 'TK422',
			hint: 'jury_score_above_max',
			message: 'jury_score_above_max'
		};
		expect(juryRefusal(refused)).toMatchObject({ code: 'jury_score_above_max', status: 400 });
		expect(juryRefusal(refused)?.message).not.toContain('jury_');
		expect(juryRefusal({ code: '42501', hint: 'jury_not_chair' })?.status).toBe(403);
		expect(juryRefusal({ code: '23505', hint: 'jury_not_chair' })).toBeNull();
		expect(juryRefusal({ code: 'TK422', hint: 'limit_invite' })).toBeNull();
		expect(juryRefusal(new Error('x'))).toBeNull();
	});
});
