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

export type EditWordingOutcome =
	'edited' | 'unchanged' | 'invalid' | 'answered' | 'merged' | 'unknown';

/**
 * Edits the wording of an unanswered question of `challengeId` (to remove a name or a
 * business secret before it is answered in public) through public.edit_question_wording,
 * which checks the caller runs the challenge's dialogue and that the question is its own,
 * keeps the original wording with the editor and the database's time
 * (question_wording_edits) and refuses a blank or over-long wording ('invalid'), an
 * answered question ('answered') or a merged one ('merged'). 'unknown' for anything the
 * caller may not edit.
 */
export async function editQuestionWording(
	tx: Queryable,
	challengeId: string,
	questionId: string,
	wording: string
): Promise<EditWordingOutcome> {
	const [row] = await tx.query<{ outcome: EditWordingOutcome }>(
		'select public.edit_question_wording($1, $2, $3) as outcome',
		[challengeId, questionId, wording]
	);
	return row.outcome;
}

/** An earlier wording of a question, who replaced it and when. */
export interface WordingEdit {
	questionId: string;
	original: string;
	edited: string;
	editedAt: Date;
	editorName: string;
}

/**
 * The wording edits of the challenge's questions, oldest first; RLS shows them only to
 * those who run the challenge's dialogue (the originals may hold what was removed).
 */
export function wordingEdits(tx: Queryable, challengeId: string) {
	return tx.query<WordingEdit>(
		`select e.question_id as "questionId", e.original, e.edited, e.edited_at as "editedAt",
		   e.edited_by_name as "editorName"
		 from public.question_wording_edits e
		 join public.challenge_questions q on q.id = e.question_id
		 where q.challenge_id = $1 order by e.edited_at, e.id`,
		[challengeId]
	);
}
