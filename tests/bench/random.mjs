/**
 * A deterministic pseudo-random generator (mulberry32) from a 32-bit `seed`: a function
 * answering numbers in [0, 1), the same sequence for the same seed, so every benchmark run
 * seeds and schedules the same way.
 */
export function random(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
