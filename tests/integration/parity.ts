import type { Database } from '../../src/lib/server/db/database';

/**
 * Runs one SQL expression over every case in one statement and returns its answers in
 * case order. `expression` reads the case as `c` (jsonb, the case as JSON): e.g.
 * `private.is_blank(c ->> 'text')`. The parity tests compare these answers with the
 * TypeScript rule's for the same cases.
 */
export async function sqlAnswers<T>(db: Database, expression: string, cases: unknown[]) {
	const rows = await db.service('test: rule parity', (tx) =>
		tx.query<{ answer: T }>(
			`select ${expression} as answer
			 from jsonb_array_elements($1::text::jsonb) with ordinality as x(c, i) order by i`,
			[JSON.stringify(cases)]
		)
	);
	return rows.map((r) => r.answer);
}
