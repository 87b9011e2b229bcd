import { describe, expect, it } from 'vitest';
import { absoluteUrl, publicOrigin } from './links';

describe('absoluteUrl', () => {
	it('builds on the configured origin', () => {
		expect(absoluteUrl('/auth/reset?token=abc', { ORIGIN: 'https://talkoot.fi' })).toBe(
			'https://talkoot.fi/auth/reset?token=abc'
		);
		expect(publicOrigin({ ORIGIN: 'https://talkoot.fi/some/path' })).toBe('https://talkoot.fi');
	});

	it('falls back to localhost and the port without ORIGIN', () => {
		expect(publicOrigin({})).toBe(`http://localhost:${process.env.PORT ?? 3000}`);
	});

	it('refuses what is not a path on this site', () => {
		for (const bad of ['//attacker.example/x', 'https://attacker.example/', '/\\attacker', 'x'])
			expect(() => absoluteUrl(bad, { ORIGIN: 'https://talkoot.fi' })).toThrow();
	});
});
