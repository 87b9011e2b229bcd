/** One published field that an amendment changed. */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

/** A stable JSON form: object keys sorted, dates as ISO strings, so equal values compare equal. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v) => {
		if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
			return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
		}
		return v;
	});
}

/** The fields whose values differ between two versions of the published record. */
export function diffFields(
	before: Record<string, unknown>,
	after: Record<string, unknown>
): FieldChange[] {
	const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
	return fields
		.filter((field) => canonical(before[field] ?? null) !== canonical(after[field] ?? null))
		.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
