/**
 * Optional per-juror normalisation (issue 13): a strict juror and a generous one score
 * the same tenders 40 and 60 on average; when each juror scores only some items (k of n
 * jurors per item), which jurors an item drew would decide its rank. Normalising puts
 * every juror's totals on one scale before the means are taken.
 */
import { compareIds, type ItemId, type JurorId } from './scores';

/** One juror's quality total for one item, in points. */
export interface JurorTotal {
	juror: JurorId;
	item: ItemId;
	total: number;
}

export interface NormalisedTotal extends JurorTotal {
	/** (total − the juror's mean) ÷ the juror's standard deviation; 0 when that is 0. */
	z: number;
	/** z mapped back to points: scale.mean + z × scale.sd. */
	points: number;
}

export interface JurorStats {
	juror: JurorId;
	count: number;
	mean: number;
	/** Population standard deviation of the juror's totals (divides by count). */
	sd: number;
}

export interface Normalisation {
	/** The points scale z-scores are mapped back to. */
	scale: { mean: number; sd: number };
	jurors: JurorStats[];
	/** Same order as the input. */
	totals: NormalisedTotal[];
}

/**
 * Normalises each juror's totals to z-scores over that juror's own totals, then maps them
 * back to the points scale so the result still reads as quality points. Takes every
 * juror × item total of one stage (points); returns the scale, each juror's mean and
 * standard deviation, and each total's z and normalised points.
 *
 * The scale: `mean` is the mean of all totals given (where the jury as a whole sits);
 * `sd` is the root mean square of the standard deviations of the jurors who scored at
 * least two items (how far apart a typical juror puts items). So normalised points keep
 * the jury's level and spread and stay comparable with price points.
 *
 * A juror who scored one item only, or gave every item the same total, has no scale of
 * their own: their z is 0 and every item they scored gets `scale.mean`, i.e. they neither
 * lift nor sink anything (their raw totals tell nothing about which item they preferred).
 * If no juror has a spread, every normalised total is scale.mean.
 *
 * `fixedScale` replaces that scale with a given one (points; sd ≥ 0), e.g. a scale
 * published in advance.
 *
 * Invariant: adding a constant to all of one juror's totals changes none of the z-scores,
 * hence no ranking; with the jury's own scale normalised points all move by the same
 * amount (the constant's share in scale.mean), with a fixed scale not at all. Multiplying one juror's totals by a positive factor changes no z-score.
 * Results are not clamped to 0..max: a linear map keeps differences honest, and a value
 * slightly outside the scale shows an outlying juror. Throws RangeError for a non-finite
 * total, a juror × item pair given twice, or a fixed scale with a negative or non-finite sd
 * or a non-finite mean.
 */
export function normaliseTotals(
	totals: readonly JurorTotal[],
	fixedScale?: { mean: number; sd: number }
): Normalisation {
	if (
		fixedScale &&
		!(Number.isFinite(fixedScale.mean) && Number.isFinite(fixedScale.sd) && fixedScale.sd >= 0)
	) {
		throw new RangeError(`bad scale ${JSON.stringify(fixedScale)}`);
	}
	// Per juror their totals and the items seen (linear: bench:jury normalises 9,000 totals
	// eleven times per results page).
	const byJuror = new Map<JurorId, { values: number[]; items: Set<ItemId> }>();
	for (const t of totals) {
		if (!Number.isFinite(t.total)) throw new RangeError(`total ${t.total} is not finite`);
		let own = byJuror.get(t.juror);
		if (!own) byJuror.set(t.juror, (own = { values: [], items: new Set() }));
		if (own.items.has(t.item)) throw new RangeError(`juror ${t.juror} scored item ${t.item} twice`);
		own.items.add(t.item);
		own.values.push(t.total);
	}
	const jurors: JurorStats[] = [...byJuror]
		.map(([juror, { values }]) => {
			const mean = values.reduce((a, b) => a + b, 0) / values.length;
			const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
			return { juror, count: values.length, mean, sd: Math.sqrt(variance) };
		})
		.sort((a, b) => compareIds(a.juror, b.juror));
	const stats = new Map(jurors.map((j) => [j.juror, j]));
	const spread = jurors.filter((j) => j.count >= 2);
	const scale = fixedScale ?? {
		mean: totals.length ? totals.reduce((s, t) => s + t.total, 0) / totals.length : 0,
		sd: spread.length ? Math.sqrt(spread.reduce((s, j) => s + j.sd ** 2, 0) / spread.length) : 0
	};
	return {
		scale,
		jurors,
		totals: totals.map((t) => {
			const j = stats.get(t.juror) as JurorStats;
			const z = zScore(t.total, j);
			return { ...t, z, points: scale.mean + z * scale.sd };
		})
	};
}

/**
 * A juror's standard deviation below a millionth of a point counts as none: totals are
 * whole hundredths, so a real spread is far larger, and this keeps float noise in the mean
 * from turning equal totals into huge z-scores.
 */
function zScore(total: number, j: JurorStats): number {
	return j.sd < 1e-6 ? 0 : (total - j.mean) / j.sd;
}
