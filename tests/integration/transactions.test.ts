import { describe, expect, it } from 'vitest';
import { describeEachDatabase, describePostgres } from './databases';

// The drivers' transactions (postgres.js with BEGIN pipelined, PGlite): what fn wrote is
// kept only when it resolves, nothing of it runs outside the transaction, and a
// principal's claims end with it.
describeEachDatabase('transactions', (db) => {
	const marker = () => `tx-${Math.random().toString(36).slice(2, 10)}@test.example`;
	const written = async (email: string) =>
		(
			await db().service('test: read', (tx) =>
				tx.query('select 1 from local_auth.reset_requests where email = $1', [email])
			)
		).length;
	const write = (tx: { query: (t: string, p: unknown[]) => Promise<unknown> }, email: string) =>
		tx.query('insert into local_auth.reset_requests (email) values ($1)', [email]);

	it('keeps what fn wrote when it resolves, and returns its value', async () => {
		const email = marker();
		expect(await db().service('test', async (tx) => (await write(tx, email), 'done'))).toBe('done');
		expect(await written(email)).toBe(1);
	});

	it('keeps nothing when fn throws after writing, and throws its error', async () => {
		const email = marker();
		await expect(
			db().service('test', async (tx) => {
				await write(tx, email);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await written(email)).toBe(0);
	});

	it('keeps nothing when a statement fails, even one sent alongside a write', async () => {
		const email = marker();
		await expect(
			db().service('test', (tx) => Promise.all([write(tx, email), tx.query('select 1 / 0')]))
		).rejects.toThrow(/division by zero/);
		expect(await written(email)).toBe(0);
	});

	it('refuses a statement fn sends after it settled: nothing runs outside', async () => {
		const email = marker();
		let late: Promise<unknown> = Promise.resolve();
		await db().service('test', async (tx) => {
			late = new Promise((r) => setTimeout(r, 20)).then(() => write(tx, email));
		});
		await expect(late).rejects.toThrow();
		expect(await written(email)).toBe(0);
	});

	describe('one statement as a principal (asStatement: BEGIN, claims, it and COMMIT at once)', () => {
		const feedback = async (page: string) =>
			(
				await db().service('test: read', (tx) =>
					tx.query('select 1 from public.accessibility_feedback where page = $1', [page])
				)
			).length;
		const send = (page: string, message: string) =>
			db().asStatement(
				null,
				'insert into public.accessibility_feedback (page, message) values ($1, $2)',
				[page, message]
			);

		it('keeps its write, made under the claims and row-level security', async () => {
			const page = marker();
			await send(page, 'Contrast is low.');
			expect(await feedback(page)).toBe(1);
			const user = { id: '00000000-0000-4000-8000-000000000004' };
			const [inside] = await db().asStatement<{ role: string; uid: string }>(
				user,
				'select current_user as role, auth.uid() as uid'
			);
			expect(inside).toEqual({ role: 'authenticated', uid: user.id });
		});

		it('keeps nothing when it fails, throws its error, and leaves every connection clean', async () => {
			// More than the pool's connections, so each is used again after a failure.
			for (let i = 0; i < 12; i++) {
				const page = marker();
				await expect(send(page, 'x'.repeat(6000))).rejects.toThrow(/check constraint/);
				expect(await feedback(page)).toBe(0);
				const [after] = await db().as(null, (tx) =>
					tx.query<{ role: string }>('select current_user as role')
				);
				expect(after.role).toBe('anon');
			}
		});

		it('throws when the COMMIT fails after the statement succeeded, keeping nothing', async () => {
			// A foreign key checked at commit: the insert succeeds, the COMMIT refuses it.
			await db().service('test: a table checked at commit', (tx) =>
				tx.exec(`create table public.tx_commit_probe (
				   id int primary key,
				   ref int references public.tx_commit_probe (id) deferrable initially deferred);
				 grant insert, select on public.tx_commit_probe to anon;`)
			);
			try {
				await expect(
					db().asStatement(null, 'insert into public.tx_commit_probe values (1, 2)')
				).rejects.toThrow(/foreign key/);
				await db().asStatement(null, 'insert into public.tx_commit_probe values (3, 3)');
				const kept = await db().service('test: read', (tx) =>
					tx.query<{ id: number }>('select id from public.tx_commit_probe order by id')
				);
				expect(kept).toEqual([{ id: 3 }]);
			} finally {
				await db().service('test: drop', (tx) => tx.exec('drop table public.tx_commit_probe'));
			}
		});
	});

	it("ends a principal's claims and role with its transaction", async () => {
		const user = { id: '00000000-0000-4000-8000-000000000004' };
		for (let i = 0; i < 6; i++) {
			const [inside] = await db().as(user, (tx) =>
				tx.query<{ role: string; sub: string | null }>(
					"select current_user as role, current_setting('request.jwt.claims', true)::jsonb ->> 'sub' as sub"
				)
			);
			expect(inside).toEqual({ role: 'authenticated', sub: user.id });
			const [after] = await db().service('test', (tx) =>
				tx.query<{ role: string; claims: string | null }>(
					"select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims"
				)
			);
			expect(after.role).not.toBe('authenticated');
			expect(after.claims).toBeNull();
		}
	});
});

// Issue 16: a statement planned on every run costs more than it takes to run under the
// policies; postgres.js sends a query without parameters by the simple protocol unless told.
describePostgres('prepared statements', (db) => {
	it('prepares every query, those without parameters too, once per connection', async () => {
		const text = "select count(*)::int as n from public.challenges where status = 'published'";
		const prepared = await db().as(null, async (tx) => {
			await tx.query(text);
			await tx.query(text);
			return tx.query<{ statement: string }>(
				'select statement from pg_prepared_statements where statement = $1',
				[text]
			);
		});
		expect(prepared).toEqual([{ statement: text }]);
	});
});

// Issue 16: the policies ask `(select auth.uid())` dozens of times a statement; run as a
// function, its body was parsed and planned on every call. Inlined, as Supabase's is, the
// plan holds the setting it reads instead of the call.
describeEachDatabase('the auth helpers', (db) => {
	it('are inlined into the statements that call them', async () => {
		const user = { id: '00000000-0000-4000-8000-000000000004' };
		const plan = await db().as(user, (tx) =>
			tx.query<{ 'QUERY PLAN': string }>(
				'explain (verbose, costs off) select auth.uid() as id, auth.role() as role'
			)
		);
		const text = plan.map((row) => row['QUERY PLAN']).join('\n');
		expect(text).toContain("current_setting('request.jwt.claims'");
		expect(text).not.toMatch(/auth\.(uid|role|jwt)\(\)/);
		const [who] = await db().as(user, (tx) =>
			tx.query<{ id: string; role: string }>('select auth.uid() as id, auth.role() as role')
		);
		expect(who).toEqual({ id: user.id, role: 'authenticated' });
	});
});
