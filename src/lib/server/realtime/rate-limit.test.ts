import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit';

describe('token bucket', () => {
	it('allows a burst, refuses beyond it, and refills with time', () => {
		let now = 0;
		const bucket = new TokenBucket(3, 2, () => now);
		expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
		now = 500; // one token back at 2 per second
		expect(bucket.take()).toBe(true);
		expect(bucket.take()).toBe(false);
		now = 60_000; // never more than the capacity
		expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
	});
});
