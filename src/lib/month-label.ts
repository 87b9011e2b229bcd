/** A 'YYYY-MM' month as people read it in Finland: 3/2024. */
export function monthLabel(month: string): string {
	const match = /^(\d{4})-(\d{2})$/.exec(month);
	return match ? `${Number(match[2])}/${match[1]}` : month;
}
