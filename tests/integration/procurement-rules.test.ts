import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { saveDraft, startApplication } from '../../src/lib/server/applications/editor';
import { submitApplication } from '../../src/lib/server/applications/submit';
import { listSubmitted } from '../../src/lib/server/applications/screening';
import { DeadlineRefused, saveTimetable } from '../../src/lib/server/challenges/editor';
import { follow } from '../../src/lib/server/challenges/followers';
import { challengesPage } from '../../src/lib/server/challenges/dashboard';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { attempt } from './attempt';
import { createOpenChallenge, createTeamWith, setDeadline } from './application-fixtures';
import { asSession } from './screening-fixtures';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import { createOrganisation, createUser } from './fixtures';

type User = { id: string; email: string };
const DAY = 24 * 3600_000;

/** A complete draft by `lead`'s team, submitted unless `draftOnly`. */
async function apply(
	db: Database,
	lead: User,
	challenge: { id: string; requirementIds: string[] },
	teamId: string,
	draftOnly = false
) {
	const started = await db.as(lead, (tx) => startApplication(tx, challenge.id, teamId));
	if (!started.ok) throw new Error(`could not start: ${started.reason}`);
	const saved = await db.as(lead, (tx) =>
		saveDraft(tx, started.id, {
			version: 1,
			ideas: [1, 2, 3].map((position) => ({
				position,
				title: `Idea ${position}`,
				problem: 'A problem.',
				idea: 'An idea.',
				value: 'Value.'
			})),
			answers: challenge.requirementIds.map((requirementId) => ({
				requirementId,
				meets: true,
				explanation: 'Yes.'
			}))
		})
	);
	if (!saved.ok) throw new Error(`could not save: ${saved.reason}`);
	if (!draftOnly) {
		const outcome = await submitApplication(db, asSession(lead), started.id, saved.version);
		if (outcome !== 'submitted') throw new Error(`could not submit: ${outcome}`);
	}
	return started.id;
}

const stagesOf = async (db: Database, challengeId: string) =>
	db.service('test: stages', (tx) =>
		tx.query<{ stage: string; starts_at: Date; ends_at: Date }>(
			'select stage, starts_at, ends_at from public.challenge_stages where challenge_id = $1',
			[challengeId]
		)
	);

