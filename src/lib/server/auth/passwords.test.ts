import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { generateToken, hashToken } from './tokens';

describe('passwords', () => {
	it('are hashed with argon2id and verified', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
	});

	it('common or guessable ones are refused, even when long', () => {
		for (const weak of ['password1234', '123456789012', 'qwertyuiopasdf', 'aaaaaaaaaaaa']) {
			expect(isCommonPassword(weak)).toBe(true);
		}
		expect(isCommonPassword('sanna.solver@example.fi', ['sanna.solver@example.fi'])).toBe(true);
		expect(isCommonPassword('Lumityöt ja pakkanen 2026!')).toBe(false);
	});
});

describe('tokens', () => {
	it('are random, URL-safe, and stored only as SHA-256', () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
		expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(a)).toBe(hashToken(a));
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});
