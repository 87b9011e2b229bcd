import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateToken } from '$lib/server/auth/tokens';
import { isFileKey, isSlug, isToken, isUuid } from './route-params';
import { isEvaluatedStage } from './stages';

describe('route parameter formats', () => {
	it('a UUID is 8-4-4-4-12 hexadecimal digits, nothing near it', () => {
		fc.assert(fc.property(fc.uuid(), (id) => isUuid(id) && isUuid(id.toUpperCase())));
		for (const bad of [
			'not-a-uuid',
			'-'.repeat(36),
			'0'.repeat(36),
			'20000000-0000-4000-8000-00000000000g',
			'20000000-0000-4000-8000-0000000000011',
			' 20000000-0000-4000-8000-000000000001',
			'{20000000-0000-4000-8000-000000000001}',
			'20000000000040008000000000000001'
		])
			expect(isUuid(bad), bad).toBe(false);
	});

	it('a slug is what the database stores: a-z, 0-9, single inner hyphens', () => {
		for (const good of ['ai-goes-to-work', 'city-of-helsinki', 'x', '2027'])
			expect(isSlug(good), good).toBe(true);
		for (const bad of ['', '-x', 'x-', 'a--b', 'Ai', 'ä', 'a_b', '%00', 'a.b'])
			expect(isSlug(bad), bad).toBe(false);
	});

	it('an evaluated stage is shortlisting or selection, spelled exactly', () => {
		for (const good of ['shortlisting', 'selection']) expect(isEvaluatedStage(good)).toBe(true);
		for (const bad of ['screening', 'Selection', 'selection ', '', 'proof_of_concept', null])
			expect(isEvaluatedStage(bad), String(bad)).toBe(false);
	});

	it('a token is what generateToken issues', () => {
		for (let i = 0; i < 20; i++) expect(isToken(generateToken())).toBe(true);
		for (const bad of ['x', 'a'.repeat(64), 'a'.repeat(31), 'A'.repeat(32), '1'.repeat(32)])
			expect(isToken(bad), bad).toBe(false);
	});

	it('a file key is a v4 UUID with an extension', () => {
		expect(isFileKey(`${crypto.randomUUID()}.pdf`)).toBe(true);
		for (const bad of ['x.pdf', '..%2F..%2Fetc%2Fpasswd', `${crypto.randomUUID()}`, 'a%00.pdf'])
			expect(isFileKey(bad), bad).toBe(false);
	});
});
