import type { LocalizedText } from './locale';

export interface SavedRequirement {
	id: string;
	statement: LocalizedText;
}

/** How a requirements save changes the stored rows, so answers and marks keep their ids. */
export interface RequirementPlan {
	update: { id: string; position: number; statement: LocalizedText }[];
	insert: { position: number; statement: LocalizedText }[];
	remove: string[];
}

const same = (a: LocalizedText, b: LocalizedText) =>
	JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Matches the saved requirements (in position order) to the new statements. A statement
 * that stands unchanged keeps its row wherever it moved; an edited one keeps the row at its
 * position; what is left over is inserted, and only rows no statement claims are removed
 * (teams' answers and owners' marks go with them and with nothing else).
 */
export function planRequirements(
	saved: SavedRequirement[],
	next: LocalizedText[]
): RequirementPlan {
	const claimed = new Set<string>();
	const owner: (SavedRequirement | undefined)[] = next.map((statement) => {
		const row = saved.find((r) => !claimed.has(r.id) && same(r.statement, statement));
		if (row) claimed.add(row.id);
		return row;
	});
	next.forEach((_, i) => {
		const row = saved[i];
		if (!owner[i] && row && !claimed.has(row.id)) {
			owner[i] = row;
			claimed.add(row.id);
		}
	});
	const plan: RequirementPlan = { update: [], insert: [], remove: [] };
	next.forEach((statement, i) => {
		const row = owner[i];
		if (row) plan.update.push({ id: row.id, position: i + 1, statement });
		else plan.insert.push({ position: i + 1, statement });
	});
	plan.remove = saved.filter((r) => !claimed.has(r.id)).map((r) => r.id);
	return plan;
}
