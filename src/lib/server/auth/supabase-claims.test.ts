import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	identityFromClaims,
	jwtPayload,
	sessionUserFrom,
	type ProfileRow
} from './supabase-claims';

const id = '0b5a4c1e-8d3f-4a2b-9c7d-1e2f3a4b5c6d';
const sessionId = '6f1d2c3b-4a59-4e8d-b7c6-a5f4e3d2c1b0';
const totp = {
	id: 'f0000000-0000-4000-8000-000000000001',
	factor_type: 'totp',
	status: 'verified',
	created_at: '2026-12-01T09:00:00Z',
	updated_at: '2026-12-01T09:01:00Z'
};
const user = { id, email: 'Aino@Example.FI', factors: [totp] };
const profile: ProfileRow = {
	email: 'aino@example.fi',
	display_name: 'Aino',
	locale: 'sv',
	is_admin: true,
	memberships: 2
};

/** A token as Supabase Auth shapes it: header, claims, signature (not checked here). */
const token = (claims: object) =>
	['{"alg":"ES256"}', JSON.stringify(claims), 'sig']
		.map((p) => Buffer.from(p).toString('base64url'))
		.join('.');

describe('Supabase claims → SessionUser', () => {
	it('maps the claims of a second-factor session to the same user local mode gives', () => {
		const claims = { sub: id, role: 'authenticated', aal: 'aal2', session_id: sessionId };
		const identity = identityFromClaims(user, jwtPayload(token(claims)));
		expect(identity).toEqual({
			id,
			email: 'aino@example.fi',
			aal: 'aal2',
			sessionId,
			secondFactor: true,
			factorId: totp.id,
			codeOwed: false
		});
		expect(sessionUserFrom(identity!, profile)).toEqual({
			id,
			email: 'aino@example.fi',
			displayName: 'Aino',
			locale: 'sv',
			isAdmin: true,
			memberships: 2,
			sessionId,
			secondFactor: true,
			aal: 'aal2'
		});
	});

	it('takes a missing aal as aal1 and a missing session id as none', () => {
		const identity = identityFromClaims({ ...user, factors: [] }, { sub: id });
		expect(identity).toEqual({
			id,
			email: 'aino@example.fi',
			aal: 'aal1',
			secondFactor: false,
			codeOwed: false
		});
		expect(sessionUserFrom(identity!, { ...profile, email: '' }).email).toBe('aino@example.fi');
		expect(sessionUserFrom(identity!, profile).secondFactor).toBe(false);
	});

	it('owes the code of a verified factor in an aal1 session, not of an unverified one', () => {
		expect(identityFromClaims(user, { sub: id, aal: 'aal1' })?.codeOwed).toBe(true);
		const pending = { ...user, factors: [{ ...totp, status: 'unverified' }] };
		expect(identityFromClaims(pending, { sub: id, aal: 'aal1' })).toMatchObject({
			codeOwed: false,
			secondFactor: false
		});
	});

	it.each([
		['another user than the Auth server named', { sub: sessionId, role: 'authenticated' }],
		['the anon role', { sub: id, role: 'anon' }],
		['the service role', { sub: id, role: 'service_role' }],
		['an unknown assurance level', { sub: id, aal: 'aal3' }],
		['a malformed session id', { sub: id, session_id: 'x' }],
		['no subject', { role: 'authenticated' }],
		['not an object', 'claims']
	])('refuses %s', (_, claims) => {
		expect(identityFromClaims(user, claims)).toBeNull();
	});

	it('reads no claims from what is not a JWT', () => {
		for (const t of ['', 'abc', 'a.%%%.c', 'a.bm90IGpzb24.c']) expect(jwtPayload(t)).toBeNull();
	});

	it('never names a user other than the one the Auth server vouched for', () => {
		fc.assert(
			fc.property(fc.uuid(), fc.uuid(), fc.constantFrom('aal1', 'aal2'), (a, b, aal) => {
				const identity = identityFromClaims({ id: a }, { sub: b, aal, role: 'authenticated' });
				return a === b ? identity?.id === a : identity === null;
			})
		);
	});
});
