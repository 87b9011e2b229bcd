import type { Queryable } from '../db';

export type AskResult = { ok: true; id: string } | { ok: false; reason: 'closed' };

/** Asks through the database function, which checks the deadline by its own clock. */
export async function askQuestion(
	tx: Queryable,
	challengeId: string,
	question: string
): Promise<AskResult> {
	const [row] = await tx.query<{ id: string | null }>('select public.ask_question($1, $2) as id', [
		challengeId,
		question
	]);
	return row.id ? { ok: true, id: row.id } : { ok: false, reason: 'closed' };
}

/** Publishes an answer to everyone (RLS: members of the owning organisation only). */
export async function answerQuestion(
	tx: Queryable,
	userId: string,
	questionId: string,
	answer: string
) {
	const rows = await tx.query<{ challenge_id: string }>(
		`update public.challenge_questions
		 set answer = $2, answered_at = coalesce(answered_at, now()), answered_by = $3
		 where id = $1 and merged_into is null returning challenge_id`,
		[questionId, answer, userId]
	);
	return rows[0]?.challenge_id ?? null;
}

/** Merges a duplicate into another question of the same challenge; the duplicate's asker reads the answer there. */
export async function mergeQuestion(tx: Queryable, questionId: string, into: string) {
	const rows = await tx.query(
		`update public.challenge_questions q set merged_into = $2
		 where q.id = $1 and q.id <> $2 and q.answer is null
		   and exists (select 1 from public.challenge_questions t
		               where t.id = $2 and t.challenge_id = q.challenge_id and t.merged_into is null)
		 returning q.id`,
		[questionId, into]
	);
	return rows.length === 1;
}

/** Unanswered questions waiting for the owners, per challenge they can manage. */
export function waitingQuestions(tx: Queryable, challengeId: string) {
	return tx.query<{ id: string; body: string; createdAt: Date }>(
		`select id, body, created_at as "createdAt" from public.challenge_questions
		 where challenge_id = $1 and answer is null and merged_into is null order by created_at`,
		[challengeId]
	);
}