describeEachDatabase('procurement rules', (db) => {
	let chair: User;
	let colleague: User;
	let outsiderOwner: User;
	let leadA: User;
	let mateA: User;
	let leadB: User;
	let follower: User;
	let org: { id: string };
	let sealed: Awaited<ReturnType<typeof createOpenChallenge>>;
	let optedOut: Awaited<ReturnType<typeof createOpenChallenge>>;
	let appSealed: string;
	let appOptedOut: string;
	let draftB: string;

	beforeAll(async () => {
		chair = await createUser(db(), 'Olli Chair');
		colleague = await createUser(db(), 'Minna Colleague');
		outsiderOwner = await createUser(db(), 'Other Owner');
		leadA = await createUser(db(), 'Lea Lead');
		mateA = await createUser(db(), 'Matti Mate');
		leadB = await createUser(db(), 'Bea Bee');
		follower = await createUser(db(), 'Fanny Follower');
		org = await createOrganisation(db(), chair.id, [colleague.id]);
		await createOrganisation(db(), outsiderOwner.id);
		const deadline = new Date(Date.now() + 14 * DAY);
		sealed = await createOpenChallenge(db(), org.id, { deadline, sealed: true });
		optedOut = await createOpenChallenge(db(), org.id, { deadline });
		const teamA = await createTeamWith(db(), leadA.id, [mateA.id]);
		const teamB = await createTeamWith(db(), leadB.id);
		appSealed = await apply(db(), leadA, sealed, teamA.id);
		appOptedOut = await apply(db(), leadA, optedOut, teamA.id);
		draftB = await apply(db(), leadB, sealed, teamB.id, true);
		await db().as(follower, (tx) => follow(tx, sealed.id));
	});

	const selectApp = 'select snapshot from public.applications where id = $1';

	it('seals a submitted application from the owner until the deadline; an opted-out open challenge shows it', async () => {
		expect(await attempt(db(), chair, selectApp, [appSealed])).toBe(0);
		expect(
			await attempt(db(), chair, 'select 1 from application_ideas where application_id = $1', [
				appSealed
			])
		).toBe(0);
		expect(await db().as(chair, (tx) => listSubmitted(tx, sealed.id, 'en'))).toEqual([]);
		expect(
			await db().as(chair, (tx) =>
				tx.query<{ n: number }>('select public.sealed_application_count($1) as n', [sealed.id])
			)
		).toEqual([{ n: 1 }]);
		// Not on the team: no count either.
		expect(
			await db().as(colleague, (tx) =>
				tx.query<{ n: number | null }>('select public.sealed_application_count($1) as n', [
					sealed.id
				])
			)
		).toEqual([{ n: null }]);
		// The dashboard counts it (sealed, not shown); unscreened counts only what can be opened.
		const row = (
			await db().as(chair, (tx) => challengesPage(tx, chair.id, NO_FILTER, 1))
		).items.find((r) => r.id === sealed.id);
		expect([row?.submittedApplications, row?.unscreenedApplications]).toEqual([1, 0]);
		// Nor screened or decided before the deadline.
		expect(
			await attempt(
				db(),
				chair,
				`insert into screening_decisions (application_id, eligible, justification, decided_by)
				 values ($1, true, 'Early look', $2) returning 1`,
				[appSealed, chair.id],
				{ rollback: true }
			)
		).toBe('denied');
		// The opted-out open challenge: readable before the deadline, and said so publicly.
		expect(await attempt(db(), chair, selectApp, [appOptedOut])).toBe(1);
		expect(
			await db().as(null, (tx) =>
				tx.query('select applications_unsealed from public.challenges where id = $1', [optedOut.id])
			)
		).toEqual([{ applications_unsealed: true }]);
		// The team itself always reads its own.
		expect(await attempt(db(), leadA, selectApp, [appSealed])).toBe(1);

		// The opt-out is fixed once published, also through the amend function.
		await expect(
			db().as(chair, (tx) =>
				tx.query('select public.amend_challenge($1, $2::text::jsonb, $3)', [
					sealed.id,
					JSON.stringify({ fields: { applications_unsealed: true } }),
					'open up'
				])
			)
		).rejects.toThrow(/cannot be changed/);
		expect(
			await attempt(
				db(),
				chair,
				'update public.challenges set applications_unsealed = true where id = $1 returning 1',
				[sealed.id]
			)
		).toBe('denied');
	});

	it('a member of the organisation outside the challenge team sees none of its applications, also after the deadline', async () => {
		for (const id of [appSealed, appOptedOut]) {
			expect(await attempt(db(), colleague, selectApp, [id])).toBe(0);
			expect(await attempt(db(), outsiderOwner, selectApp, [id])).toBe(0);
		}
		expect(await db().as(colleague, (tx) => listSubmitted(tx, optedOut.id, 'en'))).toEqual([]);
		// The colleague still sees the challenge and its team, as a member of the organisation.
		expect(
			await attempt(
				db(),
				colleague,
				'select 1 from challenge_team_members where challenge_id = $1',
				[optedOut.id]
			)
		).toBe(1);
		// Only the chair (or an organisation owner) manages the team; only members can join.
		const add = 'select public.add_challenge_team_member($1, $2, $3) as r';
		expect(
			await db().as(colleague, (tx) => tx.query(add, [optedOut.id, colleague.id, 'member']))
		).toEqual([{ r: 'unknown' }]);
		expect(await db().as(chair, (tx) => tx.query(add, [optedOut.id, leadA.id, 'member']))).toEqual([
			{ r: 'not_in_organisation' }
		]);
		expect(
			await db().as(chair, (tx) => tx.query(add, [optedOut.id, colleague.id, 'member']))
		).toEqual([{ r: 'added' }]);
		expect(await attempt(db(), colleague, selectApp, [appOptedOut])).toBe(1);
		const remove = 'select public.remove_challenge_team_member($1, $2) as r';
		expect(await db().as(chair, (tx) => tx.query(remove, [optedOut.id, chair.id]))).toEqual([
			{ r: 'last_chair' }
		]);
		expect(await db().as(chair, (tx) => tx.query(remove, [optedOut.id, colleague.id]))).toEqual([
			{ r: 'removed' }
		]);
		expect(await attempt(db(), colleague, selectApp, [appOptedOut])).toBe(0);
		// Nobody writes the team table directly.
		expect(
			await attempt(
				db(),
				chair,
				`insert into challenge_team_members (challenge_id, user_id, role) values ($1, $2, 'chair') returning 1`,
				[optedOut.id, colleague.id]
			)
		).toBe('denied');
		expect(
			await attempt(
				db(),
				chair,
				`update challenge_team_members set added_at = now() - interval '1 year' returning 1`
			)
		).toBe('denied');
	});

	it('refuses direct writes of the record as authenticated: audit columns, status, deleting a published challenge', async () => {
		const id = sealed.id;
		for (const sql of [
			"update public.challenges set published_at = now() - interval '30 days' where id = $1 returning 1",
			'update public.challenges set created_by = auth.uid() where id = $1 returning 1',
			"update public.challenges set status = 'draft' where id = $1 returning 1",
			'update public.challenges set created_at = now() where id = $1 returning 1',
			`update public.challenges set title = '{"fi":"Uusi"}' where id = $1 returning 1`,
			"update public.challenge_stages set ends_at = now() + interval '2 minutes' where challenge_id = $1 returning 1",
			'delete from public.challenge_requirements where challenge_id = $1 returning 1',
			`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points) values ($1, 'selection', 9, '{"fi":"x"}', 1) returning 1`
		]) {
			expect(await attempt(db(), chair, sql, [id], { rollback: true }), sql).toBe('denied');
		}
		// Deleting finds nothing to delete (only drafts are deletable by policy), and the trigger
		// would refuse it anyway (below).
		expect(
			await attempt(db(), chair, 'delete from public.challenges where id = $1 returning 1', [id])
		).toBe(0);
		// Even the service role cannot set a published challenge back to draft or delete it.
		await expect(
			db().service('test: unpublish', (tx) =>
				tx.query("update public.challenges set status = 'draft' where id = $1", [id])
			)
		).rejects.toThrow(/never set back to draft/);
		await expect(
			db().service('test: delete', (tx) =>
				tx.query('delete from public.challenges where id = $1', [id])
			)
		).rejects.toThrow(/never deleted/);
	});

	it('publishes and edits drafts only through the team; publish goes through the function', async () => {
		const [draft] = await db().as(chair, (tx) =>
			tx.query<{ id: string; created_by: string }>(
				`insert into public.challenges (organisation_id, slug, title, summary, contact_email)
				 values ($1, $2, '{"fi":"Luonnos"}', '{"fi":"Tiivistelmä"}', 'chair@test.example')
				 returning id, created_by`,
				[org.id, `draft-${crypto.randomUUID().slice(0, 8)}`]
			)
		);
		expect(draft.created_by).toBe(chair.id);
		// Forging the creator is refused by the column privileges.
		expect(
			await attempt(
				db(),
				colleague,
				`insert into public.challenges (organisation_id, slug, title, created_by, status) values ($1, 'forged', '{"fi":"x"}', $2, 'published') returning 1`,
				[org.id, chair.id]
			)
		).toBe('denied');
		// The creator chairs the team; the colleague sees the draft but cannot edit it.
		expect(
			await attempt(db(), colleague, 'select 1 from public.challenges where id = $1', [draft.id])
		).toBe(1);
		expect(
			await attempt(
				db(),
				colleague,
				`update public.challenges set title = '{"fi":"Muu"}' where id = $1 returning 1`,
				[draft.id],
				{ rollback: true }
			)
		).toBe('denied');
		expect(
			await attempt(
				db(),
				chair,
				`update public.challenges set title = '{"fi":"Parempi"}' where id = $1 returning 1`,
				[draft.id],
				{ rollback: true }
			)
		).toBe(1);
		const publish = 'select public.publish_challenge($1) as r';
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'not_ready' }
		]);
		await db().as(chair, (tx) =>
			saveTimetable(
				tx,
				{ id: chair.id, name: '' },
				draft.id,
				[
					{
						stage: 'applications',
						startsAt: new Date(Date.now() + DAY),
						endsAt: new Date(Date.now() + 30 * DAY)
					}
				],
				''
			)
		);
		expect(await db().as(colleague, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'unknown' }
		]);
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'published' }
		]);
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([{ r: 'already' }]);
		expect(
			await db()
				.as(null, (tx) => tx.query(publish, [draft.id]))
				.catch((e: Error) => e.message)
		).toMatch(/permission denied/);
	});

	it('refuses shortening the deadline inside the minimum; a valid change is an amendment mailed to every team with a draft or a submission', async () => {
		const before = await stagesOf(db(), sealed.id);
		const editor = { id: chair.id, name: 'forged name' };
		const windows = (endsAt: Date) => [
			{ stage: 'applications' as const, startsAt: before[0].starts_at, endsAt }
		];
		// The Helsinki case: "in two minutes".
		await expect(
			db().as(chair, (tx) =>
				saveTimetable(tx, editor, sealed.id, windows(new Date(Date.now() + 2 * 60_000)), 'Hurry')
			)
		).rejects.toBeInstanceOf(DeadlineRefused);
		const [refused] = await db().as(chair, (tx) =>
			tx.query<{ r: { result: string } }>(
				'select public.amend_challenge($1, $2::text::jsonb, $3) as r',
				[
					sealed.id,
					JSON.stringify({
						stages: [
							{
								stage: 'applications',
								starts_at: before[0].starts_at,
								ends_at: new Date(Date.now() + 6 * DAY)
							}
						]
					}),
					'Hurry'
				]
			)
		);
		expect(refused.r.result).toBe('too_soon');
		expect(await stagesOf(db(), sealed.id)).toEqual(before);

		// Shortening to eight days ahead is allowed with a reason.
		const eightDays = new Date(Date.now() + 8 * DAY);
		const result = await db().as(chair, (tx) =>
			saveTimetable(tx, editor, sealed.id, windows(eightDays), 'Budget year ends earlier')
		);
		expect(result?.amended).toBe(true);
		expect(result?.changes.map((c) => c.field)).toEqual(['timetable']);
		const [amendment] = await db().as(null, (tx) =>
			tx.query<{ author_id: string; author_name: string; reason: string; age: number }>(
				`select author_id, author_name, reason, extract(epoch from now() - created_at)::int as age
				 from public.challenge_amendments where challenge_id = $1 order by created_at desc limit 1`,
				[sealed.id]
			)
		);
		expect(amendment).toEqual({
			author_id: chair.id,
			author_name: 'Olli Chair',
			reason: 'Budget year ends earlier',
			age: 0
		});

		// Followers and every member of a team with a draft or a submission hear of it, once
		// each, enqueued by the database with the amendment; a bidder is told it concerns
		// their team.
		const mailed = (await drainOutbox(db())).filter((m) =>
			m.text.includes('Budget year ends earlier')
		);
		expect(mailed.map((m) => m.to).sort()).toEqual(
			[follower, leadA, mateA, leadB].map((u) => u.email).sort()
		);
		const to = (u: User) => mailed.find((m) => m.to === u.email)!.text;
		expect(to(follower)).toMatch(/that you follow/);
		expect(to(leadB)).toMatch(/your team is applying to/);
		// A draft team member is mailed even before submitting.
		expect(draftB).toBeTruthy();
	});

	it('after the deadline the owner reads the whole snapshot', async () => {
		await setDeadline(db(), sealed.id, new Date(Date.now() - 1000));
		const [row] = await db().as(chair, (tx) =>
			tx.query<{ snapshot: { ideas: unknown[] } }>(selectApp, [appSealed])
		);
		expect(row.snapshot.ideas).toHaveLength(3);
		expect(
			await attempt(db(), chair, 'select 1 from application_ideas where application_id = $1', [
				appSealed
			])
		).toBe(3);
		expect((await db().as(chair, (tx) => listSubmitted(tx, sealed.id, 'en'))).length).toBe(1);
		expect(await attempt(db(), colleague, selectApp, [appSealed])).toBe(0);
	});
});
