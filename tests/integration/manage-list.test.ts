import { beforeAll, expect, it } from 'vitest';
import { listFilterOf } from '../../src/lib/domain/list-filter';
import { MANAGE_STATUS_CHOICES, type ManageStatusChoice } from '../../src/lib/domain/manage-filter';
import type { Queryable } from '../../src/lib/server/db';
import type { Database } from '../../src/lib/server/db/database';
import { challengesPage } from '../../src/lib/server/challenges/dashboard';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';

/**
 * The owner's challenge list (/manage, issue 16) of an owner of two organisations with 130
 * challenges between them: every fourth a draft, every fifth titled "Tekoäly …" in Finnish,
 * every seventh "Tekoäly …" in Swedish only, ten changed at the same moment (the order must
 * still be one); and another organisation's 5 challenges, which the owner never sees.
 */
async function world(db: Database) {
	const owner = await createUser(db, 'Olga Owner');
	const other = await createUser(db, 'Otto Other');
	const first = await createOrganisation(db, owner.id);
	const second = await createOrganisation(db, owner.id);
	const theirs = await createOrganisation(db, other.id);
	await db.service('test: many challenges', (tx) =>
		tx.query(
			`insert into public.challenges (organisation_id, slug, title, summary, status, published_at, updated_at)
			 select case when i % 2 = 0 then $1::uuid else $2::uuid end, 'manage-' || $1 || '-' || i,
			   case when i % 5 = 0 then jsonb_build_object('fi', 'Tekoäly ' || i)
			        when i % 7 = 0 then jsonb_build_object('fi', 'Haaste ' || i, 'sv', 'Tekoäly ' || i)
			        else jsonb_build_object('fi', 'Haaste ' || i) end,
			   jsonb_build_object('fi', 'Tiivistelmä ' || i),
			   case when i % 4 = 0 then 'draft' else 'published' end,
			   case when i % 4 = 0 then null else now() end,
			   case when i <= 10 then timestamptz '2026-01-01' else timestamptz '2026-01-01' + i * interval '1 minute' end
			 from generate_series(1, 130) i
			 union all
			 select $3::uuid, 'manage-' || $3 || '-' || i, jsonb_build_object('fi', 'Tekoäly ' || i),
			   '{}', 'published', now(), now()
			 from generate_series(1, 5) i`,
			[first.id, second.id, theirs.id]
		)
	);
	const mine = await db.service('test: the owner’s challenges', (tx) =>
		tx.query<{ id: string; status: string; updatedAt: Date; title: string }>(
			`select c.id, c.status, c.updated_at as "updatedAt", c.title::text as title
			 from public.challenges c where c.organisation_id in ($1, $2)`,
			[first.id, second.id]
		)
	);
	// The list's order: drafts first, then the most recently changed, then by id.
	const order = [...mine].sort(
		(a, b) =>
			a.status.localeCompare(b.status) ||
			new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime() ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	return { owner, other, mine, order };
}

/** A transaction that records how many rows each statement answered. */
function counting(tx: Queryable, rows: number[]): Queryable {
	return {
		...tx,
		query: async <T>(text: string, params?: unknown[]) => {
			const answer = await tx.query<T>(text, params);
			rows.push(answer.length);
			return answer;
		}
	} as Queryable;
}

describeEachDatabase("owner's challenge list, paged and filtered in SQL", (db) => {
	let w: Awaited<ReturnType<typeof world>>;
	beforeAll(async () => {
		w = await world(db());
	});
	const read = (state: ManageStatusChoice, q: string, page: number, size?: number) =>
		db().as(w.owner, (tx) =>
			challengesPage(tx, w.owner.id, listFilterOf({ state, q }), page, size)
		);

	it('counts every challenge of the caller’s organisations by status, and no one else’s', async () => {
		const list = await read('all', '', 1);
		const drafts = w.mine.filter((c) => c.status === 'draft').length;
		expect(list.found).toEqual({ all: 130, draft: drafts, published: 130 - drafts });
		expect([list.total, list.pages, list.items.length]).toEqual([130, 3, 50]);
		const theirs = await db().as(w.other, (tx) =>
			challengesPage(tx, w.other.id, listFilterOf({ state: 'all', q: '' }), 1)
		);
		expect(theirs.total).toBe(5);
		expect(theirs.items.every((c) => !w.mine.some((m) => m.id === c.id))).toBe(true);
	});

	it('pages hold every challenge once, in one stable order, ties broken by id', async () => {
		const pages = [];
		for (const page of [1, 2, 3]) pages.push(...(await read('all', '', page)).items);
		expect(pages.map((c) => c.id)).toEqual(w.order.map((c) => c.id));
		// The same again: equal times never swap rows between visits.
		expect((await read('all', '', 3)).items.map((c) => c.id)).toEqual(
			w.order.slice(100).map((c) => c.id)
		);
	});

	it('shows the nearest page for a number outside the list', async () => {
		const last = await read('all', '', 99);
		expect([last.page, last.items.length]).toEqual([3, 30]);
		expect(last.items.map((c) => c.id)).toEqual(w.order.slice(100).map((c) => c.id));
		expect((await read('all', '', 0)).page).toBe(1);
	});

	it('narrows to a status, and counts what each status holds', async () => {
		for (const state of MANAGE_STATUS_CHOICES) {
			const list = await read(state, '', 1, 200);
			const expected = w.order.filter((c) => state === 'all' || c.status === state);
			expect(list.items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
			expect(list.total).toBe(expected.length);
		}
	});

	it('searches titles in every language, case and accents aside, each word required', async () => {
		const tekoaly = w.order.filter((c) => c.title.includes('Tekoäly'));
		const list = await read('all', 'TEKOALY', 1, 200);
		expect(list.items.map((c) => c.id)).toEqual(tekoaly.map((c) => c.id));
		// Swedish-only titles too (every seventh that is not a fifth).
		expect(list.items.some((c) => !c.title.fi?.includes('Tekoäly'))).toBe(true);
		const drafts = tekoaly.filter((c) => c.status === 'draft');
		expect((await read('draft', 'tekoäly', 1, 200)).items.map((c) => c.id)).toEqual(
			drafts.map((c) => c.id)
		);
		const found = await read('all', 'Tekoäly 35', 1);
		expect(found.items.map((c) => c.title.fi)).toEqual(['Tekoäly 35']);
		expect(found.found).toEqual({ all: 1, draft: 0, published: 1 });
		expect((await read('all', 'tekoäly zzz', 1)).total).toBe(0);
	});

	it('reads from the database no more than a page of rows, whatever the list holds', async () => {
		const rows: number[] = [];
		await db().as(w.owner, (tx) =>
			challengesPage(counting(tx, rows), w.owner.id, listFilterOf({ state: 'all', q: '' }), 2, 20)
		);
		expect(Math.max(...rows)).toBeLessThanOrEqual(20);
	});
});
