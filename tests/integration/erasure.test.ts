import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PERSONAL_COLUMNS } from '../../src/lib/domain/personal-data';
import { deidentifyJson } from '../../src/lib/domain/erasure';
import type { Database } from '../../src/lib/server/db/database';
import { eraseAccount } from '../../src/lib/server/erasure';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { signIn, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { getStorage, LocalStorage } from '../../src/lib/server/storage';
import { createAccessWorld, type AccessWorld } from './access-world';
import { describeEachDatabase } from './databases';

/**
 * Erasing an account (issue 15, GDPR Art. 17; 20261209003100_account_erasure.sql): in the
 * access world (every category of data), six people are erased in turn. After each, no
 * column of the personal data map, and no text or JSON column anywhere in public, private
 * and local_auth, holds their id, email address or name; the record they were part of is
 * kept and refers to their placeholder; their own rows are gone.
 */
const PASSWORD = 'correct horse battery staple 42';

type Person = { id: string; email: string };

/** Counts of the record rows that must survive every erasure. */
async function recordCounts(db: Database, w: AccessWorld) {
	const [row] = await db.service('test: record counts', (tx) =>
		tx.query<Record<string, number>>(
			`select
			   (select count(*)::int from public.applications where team_id = $1 and status = 'submitted') as submitted,
			   (select count(*)::int from public.decision_scores s join public.decision_items i on i.id = s.item_id
			      where i.decision_id = $2) as decision_scores,
			   (select count(*)::int from public.decisions where id = $2 and published_at is not null) as decision,
			   (select count(*)::int from public.board_notes where board_id = $3) as notes,
			   (select count(*)::int from public.challenge_questions where id = $4 and answer is not null) as answer,
			   (select count(*)::int from public.jury_scores where id = $5) as juror_score,
			   (select count(*)::int from public.final_tenders where id = $6) as tender,
			   (select count(*)::int from public.challenge_amendments where challenge_id = $7) as amendments`,
			[w.teamA.id, w.decision, w.boardA, w.answered, w.jurorScore, w.finalTender, w.challenge.id]
		)
	);
	return row;
}

/** Every text, uuid and JSON column in the app's schemas whose value mentions `needle`. */
async function mentions(db: Database, needles: string[]) {
	return db.service('test: scan for the person', async (tx) => {
		const columns = await tx.query<{ schema: string; table: string; column: string }>(
			`select n.nspname as schema, c.relname as table, a.attname as column
			 from pg_attribute a join pg_class c on c.oid = a.attrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 where c.relkind in ('r', 'p') and n.nspname in ('public', 'private', 'local_auth')
			   and a.attnum > 0 and not a.attisdropped
			   and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'uuid'::regtype, 'jsonb'::regtype,
			                      'json'::regtype, 'inet'::regtype, 'bpchar'::regtype)`
		);
		const found: string[] = [];
		for (const { schema, table, column } of columns) {
			for (const needle of needles) {
				const [hit] = await tx.query<{ n: number }>(
					`select count(*)::int as n from "${schema}"."${table}"
					 where position(lower($1) in lower("${column}"::text)) > 0`,
					[needle]
				);
				if (hit.n) found.push(`${schema}.${table}.${column} ~ ${needle}`);
			}
		}
		return found;
	});
}

/** Rows of the map's columns that still refer to the person (by id, address or name). */
async function mappedReferences(db: Database, person: Person, name: string) {
	return db.service('test: walk the map', async (tx) => {
		const left: string[] = [];
		for (const c of PERSONAL_COLUMNS) {
			const [schema, table] = c.table.split('.');
			const [condition, params] =
				c.refers === 'id'
					? [`"${c.column}"::text = $1`, [person.id]]
					: c.refers === 'email'
						? [`lower("${c.column}") = lower($1)`, [person.email]]
						: c.refers === 'name'
							? [`"${c.column}" = $1`, [name]]
							: [
									`position($1 in "${c.column}"::text) > 0
									 or position(lower($2) in lower("${c.column}"::text)) > 0
									 or position(to_jsonb($3::text)::text in "${c.column}"::text) > 0`,
									[person.id, person.email, name]
								];
			const [row] = await tx.query<{ n: number }>(
				`select count(*)::int as n from "${schema}"."${table}" where ${condition}`,
				params
			);
			if (row.n) left.push(`${c.table}.${c.column}`);
		}
		return left;
	});
}

describeEachDatabase('account erasure', (db) => {
	let w: AccessWorld;
	let before: Record<string, number>;
	// Local mode: the member's evidence file is on disk (the Storage interface does not say where).
	const storage = getStorage('private') as LocalStorage;
	const evidence = `${crypto.randomUUID()}.pdf`;
	const evidenceOnDisk = () => existsSync(join(storage.root, evidence));

	beforeAll(async () => {
		w = await createAccessWorld(db());
		const hash = await hashPassword(PASSWORD);
		await db().service('test: passwords for the world', async (tx) => {
			for (const p of [w.owner, w.lead, w.member, w.juror, w.facilitator, w.outsider])
				await tx.query(
					'insert into local_auth.credentials (user_id, password_hash) values ($1, $2) on conflict do nothing',
					[p.id, hash]
				);
			// Data in the remaining categories: work history, a follower, mail to the member.
			await tx.query(
				`insert into public.work_entries (user_id, area, organisation, role, start_month, description, evidence_file)
				 values ($1, 'employment', 'Acme Oy', 'Coach', date '2020-01-01', 'Coaching', $2)`,
				[w.member.id, evidence]
			);
			await tx.query(
				`insert into private.mail_outbox (template, to_email, to_name, locale, params)
				 values ('team_invitation', $1, 'Maija Member', 'en', $2)`,
				[w.member.email, { inviter: 'Maija Member', by: w.member.id }]
			);
		});
		await storage.write({ key: evidence, bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') });
		before = await recordCounts(db(), w);
	}, 120_000);

	it('refuses the only owner of an organisation with challenges and the lead of a team with members', async () => {
		expect(await eraseAccount(db(), w.owner, PASSWORD, '')).toEqual({
			ok: false,
			reason: 'refused',
			refusals: ['sole_owner']
		});
		expect(await eraseAccount(db(), w.lead, PASSWORD, '')).toEqual({
			ok: false,
			reason: 'refused',
			refusals: ['team_lead']
		});
		expect(await eraseAccount(db(), w.member, 'wrong password', '')).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
	});

	const cases: [string, (w: AccessWorld) => Person, string][] = [
		['a team member with work history and a vote', (w) => w.member, 'Maija Member'],
		['a juror with a score in a published decision', (w) => w.juror, 'Jaakko Juror'],
		['a facilitator of a live workshop', (w) => w.facilitator, 'Fiia Facilitator'],
		['an outsider who asked and gave feedback', (w) => w.outsider, 'Oona Outsider'],
		['a team lead once the lead is handed over', (w) => w.lead, 'Leo Lead'],
		['an organisation owner once another owner is named', (w) => w.owner, 'Olga Owner']
	];
	for (const [title, pick, name] of cases) {
		it(`erases ${title}: nothing refers to them but through the placeholder`, async () => {
			const person = pick(w);
			if (person === w.lead)
				await db().service('test: hand the lead over', (tx) =>
					tx.query('update public.teams set lead_id = $2 where lead_id = $1', [
						w.lead.id,
						w.otherTeam.id
					])
				);
			if (person === w.owner)
				await db().service('test: a second owner', (tx) =>
					tx.query(
						`insert into public.organisation_members (organisation_id, user_id, role)
						 values ($1, $2, 'owner') on conflict (organisation_id, user_id) do update set role = 'owner'`,
						[w.org.id, w.otherOwner.id]
					)
				);
			if (person === w.member) expect(evidenceOnDisk()).toBe(true);
			const result = await eraseAccount(db(), { ...person, address: '192.0.2.99' }, PASSWORD, '');
			expect(result.ok).toBe(true);
			if (!result.ok) return;

			expect(await mappedReferences(db(), person, name)).toEqual([]);
			// The evidence of the member's work history went with the entry: from storage too.
			if (person === w.member) {
				expect(evidenceOnDisk()).toBe(false);
				const [object] = await db().service('test: the stored object', (tx) =>
					tx.query<{ n: number }>(
						'select count(*)::int as n from public.stored_objects where key = $1',
						[evidence]
					)
				);
				expect(object.n).toBe(0);
			}
			expect(await mentions(db(), [person.id, person.email, name])).toEqual([]);
			expect(await recordCounts(db(), w)).toEqual(before);

			const [audit] = await db().service('test: the audit entry', (tx) =>
				tx.query<{ actor_id: string; target_kind: string; target_id: string; address: string }>(
					`select actor_id, target_kind, target_id, host(address) as address from public.audit_log
					 where action = 'account_erasure' order by id desc limit 1`
				)
			);
			expect(audit).toEqual({
				actor_id: result.placeholderId,
				target_kind: 'user',
				target_id: result.placeholderId,
				address: '192.0.2.99'
			});
			const [placeholder] = await db().service('test: the placeholder', (tx) =>
				tx.query<{ display_name: string; email: string | null; credentials: number }>(
					`select p.display_name, u.email,
					        (select count(*)::int from local_auth.credentials where user_id = u.id) as credentials
					 from public.profiles p join auth.users u on u.id = p.id where p.id = $1`,
					[result.placeholderId]
				)
			);
			expect(placeholder).toEqual({
				display_name: `Erased person ${result.label}`,
				email: null,
				credentials: 0
			});
		}, 120_000);
	}

	it('the submitted application names the placeholder; its digest is of the snapshot as submitted', async () => {
		const [app] = await db().service('test: the application', (tx) =>
			tx.query<{
				snapshot: { team: { members: { id: string; name: string }[] }; erasure?: object };
				digest: string;
			}>('select snapshot, digest from public.applications where id = $1', [w.appA.id])
		);
		expect(app.snapshot.erasure).toMatchObject({ deidentifiedAt: expect.any(String) });
		expect(app.snapshot.team.members.map((m) => m.name)).toContainEqual(
			expect.stringMatching(/^Erased person [0-9A-F]{6}$/)
		);
		const [receipt] = await db().service('test: the receipt', (tx) =>
			tx.query<{ digest: string }>(
				`select digest from public.application_events where application_id = $1 and kind = 'submitted'
				 order by at desc limit 1`,
				[w.appA.id]
			)
		);
		expect(app.digest).toBe(receipt.digest);
	});

	it('an erased person cannot sign in: the ordinary wrong-credentials answer', async () => {
		const email = `erase-me-${Math.random().toString(36).slice(2, 8)}@test.example`;
		const created = await signUp(db(), {
			email,
			password: PASSWORD,
			displayName: 'Eve Erased',
			locale: 'en'
		});
		if (!created.ok) throw new Error('sign-up failed');
		await verifyEmail(db(), created.verifyToken);
		expect((await signIn(db(), email, PASSWORD)).ok).toBe(true);
		const erased = await eraseAccount(db(), { id: created.userId, email }, PASSWORD, '');
		expect(erased.ok).toBe(true);
		expect(await signIn(db(), email, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
		const [sessions] = await db().service('test: sessions', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from local_auth.sessions where user_id = $1',
				[created.userId]
			)
		);
		expect(sessions.n).toBe(0);
	});

	it('record guards hold for everyone but the maintenance functions: a setting anyone may set opens none', async () => {
		const outcome = (p: Promise<unknown>) =>
			p.then(
				(rows) => (Array.isArray(rows) && rows.length === 0 ? 'none' : 'ok'),
				(e: { hint?: string; code?: string }) => e.hint ?? e.code ?? 'error'
			);
		const claimMaintenance = "select set_config('talkoot.record_maintenance', 'on', true)";
		// The server's own role (a definer function's owner is the same kind of role): the
		// setting alone no longer opens the guards.
		expect(
			await outcome(
				db().service('test: change a published decision', async (tx) => {
					await tx.query(claimMaintenance);
					return tx.query(
						`update public.decisions set signatory = 'x' where id = $1 returning id`,
						[w.decision]
					);
				})
			)
		).toBe('decision_locked');
		expect(
			await outcome(
				db().service('test: tamper with the audit log', async (tx) => {
					await tx.query(claimMaintenance);
					return tx.query('delete from public.audit_log returning id');
				})
			)
		).toBe('audit_log_locked');
		// A signed-in person, through the privileges the Data API gives them, with the setting
		// on: a frozen submitted application, final tender or decision is not changed.
		const asPerson = (who: Person, sql: string, params: unknown[]) =>
			outcome(
				db().as(who, async (tx) => {
					await tx.query(claimMaintenance);
					return tx.query(sql, params);
				})
			);
		for (const who of [w.owner, w.lead]) {
			for (const [sql, params] of [
				[
					'update public.applications set version = version + 1 where id = $1 returning id',
					[w.appA.id]
				],
				[
					'delete from public.application_documents where application_id = $1 returning id',
					[w.appA.id]
				],
				[
					"update public.final_tenders set snapshot = '{}' where id = $1 returning id",
					[w.finalTender]
				],
				["update public.decisions set signatory = 'x' where id = $1 returning id", [w.decision]],
				["select private.begin_record_maintenance('retention')", []]
			] as [string, unknown[]][])
				expect(await asPerson(who, sql, params), `${who.email}: ${sql}`).not.toBe('ok');
		}
		const whens = await db().service('test: guard conditions', (tx) =>
			tx.query<{ def: string }>(
				`select pg_get_triggerdef(oid) as def from pg_trigger
				 where pg_get_triggerdef(oid) ~ 'record_maintenance' and not tgisinternal`
			)
		);
		expect(whens).toHaveLength(10);
		for (const { def } of whens)
			expect(def).toMatch(/WHEN \(+NOT private\.in_record_maintenance\(\)\)+ EXECUTE/);
	});

	it('SQL and TypeScript de-identify JSON alike', async () => {
		const id = '0b9c1a52-3f0e-4c1e-9d5b-6f1e2a3b4c5d';
		const replacements = [
			{ find: id, replace: 'ph' },
			{ find: 'a@b.example', replace: 'erased@erased.invalid' },
			{ find: 'Aino A', replace: 'Erased person 123456' },
			{ find: '', replace: 'never' }
		];
		const cases: unknown[] = [
			{ a: id, b: ['A@B.example', 'Aino A', 'aino a', '', 3, null, true], c: { d: { e: id } } },
			[],
			{},
			'Aino A',
			{ nested: [[id], [{ x: 'Aino A and more' }]] }
		];
		for (const doc of cases) {
			const [row] = await db().service('test: deidentify_json', (tx) =>
				tx.query<{ out: unknown }>(
					'select private.deidentify_json($1::text::jsonb, $2, $3) as out',
					[JSON.stringify(doc), replacements.map((r) => r.find), replacements.map((r) => r.replace)]
				)
			);
			expect(row.out).toEqual(deidentifyJson(doc, replacements));
		}
	});
});
