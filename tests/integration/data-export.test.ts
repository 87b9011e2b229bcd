import { expect, it, vi } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';

// Uploads go to a directory of this test's own (config reads DATA_DIR at import).
await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'talkoot-export-'));
});

const { getStorage, IMAGE_TYPES } = await import('../../src/lib/server/storage');
const { addWorkEntry } = await import('../../src/lib/server/work-history');
const { workEntrySchema } = await import('../../src/lib/domain/team-schemas');
const { startApplication } = await import('../../src/lib/server/applications/editor');
const { askQuestion } = await import('../../src/lib/server/challenges/questions');
const { recordAudit } = await import('../../src/lib/server/audit');
const { exportPersonalData, personalDataCounts } =
	await import('../../src/lib/server/privacy/export');
const { exportPlan, archiveNames } = await import('../../src/lib/domain/data-export');
const { describeEachDatabase } = await import('./databases');
const { createOrganisation, createUser } = await import('./fixtures');
const { createOpenChallenge, createTeamWith } = await import('./application-fixtures');
const { appointJuror, shortlistingCriteria } = await import('./jury-fixtures');
const { createScreeningScenario } = await import('./screening-fixtures');
const { declareNoneRemaining, scoreItem } = await import('../../src/lib/server/jury/juror');
const { pointsField, justificationField } = await import('../../src/lib/domain/jury/score-form');

/** A distinct 1×1 PNG per `n` (the byte after the header differs). */
const png = (n: number) =>
	Uint8Array.from([
		0x89,
		0x50,
		0x4e,
		0x47,
		0x0d,
		0x0a,
		0x1a,
		0x0a,
		0,
		0,
		0,
		13,
		0x49,
		0x48,
		0x44,
		0x52,
		0,
		0,
		0,
		1,
		0,
		0,
		0,
		1,
		8,
		6,
		0,
		0,
		0,
		0x1f,
		0x15,
		0xc4,
		n
	]);
const entry = (organisation: string) =>
	workEntrySchema().parse({
		area: 'service design',
		organisation,
		role: 'Designer',
		start: '2020-01',
		end: '2021-01',
		description: 'Work',
		evidenceUrl: ''
	});

async function storeFile(bytes: Uint8Array) {
	const checked = getStorage('private').check(bytes, { allowed: IMAGE_TYPES, maxBytes: 1000 });
	if (!checked.ok) throw new Error(checked.reason);
	await getStorage('private').write(checked);
	return checked.key;
}

