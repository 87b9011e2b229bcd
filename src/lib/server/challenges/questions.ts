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

export type AnswerOutcome = 'answered' | 'revised' | 'merged' | 'unknown';

/**
 * Publishes (or corrects) the answer to a question of `challengeId` through
 * public.answer_question, which checks first that the caller manages that challenge and
 * that the question is one of its own, and only then writes: the answer, its time and
 * author by the database, an earlier answer kept in question_answer_revisions.
 * 'unknown' for another challenge's question or one the caller may not answer, 'merged'
 * for a question merged into another.
 */
export async function answerQuestion(
	tx: Queryable,
	challengeId: string,
	questionId: string,
	answer: string
): Promise<AnswerOutcome> {
	const [row] = await tx.query<{ outcome: AnswerOutcome }>(
		'select public.answer_question($1, $2, $3) as outcome',
		[challengeId, questionId, answer]
	);
	return row.outcome;
}

/**
 * Merges an unanswered duplicate into another question of the same challenge
 * (public.merge_question checks the challenge first); the duplicate's asker reads the
 * answer there. True when merged.
 */
export async function mergeQuestion(
	tx: Queryable,
	challengeId: string,
	questionId: string,
	into: string
) {
	const [row] = await tx.query<{ outcome: 'merged' | 'invalid' | 'unknown' }>(
		'select public.merge_question($1, $2, $3) as outcome',
		[challengeId, questionId, into]
	);
	return row.outcome === 'merged';
}

/** Unanswered questions waiting for the owners, per challenge they can manage. */
export function waitingQuestions(tx: Queryable, challengeId: string) {
	return tx.query<{ id: string; body: string; createdAt: Date }>(
		`select id, body, created_at as "createdAt" from public.challenge_questions
		 where challenge_id = $1 and answer is null and merged_into is null order by created_at`,
		[challengeId]
	);
}
