import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import type { Database, Principal } from '../../src/lib/server/db/database';
import type { Queryable } from '../../src/lib/server/db';
import { absoluteUrl } from '../../src/lib/server/http/links';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { isToken } from '../../src/lib/domain/route-params';
import { routeOf } from '../e2e/route-tree';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';
import { createTeamWith } from './application-fixtures';
import { drainOutbox } from './mail-helpers';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';
import { workshopWorld } from './workshop-fixtures';

/**
 * Mail from the database's own state changes (issue 10; supabase/migrations/
 * 20261201000110_mail_from_the_record.sql): each change is made the way Supabase's Data
 * API would make it, as `authenticated` with the user's claims calling the function
 * directly, and the outbox rows it leaves are read back (template, recipient, language,
 * params); the same change rolled back leaves none. Then the worker renders them as the
 * mails people get.
 */
type User = { id: string; email: string };
type Row = { template: string; to: string; locale: string; params: Record<string, unknown> };

/** The outbox's newest id (rows after it are what a change enqueued). */
async function outboxMark(db: Database): Promise<number> {
	const [row] = await db.service('test: outbox mark', (tx) =>
		tx.query<{ id: number }>('select coalesce(max(id), 0)::int as id from private.mail_outbox')
	);
	return row.id;
}

async function outboxSince(db: Database, mark: number): Promise<Row[]> {
	return db.service('test: outbox rows', (tx) =>
		tx.query<Row>(
			`select template, to_email as "to", locale, params from private.mail_outbox
			 where id > $1 order by to_email, id`,
			[mark]
		)
	);
}

/** Runs `change` as `who` and rolls it back: what it enqueued must go with it. */
async function rolledBack(
	db: Database,
	who: Principal,
	change: (tx: Queryable) => Promise<unknown>
) {
	const mark = await outboxMark(db);
	await expect(
		db.as(who, async (tx) => {
			await change(tx);
			throw new Error('rolled back');
		})
	).rejects.toThrow('rolled back');
	return outboxSince(db, mark);
}

/**
 * The change as `who`, committed; returns the outbox rows it enqueued. Every link a row
 * carries must open a page of the app: the route tree's matchers accept it (an invitation
 * token of another form than the app's answered 404).
 */
async function committed(
	db: Database,
	who: Principal,
	change: (tx: Queryable) => Promise<unknown>
) {
	const mark = await outboxMark(db);
	await db.as(who, change);
	const rows = await outboxSince(db, mark);
	for (const row of rows) {
		if (row.params.path !== undefined) {
			expect(routeOf(String(row.params.path)), String(row.params.path)).not.toBeNull();
		}
	}
	return rows;
}

const emails = (rows: Row[]) => rows.map((r) => r.to).sort();
const addresses = (users: User[]) => users.map((u) => u.email).sort();

