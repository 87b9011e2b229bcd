import { describe, expect, it } from 'vitest';
import { Database } from './database';
import type { Driver, Queryable } from './driver';

/** A driver whose one connection logs what is sent and when each statement settles. */
function fakeDriver(failSettings = false) {
	const log: string[] = [];
	const tx: Queryable = {
		async query<T>(text: string) {
			const name = text.includes('set_config') ? 'settings' : text;
			log.push(`sent ${name}`);
			await new Promise((r) => setTimeout(r, 5));
			log.push(`done ${name}`);
			if (failSettings && name === 'settings') throw new Error('settings refused');
			return [] as T[];
		},
		exec: async () => {}
	};
	const driver: Driver = {
		kind: 'postgres',
		query: tx.query,
		exec: tx.exec,
		async transaction(fn, options) {
			log.push(options?.statements ? `begin (${options.statements} statements)` : 'begin');
			try {
				return await fn(tx);
			} finally {
				log.push('end');
			}
		},
		close: async () => {}
	};
	return { db: new Database(driver), log };
}

const user = { id: '00000000-0000-4000-8000-000000000004' };

describe('Database.as', () => {
	it("sends the claims first, without waiting, and fn's queries after them", async () => {
		const { db, log } = fakeDriver();
		expect(await db.as(user, async (tx) => (await tx.query('select 1'), 'value'))).toBe('value');
		expect(log.slice(0, 3)).toEqual(['begin', 'sent settings', 'sent select 1']);
		expect(log.at(-1)).toBe('end');
	});

	it('fails when the claims fail, and ends the transaction only after fn has settled', async () => {
		const { db, log } = fakeDriver(true);
		await expect(
			db.as(user, async (tx) => {
				await new Promise((r) => setTimeout(r, 20));
				await tx.query('select late');
			})
		).rejects.toThrow('settings refused');
		expect(log.indexOf('done select late')).toBeGreaterThan(-1);
		expect(log.indexOf('done select late')).toBeLessThan(log.indexOf('end'));
	});
});

describe('Database.asStatement', () => {
	it('tells the driver the claims and the one statement are all it sends', async () => {
		const { db, log } = fakeDriver();
		expect(await db.asStatement(user, 'select 1')).toEqual([]);
		expect(log).toEqual([
			'begin (2 statements)',
			'sent settings',
			'sent select 1',
			'done settings',
			'done select 1',
			'end'
		]);
	});
});

describe('Database.statement', () => {
	it('sends the one statement outside a transaction and refuses a second', async () => {
		const { db, log } = fakeDriver();
		expect(await db.statement('job', async (q) => (await q.query('select 1'), 'value'))).toBe(
			'value'
		);
		expect(log).toEqual(['sent select 1', 'done select 1']);
		await expect(
			db.statement('job', async (q) => {
				await q.query('select 1');
				await q.query('select 2');
			})
		).rejects.toThrow('job: one statement only');
		await expect(db.statement('job', (q) => q.exec('select 1; select 2'))).rejects.toThrow(
			'one statement only'
		);
		expect(log).not.toContain('begin');
	});
});
