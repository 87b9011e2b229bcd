import type { RawForm } from './challenge-schemas';

/**
 * An edit of a form's repeated rows (`<prefix><i>_<field>`), asked by the button that
 * sent the form (`row=add`, `row=remove:<i>`, `row=up:<i>`, `row=down:<i>`): without
 * JavaScript the server applies it and shows the form again, unsaved (issue 12: the
 * criteria editor had no add, remove or reorder).
 */
export type RowOp = { kind: 'add' } | { kind: 'remove' | 'up' | 'down'; index: number };

/** The row edit a button's value asks for; null for anything else. */
export function parseRowOp(value: string | undefined): RowOp | null {
	if (value === 'add') return { kind: 'add' };
	const match = /^(remove|up|down):(\d{1,3})$/.exec(value ?? '');
	if (!match) return null;
	return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
}

/**
 * The form's values with the rows edited and numbered 0… again, and how many rows it
 * now has. Rows are those with any value in `raw`; an added row is empty; moving the
 * first row up or the last down changes nothing.
 */
export function applyRowOp(
	raw: RawForm,
	prefix: string,
	op: RowOp
): { values: RawForm; rows: number } {
	const pattern = new RegExp(`^${prefix}(\\d{1,3})_(.+)$`);
	const order = [...new Set(Object.keys(raw).flatMap((k) => pattern.exec(k)?.[1] ?? []))]
		.map(Number)
		.sort((a, b) => a - b);
	const at = op.kind === 'add' ? -1 : order.indexOf(op.index);
	if (op.kind === 'remove' && at >= 0) order.splice(at, 1);
	if (op.kind === 'up' && at > 0) [order[at - 1], order[at]] = [order[at], order[at - 1]];
	if (op.kind === 'down' && at >= 0 && at < order.length - 1)
		[order[at + 1], order[at]] = [order[at], order[at + 1]];
	const values: RawForm = {};
	for (const [key, value] of Object.entries(raw)) {
		const match = pattern.exec(key);
		if (!match) values[key] = value;
		else {
			const position = order.indexOf(Number(match[1]));
			if (position >= 0) values[`${prefix}${position}_${match[2]}`] = value;
		}
	}
	return { values, rows: order.length + (op.kind === 'add' ? 1 : 0) };
}