describeEachDatabase('mail enqueued by the database with the change that causes it', (db) => {
	describe('the market dialogue and amendments', () => {
		let owner: User, fi: User, sv: User, bidder: User, mate: User;
		let challenge: { id: string; slug: string };
		const title = { fi: 'Haaste', en: 'Challenge' };
		const common = () => ({
			title,
			primaryLocale: 'fi',
			procedure: 'open_challenge',
			path: `/challenges/${challenge.slug}`
		});

		beforeAll(async () => {
			owner = await createUser(db(), 'Owner');
			[fi, sv, bidder, mate] = await Promise.all(
				['Fanni', 'Sven', 'Bidder', 'Mate'].map((n) => createUser(db(), n))
			);
			const org = await createOrganisation(db(), owner.id);
			challenge = await createChallenge(db(), org.id, 'published');
			const team = await createTeamWith(db(), bidder.id, [mate.id]);
			await db().service('test: challenge team, locale, a draft', async (tx) => {
				await tx.query(`update public.challenges set title = $2 where id = $1`, [
					challenge.id,
					title
				]);
				await tx.query(
					`insert into public.challenge_team_members (challenge_id, user_id, role) values ($1, $2, 'chair')
					 on conflict do nothing`,
					[challenge.id, owner.id]
				);
				await tx.query(`update public.profiles set locale = 'sv' where id = $1`, [sv.id]);
				await tx.query(`insert into public.applications (challenge_id, team_id) values ($1, $2)`, [
					challenge.id,
					team.id
				]);
			});
			// The bidder follows too: mailed once, as a bidder.
			for (const u of [fi, sv, bidder])
				await db().as(u, (tx) =>
					tx.query('insert into public.challenge_followers (challenge_id) values ($1)', [
						challenge.id
					])
				);
		});

		it('amend_challenge mails the applicant teams as bidders and the other followers, once each', async () => {
			const amend = (tx: Queryable) =>
				tx.query(`select public.amend_challenge($1, $2, $3)`, [
					challenge.id,
					{ fields: { summary: { fi: 'Uusi tiivistelmä' } } },
					'The deadline moves.'
				]);
			expect(await rolledBack(db(), owner, amend)).toEqual([]);
			const rows = await committed(db(), owner, amend);
			expect(emails(rows)).toEqual(addresses([fi, sv, bidder, mate]));
			const reason = 'The deadline moves.';
			for (const r of rows) {
				expect(r.template).toBe('challenge_amendment');
				const applicant = r.to === bidder.email || r.to === mate.email;
				expect(r.params).toEqual({ ...common(), reason, ...(applicant ? { applicant } : {}) });
			}
			expect(rows.find((r) => r.to === sv.email)?.locale).toBe('sv');

			const mails = await drainOutbox(db());
			const to = (u: User) => mails.find((m) => m.to === u.email)!;
			// Profiles made by the fixture speak English; Sven's speaks Swedish.
			expect(to(fi).subject).toMatch(/^Amendment: /);
			expect(to(sv).subject).toMatch(/^Ändring: /);
			expect(to(fi).text).toMatch(/that you follow/);
			expect(to(mate).text).toMatch(/your team is applying to/);
			for (const mail of [to(fi), to(sv)]) {
				expect(mail.text).toContain(reason);
				expect(mail.text).toContain(absoluteUrl(`/challenges/${challenge.slug}`));
			}
		});

		it('answer_question mails the followers the question and its answer, also a corrected one', async () => {
			const [{ id }] = await db().as(mate, (tx) =>
				tx.query<{ id: string }>('select public.ask_question($1, $2) as id', [
					challenge.id,
					'Is the budget public?'
				])
			);
			const answer = (text: string) => (tx: Queryable) =>
				tx.query('select public.answer_question($1, $2, $3)', [challenge.id, id, text]);
			expect(await rolledBack(db(), owner, answer('Yes.'))).toEqual([]);
			for (const text of ['Yes.', 'Yes, 2 M€.']) {
				const rows = await committed(db(), owner, answer(text));
				expect(emails(rows)).toEqual(addresses([fi, sv, bidder]));
				for (const r of rows)
					expect(r).toMatchObject({
						template: 'challenge_answer',
						params: { ...common(), question: 'Is the budget public?', answer: text }
					});
			}
			const mails = (await drainOutbox(db())).filter((m) => m.to === fi.email);
			expect(mails.map((m) => m.text.includes('Yes, 2 M€.')).sort()).toEqual([false, true]);
		});
	});

	describe('submission and screening', () => {
		let s: ScreeningScenario;
		let mark: number;
		beforeAll(async () => {
			mark = await outboxMark(db());
			s = await createScreeningScenario(db());
		});

		it('submit_application mails every member a receipt with the time and digest on record', async () => {
			const receipts = (await outboxSince(db(), mark)).filter((r) => r.template === 'receipt');
			expect(emails(receipts)).toEqual(addresses([s.lead, s.member, s.otherTeam]));
			const [app] = await db().service('test: submitted', (tx) =>
				tx.query<{ at: Date; digest: string }>(
					'select submitted_at as at, digest from public.applications where id = $1',
					[s.appA.id]
				)
			);
			expect(receipts.find((r) => r.to === s.lead.email)?.params).toMatchObject({
				submittedAt: new Date(app.at).toISOString(),
				digest: app.digest,
				path: `/applications/${s.appA.id}`,
				primaryLocale: 'fi'
			});
			// Withdrawn and submitted again, directly: a new receipt; rolled back: none.
			const again = async (tx: Queryable) => {
				await tx.query('select public.withdraw_application($1)', [s.appB.id]);
				const [{ version }] = await tx.query<{ version: number }>(
					'select version from public.applications where id = $1',
					[s.appB.id]
				);
				const [{ outcome }] = await tx.query<{ outcome: string }>(
					'select public.submit_application($1, $2) as outcome',
					[s.appB.id, version]
				);
				expect(outcome).toBe('submitted');
			};
			expect(await rolledBack(db(), s.otherTeam, again)).toEqual([]);
			const rows = await committed(db(), s.otherTeam, again);
			expect(rows.map((r) => [r.template, r.to])).toEqual([['receipt', s.otherTeam.email]]);
		});

		it('record_screening mails the team a decision, not mere marks', async () => {
			// A decision needs every requirement marked (private.screening_refused).
			const marks = s.challenge.requirementIds.map((requirementId) => ({
				requirementId,
				met: false,
				reason: 'Not shown.'
			}));
			const decide = (decision: unknown) => (tx: Queryable) =>
				tx.query('select public.record_screening($1, $2, $3)', [s.appB.id, marks, decision]);
			expect(await committed(db(), s.owner, decide(null))).toEqual([]);
			const ineligible = { eligible: false, justification: 'No insurance.' };
			expect(await rolledBack(db(), s.owner, decide(ineligible))).toEqual([]);
			const rows = await committed(db(), s.owner, decide(ineligible));
			expect(rows).toEqual([
				{
					template: 'screening_result',
					to: s.otherTeam.email,
					locale: 'en',
					params: expect.objectContaining({
						eligible: false,
						path: `/applications/${s.appB.id}`,
						team: expect.any(String)
					})
				}
			]);
			const mails = await drainOutbox(db());
			const screened = mails.filter((m) => /has been screened/.test(m.subject));
			expect(screened.map((m) => m.to).sort()).toEqual(
				[s.lead.email, s.member.email, s.otherTeam.email].sort()
			);
			expect(screened.find((m) => m.to === s.lead.email)?.text).toContain('was found eligible');
		});
	});

	describe('invitations', () => {
		it('invite_to_team mails the link in the inviter’s language; the table keeps only its hash', async () => {
			const lead = await createUser(db(), 'Lena Lead');
			const team = await createTeamWith(db(), lead.id);
			const invite = (tx: Queryable) =>
				tx.query('select public.invite_to_team($1, $2)', [team.id, ' New@Test.example ']);
			expect(await rolledBack(db(), lead, invite)).toEqual([]);
			const [row] = await committed(db(), lead, invite);
			expect(row).toMatchObject({
				template: 'team_invitation',
				to: 'new@test.example',
				locale: 'en',
				params: { team: expect.any(String), inviter: 'Lena Lead' }
			});
			const token = String(row.params.path).replace('/invitations/', '');
			expect(isToken(token)).toBe(true);
			expect(routeOf(String(row.params.path))).toBe('/invitations/[token=token]');
			const [stored] = await db().service('test: invitation', (tx) =>
				tx.query<{ hash: string }>(
					`select token_hash as hash from public.team_invitations where team_id = $1`,
					[team.id]
				)
			);
			expect(stored.hash).toBe(hashToken(token));
			// Inserting an invitation directly (mailing no one) is refused.
			await expect(
				db().as(lead, (tx) =>
					tx.query(
						`insert into public.team_invitations (team_id, email, token_hash) values ($1, 'x@test.example', $2)`,
						[team.id, 'c'.repeat(64)]
					)
				)
			).rejects.toThrow(/permission denied/);
		});

		it('putting teams and guests in a workshop mails each person once', async () => {
			const w = await workshopWorld(db());
			const schedule = async (tx: Queryable) => {
				const [{ id }] = await tx.query<{ id: string }>(
					`insert into public.workshops (challenge_id, title, starts_at, mode, agenda)
					 values ($1, 'Direct day', '2026-12-03T08:00:00Z', 'team_boards', $2) returning id`,
					[w.challenge.id, DEFAULT_AGENDA]
				);
				for (const team of [w.teamA, w.teamB])
					await tx.query('select public.add_workshop_team($1, $2)', [id, team.id]);
				// A member of a team taking part is never also a guest (workshop_guest_on_team,
				// migration 20261216000300; workshop-planning.test.ts), so the owner is the guest.
				await tx.query(
					`insert into public.workshop_participants (workshop_id, user_id, kind) values ($1, $2, 'expert')`,
					[id, w.owner.id]
				);
			};
			expect(await rolledBack(db(), w.facilitator, schedule)).toEqual([]);
			const rows = await committed(db(), w.facilitator, schedule);
			expect(emails(rows)).toEqual(addresses([w.a1, w.a2, w.b1, w.owner]));
			for (const r of rows)
				expect(r).toMatchObject({
					template: 'workshop_invitation',
					params: {
						workshop: 'Direct day',
						// Worded by mode: a negotiation workshop is not "on a shared board".
						mode: 'team_boards',
						startsAt: '2026-12-03T08:00:00.000Z',
						minutes: DEFAULT_AGENDA.reduce((sum, p) => sum + p.minutes, 0),
						facilitator: { name: 'Fiia Facilitator', email: w.facilitator.email }
					}
				});
		});
	});
});
