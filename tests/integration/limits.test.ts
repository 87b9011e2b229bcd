import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { openPostgres } from '../../src/lib/server/db/postgres';
import {
	hit,
	limitError,
	resetLimits,
	signInAttempt,
	signInResult,
	signInWait,
	SIGN_IN
} from '../../src/lib/server/http/limits';
import { createTeamWith } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';

/**
 * Abuse limits counted in the database (issue 10, items 18 and 19;
 * supabase/migrations/20261201000100_limits.sql): shared by every app instance and by the
 * Data API path, refused there with TK429.
 */
const T0 = new Date('2027-01-04T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const owner = 'owner@hel.example';

/** The error a statement raised as `who` (rolled back), or null. */
async function raised(
	db: Database,
	who: Parameters<Database['as']>[0],
	sql: string,
	params: unknown[]
) {
	try {
		await db.as(who, (tx) => tx.query(sql, params));
		return null;
	} catch (e) {
		return e;
	}
}

describeEachDatabase('abuse limits in the database', (db) => {
	const rule = async (name: string) => {
		const [r] = await db().service('test: rule', (tx) =>
			tx.query<{ max: number; ms: number }>(
				'select max_hits as max, window_seconds * 1000 as ms from private.limit_rules where name = $1',
				[name]
			)
		);
		return r;
	};
	/** One wrong password: counted before the check, then reported. */
	const fail = async (account: string, address: string, when: Date) => {
		await signInAttempt(db(), account, address, when);
		await signInResult(db(), account, address, false, when);
	};

	beforeEach(() => resetLimits(db()));

	describe('sign-in (item 18)', () => {
		it('lets the owner in after 50 failures from another address', async () => {
			for (let i = 0; i < 50; i++) await fail(owner, '203.0.113.9', at(i));
			expect(await signInWait(db(), owner, '203.0.113.9', at(50))).toBeGreaterThan(0);
			expect(await signInWait(db(), owner, '198.51.100.7', at(50))).toBe(0);
		});

		it('counts only failures: twenty correct sign-ins in a row are never refused', async () => {
			for (let i = 0; i < 20; i++) {
				expect(await signInWait(db(), owner, '198.51.100.7', at(i))).toBe(0);
				await signInAttempt(db(), owner, '198.51.100.7', at(i));
				await signInResult(db(), owner, '198.51.100.7', true, at(i));
			}
		});

		it('grows the delay after a few failures; a correct password resets it', async () => {
			const address = '192.0.2.1';
			for (let i = 0; i < 7; i++) await fail(owner, address, T0);
			expect(await signInWait(db(), owner, address, T0)).toBe(4000);
			expect(await signInWait(db(), owner, address, at(4000))).toBe(0);
			await signInAttempt(db(), owner, address, at(4000));
			await signInResult(db(), owner, address, true, at(4000));
			expect(await signInWait(db(), owner, address, at(4000))).toBe(0);
		});

		it('counts guesses sent in parallel before their passwords are checked', async () => {
			const address = '192.0.2.77';
			await Promise.all(
				Array.from({ length: SIGN_IN.FREE_FAILURES }, () => signInAttempt(db(), owner, address, T0))
			);
			expect(await signInWait(db(), owner, address, T0)).toBeGreaterThan(0);
		});

		it('still stops one address trying passwords across many accounts', async () => {
			const address = '192.0.2.66';
			const { max } = await rule('signInAddress');
			for (let i = 0; i < max; i++) await signInResult(db(), `u${i}@x.example`, address, false, T0);
			expect(await signInWait(db(), 'fresh@x.example', address, T0)).toBeGreaterThan(0);
			expect(await signInWait(db(), 'fresh@x.example', '192.0.2.67', T0)).toBe(0);
		});
	});

	describe('counted limits (item 19)', () => {
		it('refuse after the maximum until the window ends, per key', async () => {
			const { max, ms } = await rule('invite');
			for (let i = 0; i < max; i++) expect(await hit(db(), 'invite', 'user-1', T0)).toBe(0);
			expect(await hit(db(), 'invite', 'user-1', at(1000))).toBe(ms - 1000);
			expect(await hit(db(), 'invite', 'user-2', at(1000))).toBe(0);
			expect(await hit(db(), 'invite', 'user-1', at(ms))).toBe(0);
		});

		it('let a workshop of 21 register from one office address, not mail one person often', async () => {
			for (let i = 0; i < 21; i++)
				expect(await hit(db(), 'signUpAddress', '192.0.2.10', T0)).toBe(0);
			expect((await rule('signUpAddress')).max).toBeGreaterThanOrEqual(100);
			expect((await rule('signUpEmail')).max).toBeLessThanOrEqual(5);
		});

		it('forget the counters whose window ended', async () => {
			await hit(db(), 'question', 'old', new Date(Date.now() - 2 * 3600_000));
			await hit(db(), 'question', 'new');
			const keys = await db().service('test: counters', async (tx) => {
				await tx.query('select private.forget_expired_limits()');
				return tx.query<{ key: string }>(
					`select key from private.limit_counters where name = 'question'`
				);
			});
			expect(keys.map((k) => k.key)).toEqual(['new']);
		});
	});

	describe('two app instances on one database', () => {
		let second: Database;
		let close: () => Promise<void> = async () => {};
		beforeAll(async () => {
			if (db().driver.kind === 'postgres') {
				// Its own connections to the same database, as another process would have.
				const [{ name }] = await db().service('test: database name', (tx) =>
					tx.query<{ name: string }>('select current_database() as name')
				);
				const url = new URL(process.env.TEST_DATABASE_URL!);
				url.pathname = `/${name}`;
				second = new Database(openPostgres(url.href, 2));
				close = () => second.close();
			} else second = new Database(db().driver);
		});
		afterAll(() => close());

		it('share one count', async () => {
			const { max } = await rule('resetEmail');
			for (let i = 0; i < max; i++)
				expect(await hit(i % 2 ? db() : second, 'resetEmail', 'a@x.example', T0)).toBe(0);
			expect(await hit(second, 'resetEmail', 'a@x.example', T0)).toBeGreaterThan(0);
			expect(await hit(db(), 'resetEmail', 'a@x.example', T0)).toBeGreaterThan(0);
		});
	});

	describe('the Data API path, as `authenticated` or `anon` directly', () => {
		let asker: { id: string; email: string };
		let challengeId: string;
		beforeAll(async () => {
			asker = await createUser(db(), 'Asker');
			const org = await createOrganisation(db(), (await createUser(db(), 'Owner')).id);
			challengeId = (await createChallenge(db(), org.id, 'published')).id;
		});

		it('refuses the (limit+1)th question with TK429 and stores nothing of it', async () => {
			const { max } = await rule('question');
			const ask = 'select public.ask_question($1, $2) as id';
			for (let i = 0; i < max; i++)
				expect(await raised(db(), asker, ask, [challengeId, `Question ${i}?`])).toBeNull();
			const refused = await raised(db(), asker, ask, [challengeId, 'One too many?']);
			expect(limitError(refused)).toMatchObject({ name: 'question' });
			expect((refused as { code: string }).code).toBe('TK429');
			const [{ n }] = await db().service('test: questions', (tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.challenge_questions where challenge_id = $1',
					[challengeId]
				)
			);
			expect(n).toBe(max);
		});

		it('refuses the (limit+1)th team invitation by one user with TK429, not another lead’s', async () => {
			const { max } = await rule('invite');
			const lead = await createUser(db(), 'Lead');
			const otherLead = await createUser(db(), 'Other lead');
			const team = await createTeamWith(db(), lead.id);
			const otherTeam = await createTeamWith(db(), otherLead.id);
			const invite = 'select public.invite_to_team($1, $2) as outcome';
			const invited = async (who: typeof lead, teamId: string, i: number) => {
				const [{ outcome }] = await db().as(who, (tx) =>
					tx.query<{ outcome: string }>(invite, [teamId, `invitee${i}@x.example`])
				);
				return outcome;
			};
			for (let i = 0; i < max; i++) expect(await invited(lead, team.id, i)).toBe('invited');
			const refused = await raised(db(), lead, invite, [team.id, 'one-too-many@x.example']);
			expect(limitError(refused)).toMatchObject({ name: 'invite' });
			expect((refused as { code: string }).code).toBe('TK429');
			// Counted per inviter: another lead still invites.
			expect(await invited(otherLead, otherTeam.id, 0)).toBe('invited');
			const [{ n }] = await db().service('test: invitations', (tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.team_invitations where team_id = $1',
					[team.id]
				)
			);
			expect(n).toBe(max);
		});

		it('refuses the (limit+1)th feedback insert per user, and per address for visitors', async () => {
			const { max } = await rule('feedback');
			const send = `insert into public.accessibility_feedback (message, page, locale) values ('Hard to read', '/', 'en')`;
			for (let i = 0; i < max; i++) expect(await raised(db(), asker, send, [])).toBeNull();
			expect(limitError(await raised(db(), asker, send, []))).toMatchObject({ name: 'feedback' });

			// A visitor through the Data API: PostgREST passes the headers as request.headers.
			const asVisitor = async (address: string) => {
				try {
					await db().as(null, async (tx) => {
						await tx.query(`select set_config('request.headers', $1, true)`, [
							JSON.stringify({ 'x-forwarded-for': `${address}, 10.0.0.1` })
						]);
						await tx.query(send);
					});
					return null;
				} catch (e) {
					return e;
				}
			};
			for (let i = 0; i < max; i++) expect(await asVisitor('198.51.100.20')).toBeNull();
			expect(limitError(await asVisitor('198.51.100.20'))).toMatchObject({ name: 'feedback' });
			expect(await asVisitor('198.51.100.21')).toBeNull();
		});
	});
});
