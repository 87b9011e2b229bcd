/** A question on a challenge page, as far as the page's order and the reader's marks go. */
export interface PageQuestion {
	id: string;
	createdAt: Date;
	answeredAt: Date | null;
	/** Asked by the reader. */
	mine: boolean;
}

/**
 * The questions a signed-in reader sees on a published challenge's page, made from what a
 * visitor sees there (`visible`: the answered questions, none marked as the reader's) and
 * the reader's own questions (`own`, each as the reader reads it: answered or not, merged or
 * not). Row-level security shows the reader exactly these (the select policy of
 * challenge_questions: answered ones to everyone, the rest to their askers and the
 * challenge's organisation; a member of that organisation is not a reader here).
 *
 * Takes the two lists; returns one list with each id once: the reader's version of a
 * question they asked (marked `mine`), the visitor's of the others, newest answer or
 * question first (the order getChallengeDetail asks of the database:
 * coalesce(answered_at, created_at) desc), ties in the order given, `own` first. Neither
 * input is changed.
 */
export function readerQuestions<Q extends PageQuestion>(visible: Q[], own: Q[]): Q[] {
	const ownIds = new Set(own.map((q) => q.id));
	const at = (q: Q) => (q.answeredAt ?? q.createdAt).getTime();
	// Array.prototype.sort is stable: equal times keep the order given.
	return [
		...own.map((q) => ({ ...q, mine: true })),
		...visible.filter((q) => !ownIds.has(q.id))
	].sort((a, b) => at(b) - at(a));
}
