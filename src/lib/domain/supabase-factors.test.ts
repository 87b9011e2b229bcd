import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	assuranceLevels,
	codeOwed,
	supabaseFactorState,
	type FactorSummary
} from './supabase-factors';
import { groupInFours, groupedSecret, secretText } from './totp';

const factor = (
	id: string,
	status: 'verified' | 'unverified',
	updated = '2026-12-01T10:00:00Z',
	type = 'totp'
): FactorSummary => ({
	id,
	factor_type: type,
	status,
	created_at: '2026-12-01T09:00:00Z',
	updated_at: updated
});

describe('the second factor the security page shows in Supabase mode', () => {
	it('is off without factors', () => {
		expect(supabaseFactorState([])).toEqual({ enabled: false, unverified: [] });
	});

	it('is off while enrolment waits for its first code, naming the unfinished factor', () => {
		expect(supabaseFactorState([factor('a', 'unverified')])).toEqual({
			enabled: false,
			unverified: ['a']
		});
	});

	it('is on with the factor verified first, since its verification', () => {
		const state = supabaseFactorState([
			factor('late', 'verified', '2026-12-02T08:00:00Z'),
			factor('early', 'verified', '2026-11-30T08:00:00Z'),
			factor('left', 'unverified')
		]);
		expect(state).toEqual({
			enabled: true,
			factorId: 'early',
			since: '2026-11-30T08:00:00Z',
			unverified: ['left']
		});
	});

	it('ignores a verified phone factor: only TOTP is offered here', () => {
		expect(supabaseFactorState([factor('p', 'verified', undefined, 'phone')]).enabled).toBe(false);
	});

	it('is on exactly when some TOTP factor is verified', () => {
		const arbitrary = fc.array(
			fc.record({
				id: fc.uuid(),
				factor_type: fc.constantFrom('totp', 'phone', 'webauthn'),
				status: fc.constantFrom('verified', 'unverified'),
				created_at: fc.constant('2026-12-01T09:00:00Z'),
				updated_at: fc
					.integer({ min: 0, max: 10 ** 10 })
					.map((s) => new Date(1.7e12 + s * 1000).toISOString())
			})
		);
		fc.assert(
			fc.property(arbitrary, (factors) => {
				const state = supabaseFactorState(factors);
				const verified = factors.filter((f) => f.factor_type === 'totp' && f.status === 'verified');
				expect(state.enabled).toBe(verified.length > 0);
				if (state.enabled) expect(verified.map((f) => f.id)).toContain(state.factorId);
				expect(state.unverified.length).toBe(
					factors.filter((f) => f.factor_type === 'totp' && f.status === 'unverified').length
				);
			})
		);
	});
});

describe('whether sign-in still asks the code', () => {
	it('asks at aal1 when a factor is verified, and only then', () => {
		expect(codeOwed(assuranceLevels('aal1', [factor('a', 'verified')]))).toBe(true);
		expect(codeOwed(assuranceLevels('aal2', [factor('a', 'verified')]))).toBe(false);
		expect(codeOwed(assuranceLevels('aal1', [factor('a', 'unverified')]))).toBe(false);
		expect(codeOwed(assuranceLevels('aal1', []))).toBe(false);
		expect(codeOwed({ currentLevel: null, nextLevel: null })).toBe(false);
	});

	it('computes the levels as getAuthenticatorAssuranceLevel does: next is current without a factor', () => {
		expect(assuranceLevels('aal1', [])).toEqual({ currentLevel: 'aal1', nextLevel: 'aal1' });
		expect(assuranceLevels(null, [factor('a', 'verified')])).toEqual({
			currentLevel: null,
			nextLevel: 'aal2'
		});
	});
});

describe('a secret in groups of four', () => {
	it('groups a Supabase secret as our own', () => {
		expect(groupInFours('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
		const bytes = new Uint8Array(20).fill(7);
		expect(groupedSecret(bytes)).toBe(groupInFours(secretText(bytes)));
	});

	it('only adds spaces, never one at the end', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Z2-7]{0,64}$/), (text) => {
				const grouped = groupInFours(text);
				expect(grouped.replaceAll(' ', '')).toBe(text);
				expect(grouped.endsWith(' ')).toBe(false);
			})
		);
	});
});
