import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { saveDraft, startApplication } from '../../src/lib/server/applications/editor';
import { saveScreening } from '../../src/lib/server/applications/screening';
import { readScreening } from '../../src/lib/server/applications/screening-result';
import { submitApplication } from '../../src/lib/server/applications/submit';
import { createTeam, updateTeam } from '../../src/lib/server/teams';
import { addWorkEntry } from '../../src/lib/server/work-history';
import type { Database } from '../../src/lib/server/db/database';
import type { Snapshot } from '../../src/lib/domain/application-snapshot';
import { createOpenChallenge } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';
import { asSession } from './screening-fixtures';

// Issue 12 (WCAG 3.1.2): the record keeps the language of what people type, so the pages
// can mark it. Teams take their creator's interface language, applications their team's
// (frozen into the snapshot), screening texts the screener's; the checks allow fi, sv, en.

type User = { id: string; email: string };

/** A user whose interface language (profiles.locale, as the language switcher sets it) is `locale`. */
async function userSpeaking(db: Database, name: string, locale: 'fi' | 'sv' | 'en') {
	const user = await createUser(db, name);
	await db.service('test fixture: interface language', (tx) =>
		tx.query('update public.profiles set locale = $2 where id = $1', [user.id, locale])
	);
	return user;
}

const langOf = (db: Database, table: string, where: string, id: string) =>
	db
		.service('test: read lang', (tx) =>
			tx.query<{ lang: string }>(`select lang from public.${table} where ${where} = $1`, [id])
		)
		.then((rows) => rows.map((r) => r.lang));

/** What Postgres said when it refused a statement as `who`, or null when it did not. */
async function refusal(db: Database, who: User, sql: string, params: unknown[]) {
	try {
		await db.as(who, (tx) => tx.query(sql, params));
		return null;
	} catch (e) {
		return (e as Error).message;
	}
}

