import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import { listFilterOf } from '../../src/lib/domain/list-filter';
import { accessibilityFeedbackPage } from '../../src/lib/server/feedback';
import { organisationsPage } from '../../src/lib/server/organisations';
import { workshopsPage } from '../../src/lib/server/workshops/list';
import type { Database } from '../../src/lib/server/db/database';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';

/**
 * The lists beyond /manage that grow with the platform (issue 16), each of 130 rows and
 * paged by 50 in SQL: a facilitator's workshops (every third live, every fifth titled
 * "Tekoäly …", its challenge's title searched too), the admin's accessibility feedback
 * (statuses in turn) and organisations (kinds in turn). A word of this run's own keeps
 * other files' rows out of the counts.
 */
const RUN = `zz${Math.random().toString(36).slice(2, 8)}`;
const KINDS = ['public_body', 'university', 'agency', 'company', 'other'];
const STATUSES = ['new', 'in_progress', 'answered', 'closed'];

async function world(db: Database) {
	const facilitator = await createUser(db, 'Fiia Facilitator');
	const outsider = await createUser(db, 'Otto Outsider');
	const admin = await createUser(db, 'Aino Admin', { admin: true });
	const owner = await createUser(db, 'Olli Owner');
	const org = await createOrganisation(db, owner.id);
	const challenge = await createChallenge(db, org.id, 'published');
	await db.service('test: many rows', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
			facilitator.id
		]);
		await tx.query(
			`insert into public.workshops (challenge_id, title, starts_at, agenda, facilitator_id, status)
			 select $1, case when i % 5 = 0 then 'Tekoäly ' else 'Työpaja ' end || $4 || ' ' || i,
			   timestamptz '2026-01-01' + i * interval '1 hour', $2::text::jsonb, $3,
			   case when i % 3 = 0 then 'live' else 'scheduled' end
			 from generate_series(1, 130) i`,
			[challenge.id, JSON.stringify(DEFAULT_AGENDA), facilitator.id, RUN]
		);
		// 130 items at once are past the sender's limit (private.limit_feedback): its trigger
		// is set aside for this insert only.
		await tx.query('set local session_replication_role = replica');
		await tx.query(
			`insert into public.accessibility_feedback (message, page, locale, status)
			 select 'Kontrasti ' || $1 || ' ' || i, '/sivu/' || i, 'fi', ($2::text[])[i % 4 + 1]
			 from generate_series(1, 130) i`,
			[RUN, STATUSES]
		);
		await tx.query('set local session_replication_role = origin');
		await tx.query(
			`insert into public.organisations (slug, name, names, kind)
			 select $1 || '-' || i, 'Virasto ' || $1 || ' ' || i,
			   jsonb_build_object('fi', 'Virasto ' || $1 || ' ' || i, 'sv', 'Ämbetsverk ' || i),
			   ($2::text[])[i % 5 + 1]
			 from generate_series(1, 130) i`,
			[RUN, KINDS]
		);
	});
	return { facilitator, outsider, admin };
}

