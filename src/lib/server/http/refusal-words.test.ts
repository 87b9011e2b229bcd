import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '$lib/messages.testing';
import { CONCEPT_REFUSALS } from './concept-refusals';
import { DECISION_REFUSALS, JURY_REFUSALS } from './jury-refusals';
import { OUTCOME_REFUSALS } from './outcome-refusals';
import { POC_REFUSALS } from './poc-refusals';

// Every reason code a definer function or guard raises must have a status and words in
// fi, sv and en, whichever message folder holds them: a code without words would reach a
// person as the code itself. One table per capability, each known by its code's prefix.
const TABLES: Record<string, Record<string, number>> = {
	jury: JURY_REFUSALS,
	decision: DECISION_REFUSALS,
	concept: CONCEPT_REFUSALS,
	poc: POC_REFUSALS,
	outcome: OUTCOME_REFUSALS
};

const migrations = readdirSync('supabase/migrations')
	.filter((f) => f.endsWith('.sql'))
	.map((f) => readFileSync(`supabase/migrations/${f}`, 'utf8'))
	.join('\n');

/**
 * The codes the migrations raise with `prefix`: refuse('…') by any of the refusing helpers,
 * hint = '…', and the codes a problem function answers (then '…', return '…') for them to raise.
 */
const raised = (prefix: string) =>
	new Set(
		[
			...migrations.matchAll(
				new RegExp(`(?:refuse\\(|hint = |then |return )'(${prefix}_[a-z_]+)'`, 'g')
			)
		].map((m) => m[1])
	);

describe('refusals in words (issues 13 and 14)', () => {
	for (const [prefix, table] of Object.entries(TABLES)) {
		it(`knows every ${prefix}_ code the migrations raise, and no other`, () => {
			const codes = raised(prefix);
			expect(codes.size).toBeGreaterThan(5);
			expect([...codes].sort()).toEqual(Object.keys(table).sort());
		});
	}

	for (const locale of ['fi', 'sv', 'en']) {
		it(`has words for every code in ${locale}`, () => {
			const words = loadMessages<unknown>(locale);
			const missing = Object.entries(TABLES).flatMap(([prefix, table]) =>
				Object.keys(table)
					.map((code) => code.replace(new RegExp(`^${prefix}_`), `${prefix}_refusal_`))
					.filter((key) => typeof words[key] !== 'string' || !/\S/.test(words[key] as string))
			);
			expect(missing).toEqual([]);
		});
	}
});
