import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import type { Database } from '../../src/lib/server/db/database';
import type { Draft } from '../../src/lib/domain/application-schemas';
import { snapshotDigest } from '../../src/lib/domain/snapshot-digest';
import {
	getApplication,
	saveDraft,
	startApplication
} from '../../src/lib/server/applications/editor';
import {
	submitApplication,
	submitDraft,
	withdrawApplication
} from '../../src/lib/server/applications/submit';
import { lookbackWindow, monthIndex } from '../../src/lib/domain/experience';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import { createOrganisation, createUser } from './fixtures';
import { createOpenChallenge, createTeamWith, setDeadline } from './application-fixtures';

const idea = (position: number, title = `Idea ${position}`) => ({
	position,
	title,
	problem: 'People wait too long for training.',
	idea: 'A matching service.',
	value: 'Shorter waits.'
});

async function sessionUser(name: string, db: Database): Promise<SessionUser> {
	const u = await createUser(db, name);
	return {
		id: u.id,
		email: u.email,
		displayName: name,
		locale: 'en',
		isAdmin: false,
		memberships: 0
	};
}

describeEachDatabase('applications', (db) => {
	let lead: SessionUser;
	let mate: SessionUser;
	let outsider: SessionUser;
	let org: { id: string };
	let team: { id: string };
	let otherTeam: { id: string };

	beforeAll(async () => {
		lead = await sessionUser('Lena Lead', db());
		mate = await sessionUser('Matti Mate', db());
		outsider = await sessionUser('Olli Other', db());
		const owner = await createUser(db(), 'Owner');
		org = await createOrganisation(db(), owner.id);
		team = await createTeamWith(db(), lead.id, [mate.id]);
		otherTeam = await createTeamWith(db(), outsider.id);
	});

	/** An open challenge and the team's draft to it. */
	async function draftFor(options: { ideaCount?: number } = {}) {
		const challenge = await createOpenChallenge(db(), org.id, options);
		const started = await db().as(lead, (tx) => startApplication(tx, challenge.id, team.id));
		if (!started.ok) throw new Error(`not started: ${started.reason}`);
		return { challenge, id: started.id };
	}

	const read = (who: SessionUser, id: string) => db().as(who, (tx) => getApplication(tx, id));
	const save = (who: SessionUser, id: string, draft: Draft) =>
		db().as(who, (tx) => saveDraft(tx, id, draft));

	/** A complete draft: every idea and a yes to every requirement. */
	async function complete(id: string, requirementIds: string[], ideas = 3) {
		const app = await read(lead, id);
		const result = await save(lead, id, {
			version: app!.version,
			ideas: Array.from({ length: ideas }, (_, i) => idea(i + 1)),
			answers: requirementIds.map((requirementId) => ({
				requirementId,
				meets: true,
				explanation: 'We do.'
			}))
		});
		if (!result.ok) throw new Error(`not saved: ${result.reason}`);
		return result.version;
	}

	describe('starting', () => {
		it('starts only while applications are open and only as a member of the team', async () => {
			const challenge = await createOpenChallenge(db(), org.id);
			expect(await db().as(outsider, (tx) => startApplication(tx, challenge.id, team.id))).toEqual({
				ok: false,
				reason: 'not_member'
			});

			await setDeadline(db(), challenge.id, new Date(Date.now() - 1000));
			expect(await db().as(lead, (tx) => startApplication(tx, challenge.id, team.id))).toEqual({
				ok: false,
				reason: 'closed'
			});

			await setDeadline(db(), challenge.id, new Date(Date.now() + 3600_000));
			const started = await db().as(lead, (tx) => startApplication(tx, challenge.id, team.id));
			expect(started.ok).toBe(true);
			const again = await db().as(mate, (tx) => startApplication(tx, challenge.id, team.id));
			expect(again).toMatchObject({ ok: false, reason: 'exists', id: started.ok && started.id });
		});

		it('shows the coverage matrix for every required area and member', async () => {
			const { challenge, id } = await draftFor();
			const month = (back: number) => {
				const d = new Date();
				d.setUTCDate(1);
				d.setUTCMonth(d.getUTCMonth() - back);
				return d.toISOString().slice(0, 10);
			};
			// Two overlapping entries of one person in one area count once; ongoing runs to the deadline.
			await db().service('test: work history', (tx) =>
				tx.query(
					`insert into public.work_entries (user_id, area, organisation, role, start_month, end_month)
					 values ($1, 'software_development', 'A', 'Dev', $2, null),
					        ($1, 'software_development', 'B', 'Dev', $3, $4)`,
					[lead.id, month(12), month(10), month(6)]
				)
			);
			const app = await read(mate, id);
			const coverage = app!.coverage!;
			expect(coverage.areas.map((a) => a.area)).toEqual(['software_development', 'service_design']);
			const upTo = monthIndex(lookbackWindow(challenge.deadline, 3).to);
			const months = upTo - monthIndex(month(12).slice(0, 7)) + 1;
			expect(coverage.areas[0].members).toEqual([{ memberId: lead.id, months }]);
			expect(coverage.areas[1].covered).toBe(false);
			expect(coverage.teamSizeOk).toBe(true);
			expect(coverage.commonHistoryOk).toBe(false);
			expect(coverage.shortfalls).toEqual([
				{ code: 'area_not_covered', area: 'service_design' },
				{ code: 'no_common_history' }
			]);
			expect(app!.team.members.map((x) => x.id)).toEqual([lead.id, mate.id]);
		});
	});

	describe('drafts', () => {
		it('refuses a save made on a stale version and keeps what was saved', async () => {
			const { id } = await draftFor();
			const first = await save(lead, id, { version: 1, ideas: [idea(1, 'Lead’s')], answers: [] });
			expect(first).toMatchObject({ ok: true, version: 2 });
			const stale = await save(mate, id, { version: 1, ideas: [idea(1, 'Mate’s')], answers: [] });
			expect(stale).toEqual({ ok: false, reason: 'conflict' });
			const app = await read(mate, id);
			expect(app!.version).toBe(2);
			expect(app!.ideas[0].title).toBe('Lead’s');
		});

		it("gives another team's member 'unknown' for a forged id and changes nothing", async () => {
			const { id } = await draftFor();
			await save(lead, id, { version: 1, ideas: [idea(1, 'Ours')], answers: [] });
			expect(await read(outsider, id)).toBeNull();
			for (const version of [1, 2, 3]) {
				expect(
					await save(outsider, id, { version, ideas: [idea(1, 'Theirs')], answers: [] })
				).toEqual({ ok: false, reason: 'unknown' });
			}
			expect(await submitApplication(db(), outsider, id, 2)).toBe('unknown');
			const app = await read(lead, id);
			expect(app!.version).toBe(2);
			expect(app!.ideas.map((i) => i.title)).toEqual(['Ours']);
			expect(otherTeam.id).not.toBe(team.id);
		});
	});

	describe('submitting', () => {
		it('refuses two ideas where three are wanted, and missing answers', async () => {
			const { challenge, id } = await draftFor();
			const two = await complete(id, challenge.requirementIds, 2);
			expect(await submitApplication(db(), lead, id, two)).toBe('ideas');

			const app = await read(lead, id);
			const noAnswers = await save(lead, id, {
				version: app!.version,
				ideas: [1, 2, 3].map((p) => idea(p)),
				answers: [{ requirementId: challenge.requirementIds[0], meets: null, explanation: '' }]
			});
			expect(noAnswers.ok).toBe(true);
			const version = noAnswers.ok ? noAnswers.version : 0;
			expect(await submitApplication(db(), lead, id, version)).toBe('answers');
			expect((await read(lead, id))!.status).toBe('draft');
		});

		it('refuses ideas whose fields are all whitespace, as the page does (issue 11, item 8)', async () => {
			const { challenge, id } = await draftFor();
			const blank = (position: number) => ({
				position,
				title: '   ',
				problem: ' \t ',
				idea: '\u00a0',
				value: '\n'
			});
			const saved = await save(lead, id, {
				version: (await read(lead, id))!.version,
				ideas: [1, 2, 3].map(blank),
				answers: challenge.requirementIds.map((requirementId) => ({
					requirementId,
					meets: true,
					explanation: ''
				}))
			});
			if (!saved.ok) throw new Error(`not saved: ${saved.reason}`);
			expect(await submitApplication(db(), lead, id, saved.version)).toBe('ideas');
			expect((await read(lead, id))!.status).toBe('draft');
		});

		it('refuses one second after the deadline by the database clock', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			await setDeadline(db(), challenge.id, new Date(Date.now() - 1000));
			expect(await submitApplication(db(), lead, id, version)).toBe('closed');
			expect((await read(lead, id))!.status).toBe('draft');
		});

		it('names the number of ideas wanted with the ideas refusal only', async () => {
			const { challenge, id } = await draftFor();
			const two = await complete(id, challenge.requirementIds, 2);
			expect(await submitDraft(db(), lead, id, two)).toEqual({ outcome: 'ideas', ideaCount: 3 });
			expect(await submitDraft(db(), lead, id, two - 1)).toEqual({
				outcome: 'stale',
				ideaCount: null
			});
			expect(await submitDraft(db(), outsider, id, two)).toEqual({
				outcome: 'unknown',
				ideaCount: null
			});
		});

		it('after the deadline answers closed even to a stale version, and records the attempt', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			await setDeadline(db(), challenge.id, new Date(Date.now() - 1000));
			expect(await submitApplication(db(), lead, id, version - 1)).toBe('closed');
			const [late] = await db().service('test: late attempts', (tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.late_submission_attempts where application_id = $1',
					[id]
				)
			);
			expect(late.n).toBe(1);
		});

		it('refuses a submission of a draft changed since it was read', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			expect(await submitApplication(db(), lead, id, version - 1)).toBe('stale');
		});

		it('accepts in time, stores the digest of the snapshot, mails every member a receipt', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			await drainOutbox(db());
			expect(await submitApplication(db(), mate, id, version)).toBe('submitted');

			const [stored] = await db().service('test: read snapshot', (tx) =>
				tx.query<{ digest: string; snapshot: unknown }>(
					'select digest, snapshot from public.applications where id = $1',
					[id]
				)
			);
			expect(stored.digest).toMatch(/^[0-9a-f]{64}$/);
			// The team can check it: SHA-256 of the snapshot's canonical jsonb text.
			expect(snapshotDigest(stored.snapshot)).toBe(stored.digest);

			const app = await read(lead, id);
			expect(app!.status).toBe('submitted');
			expect(app!.digest).toBe(stored.digest);
			expect(app!.events.map((e) => e.kind)).toEqual(['submitted']);

			const receipts = (await drainOutbox(db())).filter((m) => m.text.includes(stored.digest));
			expect(receipts.map((r) => r.to).sort()).toEqual([lead.email, mate.email].sort());
			expect(receipts[0].text).toContain(`/applications/${id}`);
		});

		it('is read-only once submitted, to saves and to direct updates', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			expect(await submitApplication(db(), lead, id, version)).toBe('submitted');
			const app = await read(lead, id);
			expect(
				await save(lead, id, { version: app!.version, ideas: [idea(1, 'Later')], answers: [] })
			).toEqual({ ok: false, reason: 'not_draft' });
			const rows = await db().as(lead, (tx) =>
				tx.query(
					"update public.application_ideas set title = 'Sneaky' where application_id = $1 returning 1",
					[id]
				)
			);
			expect(rows).toHaveLength(0);
			expect((await read(lead, id))!.ideas[0].title).toBe('Idea 1');
		});

		it('withdraws before the deadline and submits again; not after the deadline', async () => {
			const { challenge, id } = await draftFor();
			const version = await complete(id, challenge.requirementIds);
			expect(await submitApplication(db(), lead, id, version)).toBe('submitted');
			expect(await withdrawApplication(db(), mate, id)).toBe('withdrawn');
			let app = await read(lead, id);
			expect(app!.status).toBe('draft');
			expect(app!.digest).toBeNull();

			const again = await save(lead, id, {
				version: app!.version,
				ideas: [idea(1, 'Better idea')],
				answers: []
			});
			expect(again.ok).toBe(true);
			expect(await submitApplication(db(), lead, id, again.ok ? again.version : 0)).toBe(
				'submitted'
			);
			app = await read(lead, id);
			expect(app!.events.map((e) => e.kind)).toEqual(['submitted', 'withdrawn', 'submitted']);

			await setDeadline(db(), challenge.id, new Date(Date.now() - 1000));
			expect(await withdrawApplication(db(), lead, id)).toBe('closed');
			expect((await read(lead, id))!.status).toBe('submitted');
			expect(await withdrawApplication(db(), outsider, id)).toBe('unknown');
		});
	});
});
