import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChunks, stringToBase64URL } from '@supabase/ssr';
import type { SupabaseConfig } from '../config';
import type { CookieJar } from './request-auth';
import { SUPABASE_COOKIE } from './supabase';

// For tests of the Supabase adapters' failure paths: a session cookie as @supabase/ssr
// writes it, and an Auth endpoint that answers only with the status and body a test sets
// (an error, or nothing at all), so the real clients turn it into their own error classes.
// No successful Auth server is imitated: that is tests/integration/supabase-project.test.ts.

export const userId = '0b5a4c1e-8d3f-4a2b-9c7d-1e2f3a4b5c6d';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** An unsigned access token with these claims (the client reads it; never verified here). */
export const accessTokenWith = (claims: object = {}) =>
	`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
		sub: userId,
		role: 'authenticated',
		aal: 'aal1',
		exp: Math.floor(Date.now() / 1000) + 3600,
		...claims
	})}.c2ln`;

/** The default session's access token (aal1). */
export const accessToken = accessTokenWith();

/** A request's cookies holding a session with that token, as @supabase/ssr writes it. */
export function jarWithSession(token = accessToken): CookieJar & { writes: string[] } {
	const session = {
		access_token: token,
		refresh_token: 'refresh-token',
		token_type: 'bearer',
		expires_in: 3600,
		expires_at: Math.floor(Date.now() / 1000) + 3600,
		user: { id: userId, aud: 'authenticated', email: 'a@example.fi' }
	};
	const chunks = createChunks(
		SUPABASE_COOKIE,
		`base64-${stringToBase64URL(JSON.stringify(session))}`
	);
	const cookies = new Map(chunks.map((c) => [c.name, c.value]));
	const writes: string[] = [];
	return {
		writes,
		getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
		set: (name, value) => {
			writes.push(name);
			if (value) cookies.set(name, value);
			else cookies.delete(name);
		}
	};
}

/** Keys of the right shape for a project that is not there. */
const KEYS = {
	anonKey: 'anon-key-0123456789abcdef',
	serviceRoleKey: 'service-key-0123456789abcdef',
	oauthProvider: null
};

/** A project whose Auth server cannot be reached (connection refused). */
export const unreachable: SupabaseConfig = { url: 'http://127.0.0.1:9', ...KEYS };

/**
 * An HTTP endpoint that answers every request with `answer` (status and JSON body) and
 * records `METHOD path` of each in `requests`; `project` points a client at it.
 */
export interface ErrorEndpoint {
	answer: { status: number; body: object };
	requests: string[];
	project: SupabaseConfig;
	close(): Promise<void>;
}

/** Starts an ErrorEndpoint on a free local port. */
export async function errorEndpoint(): Promise<ErrorEndpoint> {
	const endpoint = {
		answer: { status: 500, body: {} },
		requests: [] as string[]
	} as ErrorEndpoint;
	const server: Server = createServer((req, res) => {
		endpoint.requests.push(`${req.method} ${req.url}`);
		res.writeHead(endpoint.answer.status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(endpoint.answer.body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	endpoint.project = { url: `http://127.0.0.1:${port}`, ...KEYS };
	endpoint.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return endpoint;
}