describeEachDatabase('the language of typed text', (db) => {
	let swede: User;
	let member: User;
	let owner: User;
	let teamId: string;
	let challenge: { id: string; requirementIds: string[] };

	beforeAll(async () => {
		swede = await userSpeaking(db(), 'Sven Svensson', 'sv');
		member = await userSpeaking(db(), 'Fanny Finne', 'fi');
		owner = await userSpeaking(db(), 'Olga Owner', 'en');
		const org = await createOrganisation(db(), owner.id);
		challenge = await createOpenChallenge(db(), org.id);
		teamId = await db().as(swede, (tx) =>
			createTeam(tx, {
				name: 'Svenska gänget',
				description: 'Vi bygger tjänster.',
				organisations: []
			})
		);
		await db().service('test fixture: member', (tx) =>
			tx.query('insert into public.team_members (team_id, user_id) values ($1, $2)', [
				teamId,
				member.id
			])
		);
	});

	describe('teams', () => {
		it("a new team gets its creator's interface language", async () => {
			expect(await langOf(db(), 'teams', 'id', teamId)).toEqual(['sv']);
		});

		it('the creator may name another; the lead changes it, a save without one keeps it', async () => {
			const other = await db().as(member, (tx) =>
				createTeam(tx, { name: 'English team', description: '', organisations: [], lang: 'en' })
			);
			expect(await langOf(db(), 'teams', 'id', other)).toEqual(['en']);
			const form = { name: 'English team', description: 'We build.', organisations: [] };
			await db().as(member, (tx) => updateTeam(tx, other, { ...form, lang: 'fi' }));
			expect(await langOf(db(), 'teams', 'id', other)).toEqual(['fi']);
			await db().as(member, (tx) => updateTeam(tx, other, form));
			expect(await langOf(db(), 'teams', 'id', other)).toEqual(['fi']);
			// A member who does not lead changes nothing (RLS).
			expect(await db().as(swede, (tx) => updateTeam(tx, other, { ...form, lang: 'sv' }))).toEqual(
				[]
			);
		});

		it("a work entry is in its writer's interface language unless the form names one", async () => {
			const entry = {
				area: 'software_development',
				organisation: 'Acme Ab',
				role: 'Utvecklare',
				start: '2023-01',
				end: null,
				description: 'Byggde en tjänst.',
				evidenceUrl: ''
			};
			const plain = await db().as(swede, (tx) => addWorkEntry(tx, entry, null));
			const named = await db().as(swede, (tx) => addWorkEntry(tx, { ...entry, lang: 'en' }, null));
			expect(await langOf(db(), 'work_entries', 'id', plain)).toEqual(['sv']);
			expect(await langOf(db(), 'work_entries', 'id', named)).toEqual(['en']);
		});
	});

	describe('applications', () => {
		let appId: string;

		it("a new application is in its team's language", async () => {
			const started = await db().as(swede, (tx) => startApplication(tx, challenge.id, teamId));
			if (!started.ok) throw new Error(started.reason);
			appId = started.id;
			expect(await langOf(db(), 'applications', 'id', appId)).toEqual(['sv']);
		});

		it('its language is chosen with the draft and frozen into the snapshot and its digest', async () => {
			const saved = await db().as(swede, (tx) =>
				saveDraft(tx, appId, {
					version: 1,
					lang: 'en',
					ideas: [1, 2, 3].map((position) => ({
						position,
						title: `Idea ${position}`,
						problem: 'Job seekers and employers miss each other.',
						idea: 'A matching assistant.',
						value: 'Faster employment.'
					})),
					answers: challenge.requirementIds.map((requirementId) => ({
						requirementId,
						meets: true,
						explanation: 'We are insured.'
					}))
				})
			);
			if (!saved.ok) throw new Error(saved.reason);
			expect(await langOf(db(), 'applications', 'id', appId)).toEqual(['en']);
			const outcome = await submitApplication(db(), asSession(swede), appId, saved.version);
			expect(outcome).toBe('submitted');
			const [row] = await db().service('test: snapshot', (tx) =>
				tx.query<{ snapshot: Snapshot; text: string; digest: string; entries: string[] }>(
					`select snapshot, snapshot::text as text, digest,
					   array(select e ->> 'lang' from jsonb_array_elements(snapshot -> 'workHistory') e) as entries
					 from public.applications where id = $1`,
					[appId]
				)
			);
			expect(row.snapshot.lang).toBe('en');
			expect(row.snapshot.team.lang).toBe('sv');
			expect(row.entries.length).toBeGreaterThan(0);
			expect(new Set(row.entries)).toEqual(new Set(['sv', 'en']));
			expect(row.digest).toBe(createHash('sha256').update(row.text, 'utf8').digest('hex'));
		});

		it("a screening stores the screener's language, given or else their interface language", async () => {
			const [req1, req2] = challenge.requirementIds;
			const marks = [
				{ requirementId: req1, met: true, reason: '' },
				{ requirementId: req2, met: true, reason: 'Vakuutus on voimassa.' }
			];
			await db().as(owner, (tx) => saveScreening(tx, appId, { marks, decision: null }, 'fi'));
			let read = await db().as(owner, (tx) => readScreening(tx, appId));
			expect(read.marks.map((m) => m.lang)).toEqual(['fi', 'fi']);
			await db().as(owner, (tx) =>
				saveScreening(tx, appId, {
					marks,
					decision: { eligible: true, justification: 'Meets every minimum requirement.' }
				})
			);
			read = await db().as(owner, (tx) => readScreening(tx, appId));
			expect(read.screening?.lang).toBe('en');
			expect(read.marks.map((m) => m.lang)).toEqual(['en', 'en']);
			await db().as(owner, (tx) =>
				saveScreening(
					tx,
					appId,
					{ marks, decision: { eligible: true, justification: 'Uppfyller kraven.' } },
					'sv'
				)
			);
			read = await db().as(owner, (tx) => readScreening(tx, appId));
			expect(read.screening?.lang).toBe('sv');
		});
	});

	describe('only fi, sv and en', () => {
		it('a direct update of lang to another language is refused by the check', async () => {
			const org = await createOrganisation(db(), owner.id);
			const second = await createOpenChallenge(db(), org.id);
			const started = await db().as(swede, (tx) => startApplication(tx, second.id, teamId));
			if (!started.ok) throw new Error(started.reason);
			const statements: [string, string][] = [
				['update public.teams set lang = $2 where id = $1 returning id', teamId],
				['update public.applications set lang = $2 where id = $1 returning id', started.id],
				['update public.work_entries set lang = $2 where user_id = $1 returning id', swede.id]
			];
			for (const [sql, id] of statements) {
				expect(await refusal(db(), swede, sql, [id, 'de']), sql).toMatch(/check constraint/);
				// The same column takes one of the three: the grant and the policies allow it.
				expect(await refusal(db(), swede, sql, [id, 'en']), sql).toBeNull();
			}
		});
	});
});
