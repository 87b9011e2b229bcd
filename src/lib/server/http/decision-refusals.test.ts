import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECISION_REFUSALS, juryRefusal } from './jury-refusals';

const migrations = readdirSync('supabase/migrations')
	.filter((f) => f.endsWith('.sql'))
	.map((f) => readFileSync(`supabase/migrations/${f}`, 'utf8'))
	.join('\n');

/** Every decision code a definer function or guard raises: jury_refuse('decision_…') or hint = 'decision_…'. */
const raised = new Set(
	[...migrations.matchAll(/jury_refuse\('(decision_[a-z_]+)'\)|hint = '(decision_[a-z_]+)'/g)].map(
		(m) => m[1] ?? m[2]
	)
);

describe('decision refusals in words (issue 13)', () => {
	it('knows every code the migrations raise, and no other', () => {
		expect(raised.size).toBeGreaterThan(10);
		expect([...raised].sort()).toEqual(Object.keys(DECISION_REFUSALS).sort());
	});

	it('has words for every code in fi, sv and en', () => {
		for (const locale of ['fi', 'sv', 'en']) {
			const words = JSON.parse(readFileSync(`messages/decisions/${locale}.json`, 'utf8'));
			for (const code of Object.keys(DECISION_REFUSALS)) {
				const key = code.replace(/^decision_/, 'decision_refusal_');
				expect(words[key], `${locale} ${code}`).toMatch(/\S/);
			}
		}
	});

	it('answers a decision refusal with its status and words through the jury mechanism', () => {
		const refused = { code: 'TK422', hint: 'decision_too_many', message: 'decision_too_many' };
		expect(juryRefusal(refused)).toMatchObject({ code: 'decision_too_many', status: 400 });
		expect(juryRefusal(refused)?.message).not.toContain('decision_');
		expect(juryRefusal({ code: '42501', hint: 'decision_locked' })?.status).toBe(409);
		expect(juryRefusal({ code: '42501', hint: 'decision_not_chair' })?.status).toBe(403);
		expect(juryRefusal({ code: '23505', hint: 'decision_locked' })).toBeNull();
		expect(juryRefusal({ code: 'TK422', hint: 'decision_unheard_of' })).toBeNull();
	});
});
