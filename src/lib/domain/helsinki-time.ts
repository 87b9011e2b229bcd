/** Times are stored as instants and entered and shown in Europe/Helsinki (DESIGN.md). */
const ZONE = 'Europe/Helsinki';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The wall-clock time in Helsinki as `YYYY-MM-DDTHH:mm`, the value of a datetime-local input. */
export function toHelsinkiLocal(date: Date): string {
	const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant a Helsinki wall-clock time means (`YYYY-MM-DD` is midnight). Null for a
 * malformed or impossible value, such as 25:00 or the hour skipped when clocks go forward.
 */
export function fromHelsinkiLocal(value: string): Date | null {
	const m = LOCAL.exec(value.trim());
	if (!m) return null;
	const [year, month, day, hour = 0, minute = 0] = m
		.slice(1)
		.map((v) => (v === undefined ? 0 : Number(v)));
	const wanted = Date.UTC(year, month - 1, day, hour, minute);
	const check = new Date(wanted);
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
		return null;
	// Helsinki is UTC+2 or UTC+3: try both offsets and keep the one that reads back right.
	for (const offsetHours of [3, 2]) {
		const candidate = new Date(wanted - offsetHours * 3600_000);
		if (
			toHelsinkiLocal(candidate) ===
			`${m[1]}-${m[2]}-${m[3]}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
		) {
			return candidate;
		}
	}
	return null;
}
