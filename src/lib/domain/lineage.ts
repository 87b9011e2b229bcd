/**
 * Lineage (issue 14): how a team's work grows from a preliminary idea through workshop
 * outcomes into a concept and a proof of concept — Industryhack's funnel (shared/seeds),
 * visible from both ends: a concept shows what it builds on, an idea what grew from it.
 *
 * A link always points from an earlier kind to a later one (LINEAGE_KINDS order), so the
 * links can never form a cycle, whatever is linked: lineageLinkIssue refuses the rest.
 */

/** What lineage connects, in the order work grows. */
export const LINEAGE_KINDS = ['idea', 'workshop_note', 'concept', 'proof_of_concept'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export interface LineageNode {
	kind: LineageKind;
	id: string;
}

/** `to` builds on `from`. */
export interface LineageLink {
	from: LineageNode;
	to: LineageNode;
}

const rank = (kind: LineageKind) => LINEAGE_KINDS.indexOf(kind);
const key = (n: LineageNode) => `${n.kind}:${n.id}`;

/**
 * Why a link cannot be made, or null when it can: it must point from an earlier kind to
 * a later one ('lineage_backwards' for a concept "building on" a proof of concept, or an
 * idea on an idea), which is what keeps lineage free of cycles.
 */
export function lineageLinkIssue(link: LineageLink): 'lineage_backwards' | null {
	return rank(link.from.kind) < rank(link.to.kind) ? null : 'lineage_backwards';
}

/**
 * Everything `start` grows from (direction 'sources') or grows into ('outcomes'),
 * following the links transitively, nearest first, each node once. Links that
 * lineageLinkIssue refuses are ignored, so the walk always ends.
 */
export function lineageOf(
	start: LineageNode,
	links: readonly LineageLink[],
	direction: 'sources' | 'outcomes'
): LineageNode[] {
	const next = new Map<string, LineageNode[]>();
	for (const link of links) {
		if (lineageLinkIssue(link)) continue;
		const [here, there] = direction === 'sources' ? [link.to, link.from] : [link.from, link.to];
		next.set(key(here), [...(next.get(key(here)) ?? []), there]);
	}
	const seen = new Set([key(start)]);
	const found: LineageNode[] = [];
	for (let queue = [start]; queue.length > 0;) {
		const node = queue.shift()!;
		for (const n of next.get(key(node)) ?? []) {
			if (seen.has(key(n))) continue;
			seen.add(key(n));
			found.push(n);
			queue.push(n);
		}
	}
	return found;
}
