/**
 * A token bucket per socket: bursts up to `capacity`, then `perSecond` sustained. A flood
 * from one socket is answered with errors while everybody else carries on.
 */
export class TokenBucket {
	#tokens: number;
	#at: number;

	constructor(
		readonly capacity: number,
		readonly perSecond: number,
		readonly now: () => number = Date.now
	) {
		this.#tokens = capacity;
		this.#at = now();
	}

	take(): boolean {
		const t = this.now();
		this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#at) / 1000) * this.perSecond);
		this.#at = t;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}
