import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import type { Queryable } from '../../src/lib/server/db/driver';
import { snapshotDigest } from '../../src/lib/domain/snapshot-digest';
import type { Snapshot } from '../../src/lib/domain/application-snapshot';
import { saveDraft, startApplication } from '../../src/lib/server/applications/editor';
import { recordSubmission, withdrawApplication } from '../../src/lib/server/applications/submit';
import { getSubmitted, saveScreening } from '../../src/lib/server/applications/screening';
import { submittedSnapshotText } from '../../src/lib/server/applications/snapshot-file';
import { askQuestion, answerQuestion } from '../../src/lib/server/challenges/questions';
import { attachDocument, canReadEvidence, isNotADraft } from '../../src/lib/server/evidence';
import { addWorkEntry } from '../../src/lib/server/work-history';
import { addMember } from '../../src/lib/server/organisations';
import { renewFeedToken } from '../../src/lib/server/calendar-feeds';
import { announce, scheduleWorkshop } from '../../src/lib/server/workshops/schedule';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { asSession, createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The record holds against the people it records, tried the way Supabase's Data API
 * would let them: as `authenticated` with their own claims, every write rolled back
 * (issue 10, items 6, 8–12; supabase/migrations/20261130000300_record_guards.sql).
 * Each refusal is paired with the legitimate path through the database's function.
 */
const key = () => `${crypto.randomUUID()}.pdf`;
const work = (area: string) => ({
	area,
	otherArea: '',
	organisation: 'Acme Oy',
	role: 'Developer',
	start: '2023-01',
	end: '2024-01',
	ongoing: false,
	description: '',
	evidenceUrl: ''
});

/** The error a statement raised as `who`, or null when it went through (then rolled back). */
async function failure(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	try {
		await attempt(db, who, sql, params, { rollback: true });
		return null;
	} catch (e) {
		return (e as Error).message;
	}
}

describeEachDatabase('direct access to the record', (db) => {
	let s: ScreeningScenario;
	const denied = (who: Principal, sql: string, params: unknown[] = []) =>
		attempt(db(), who, sql, params, { rollback: true });

	beforeAll(async () => {
		s = await createScreeningScenario(db());
	});

	describe('item 6: the snapshot and digest are the database’s', () => {
		it('refuses a forged snapshot and digest: the old signature is gone, the columns unwritable', async () => {
			const forged = await failure(
				db(),
				s.lead,
				'select public.submit_application($1, $2, $3, $4)',
				[s.draftA.id, 1, { workHistory: [{ area: 'forged' }] }, 'f'.repeat(64)]
			);
			expect(forged).toMatch(/does not exist/);
			expect(
				await denied(
					s.lead,
					`update applications set status = 'submitted', submitted_at = now(), digest = $2,
					   snapshot = '{"forged": true}' where id = $1 returning id`,
					[s.draftA.id, 'f'.repeat(64)]
				)
			).toBe('denied');
			expect(
				await denied(s.lead, `update applications set digest = $2 where id = $1 returning id`, [
					s.appA.id,
					'f'.repeat(64)
				])
			).toBe('denied');
		});

		it('builds the snapshot from the rows and stores a digest anyone can recompute', async () => {
			const [row] = await db().service('test: snapshot', (tx) =>
				tx.query<{ snapshot: Snapshot; digest: string; text: string }>(
					'select snapshot, digest, snapshot::text as text from public.applications where id = $1',
					[s.appA.id]
				)
			);
			expect(snapshotDigest(row.snapshot)).toBe(row.digest);
			const { createHash } = await import('node:crypto');
			expect(createHash('sha256').update(row.text, 'utf8').digest('hex')).toBe(row.digest);
			const entries = row.snapshot.workHistory.map((e) => e.id).sort();
			expect(entries).toEqual([s.leadEntry, s.memberEntry].sort());
			expect(row.snapshot.documents).toHaveLength(1);
			expect(row.snapshot.ideas).toHaveLength(3);
			expect(row.snapshot.submittedBy).toBe(s.lead.id);
			// The team's download is that text; nobody else's.
			const text = await db().as(s.member, (tx) => submittedSnapshotText(tx, s.appA.id));
			expect(text).toBe(row.text);
			expect(await db().as(s.otherTeam, (tx) => submittedSnapshotText(tx, s.appA.id))).toBeNull();
		});
	});

	describe('item 8: audit columns and state changes', () => {
		const rewrites: [string, (s: ScreeningScenario) => [Principal, string, unknown[]]][] = [
			[
				'backdate a team',
				(s) => [
					s.lead,
					`update teams set created_at = now() - interval '1 year' where id = $1 returning id`,
					[s.teamA.id]
				]
			],
			[
				'backdate a membership',
				(s) => [
					s.lead,
					`update team_members set joined_at = now() - interval '1 year' where team_id = $1 returning 1`,
					[s.teamA.id]
				]
			],
			[
				'forge an inviter',
				(s) => [
					s.lead,
					`insert into team_invitations (team_id, email, token_hash, invited_by) values ($1, 'x@test.example', $2, $3) returning id`,
					[s.teamA.id, 'c'.repeat(64), s.member.id]
				]
			],
			[
				'pre-accept an invitation',
				(s) => [
					s.lead,
					`insert into team_invitations (team_id, email, token_hash, accepted_at) values ($1, 'y@test.example', $2, now()) returning id`,
					[s.teamA.id, 'd'.repeat(64)]
				]
			],
			[
				'backdate a work entry',
				(s) => [
					s.lead,
					`update work_entries set created_at = now() - interval '5 years' where id = $1 returning id`,
					[s.leadEntry]
				]
			],
			[
				'set a work entry’s updated_at',
				(s) => [
					s.lead,
					`update work_entries set updated_at = now() - interval '5 years' where id = $1 returning id`,
					[s.leadEntry]
				]
			],
			[
				'give a work entry to someone else',
				(s) => [
					s.lead,
					`update work_entries set user_id = $2 where id = $1 returning id`,
					[s.leadEntry, s.member.id]
				]
			],
			[
				'rename a project’s author',
				(s) => [
					s.member,
					`update team_projects set created_by = $2 where id = $1 returning id`,
					[s.project, s.member.id]
				]
			],
			[
				'backdate a draft',
				(s) => [
					s.lead,
					`update applications set created_at = now() - interval '1 year' where id = $1 returning id`,
					[s.draftA.id]
				]
			],
			[
				'set who saved a draft',
				(s) => [
					s.lead,
					`update applications set updated_by = $2 where id = $1 returning id`,
					[s.draftA.id, s.member.id]
				]
			],
			[
				'withdraw by hand',
				(s) => [
					s.lead,
					`update applications set status = 'draft', submitted_at = null, digest = null, snapshot = null where id = $1 returning id`,
					[s.appA.id]
				]
			],
			[
				'write the application record',
				(s) => [
					s.lead,
					`insert into application_events (application_id, kind, at, by) values ($1, 'withdrawn', now() - interval '1 day', $2) returning id`,
					[s.appA.id, s.lead.id]
				]
			],
			[
				'erase the application record',
				(s) => [
					s.lead,
					'delete from application_events where application_id = $1 returning id',
					[s.appA.id]
				]
			],
			[
				'attach a document in someone else’s name',
				(s) => [
					s.lead,
					`insert into application_documents (application_id, file_key, file_name, mime, size, uploaded_by) values ($1, $2, 'a.pdf', 'application/pdf', 1, $3) returning id`,
					[s.draftA.id, key(), s.member.id]
				]
			],
			[
				'decide in someone else’s name',
				(s) => [
					s.owner,
					`insert into screening_decisions (application_id, eligible, justification, decided_by_name) values ($1, true, 'ok', 'The Mayor') returning 1`,
					[s.appB.id]
				]
			],
			[
				'backdate a decision',
				(s) => [
					s.owner,
					`update screening_decisions set decided_at = now() - interval '30 days' where application_id = $1 returning 1`,
					[s.appA.id]
				]
			],
			[
				'rewrite a decision',
				(s) => [
					s.owner,
					`update screening_decisions set eligible = false where application_id = $1 returning 1`,
					[s.appA.id]
				]
			],
			[
				'remove a decision',
				(s) => [
					s.owner,
					'delete from screening_decisions where application_id = $1 returning 1',
					[s.appA.id]
				]
			],
			[
				'mark in someone else’s name',
				(s) => [
					s.owner,
					`update screening_marks set marked_by = $2, marked_at = now() - interval '30 days' where application_id = $1 returning 1`,
					[s.appA.id, s.otherOwner.id]
				]
			],
			[
				'set a profile’s updated_at',
				(s) => [
					s.lead,
					`update profiles set updated_at = now() - interval '1 year' where id = $1 returning id`,
					[s.lead.id]
				]
			],
			[
				'backdate feedback',
				() => [
					null,
					`insert into accessibility_feedback (message, created_at) values ('hi', now() - interval '1 year')`,
					[]
				]
			],
			[
				'send feedback as someone else',
				(s) => [
					s.lead,
					`insert into accessibility_feedback (message, user_id) values ('hi', $1)`,
					[s.member.id]
				]
			]
		];
		it.each(rewrites)('refuses: %s', async (_name, make) => {
			const [who, sql, params] = make(s);
			expect(await denied(who, sql, params)).toBe('denied');
		});

		it('the legitimate writes still go through, with the database’s times and names', async () => {
			expect(
				await denied(s.lead, `update teams set description = 'Better' where id = $1 returning id`, [
					s.teamA.id
				])
			).toBe(1);
			expect(
				await denied(
					s.lead,
					`update profiles set display_name = 'Leo L.' where id = $1 returning id`,
					[s.lead.id]
				)
			).toBe(1);
			expect(
				await denied(null, `insert into accessibility_feedback (message, page) values ('hi', '/')`)
			).toBe(0);
			const [saved] = await db().as(s.lead, async (tx) => {
				const before = await tx.query<{ version: number }>(
					'select version from applications where id = $1',
					[s.draftA.id]
				);
				const result = await saveDraft(tx, s.draftA.id, {
					version: before[0].version,
					ideas: [],
					answers: []
				});
				return tx.query<{ ok: boolean; by: string }>(
					`select $2::boolean as ok, updated_by as by from applications where id = $1`,
					[s.draftA.id, result.ok]
				);
			});
			expect(saved).toEqual({ ok: true, by: s.lead.id });
		});

		it('an announcement takes the database’s time and the facilitator’s name; a backdated one is refused', async () => {
			const facilitator = await createUser(db(), 'Fiia Facilitator');
			await db().service('test fixture: facilitator', (tx) =>
				tx.query('insert into public.platform_facilitators (user_id) values ($1)', [facilitator.id])
			);
			const workshop = await db().as(facilitator, (tx) =>
				scheduleWorkshop(tx, {
					challengeId: s.challenge.id,
					title: 'Record day',
					startsAt: new Date(),
					agenda: DEFAULT_AGENDA,
					teamIds: [],
					guests: [],
					mode: 'shared'
				})
			);
			expect(
				await denied(
					facilitator,
					`insert into workshop_announcements (workshop_id, body, at) values ($1, 'Old news', now() - interval '30 days') returning id`,
					[workshop]
				)
			).toBe('denied');
			expect(
				await denied(
					facilitator,
					`insert into workshop_announcements (workshop_id, body) values ($1, 'x') returning id`,
					[workshop]
				)
			).toBe('denied');
			expect(
				await denied(s.outsider, 'select * from public.announce_to_workshop($1, $2)', [
					workshop,
					'Hi'
				])
			).toBe('denied');
			const row = await db().as(facilitator, (tx) => announce(tx, workshop, 'Coffee at ten'));
			expect(Math.abs(new Date(row.at).getTime() - Date.now())).toBeLessThan(60_000);
			expect(
				await denied(
					facilitator,
					`update workshop_announcements set at = now() - interval '30 days' where id = $1 returning id`,
					[row.id]
				)
			).toBe('denied');
			const [stored] = await db().service('test: announcement', (tx) =>
				tx.query<{ by: string }>('select by from workshop_announcements where id = $1', [row.id])
			);
			expect(stored.by).toBe(facilitator.id);
		});

		it('an answer is written only by answer_question; a correction is on record with a new time', async () => {
			const asked = await db().as(s.outsider, (tx) =>
				askQuestion(tx, s.challenge.id, 'May a team have three companies?')
			);
			if (!asked.ok) throw new Error('questions closed');
			const q = asked.id;
			expect(
				await denied(
					s.owner,
					`update challenge_questions set answer = 'Yes', answered_at = now() - interval '30 days', answered_by = $2 where id = $1 returning id`,
					[q, s.otherOwner.id]
				)
			).toBe('denied');
			expect(
				await denied(
					s.owner,
					`insert into challenge_questions (challenge_id, body, created_at) values ($1, 'Planted', now() - interval '1 year') returning id`,
					[s.challenge.id]
				)
			).toBe('denied');
			expect(await db().as(s.owner, (tx) => answerQuestion(tx, s.challenge.id, q, 'Yes.'))).toBe(
				'answered'
			);
			const read = () =>
				db().service('test: question', (tx) =>
					tx.query<{ answer: string; answered_at: Date; answered_by: string }>(
						'select answer, answered_at, answered_by from challenge_questions where id = $1',
						[q]
					)
				);
			const [first] = await read();
			expect(
				await denied(
					s.owner,
					`update challenge_questions set answer = 'No.' where id = $1 returning id`,
					[q]
				)
			).toBe('denied');
			expect(
				await db().as(s.owner, (tx) => answerQuestion(tx, s.challenge.id, q, 'Yes, up to three.'))
			).toBe('revised');
			const [second] = await read();
			expect(second.answer).toBe('Yes, up to three.');
			expect(new Date(second.answered_at).getTime()).toBeGreaterThan(
				new Date(first.answered_at).getTime()
			);
			const revisions = await db().as(null, (tx) =>
				tx.query<{ answer: string }>(
					'select answer from question_answer_revisions where question_id = $1',
					[q]
				)
			);
			expect(revisions.map((r) => r.answer)).toEqual(['Yes.']);
		});
	});

	describe('item 9: profiles.email follows the verified address', () => {
		it('refuses setting one’s own email to another person’s; a change of the account’s address follows', async () => {
			expect(
				await denied(s.lead, `update profiles set email = $2 where id = $1 returning id`, [
					s.lead.id,
					s.member.email
				])
			).toBe('denied');
			const fresh = await createUser(db(), 'Eeva Email');
			const address = `changed-${Math.random().toString(36).slice(2, 8)}@test.example`;
			await db().service('test: verified email change', (tx) =>
				tx.query('update auth.users set email = $2 where id = $1', [fresh.id, address])
			);
			const [p] = await db().service('test: profile', (tx) =>
				tx.query<{ email: string }>('select email from profiles where id = $1', [fresh.id])
			);
			expect(p.email).toBe(address);
		});
	});

	describe('item 10: evidence keys belong to the row’s owner', () => {
		it('refuses pointing one’s entry, a project or a document at another member’s file', async () => {
			const leadsFile = key();
			await db().as(s.lead, (tx) => addWorkEntry(tx, work('software_development'), leadsFile));
			expect(
				await denied(
					s.member,
					'update work_entries set evidence_file = $2 where id = $1 returning id',
					[s.memberEntry, leadsFile]
				)
			).toBe('denied');
			expect(
				await denied(
					s.member,
					`insert into work_entries (area, organisation, role, start_month, evidence_file) values ('a', 'o', 'r', '2020-01-01', $1) returning id`,
					[leadsFile]
				)
			).toBe('denied');
			// Team B's file is nobody's in team A: not on team A's project either.
			const othersFile = key();
			await db().as(s.otherTeam, (tx) => addWorkEntry(tx, work('service_design'), othersFile));
			expect(
				await denied(
					s.member,
					'update team_projects set evidence_file = $2 where id = $1 returning id',
					[s.project, othersFile]
				)
			).toBe('denied');
			expect(
				await denied(
					s.lead,
					`insert into application_documents (application_id, file_key, file_name, mime, size) values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id`,
					[s.draftA.id, othersFile]
				)
			).toBe('denied');
			// One's own new upload goes in, and a teammate's upload on the team's project stays.
			expect(
				await denied(
					s.member,
					'update work_entries set evidence_file = $2 where id = $1 returning id',
					[s.memberEntry, key()]
				)
			).toBe(1);
			expect(
				await denied(
					s.lead,
					'update team_projects set evidence_file = $2 where id = $1 returning id',
					[s.project, key()]
				)
			).toBe(1);
		});

		it('serves a file only when the row pointing at it is its uploader’s', async () => {
			const leadsFile = key();
			await db().as(s.lead, (tx) => addWorkEntry(tx, work('software_development'), leadsFile));
			// A row written before the guard existed (triggers off, as a restore would) that
			// points the member's entry at the lead's file.
			await db().service('test: legacy forged row', async (tx) => {
				await tx.query("set local session_replication_role = 'replica'");
				await tx.query(
					`insert into work_entries (user_id, area, organisation, role, start_month, evidence_file)
					 values ($1, 'a', 'o', 'r', '2020-01-01', $2)`,
					[s.member.id, leadsFile]
				);
			});
			expect(await db().as(s.lead, (tx) => canReadEvidence(tx, leadsFile))).toBe(true);
			expect(await db().as(s.member, (tx) => canReadEvidence(tx, leadsFile))).toBe(false);
			expect(await db().as(s.outsider, (tx) => canReadEvidence(tx, leadsFile))).toBe(false);
		});
	});

	describe('item 11: the answer checks the challenge before it writes', () => {
		it('a question of another challenge is refused and stays unanswered', async () => {
			const asked = await db().as(s.outsider, (tx) =>
				askQuestion(tx, s.challenge.id, 'Is the budget public?')
			);
			if (!asked.ok) throw new Error('questions closed');
			expect(
				await db().as(s.owner, (tx) => answerQuestion(tx, s.secondChallenge.id, asked.id, 'Yes'))
			).toBe('unknown');
			const [q] = await db().service('test: question', (tx) =>
				tx.query<{ answer: string | null }>(
					'select answer from challenge_questions where id = $1',
					[asked.id]
				)
			);
			expect(q.answer).toBeNull();
		});
	});

	describe('item 12: frozen content, voided screening', () => {
		it('refuses attaching, adding ideas or answers to a submitted application, in words', async () => {
			expect(
				await denied(
					s.lead,
					`insert into application_ideas (application_id, position, title) values ($1, 9, 'Late idea') returning 1`,
					[s.appA.id]
				)
			).toBe('denied');
			expect(
				await denied(
					s.lead,
					`update application_answers set explanation = 'Changed' where application_id = $1 returning 1`,
					[s.appA.id]
				)
			).toBe(0);
			let refusal: unknown = null;
			await db()
				.as(s.lead, (tx) =>
					attachDocument(tx, s.appA.id, null, {
						key: key(),
						name: 'late.pdf',
						mime: 'application/pdf',
						size: 5
					})
				)
				.catch((e) => (refusal = e));
			// The policy hides the draft check's row; a race is refused by the lock (below).
			if (refusal) expect(isNotADraft(refusal)).toBe(true);
		});

		/** A new team of the lead with a draft to `challenge`; `fill` completes it and returns its version. */
		async function freshDraft(challengeId: string) {
			const lead = s.lead;
			const team = await db().service('test: team', async (tx) => {
				const [t] = await tx.query<{ id: string }>(
					`insert into teams (name, lead_id) values ('Fresh team', $1) returning id`,
					[lead.id]
				);
				await tx.query('insert into team_members (team_id, user_id) values ($1, $2)', [
					t.id,
					lead.id
				]);
				return t.id;
			});
			const started = await db().as(lead, (tx) => startApplication(tx, challengeId, team));
			if (!started.ok) throw new Error(started.reason);
			const fill = async (title: string) => {
				const [{ version }] = await db().as(lead, (tx) =>
					tx.query<{ version: number }>('select version from applications where id = $1', [
						started.id
					])
				);
				const reqs = await db().as(lead, (tx) =>
					tx.query<{ id: string }>(
						'select id from challenge_requirements where challenge_id = $1',
						[challengeId]
					)
				);
				const saved = await db().as(lead, (tx) =>
					saveDraft(tx, started.id, {
						version,
						ideas: [1, 2, 3].map((position) => ({
							position,
							title: `${title} ${position}`,
							problem: 'p',
							idea: 'i',
							value: 'v'
						})),
						answers: reqs.map((r) => ({ requirementId: r.id, meets: true, explanation: 'Yes' }))
					})
				);
				if (!saved.ok) throw new Error(saved.reason);
				return saved.version;
			};
			return { id: started.id, fill };
		}

		it('withdrawing voids the screening of that submission, on record; a resubmission starts unscreened', async () => {
			const lead = s.lead;
			// A fresh team and submission, screened before the deadline.
			const { id, fill } = await freshDraft(s.spareChallenge.id);
			const started = { id };
			const v1 = await fill('First');
			expect((await recordSubmission(db(), lead, started.id, v1)).outcome).toBe('submitted');
			// Every requirement marked met: a decision needs them all (private.screening_refused).
			const met = s.spareChallenge.requirementIds.map((requirementId) => ({
				requirementId,
				met: true,
				reason: ''
			}));
			const decided = await db().as(s.owner, (tx) =>
				saveScreening(tx, started.id, {
					marks: met,
					decision: { eligible: true, justification: 'Fine.' }
				})
			);
			expect(decided).toEqual({ decided: true });
			expect(await withdrawApplication(db(), asSession(lead), started.id)).toBe('withdrawn');
			const history = await db().as(lead, (tx) =>
				tx.query<{ ended: string; eligible: boolean; submission_digest: string }>(
					'select ended, eligible, submission_digest from screening_history where application_id = $1',
					[started.id]
				)
			);
			expect(history).toHaveLength(1);
			expect(history[0]).toMatchObject({ ended: 'voided', eligible: true });
			const v2 = await fill('Second');
			expect((await recordSubmission(db(), lead, started.id, v2)).outcome).toBe('submitted');
			const after = await db().as(s.owner, (tx) =>
				tx.query('select 1 from screening_decisions where application_id = $1', [started.id])
			);
			expect(after).toHaveLength(0);
			// The owner reads the voided decision on record with the resubmission.
			const resubmitted = await db().as(s.owner, (tx) =>
				getSubmitted(tx, s.spareChallenge.id, started.id)
			);
			expect(resubmitted?.screening).toBeNull();
			expect(resubmitted?.history).toMatchObject([
				{ ended: 'voided', eligible: true, justification: 'Fine.', decidedByName: 'Olga Owner' }
			]);
			// A revision keeps the decision it replaced.
			for (const eligible of [true, false])
				await db().as(s.owner, (tx) =>
					saveScreening(tx, started.id, {
						marks: met,
						decision: { eligible, justification: eligible ? 'Fine.' : 'Not after all.' }
					})
				);
			const revised = await db().as(s.owner, (tx) =>
				getSubmitted(tx, s.spareChallenge.id, started.id)
			);
			expect(revised?.screening).toMatchObject({ eligible: false });
			expect(revised?.history.map((h) => [h.ended, h.eligible])).toEqual([
				['voided', true],
				['revised', true]
			]);
			// Screening runs only through record_screening, and only as someone who may screen it.
			expect(
				await db().as(s.otherOwner, (tx) =>
					saveScreening(tx, started.id, {
						marks: [],
						decision: { eligible: true, justification: 'x' }
					})
				)
			).toBeNull();
			// What the screening page refuses, the database refuses too (issue 11, item 8).
			await expect(
				db().as(s.owner, (tx) =>
					saveScreening(tx, started.id, {
						marks: [],
						decision: { eligible: true, justification: 'No marks at all.' }
					})
				)
			).rejects.toThrow(/screening refused/);
		});

		/** Resolves once another session waits for a lock in this database. */
		async function someoneWaitsForALock() {
			for (let i = 0; i < 200; i++) {
				const [row] = await db().service('test: lock wait', (tx) =>
					tx.query<{ n: number }>(
						`select count(*)::int as n from pg_stat_activity
						 where datname = current_database() and wait_event_type = 'Lock'`
					)
				);
				if (row.n > 0) return;
				await new Promise((r) => setTimeout(r, 25));
			}
			throw new Error('nobody waited for the lock');
		}

		/** A transaction as the lead that runs `first`, then stays open until `release()`. */
		function holdOpen<T>(first: (tx: Queryable) => Promise<T>) {
			let release!: () => void;
			const gate = new Promise<void>((r) => (release = r));
			let ran!: () => void;
			const started = new Promise<void>((r) => (ran = r));
			const done = db().as(s.lead, async (tx) => {
				const result = await first(tx);
				ran();
				await gate;
				return result;
			});
			return { started, done, release };
		}

		const documentsOf = (id: string) =>
			db().service('test: documents', async (tx) => {
				const [app] = await tx.query<{ snapshot: Snapshot }>(
					'select snapshot from applications where id = $1',
					[id]
				);
				const rows = await tx.query<{ file_key: string }>(
					'select file_key from application_documents where application_id = $1',
					[id]
				);
				return {
					frozen: app.snapshot.documents.map((d) => d.fileKey),
					listed: rows.map((r) => r.file_key)
				};
			});

		it('an attach during a submit waits for it and is refused: nothing listed outside the snapshot (Postgres)', async () => {
			// PGlite has one connection: transactions cannot overlap there.
			if (db().driver.kind !== 'postgres') return;
			const { id, fill } = await freshDraft(s.spareChallenge.id);
			const version = await fill('Race');
			const submit = holdOpen((tx) =>
				tx.query('select public.submit_application($1, $2) as outcome', [id, version])
			);
			await submit.started;
			const late = key();
			const attach = db()
				.as(s.lead, (tx) =>
					attachDocument(tx, id, null, {
						key: late,
						name: 'late.pdf',
						mime: 'application/pdf',
						size: 5
					})
				)
				.then(
					(ok) => ({ ok, error: null as unknown }),
					(error: unknown) => ({ ok: false, error })
				);
			await someoneWaitsForALock();
			submit.release();
			expect(await submit.done).toEqual([{ outcome: 'submitted' }]);
			const attached = await attach;
			expect(attached.ok).toBe(false);
			if (attached.error) expect(isNotADraft(attached.error)).toBe(true);
			const { frozen, listed } = await documentsOf(id);
			expect(listed).not.toContain(late);
			expect(frozen).toEqual(listed);
		});

		it('a submit during an attach waits for it and freezes the document with it (Postgres)', async () => {
			if (db().driver.kind !== 'postgres') return;
			const { id, fill } = await freshDraft(s.spareChallenge.id);
			const version = await fill('Race');
			const early = key();
			const attach = holdOpen((tx) =>
				attachDocument(tx, id, null, {
					key: early,
					name: 'early.pdf',
					mime: 'application/pdf',
					size: 5
				})
			);
			await attach.started;
			const submit = recordSubmission(db(), s.lead, id, version);
			await someoneWaitsForALock();
			attach.release();
			expect(await attach.done).toBe(true);
			expect((await submit).outcome).toBe('submitted');
			const { frozen, listed } = await documentsOf(id);
			expect(frozen).toEqual([early]);
			expect(listed).toEqual([early]);
		});
	});

	describe('audit columns on every table (20261130000800_audit_columns.sql)', () => {
		it('a workshop starts scheduled, now, with its own id: status, created_at and id are not insertable', async () => {
			const facilitator = await createUser(db(), 'Fanni Facilitator');
			await db().service('test fixture: facilitator', (tx) =>
				tx.query('insert into public.platform_facilitators (user_id) values ($1)', [facilitator.id])
			);
			const agenda = JSON.stringify(DEFAULT_AGENDA);
			expect(
				await denied(
					facilitator,
					`insert into workshops (challenge_id, title, starts_at, agenda, status, created_at)
					 values ($1, 'Already over', now() - interval '1 year', $2, 'ended', now() - interval '1 year')
					 returning id`,
					[s.challenge.id, agenda]
				)
			).toBe('denied');
			expect(
				await denied(
					facilitator,
					`insert into workshops (challenge_id, title, starts_at, agenda, status)
					 values ($1, 'Live at once', now(), $2, 'live') returning id`,
					[s.challenge.id, agenda]
				)
			).toBe('denied');
			expect(
				await denied(
					facilitator,
					`insert into workshops (id, challenge_id, title, starts_at, agenda)
					 values (gen_random_uuid(), $1, 'Chosen id', now(), $2) returning id`,
					[s.challenge.id, agenda]
				)
			).toBe('denied');
			const workshop = await db().as(facilitator, (tx) =>
				scheduleWorkshop(tx, {
					challengeId: s.challenge.id,
					title: 'Audit day',
					startsAt: new Date(Date.now() + 86_400_000),
					agenda: DEFAULT_AGENDA,
					teamIds: [],
					guests: [],
					mode: 'shared'
				})
			);
			const [row] = await db().service('test: workshop', (tx) =>
				tx.query<{ status: string; created_at: Date; facilitator_id: string }>(
					'select status, created_at, facilitator_id from public.workshops where id = $1',
					[workshop]
				)
			);
			expect(row.status).toBe('scheduled');
			expect(row.facilitator_id).toBe(facilitator.id);
			expect(Math.abs(new Date(row.created_at).getTime() - Date.now())).toBeLessThan(60_000);
			expect(
				await denied(
					facilitator,
					`update workshops set status = 'ended', created_at = now() - interval '1 year'
					 where id = $1 returning id`,
					[workshop]
				)
			).toBe('denied');
		});

		it('a membership, an organisation and a follow take the database’s time', async () => {
			const joiner = await createUser(db(), 'Jonna Joiner');
			expect(
				await denied(
					s.owner,
					`insert into organisation_members (organisation_id, user_id, role, created_at)
					 values ($1, $2, 'member', now() - interval '5 years') returning user_id`,
					[s.org.id, joiner.id]
				)
			).toBe('denied');
			expect(
				await denied(
					s.owner,
					`update organisation_members set created_at = now() - interval '5 years'
					 where organisation_id = $1 returning user_id`,
					[s.org.id]
				)
			).toBe('denied');
			expect(
				await denied(
					s.owner,
					`update organisations set created_at = now() - interval '5 years' where id = $1 returning id`,
					[s.org.id]
				)
			).toBe('denied');
			expect(
				await denied(
					s.outsider,
					`insert into challenge_followers (challenge_id, created_at)
					 values ($1, now() - interval '5 years') returning user_id`,
					[s.challenge.id]
				)
			).toBe('denied');
			// The app's own paths still work: a member added, then their role changed (an upsert).
			const add = (role: 'member' | 'owner') =>
				db().as(s.owner, (tx) => addMember(tx, s.org.id, joiner.email, role));
			expect((await add('member')).outcome).toBe('added');
			expect((await add('owner')).outcome).toBe('updated');
			expect(
				await denied(
					s.outsider,
					'insert into challenge_followers (challenge_id) values ($1) returning user_id',
					[s.challenge.id]
				)
			).toBe(1);
		});

		it('a calendar feed’s time is when its token was issued, whatever the client sends', async () => {
			const user = await createUser(db(), 'Kalle Kalenteri');
			expect(
				await denied(
					user,
					`insert into calendar_feeds (token, created_at)
					 values ($1, now() - interval '5 years') returning user_id`,
					['e'.repeat(32)]
				)
			).toBe('denied');
			const times = await db().as(user, async (tx) => {
				await tx.query('insert into calendar_feeds (token) values ($1)', ['f'.repeat(32)]);
				return tx.query<{ created_at: Date }>('select created_at from calendar_feeds');
			});
			expect(Math.abs(new Date(times[0].created_at).getTime() - Date.now())).toBeLessThan(60_000);
			expect(
				await denied(user, `update calendar_feeds set created_at = now() - interval '5 years'`)
			).toBe('denied');
			// The app's rotation still works, and the database stamps when it was issued.
			const token = await db().as(user, (tx) => renewFeedToken(tx));
			const [stored] = await db().service('test: feed', (tx) =>
				tx.query<{ token: string }>('select token from public.calendar_feeds where user_id = $1', [
					user.id
				])
			);
			expect(stored.token).toBe(token);
		});
	});
});
