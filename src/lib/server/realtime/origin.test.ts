import { describe, expect, it } from 'vitest';
import { originAllowed } from './attach';

const req = (origin: string | undefined, host = 'localhost:3000') => ({
	headers: { origin, host }
});

describe('socket.io origin check with ORIGIN always resolved', () => {
	it('accepts only the configured ORIGIN when it was given', () => {
		const site = { ORIGIN: 'https://talkoot.example.fi', originDefaulted: false };
		expect(originAllowed(req('https://talkoot.example.fi', 'x'), site)).toBe(true);
		expect(originAllowed(req('https://attacker.example', 'attacker.example'), site)).toBe(false);
		expect(originAllowed(req(undefined), site)).toBe(false);
	});

	it('accepts the localhost default or the request host on the quick start', () => {
		const site = { ORIGIN: 'http://localhost:3000', originDefaulted: true };
		expect(originAllowed(req('http://localhost:3000'), site)).toBe(true);
		expect(originAllowed(req('http://127.0.0.1:3000', '127.0.0.1:3000'), site)).toBe(true);
		expect(originAllowed(req('http://evil.example', '127.0.0.1:3000'), site)).toBe(false);
	});
});