describeEachDatabase('download my data', (db) => {
	/** A person with data in many categories, and a teammate whose data must stay out. */
	async function world() {
		const person = await createUser(db(), 'Pia Person');
		const mate = await createUser(db(), 'Matti Mate');
		const owner = await createUser(db(), 'Olga Owner');
		const org = await createOrganisation(db(), owner.id);
		const challenge = await createOpenChallenge(db(), org.id);
		const team = await createTeamWith(db(), mate.id, [person.id]);
		const ownBytes = png(1);
		const ownKey = await storeFile(ownBytes);
		const mateKey = await storeFile(png(2));
		await db().as(person, (tx) => addWorkEntry(tx, entry('Person Works Oy'), ownKey));
		await db().as(mate, (tx) => addWorkEntry(tx, entry('Teammate Secret Oy'), mateKey));
		const started = await db().as(mate, (tx) => startApplication(tx, challenge.id, team.id));
		if (!started.ok) throw new Error(started.reason);
		await db().as(person, (tx) => askQuestion(tx, challenge.id, 'What about Sundays?'));
		await db().service('test fixture: mail, session and audit entries', async (tx) => {
			await tx.query(
				`insert into private.mail_outbox (template, to_email, to_name, locale, params)
				 values ('team_invitation', $1, 'Pia', 'en', '{"teamName": "Team", "token": "live-secret"}'),
				        ('team_invitation', $2, 'Matti', 'en', '{"teamName": "Other"}')`,
				[person.email.toUpperCase(), mate.email]
			);
			await tx.query(
				`insert into local_auth.sessions (id, user_id, expires_at)
				 values ($1, $2, now() + interval '1 day')`,
				[`session-secret-${person.id}`, person.id]
			);
			await recordAudit(tx, {
				action: 'sign_in',
				actorId: person.id,
				targetKind: 'user',
				targetId: person.id
			});
			await recordAudit(tx, {
				action: 'sign_in',
				actorId: mate.id,
				targetKind: 'user',
				targetId: mate.id
			});
		});
		return { person, mate, ownKey, ownBytes, mateKey, applicationId: started.id };
	}

	it('holds the person’s rows in one JSON file per category, their files byte for byte, and nobody else’s', async () => {
		const w = await world();
		const zip = await exportPersonalData(db(), { ...w.person, address: '203.0.113.9' }, 'README');
		const files = unzipSync(zip);
		const names = Object.keys(files);
		for (const name of archiveNames()) expect(names).toContain(name);
		expect(names).toContain(`files/${w.ownKey}`);
		expect(names).not.toContain(`files/${w.mateKey}`);
		expect(files[`files/${w.ownKey}`]).toEqual(w.ownBytes);

		const json = (category: string) => JSON.parse(strFromU8(files[`${category}.json`]));
		const all = names
			.filter((n) => n.endsWith('.json'))
			.map((n) => strFromU8(files[n]))
			.join('\n');
		// Work history: theirs, never the teammate's (not even through the application).
		expect(
			json('work_history').work_entries.map((e: { organisation: string }) => e.organisation)
		).toEqual(['Person Works Oy']);
		expect(all).not.toContain('Teammate Secret Oy');
		// The teammate's address appears nowhere; their name only as a co-member.
		expect(all).not.toContain(w.mate.email);
		expect(all.toLowerCase()).toContain(w.person.email.toLowerCase());
		// Teams and the team's application.
		expect(json('teams').teams_i_belong_to).toHaveLength(1);
		expect(json('applications').applications_of_my_teams.map((a: { id: string }) => a.id)).toEqual([
			w.applicationId
		]);
		expect(json('applications').applications_of_my_teams[0]).not.toHaveProperty('snapshot');
		// Questions they asked.
		expect(json('questions').challenge_question_askers).toHaveLength(1);
		// What only the service reads: sessions (no id), their mail (no token), their audit entries.
		const sessions = json('account').sessions;
		expect(sessions).toHaveLength(1);
		expect(all).not.toContain('session-secret');
		const mails = json('communication').mail_outbox;
		expect(mails).toHaveLength(1);
		expect(mails[0].params).toEqual({ teamName: 'Team' });
		expect(all).not.toContain('live-secret');
		const audit = json('security').audit_log;
		expect(audit.map((a: { actor_id: string }) => a.actor_id)).toEqual([w.person.id]);
		// Times: ISO 8601 with the Helsinki offset.
		expect(sessions[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[23]:00$/);

		// The export itself is in the audit log: actor and target the person, with the address.
		const [entry] = await db().service('test: read the export entry', (tx) =>
			tx.query<{ actor_id: string; target_id: string; address: string }>(
				`select actor_id, target_id, host(address) as address from public.audit_log
				 where action = 'data_export' and target_id = $1`,
				[w.person.id]
			)
		);
		expect(entry).toEqual({
			actor_id: w.person.id,
			target_id: w.person.id,
			address: '203.0.113.9'
		});
	});

	it('every category of the map with columns has its file, and the summary counts rows per category', async () => {
		const person = await createUser(db(), 'Lone Person');
		const files = unzipSync(await exportPersonalData(db(), person, 'README'));
		for (const f of exportPlan()) {
			const body = JSON.parse(strFromU8(files[f.name]));
			expect(body.category).toBe(f.category);
		}
		const counts = await personalDataCounts(db(), person);
		expect(Object.keys(counts).sort()).toEqual(
			exportPlan()
				.map((f) => f.category)
				.sort()
		);
		// The profile row is theirs from sign-up.
		expect(counts.profile).toBeGreaterThanOrEqual(1);
	});

	it('holds the scores and justifications a juror gave, and not another juror’s', async () => {
		const sc = await createScreeningScenario(db());
		const [impact, feasibility] = await shortlistingCriteria(db(), sc);
		const j1 = await createUser(db(), 'Juho Juror');
		const j2 = await createUser(db(), 'Jaana Juror');
		const seats: { juror: string; item: string }[] = [];
		for (const j of [j1, j2]) {
			seats.push({
				juror: await appointJuror(db(), sc.owner, sc.challenge.id, 'shortlisting', j),
				item: sc.appA.id
			});
			await db().as(j, (tx) => declareNoneRemaining(tx, sc.challenge.id, 'shortlisting'));
		}
		await db().as(sc.owner, (tx) =>
			tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
				sc.challenge.id,
				'shortlisting',
				seats
			])
		);
		const form = (why: string) => ({
			[pointsField(impact)]: '20',
			[justificationField(impact)]: why,
			[pointsField(feasibility)]: '5',
			[justificationField(feasibility)]: why
		});
		for (const [j, why] of [
			[j1, 'Mine: clear plan.'],
			[j2, 'Theirs: untested idea.']
		] as const)
			expect(
				await db().as(j, (tx) => scoreItem(tx, 'shortlisting', sc.appA.id, form(why), false))
			).toEqual({ ok: true });
		const files = unzipSync(await exportPersonalData(db(), j1, 'README'));
		const jury = JSON.parse(strFromU8(files['jury.json']));
		expect(jury.jury_members).toHaveLength(1);
		expect(jury.my_scores.map((r: { justification: string }) => r.justification)).toEqual([
			'Mine: clear plan.',
			'Mine: clear plan.'
		]);
		expect(strFromU8(files['jury.json'])).not.toContain('Theirs');
	});
});
