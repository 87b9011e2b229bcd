import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';

// Who may select, insert, update and delete each table, role by role, is in the access
// matrix (tests/integration/access-matrix.ts); these are the checks it does not make (an
// organisation's plain member, what a refused write leaves behind, the accounts schema).
describeEachDatabase('row-level security', (db) => {
	let a: { id: string; email: string };
	let b: { id: string; email: string };
	let member: { id: string; email: string };
	let admin: { id: string; email: string };
	let org: { id: string; slug: string };
	let otherOrg: { id: string; slug: string };
	let draft: { id: string };
	let published: { id: string };
	const as = (u: { id: string } | null): Principal => u;

	beforeAll(async () => {
		a = await createUser(db(), 'Alice Owner');
		b = await createUser(db(), 'Bob Outsider');
		member = await createUser(db(), 'Mia Member');
		admin = await createUser(db(), 'Ada Admin', { admin: true });
		org = await createOrganisation(db(), a.id, [member.id]);
		otherOrg = await createOrganisation(db(), b.id);
		draft = await createChallenge(db(), org.id, 'draft');
		published = await createChallenge(db(), org.id, 'published');
	});

	describe('profiles', () => {
		it("user A cannot read, change or remove user B's profile", async () => {
			const p = [b.id];
			expect(await attempt(db(), as(a), 'select * from profiles where id = $1', p)).toBe(0);
			expect(
				await attempt(
					db(),
					as(a),
					"update profiles set display_name = 'x' where id = $1 returning id",
					p
				)
			).toBe(0);
			// No delete policy, so no delete privilege either: refused outright.
			expect(await attempt(db(), as(a), 'delete from profiles where id = $1 returning id', p)).toBe(
				'denied'
			);
			const [row] = await db().service('test: check', (tx) =>
				tx.query<{ display_name: string }>('select display_name from profiles where id = $1', p)
			);
			expect(row.display_name).toBe('Bob Outsider');
		});

		it('nobody inserts a profile directly, not even for themselves', async () => {
			const sql = "insert into profiles (id, email) values ($1, 'x@test.example') returning id";
			expect(await attempt(db(), as(a), sql, [b.id])).toBe('denied');
			expect(await attempt(db(), null, sql, [a.id])).toBe('denied');
		});

		it('a user reads and changes their own profile', async () => {
			expect(await attempt(db(), as(a), 'select * from profiles where id = $1', [a.id])).toBe(1);
			expect(
				await attempt(db(), as(a), "update profiles set locale = 'sv' where id = $1 returning id", [
					a.id
				])
			).toBe(1);
		});

		it('fellow organisation members and platform admins see a profile; outsiders and anon do not', async () => {
			const sql = 'select * from profiles where id = $1';
			expect(await attempt(db(), as(member), sql, [a.id])).toBe(1);
			expect(await attempt(db(), as(admin), sql, [a.id])).toBe(1);
			expect(await attempt(db(), as(b), sql, [a.id])).toBe(0);
			expect(await attempt(db(), null, 'select * from profiles')).toBe('denied');
		});
	});

	describe('organisations', () => {
		it("owners update their own organisation, not another's", async () => {
			const sql =
				"update organisations set website = 'https://example.fi' where id = $1 returning id";
			expect(await attempt(db(), as(a), sql, [org.id])).toBe(1);
			expect(await attempt(db(), as(a), sql, [otherOrg.id])).toBe(0);
			expect(await attempt(db(), as(member), sql, [org.id])).toBe(0);
		});
	});

	describe('organisation members', () => {
		const select = 'select * from organisation_members where organisation_id = $1';

		it('are visible to members and admins, not to outsiders or anon', async () => {
			expect(await attempt(db(), as(member), select, [org.id])).toBe(2);
			expect(await attempt(db(), as(admin), select, [org.id])).toBe(2);
			expect(await attempt(db(), as(b), select, [org.id])).toBe(0);
			expect(await attempt(db(), null, select, [org.id])).toBe('denied');
		});

		it('are added and removed by owners and admins only', async () => {
			const insert = `insert into organisation_members (organisation_id, user_id, role)
				values ($1, $2, 'member') returning user_id`;
			const remove = `delete from organisation_members where organisation_id = $1 and user_id = $2
				returning user_id`;
			expect(await attempt(db(), as(b), insert, [org.id, b.id])).toBe('denied');
			expect(await attempt(db(), as(member), insert, [org.id, b.id])).toBe('denied');
			expect(await attempt(db(), as(a), insert, [org.id, b.id])).toBe(1);
			expect(await attempt(db(), as(member), remove, [org.id, b.id])).toBe(0);
			expect(await attempt(db(), as(b), remove, [org.id, b.id])).toBe(0);
			expect(await attempt(db(), as(a), remove, [org.id, b.id])).toBe(1);
			expect(await attempt(db(), as(admin), insert, [org.id, b.id])).toBe(1);
			expect(await attempt(db(), as(admin), remove, [org.id, b.id])).toBe(1);
		});

		it('a member cannot promote themselves to owner', async () => {
			const sql = `update organisation_members set role = 'owner'
				where organisation_id = $1 and user_id = $2 returning user_id`;
			expect(await attempt(db(), as(member), sql, [org.id, member.id])).toBe(0);
		});
	});

	describe('challenges', () => {
		const select = 'select * from challenges where id = $1';

		it('published ones are public; drafts only for the owning organisation', async () => {
			expect(await attempt(db(), null, select, [published.id])).toBe(1);
			expect(await attempt(db(), as(b), select, [published.id])).toBe(1);
			expect(await attempt(db(), null, select, [draft.id])).toBe(0);
			expect(await attempt(db(), as(b), select, [draft.id])).toBe(0);
			expect(await attempt(db(), as(member), select, [draft.id])).toBe(1);
		});

		it('outsiders cannot create, change or delete them', async () => {
			const insert = `insert into challenges (organisation_id, slug, title) values ($1, $2, '{"fi": "x"}')
				returning id`;
			expect(await attempt(db(), as(b), insert, [org.id, `outsider-${Date.now()}`])).toBe('denied');
			expect(await attempt(db(), null, insert, [org.id, `anon-${Date.now()}`])).toBe('denied');
			expect(
				await attempt(
					db(),
					as(b),
					"update challenges set status = 'draft' where id = $1 returning id",
					[published.id]
				)
			).toBe('denied');
			expect(
				await attempt(db(), as(b), 'delete from challenges where id = $1 returning id', [draft.id])
			).toBe(0);
		});

		it('members create drafts; only owners delete them', async () => {
			const slug = `member-draft-${Date.now()}`;
			const insert = `insert into challenges (organisation_id, slug, title) values ($1, $2, '{"fi": "x"}')
				returning id`;
			expect(await attempt(db(), as(member), insert, [org.id, slug])).toBe(1);
			const remove = 'delete from challenges where slug = $1 returning id';
			expect(await attempt(db(), as(member), remove, [slug])).toBe(0);
			expect(await attempt(db(), as(a), remove, [slug])).toBe(1);
		});
	});

	describe('accounts behind the API roles', () => {
		it('sessions, credentials, tokens and auth.users are out of reach of users and anon', async () => {
			for (const table of [
				'local_auth.sessions',
				'local_auth.credentials',
				'local_auth.email_tokens'
			]) {
				expect(await attempt(db(), as(a), `select * from ${table}`)).toBe('denied');
				expect(await attempt(db(), null, `select * from ${table}`)).toBe('denied');
			}
			expect(await attempt(db(), as(a), 'select * from auth.users')).toBe('denied');
		});

		it('finding a user by email is for admins and organisation owners only', async () => {
			const sql = 'select private.user_id_by_email($1) as id';
			const found = async (who: Principal) =>
				(await db().as(who, (tx) => tx.query<{ id: string | null }>(sql, [b.email])))[0].id;
			expect(await found(as(admin))).toBe(b.id);
			expect(await found(as(a))).toBe(b.id);
			expect(await found(as(member))).toBeNull();
			expect(await attempt(db(), null, sql, [b.email])).toBe('denied');
		});
	});

	describe('platform admin powers need the second factor (JWT aal)', () => {
		// As Supabase's Data API would run them: role authenticated, the admin's own claims.
		const claimsOf = (aal: string | null) =>
			JSON.stringify({ sub: admin.id, role: 'authenticated', ...(aal ? { aal } : {}) });
		const direct = (aal: string | null, sql: string, params: unknown[]) =>
			db()
				.service('test: admin claims', async (tx) => {
					await tx.query(
						"select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)",
						[claimsOf(aal)]
					);
					const rows = await tx.query(sql, params);
					throw Object.assign(new Error('rollback'), { rows: rows.length });
				})
				.catch((e: Error & { rows?: number }) => {
					if (e.rows !== undefined) return e.rows;
					if (/row-level security|permission denied/.test(e.message)) return 'denied' as const;
					throw e;
				});
		const members = 'select * from organisation_members where organisation_id = $1';
		const rename =
			"update organisations set website = 'https://x.example' where id = $1 returning id";
		const create = "insert into organisations (slug, name) values ($1, 'Admin Org') returning id";
		const findUser =
			'select private.user_id_by_email($1) as id where private.user_id_by_email($1) is not null';

		it('an admin at aal1, or with no aal claim, has none of them', async () => {
			for (const aal of ['aal1', null]) {
				expect(await direct(aal, members, [otherOrg.id])).toBe(0);
				expect(await direct(aal, rename, [otherOrg.id])).toBe(0);
				expect(await direct(aal, create, [`aal-test-${aal}`])).toBe('denied');
				expect(
					await direct(
						aal,
						'select private.is_platform_admin() as a where private.is_platform_admin()',
						[]
					)
				).toBe(0);
				expect(await direct(aal, findUser, [b.email])).toBe(0);
			}
			// Through the app: a session that did not pass the second factor.
			expect(await attempt(db(), { ...admin, aal: 'aal1' }, members, [otherOrg.id])).toBe(0);
			expect(await attempt(db(), { id: admin.id }, members, [otherOrg.id])).toBe(0);
		});

		it('an admin at aal2 has them', async () => {
			expect(await direct('aal2', members, [otherOrg.id])).toBe(1);
			expect(await direct('aal2', rename, [otherOrg.id])).toBe(1);
			expect(await direct('aal2', create, ['aal-test-aal2'])).toBe(1);
			expect(await direct('aal2', findUser, [b.email])).toBe(1);
			expect(await attempt(db(), { ...admin, aal: 'aal2' }, members, [otherOrg.id])).toBe(1);
			// aal2 alone gives nothing to someone who is not an admin.
			expect(await attempt(db(), { ...b, aal: 'aal2' }, members, [org.id])).toBe(0);
		});
	});
});
