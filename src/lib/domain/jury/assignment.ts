/**
 * Which juror scores which item (issue 13). By default every juror scores every item, as
 * in the Helsinki case; a large round (Industryhack's 1141 applications) gives each item k
 * jurors instead. A juror who declared a conflict of interest on an item never gets it
 * (conflicts of interest: Directive 2014/24/EU art. 24; disqualification, Administrative
 * Procedure Act 434/2003 §27–28).
 */
import { compareIds, type ItemId, type JurorId } from './scores';

export interface AssignmentInput {
	items: readonly ItemId[];
	jurors: readonly JurorId[];
	/** Declared conflicts; pairs naming an item or juror not given above are ignored. */
	conflicts: readonly { juror: JurorId; item: ItemId }[];
	/** Jurors per item; absent: every non-conflicted juror scores every item. */
	perItem?: number;
}

export interface Assignment {
	/** Every item, by id, with its jurors by id. */
	items: { item: ItemId; jurors: JurorId[] }[];
	/** Every juror, by id, with the number of items they score. */
	loads: { juror: JurorId; load: number }[];
	/**
	 * Items with fewer non-conflicted jurors than wanted (perItem, or with every juror
	 * scoring: at least one): they get all they can, `available`, and need a decision
	 * (another juror, or a jury member replaced).
	 */
	short: { item: ItemId; available: number; wanted: number }[];
}

/**
 * Assigns jurors to items. Takes the items, jurors, conflicts and perItem (a positive
 * whole number) above; returns the assignment. Guarantees: no item goes to a juror
 * conflicted on it; each item gets min(perItem, its non-conflicted jurors); with perItem,
 * loads are as even as the conflicts allow — the sum of squared loads is the least
 * possible, so whenever some assignment keeps every two jurors' loads within one of each
 * other, this one does (without conflicts, always). Deterministic: items and jurors are
 * taken in id order, so the same sets give the same assignment whatever order they came in.
 * Throws RangeError for a duplicate item or juror, or perItem that is not a positive
 * whole number.
 */
export function assignJurors(input: AssignmentInput): Assignment {
	const items = uniqueSorted(input.items, 'item');
	const jurors = uniqueSorted(input.jurors, 'juror');
	const k = input.perItem;
	if (k !== undefined && (!Number.isInteger(k) || k < 1)) {
		throw new RangeError(`perItem ${k} is not a positive integer`);
	}
	const conflicted = new Set(input.conflicts.map((c) => JSON.stringify([c.juror, c.item])));
	const eligible = new Map(
		items.map((item) => [
			item,
			jurors.filter((juror) => !conflicted.has(JSON.stringify([juror, item])))
		])
	);
	const assigned = new Map<ItemId, Set<JurorId>>(items.map((i) => [i, new Set()]));
	const load = new Map<JurorId, number>(jurors.map((j) => [j, 0]));
	const wanted = k ?? 1;

	if (k === undefined) {
		for (const item of items) {
			for (const juror of eligible.get(item) as JurorId[]) {
				(assigned.get(item) as Set<JurorId>).add(juror);
				load.set(juror, (load.get(juror) as number) + 1);
			}
		}
	} else {
		// Most constrained items first, each to its least loaded eligible jurors…
		const byConstraint = [...items].sort(
			(a, b) =>
				(eligible.get(a) as JurorId[]).length - (eligible.get(b) as JurorId[]).length ||
				compareIds(a, b)
		);
		for (const item of byConstraint) {
			const chosen = [...(eligible.get(item) as JurorId[])]
				.sort((a, b) => (load.get(a) as number) - (load.get(b) as number) || compareIds(a, b))
				.slice(0, k);
			for (const juror of chosen) {
				(assigned.get(item) as Set<JurorId>).add(juror);
				load.set(juror, (load.get(juror) as number) + 1);
			}
		}
		// …then move work along chains of swaps from heavy to light jurors until none helps.
		while (rebalanceOnce(jurors, items, eligible, assigned, load));
	}

	return {
		items: items.map((item) => ({
			item,
			jurors: [...(assigned.get(item) as Set<JurorId>)].sort(compareIds)
		})),
		loads: jurors.map((juror) => ({ juror, load: load.get(juror) as number })),
		short: items
			.map((item) => ({ item, available: (eligible.get(item) as JurorId[]).length, wanted }))
			.filter((s) => s.available < s.wanted)
	};
}

/**
 * Finds one heavy juror a and a chain a → … → b of jurors, where each step hands one
 * item the giver scores to a receiver who is eligible for it and not yet on it, ending at
 * b with load(b) ≤ load(a) − 2; applies it (a loses one item, b gains one, the rest keep
 * their loads) and returns true; false when no such chain exists. Each application lowers
 * the sum of squared loads by at least 2, so the loop ends; with no chain left the loads
 * are the most even possible (the exchange argument for bipartite b-matchings). A
 * shortest chain never uses one item twice.
 */
function rebalanceOnce(
	jurors: readonly JurorId[],
	items: readonly ItemId[],
	eligible: Map<ItemId, JurorId[]>,
	assigned: Map<ItemId, Set<JurorId>>,
	load: Map<JurorId, number>
): boolean {
	const heavyFirst = [...jurors].sort(
		(a, b) => (load.get(b) as number) - (load.get(a) as number) || compareIds(a, b)
	);
	for (const source of heavyFirst) {
		const limit = (load.get(source) as number) - 2;
		if (limit < 0) return false;
		const parent = new Map<JurorId, { from: JurorId; item: ItemId } | null>([[source, null]]);
		const queue: JurorId[] = [source];
		let target: JurorId | null = null;
		search: while (queue.length) {
			const from = queue.shift() as JurorId;
			for (const item of items) {
				const on = assigned.get(item) as Set<JurorId>;
				if (!on.has(from)) continue;
				for (const to of eligible.get(item) as JurorId[]) {
					if (on.has(to) || parent.has(to)) continue;
					parent.set(to, { from, item });
					if ((load.get(to) as number) <= limit) {
						target = to;
						break search;
					}
					queue.push(to);
				}
			}
		}
		if (target === null) continue;
		for (let to = target, step = parent.get(to); step; to = step.from, step = parent.get(to)) {
			const on = assigned.get(step.item) as Set<JurorId>;
			on.delete(step.from);
			on.add(to);
		}
		load.set(source, (load.get(source) as number) - 1);
		load.set(target, (load.get(target) as number) + 1);
		return true;
	}
	return false;
}

function uniqueSorted(ids: readonly string[], what: string): string[] {
	const sorted = [...ids].sort(compareIds);
	sorted.forEach((id, i) => {
		if (i > 0 && sorted[i - 1] === id) throw new RangeError(`${what} ${id} given twice`);
	});
	return sorted;
}
