/**
 * Series colours of the charts: Okabe & Ito's palette, told apart with the common kinds
 * of colour blindness, each with a contrast of at least 3:1 on white (WCAG 1.4.11) —
 * the yellow of the original is left out for that. The legend and the table beside each
 * chart carry the same data in words, so no colour is the only way to it.
 */
export const SERIES_COLOURS = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#56799F',
	'#8C6D00',
	'#000000',
	'#B2182B'
] as const;

/** The colour of series `i`, the palette repeated past its end. */
export const seriesColour = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length];

/** The geometry every chart shares: a viewBox sized to read at 375 px without scaling text down. */
export const FRAME = { width: 400, height: 240, right: 8, top: 12, bottom: 30 } as const;

/** Room left of the plot for the y axis' labels (12 px text, about 7 px a character). */
export const leftFor = (labels: readonly string[]): number =>
	Math.max(28, Math.ceil(Math.max(0, ...labels.map((l) => l.length)) * 7) + 10);

/** Which x labels to draw so that they do not collide: every `step`-th of `count`. */
export const labelStep = (count: number, room = 9): number => Math.max(1, Math.ceil(count / room));
