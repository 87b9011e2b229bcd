import type { Queryable } from '../db';
import { readPage, type Paged } from '$lib/domain/paging';
import { holdsWords, readChoice, type Choice } from '../list-sql';

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
 * The wording edits of the challenge's questions `questionIds` (those a page shows),
 * oldest first; RLS shows them only to those who run the challenge's dialogue (the
 * originals may hold what was removed).
 */
export function wordingEdits(tx: Queryable, challengeId: string, questionIds: string[]) {
	return tx.query<WordingEdit>(
		`select e.question_id as "questionId", e.original, e.edited, e.edited_at as "editedAt",
		   e.edited_by_name as "editorName"
		 from public.question_wording_edits e
		 join public.challenge_questions q on q.id = e.question_id
		 where q.challenge_id = $1 and e.question_id = any($2::uuid[]) order by e.edited_at, e.id`,
		[challengeId, questionIds]
	);
}

/** A question in the owner's queue. */
export interface QueuedQuestion {
	id: string;
	body: string;
	createdAt: Date;
	answer: string | null;
	mergedInto: string | null;
}

/** How many questions each part of the owner's queue shows on one page. */
export const QUESTION_QUEUE_PAGE_SIZE = 20;

/** How many questions the "merge into" choice offers; a worded note says when there are more, and words find the rest. */
export const MERGE_TARGETS_MAX = 50;

/**
 * The market dialogue of a challenge as its team works through it, read as the caller
 * (RLS: every question to those who run the dialogue): page `view.waiting` of the
 * questions waiting for an answer, oldest first, and page `view.answered` of the
 * answered ones, newest answer first, `size` each (1-based; outside a list the nearest,
 * pageWindow); how many were merged into another; and the questions one can be merged
 * into (answered, newest first, then waiting, oldest first) whose wording holds every one
 * of `view.mergeWords` (folded, searchWords; none or absent: all), the first
 * MERGE_TARGETS_MAX with how many there are (readChoice): words reach a question past
 * the first few. The database counts and pages (issue 16: every question was read on
 * each visit of the manage page).
 */
export async function questionQueue(
	tx: Queryable,
	challengeId: string,
	view: { waiting: number; answered: number; mergeWords?: string[] },
	size = QUESTION_QUEUE_PAGE_SIZE
): Promise<{
	waiting: Paged<QueuedQuestion>;
	answered: Paged<QueuedQuestion>;
	merged: number;
	mergeTargets: Choice<{ id: string; body: string }>;
}> {
	const mergeWords = view.mergeWords ?? [];
	const [counts] = await tx.query<{ waiting: number; answered: number; merged: number }>(
		`select count(*) filter (where merged_into is null and answer is null)::int as waiting,
		   count(*) filter (where merged_into is null and answer is not null)::int as answered,
		   count(*) filter (where merged_into is not null)::int as merged
		 from public.challenge_questions where challenge_id = $1`,
		[challengeId]
	);
	const part = (answered: boolean, order: string) => (limit: number, offset: number) =>
		tx.query<QueuedQuestion>(
			`select id, body, created_at as "createdAt", answer, merged_into as "mergedInto"
			 from public.challenge_questions
			 where challenge_id = $1 and merged_into is null and (answer is not null) = $2
			 order by ${order}, id limit $3 offset $4`,
			[challengeId, answered, limit, offset]
		);
	const [waiting, answered, mergeTargets] = await Promise.all([
		readPage(counts.waiting, view.waiting, size, part(false, 'created_at')),
		readPage(counts.answered, view.answered, size, part(true, 'answered_at desc')),
		readChoice<{ id: string; body: string }>(
			tx,
			`select id, left(body, 80) as body, answered_at, created_at
			 from public.challenge_questions where challenge_id = $1 and merged_into is null
			   and ${holdsWords('public.search_fold(body)', '$2', mergeWords)}`,
			'answered_at desc nulls last, created_at, id',
			[challengeId, mergeWords],
			MERGE_TARGETS_MAX
		)
	]);
	return {
		waiting,
		answered,
		merged: counts.merged,
		mergeTargets: {
			...mergeTargets,
			options: mergeTargets.options.map(({ id, body }) => ({ id, body }))
		}
	};
}
