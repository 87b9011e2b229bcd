import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import { recordAudit } from '../../src/lib/server/audit';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

/**
 * The audit log's record rules (issue 15, 20261209000100_audit_log.sql): written only
 * through private.record_audit, with the address Database.as passes as Supabase's API does;
 * no secret in its details; never changed or deleted outside a maintenance function.
 */
async function outcome(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		const err = e as { code?: string; hint?: string; message: string };
		return err.hint || err.code || err.message;
	}
}

describeEachDatabase('audit log', (db) => {
	let person: { id: string; email: string };

	beforeAll(async () => {
		person = await createUser(db(), 'Aino Audit');
	});

	it('records the actor and the address Database.as passes, as request.headers', async () => {
		const who: Principal = { ...person, address: '198.51.100.23' };
		const id = await db().serviceAs('test: audit as a user', who, (tx) =>
			recordAudit(tx, { action: 'data_export', targetKind: 'user', targetId: person.id })
		);
		const [row] = await db().service('test: read entry', (tx) =>
			tx.query<{ actor_id: string; address: string; action: string }>(
				'select actor_id, host(address) as address, action from public.audit_log where id = $1',
				[id]
			)
		);
		expect(row).toEqual({ actor_id: person.id, address: '198.51.100.23', action: 'data_export' });
		// The same address reaches definer code under db.as.
		const [seen] = await db().as(who, (tx) =>
			tx.query<{ a: string | null }>('select host(private.request_address()) as a')
		);
		expect(seen.a).toBe('198.51.100.23');
	});

	it('a garbled or missing address is null, never an error', async () => {
		const id = await db().service('test: audit with no address', (tx) =>
			recordAudit(tx, { action: 'sign_in_failed', targetKind: 'email', targetId: 'x@y.example' })
		);
		const [row] = await db().service('test: read entry', (tx) =>
			tx.query<{ address: string | null; actor_id: string | null }>(
				'select address, actor_id from public.audit_log where id = $1',
				[id]
			)
		);
		expect(row).toEqual({ address: null, actor_id: null });
		const [garbled] = await db().service('test: garbled header', async (tx) => {
			await tx.query(
				`select set_config('request.headers', '{"x-forwarded-for": "nonsense"}', true)`
			);
			return tx.query<{ a: string | null }>('select private.request_address() as a');
		});
		expect(garbled.a).toBeNull();
	});

	it('refuses details that name a secret', async () => {
		for (const key of ['password', 'resetToken', 'secret', 'token_hash', 'recoveryCode', 'apiKey'])
			expect(
				await outcome(() =>
					db().service('test: secret in details', (tx) =>
						recordAudit(tx, { action: 'sign_in', details: { [key]: 'x' } })
					)
				)
			).toBe('audit_secret_in_details');
	});

	it('an entry is never changed or deleted, even by the service role, outside maintenance', async () => {
		const id = await db().service('test: entry', (tx) => recordAudit(tx, { action: 'sign_out' }));
		for (const sql of [
			"update public.audit_log set action = 'sign_in' where id = $1",
			'delete from public.audit_log where id = $1'
		])
			expect(await outcome(() => db().service('test: tamper', (tx) => tx.query(sql, [id])))).toBe(
				'audit_log_locked'
			);
		const removed = await db().service('test: maintenance', async (tx) => {
			await tx.query("select private.begin_record_maintenance('audit retention')");
			return tx.query('delete from public.audit_log where id = $1 returning id', [id]);
		});
		expect(removed).toHaveLength(1);
	});

	it('nobody signed in writes an entry; only a platform admin with a second factor reads', async () => {
		expect(
			await outcome(() =>
				db().as(person, (tx) => tx.query("select private.record_audit('sign_in')"))
			)
		).toBe('42501');
		const visible = (p: Principal) =>
			db().as(p, (tx) => tx.query('select id from public.audit_log'));
		expect(await visible(person)).toHaveLength(0);
	});
});
