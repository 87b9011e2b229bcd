/**
 * Does the jury's choice rest on one juror? (issue 13) The chair sees, before signing,
 * whether the proposed top k would change if any single juror's scores were left out.
 */
import { evaluate, type Evaluation, type EvaluationInput } from './evaluate';
import { compareIds, type ItemId, type JurorId } from './scores';

export interface JurorDependence {
	juror: JurorId;
	/** The top k without this juror's scores, in rank order. */
	topK: ItemId[];
	/** Items that enter the top k without this juror, and items that leave it (by id). */
	entered: ItemId[];
	left: ItemId[];
}

export type Robustness =
	| { robust: true; topK: ItemId[] }
	| { robust: false; topK: ItemId[]; dependsOn: JurorDependence[] };

/**
 * Leave-one-juror-out check. Takes an evaluation input (evaluate) and k ≥ 1; evaluates it
 * as given, then once per juror with that juror's scorecards removed (normalisation, when
 * on, is recomputed without them too), and compares the top-k *sets* — an order change
 * inside the top k selects the same items, so it is not fragility. Returns `robust` with
 * the top k, or the jurors whose omission changes the set, by id, each with what would
 * change. An item scored by that juror alone becomes unscored without them and ranks
 * last, which counts as a change when it was in the top k. Fewer than k items: the top k
 * is all of them. `baseline`, when given, is evaluate(input) already computed by the
 * caller (the results page shows it too), so it is not computed twice. Throws RangeError for k that is not a positive whole number, and for
 * everything evaluate refuses.
 */
export function leaveOneJurorOut(
	input: EvaluationInput,
	k: number,
	baseline: Evaluation = evaluate(input)
): Robustness {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k ${k} is not a positive integer`);
	const topK = baseline.items.slice(0, k).map((i) => i.item);
	const inTop = new Set(topK);
	const dependsOn: JurorDependence[] = [];
	for (const juror of baseline.jurors) {
		const without = evaluate({
			...input,
			scorecards: input.scorecards.filter((c) => c.juror !== juror)
		});
		const alt = without.items.slice(0, k).map((i) => i.item);
		const altSet = new Set(alt);
		const entered = alt.filter((i) => !inTop.has(i)).sort(compareIds);
		const left = topK.filter((i) => !altSet.has(i)).sort(compareIds);
		if (entered.length || left.length) dependsOn.push({ juror, topK: alt, entered, left });
	}
	return dependsOn.length ? { robust: false, topK, dependsOn } : { robust: true, topK };
}
