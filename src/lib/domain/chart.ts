/**
 * The arithmetic of the server-rendered charts (src/lib/components/charts): a y axis with
 * round steps, and the segments of stacked bars. Pure, so the geometry is tested without
 * a browser; the components only scale it to pixels.
 */

/** A y axis from 0: its top and the values where gridlines go (0 first, `max` last). */
export interface Axis {
	max: number;
	ticks: number[];
}

/**
 * A y axis from 0 that holds `value` with about `count` round steps (1, 2, 2.5 or 5 × a
 * power of ten; whole steps only, the charts count results, clients and euros). A value
 * of 0 or less gives an axis 0–1, so an empty chart still draws.
 */
export function niceAxis(value: number, count = 4): Axis {
	if (!(value > 0)) return { max: 1, ticks: [0, 1] };
	const raw = value / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = Math.max(
		1,
		[1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw && Number.isInteger(s)) ??
			10 * power
	);
	const max = Math.ceil(value / step) * step;
	const ticks: number[] = [];
	for (let t = 0; t <= max; t += step) ticks.push(t);
	return { max, ticks };
}

/** One segment of a stacked bar: its series, where it starts (from 0) and its value. */
export interface Segment {
	series: number;
	start: number;
	value: number;
}

/**
 * The segments of one stacked bar, bottom up, in series order; zero (and negative)
 * values make no segment. The last segment ends at the bar's total.
 */
export function stack(values: readonly number[]): Segment[] {
	const out: Segment[] = [];
	let start = 0;
	for (const [series, value] of values.entries()) {
		if (value > 0) {
			out.push({ series, start, value });
			start += value;
		}
	}
	return out;
}
