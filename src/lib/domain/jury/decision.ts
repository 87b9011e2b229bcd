/**
 * From ranking to decision (issue 13): the jury proposes its top k; the chair (the
 * signatory) decides. Departing from the jury's proposal is allowed, never silently: the
 * decision must state its reasons (Act 1397/2016 §123), and a departure is exactly what an
 * appeal will ask about.
 */
import { comparablePoints } from './ranking';
import { compareIds, MAX_JUSTIFICATION_LENGTH, type ItemId } from './scores';
import { isBlank } from '$lib/domain/text';

export interface TopKProposal {
	/** The first k items in rank order (all of them when fewer). */
	proposed: ItemId[];
	/**
	 * True when the k-th and the (k+1)-th item have equal totals (at comparablePoints
	 * resolution), so only the tie-break put one above the other: the chair should see it.
	 */
	tieAtCutoff: boolean;
}

/**
 * The jury's proposal: takes the ranked items (best first, as evaluate returns them; only
 * `item` and `total` are read) and k, how many the stage selects (Helsinki: 5 at
 * shortlisting, 2 at selection). Returns the top k and whether a tie sits at the cut-off.
 * Throws RangeError for k that is not a positive whole number.
 */
export function proposeTopK(
	ranked: readonly { item: ItemId; total: number | null }[],
	k: number
): TopKProposal {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k ${k} is not a positive integer`);
	const last = ranked[k - 1];
	const next = ranked[k];
	const tieAtCutoff =
		last !== undefined &&
		next !== undefined &&
		last.total !== null &&
		next.total !== null &&
		comparablePoints(last.total) === comparablePoints(next.total);
	return { proposed: ranked.slice(0, k).map((r) => r.item), tieAtCutoff };
}

export type DecisionIssueCode =
	| 'decision_empty'
	| 'decision_duplicate'
	| 'decision_unknown_item'
	| 'decision_too_many'
	| 'decision_justification_missing'
	| 'decision_justification_too_long';

export interface DecisionCheckInput {
	/** Every item the stage ranked (the candidates the chair may choose from). */
	ranked: readonly ItemId[];
	/** proposeTopK's proposal and the k it was made for. */
	proposed: readonly ItemId[];
	k: number;
	/** The items the chair selects. */
	chosen: readonly ItemId[];
	/** The chair's written reasons (may be blank when the decision follows the proposal). */
	justification: string;
}

export type DecisionCheck =
	| {
			ok: true;
			/** True when the decision departs from the proposal (and so carries reasons). */
			departs: boolean;
			/** Chosen items the jury did not propose, and proposed items not chosen, by id. */
			added: ItemId[];
			dropped: ItemId[];
			justification: string;
	  }
	| { ok: false; issues: DecisionIssueCode[] };

/**
 * Checks a chair's decision against the jury's proposal. Takes the input above; returns
 * whether it departs from the proposal, what it adds and drops, and the trimmed
 * justification — or the issues. Refused: choosing nobody (that is a cancellation, a
 * different decision), an item twice, an item the stage did not rank, more than k + 1
 * items (one extra place is how a tie at the cut-off or a near-tie is settled fairly; a
 * larger change is a new call), and — whenever the chosen set differs from the proposal,
 * including choosing k + 1 or fewer than k — a blank justification. A justification longer
 * than MAX_JUSTIFICATION_LENGTH is refused always. Codes map to fi/sv/en messages.
 */
export function checkDecision(input: DecisionCheckInput): DecisionCheck {
	const issues: DecisionIssueCode[] = [];
	const chosen = new Set(input.chosen);
	const ranked = new Set(input.ranked);
	const proposed = new Set(input.proposed);
	if (input.chosen.length === 0) issues.push('decision_empty');
	if (chosen.size !== input.chosen.length) issues.push('decision_duplicate');
	if (input.chosen.some((i) => !ranked.has(i))) issues.push('decision_unknown_item');
	if (chosen.size > input.k + 1) issues.push('decision_too_many');
	const added = [...chosen].filter((i) => !proposed.has(i)).sort(compareIds);
	const dropped = [...proposed].filter((i) => !chosen.has(i)).sort(compareIds);
	const departs = added.length > 0 || dropped.length > 0;
	const justification = input.justification.trim();
	if (departs && isBlank(justification)) issues.push('decision_justification_missing');
	if (justification.length > MAX_JUSTIFICATION_LENGTH) {
		issues.push('decision_justification_too_long');
	}
	if (issues.length) return { ok: false, issues };
	return { ok: true, departs, added, dropped, justification };
}