describeEachDatabase('the lists that grow with the platform, paged and filtered in SQL', (db) => {
	let w: Awaited<ReturnType<typeof world>>;
	beforeAll(async () => {
		w = await world(db());
	});

	it('pages the workshops the facilitator sees, latest first, and counts them by status', async () => {
		const read = (state: 'all' | 'live' | 'scheduled', q: string, page: number) =>
			db().as(w.facilitator, (tx) => workshopsPage(tx, listFilterOf({ state, q }), page));
		const first = await read('all', RUN, 1);
		expect(first.found).toEqual({ all: 130, scheduled: 87, live: 43, ended: 0 });
		expect([first.total, first.pages, first.items.length]).toEqual([130, 3, 50]);
		expect(first.items[0].title).toBe(`Tekoäly ${RUN} 130`);
		const last = await read('all', RUN, 3);
		expect(last.items.map((x) => x.title).at(-1)).toBe(`Työpaja ${RUN} 1`);
		expect(last.items).toHaveLength(30);
		// A page past the last is the last.
		expect((await read('all', RUN, 9)).page).toBe(3);
		const live = await read('live', `tekoaly ${RUN}`, 1);
		// Every 15th of 130 is both live and "Tekoäly": 15, 30, …, 120.
		expect(live.items.map((x) => x.title)).toEqual(
			[120, 105, 90, 75, 60, 45, 30, 15].map((i) => `Tekoäly ${RUN} ${i}`)
		);
		expect(live.found.all).toBe(26);
		// The challenge's title ("Haaste …") is searched too; the outsider sees none of them.
		expect((await read('all', `haaste ${RUN}`, 1)).total).toBe(130);
		expect((await read('all', `haaste tekoaly ${RUN}`, 1)).total).toBe(26);
		const outsider = await db().as(w.outsider, (tx) =>
			workshopsPage(tx, listFilterOf({ state: 'all', q: RUN }), 1)
		);
		expect(outsider.total).toBe(0);
	});

	it('pages the admin’s feedback, open first, and counts it by status', async () => {
		const read = (state: 'all' | 'closed', q: string, page: number) =>
			db().as(w.admin, (tx) => accessibilityFeedbackPage(tx, listFilterOf({ state, q }), page));
		const first = await read('all', RUN, 1);
		expect(first.found).toEqual({ all: 130, new: 32, in_progress: 33, answered: 33, closed: 32 });
		expect(first.items.every((f) => f.status === 'new' || f.status === 'in_progress')).toBe(true);
		const third = await read('all', RUN, 3);
		expect(third.items).toHaveLength(30);
		expect(third.items.every((f) => f.status === 'answered' || f.status === 'closed')).toBe(true);
		const closed = await read('closed', `${RUN} 12`, 1);
		// 12 and 120..129 hold "12"; of them those with i % 4 = 3 are closed: 123, 127.
		expect(closed.items.map((f) => f.message).sort()).toEqual(
			[`Kontrasti ${RUN} 123`, `Kontrasti ${RUN} 127`].sort()
		);
		const outsider = await db().as(w.outsider, (tx) =>
			accessibilityFeedbackPage(tx, listFilterOf({ state: 'all', q: RUN }), 1)
		);
		expect(outsider.total).toBe(0);
	});

	it('pages the organisations by name, searched in every language, counted by kind', async () => {
		const read = (state: 'all' | 'agency', q: string, page: number) =>
			db().as(w.admin, (tx) => organisationsPage(tx, listFilterOf({ state, q }), page, 'fi'));
		const first = await read('all', RUN, 1);
		expect(first.found).toEqual({
			all: 130,
			public_body: 26,
			university: 26,
			agency: 26,
			company: 26,
			other: 26
		});
		const pages = [first, await read('all', RUN, 2), await read('all', RUN, 3)];
		const names = pages.flatMap((p) => p.items.map((o) => o.name));
		expect(new Set(names).size).toBe(130);
		expect(pages.map((p) => p.items.length)).toEqual([50, 50, 30]);
		// By name in Finnish order: "… 1", "… 10", "… 100", …
		expect(names.slice(0, 3)).toEqual([1, 10, 100].map((i) => `Virasto ${RUN} ${i}`));
		// Visitors read the same list (/organisations), searched too (it answered them 500).
		for (const q of ['', RUN]) {
			const visitor = await db().as(null, (tx) =>
				organisationsPage(tx, listFilterOf({ state: 'all', q }), 1, 'fi')
			);
			expect(visitor.total, `visitor, "${q}"`).toBeGreaterThan(0);
		}
		expect(
			(
				await db().as(null, (tx) =>
					organisationsPage(tx, listFilterOf({ state: 'all', q: RUN }), 1, 'fi')
				)
			).found
		).toEqual(first.found);
		const agency = await read('agency', `ambetsverk 11`, 1);
		// "Ämbetsverk 11" and 110..119, of kind agency (i % 5 = 2): 112, 117.
		expect(agency.items.map((o) => o.name).filter((n) => n.includes(RUN))).toEqual(
			[112, 117].map((i) => `Virasto ${RUN} ${i}`)
		);
	});
});
