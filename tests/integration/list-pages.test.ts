import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import { listFilterOf } from '../../src/lib/domain/list-filter';
import { foldForSearch, searchWords } from '../../src/lib/domain/search';
import { accessibilityFeedbackPage } from '../../src/lib/server/feedback';
import { holdsWords } from '../../src/lib/server/list-sql';
import { answeredQuestionsPage, getChallengeDetail } from '../../src/lib/server/challenges/detail';
import { listPublishedChallenges } from '../../src/lib/server/challenges/list';
import { MERGE_TARGETS_MAX, questionQueue } from '../../src/lib/server/challenges/questions';
import { memberOf, membersPage, organisationsPage } from '../../src/lib/server/organisations';
import { workshopsPage, workshopsSummary } from '../../src/lib/server/workshops/list';
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
	// A second facilitator's 12 workshops to come and 5 ended (the dashboard's summary), and
	// an organisation of 130 members (every tenth an owner, besides its founder) and 30
	// published challenges, one a minute.
	const host = await createUser(db, 'Hilla Host');
	const founder = await createUser(db, 'Olga Owner');
	const big = await createOrganisation(db, founder.id);
	await db.service('test: a large organisation', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [host.id]);
		await tx.query(
			`insert into public.workshops (challenge_id, title, starts_at, agenda, facilitator_id, status)
			 select $1, 'Paja ' || $4 || ' ' || i, timestamptz '2026-06-01' + i * interval '1 day',
			   $2::text::jsonb, $3, case when i <= 5 then 'ended' else 'scheduled' end
			 from generate_series(1, 17) i`,
			[challenge.id, JSON.stringify(DEFAULT_AGENDA), host.id, RUN]
		);
		await tx.query(
			`with people as (
			   insert into auth.users (email, email_confirmed_at, raw_user_meta_data)
			   select 'm' || i || '-' || $2 || '@test.example', now(),
			     jsonb_build_object('display_name', 'Jäsen ' || $2 || ' ' || i, 'locale', 'fi')
			   from generate_series(1, 130) i returning id, raw_user_meta_data ->> 'display_name' as name)
			 insert into public.organisation_members (organisation_id, user_id, role)
			 select $1, id, case when split_part(name, ' ', 3)::int % 10 = 0 then 'owner' else 'member' end
			 from people`,
			[big.id, RUN]
		);
		await tx.query(
			`insert into public.challenges (organisation_id, slug, title, status, published_at)
			 select $1, $2 || '-c-' || i, jsonb_build_object('fi', 'Haaste ' || $2 || ' ' || i),
			   'published', now() - i * interval '1 minute'
			 from generate_series(1, 30) i`,
			[big.id, RUN]
		);
		// 60 questions on its newest challenge, one an hour: every fourth waits for its
		// answer, the rest are answered, and the second is merged into the first.
		await tx.query(
			`insert into public.challenge_questions (challenge_id, body, answer, answered_at)
			 select c.id, 'Kysymys ' || $2 || ' ' || i,
			   case when i % 4 <> 0 then 'Vastaus ' || i end,
			   case when i % 4 <> 0 then timestamptz '2026-01-01' + i * interval '1 hour' end
			 from generate_series(1, 60) i, public.challenges c where c.slug = $1`,
			[`${RUN}-c-1`, RUN]
		);
		await tx.query(
			`update public.challenge_questions q set merged_into = (select id from public.challenge_questions
			   where body = 'Kysymys ' || $1 || ' 1')
			 where q.body = 'Kysymys ' || $1 || ' 2'`,
			[RUN]
		);
	});
	return { facilitator, outsider, admin, host, founder, big };
}

describeEachDatabase('the lists that grow with the platform, paged and filtered in SQL', (db) => {
	let w: Awaited<ReturnType<typeof world>>;
	beforeAll(async () => {
		w = await world(db());
	});

	it('reads a list without words testing nothing per row, and with words only their rows', async () => {
		// holdsWords: an empty search was an anti-join over no words on every row (issue 16).
		const plan = (words: string[]) =>
			db().as(w.facilitator, async (tx) => {
				const rows = await tx.query<Record<string, unknown>>(
					`explain (format json) select count(*) from public.organisations o
					 where ${holdsWords('public.search_fold(o.name)', '$1', words)}`,
					[words]
				);
				return JSON.stringify(rows);
			});
		expect(await plan([])).not.toMatch(/unnest|Anti Join|SubPlan/);
		expect(await plan(['virasto'])).toMatch(/unnest/);
		const count = (words: string[]) =>
			db().as(w.facilitator, async (tx) => {
				const [row] = await tx.query<{ n: number }>(
					`select count(*)::int as n from public.organisations o
					 where o.slug like $2 || '-%' and ${holdsWords('public.search_fold(o.name)', '$1', words)}`,
					[words, RUN]
				);
				return row.n;
			});
		// A word is found within a word: '13' in Virasto … 13, 113 and 130.
		expect([await count([]), await count(['virasto', '13']), await count(['eiole'])]).toEqual([
			130, 3, 0
		]);
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

	it('sums up the dashboard’s workshops: the next ten, the last three ended, how many in all', async () => {
		const summary = await db().as(w.host, (tx) => workshopsSummary(tx));
		expect(summary.total).toBe(17);
		expect(summary.items.map((x) => x.title)).toEqual(
			[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 5, 4, 3].map((i) => `Paja ${RUN} ${i}`)
		);
		// The first facilitator's 130 are counted though only ten are shown.
		const many = await db().as(w.facilitator, (tx) => workshopsSummary(tx));
		expect([many.items.length, many.total]).toEqual([10, 130]);
		expect(many.items[0].title).toBe(`Työpaja ${RUN} 1`);
		expect(await db().as(w.outsider, (tx) => workshopsSummary(tx))).toEqual({
			items: [],
			total: 0
		});
	});

	it('pages an organisation’s members, owners first, to its fellow members only', async () => {
		const read = (page: number) =>
			db().as(w.founder, (tx) => membersPage(tx, w.big.id, [], page, 'fi'));
		const pages = [await read(1), await read(2), await read(3)];
		expect(pages.map((p) => [p.total, p.pages, p.items.length])).toEqual([
			[131, 3, 50],
			[131, 3, 50],
			[131, 3, 31]
		]);
		const all = pages.flatMap((p) => p.items);
		expect(new Set(all.map((x) => x.userId)).size).toBe(131);
		// 13 owners and the founder first, by name in Finnish order: "… 10", "… 100", "… 110".
		expect(all.slice(0, 14).every((x) => x.role === 'owner')).toBe(true);
		expect(all.slice(14).every((x) => x.role === 'member')).toBe(true);
		expect(all.slice(0, 3).map((x) => x.displayName)).toEqual(
			[10, 100, 110].map((i) => `Jäsen ${RUN} ${i}`)
		);
		expect((await read(9)).page).toBe(3);
		// The one a removal asks about is found off the page shown.
		expect((await db().as(w.founder, (tx) => memberOf(tx, w.big.id, all[130].userId)))?.role).toBe(
			'member'
		);
		const outsider = await db().as(w.outsider, (tx) => membersPage(tx, w.big.id, [], 1, 'fi'));
		expect([outsider.total, outsider.items]).toEqual([0, []]);
		expect(await db().as(w.outsider, (tx) => memberOf(tx, w.big.id, all[0].userId))).toBeNull();
	});

	it('searches an organisation’s members by name or address in SQL, still paged', async () => {
		const read = (q: string, page = 1) =>
			db().as(w.founder, (tx) => membersPage(tx, w.big.id, searchWords(q), page, 'fi', 20));
		const everyone = (await read('', 1)).total;
		const all = (await db().as(w.founder, (tx) => membersPage(tx, w.big.id, [], 1, 'fi', everyone)))
			.items;
		// Those whose name or address holds "1" and this run's word (accents and case aside).
		const holds = (x: { displayName: string; email: string }) =>
			[RUN, '1'].every((word) => `${x.displayName} ${x.email}`.toLowerCase().includes(word));
		const expected = all.filter(holds).map((x) => x.userId);
		expect(expected.length).toBeGreaterThan(20);
		const pages = [await read(`JÄSEN ${RUN} 1`), await read(`jasen ${RUN} 1`, 2)];
		expect(pages.map((p) => [p.total, p.page, p.items.length])).toEqual([
			[expected.length, 1, 20],
			[expected.length, 2, Math.min(20, expected.length - 20)]
		]);
		// In the list's own order, owners first, as without words.
		expect(pages.flatMap((p) => p.items.map((x) => x.userId))).toEqual(expected.slice(0, 40));
		// An address's words find its member; words of no one find none.
		const byMail = await read(`m77-${RUN}@test`);
		expect(byMail.items.map((x) => x.displayName)).toEqual([`Jäsen ${RUN} 77`]);
		expect((await read(`${RUN} nobody`)).total).toBe(0);
		const outsider = await db().as(w.outsider, (tx) =>
			membersPage(tx, w.big.id, searchWords(RUN), 1, 'fi')
		);
		expect(outsider.total).toBe(0);
	});

	it('sums up an organisation’s challenges: the newest few and how many in all', async () => {
		for (const who of [w.outsider, null]) {
			const found = await db().as(who, (tx) => listPublishedChallenges(tx, w.big.id, 12));
			expect(found.total).toBe(30);
			expect(found.items.map((c) => c.title.fi)).toEqual(
				Array.from({ length: 12 }, (_, i) => `Haaste ${RUN} ${i + 1}`)
			);
		}
	});

	it('pages a challenge’s answered questions, newest answer first, the same for everyone', async () => {
		const slug = `${RUN}-c-1`;
		const visitor = (await db().as(null, (tx) => getChallengeDetail(tx, { slug }, null)))!;
		// The public page's detail holds no questions of everyone's (only the reader's own).
		expect(visitor.questions).toEqual([]);
		// 45 answered, one of them merged: 44, by 20.
		const order = Array.from({ length: 60 }, (_, i) => 60 - i).filter(
			(i) => i % 4 !== 0 && i !== 2
		);
		for (const who of [null, w.outsider, w.founder]) {
			const pages = [];
			for (const page of [1, 2, 3])
				pages.push(await db().as(who, (tx) => answeredQuestionsPage(tx, visitor.id, page)));
			expect(pages.map((p) => [p.total, p.pages, p.items.length])).toEqual([
				[44, 3, 20],
				[44, 3, 20],
				[44, 3, 4]
			]);
			expect(pages.flatMap((p) => p.items.map((q) => q.body))).toEqual(
				order.map((i) => `Kysymys ${RUN} ${i}`)
			);
			expect(pages[0].items.every((q) => q.answer && !q.mine)).toBe(true);
		}
		expect((await db().as(null, (tx) => answeredQuestionsPage(tx, visitor.id, 7))).page).toBe(3);
	});

	it('pages the team’s question queue and cuts its merge choice, reading no question whole', async () => {
		const slug = `${RUN}-c-1`;
		const id = (await db().as(null, (tx) => getChallengeDetail(tx, { slug }, null)))!.id;
		// The manage pages' detail by id holds no questions: the queue pages them.
		const byId = await db().as(w.founder, (tx) => getChallengeDetail(tx, { id }, w.founder.id));
		expect(byId?.canManage).toBe(true);
		expect(byId?.questions).toEqual([]);
		const read = (waiting: number, answered: number) =>
			db().as(w.founder, (tx) => questionQueue(tx, id, { waiting, answered }, 10));
		// 15 waiting (every fourth), oldest first; 44 answered, newest answer first; 1 merged.
		const [first, second] = [await read(1, 1), await read(2, 5)];
		expect(
			[first, second].map((q) => [
				[q.waiting.total, q.waiting.page, q.waiting.pages, q.waiting.items.length],
				[q.answered.total, q.answered.page, q.answered.pages, q.answered.items.length],
				q.merged
			])
		).toEqual([
			[[15, 1, 2, 10], [44, 1, 5, 10], 1],
			[[15, 2, 2, 5], [44, 5, 5, 4], 1]
		]);
		// All asked at once (created_at ties), so in order of id: each once over the pages.
		expect(new Set([...first.waiting.items, ...second.waiting.items].map((q) => q.body))).toEqual(
			new Set(Array.from({ length: 15 }, (_, i) => `Kysymys ${RUN} ${(i + 1) * 4}`))
		);
		expect(first.answered.items.map((q) => q.body).slice(0, 2)).toEqual(
			[59, 58].map((i) => `Kysymys ${RUN} ${i}`)
		);
		expect(first.answered.items.every((q) => q.answer && !q.mergedInto)).toBe(true);
		// Merge targets: the 59 not merged, the first few offered, newest answer first.
		const targets = first.mergeTargets;
		expect([targets.shown, targets.total, targets.options.length]).toEqual([
			MERGE_TARGETS_MAX,
			59,
			MERGE_TARGETS_MAX
		]);
		expect(targets.options[0]).toEqual({
			id: first.answered.items[0].id,
			body: `Kysymys ${RUN} 59`
		});
		expect(targets.options.some((o) => o.body === `Kysymys ${RUN} 2`)).toBe(false);
		// Words reach a question past the first few: every question holding them, and only those.
		const all = await db().as(w.founder, (tx) =>
			questionQueue(tx, id, { waiting: 1, answered: 1 }, 100)
		);
		const bodies = [...all.waiting.items, ...all.answered.items];
		expect(bodies).toHaveLength(59);
		const hidden = bodies.find((q) => !targets.options.some((o) => o.id === q.id))!;
		const mergeWords = searchWords(hidden.body);
		const found = (
			await db().as(w.founder, (tx) =>
				questionQueue(tx, id, { waiting: 1, answered: 1, mergeWords }, 10)
			)
		).mergeTargets;
		const holding = bodies.filter((q) =>
			mergeWords.every((word) => foldForSearch(q.body).includes(word))
		);
		expect(found.total).toBe(holding.length);
		expect(found.total).toBeLessThan(MERGE_TARGETS_MAX);
		expect(new Set(found.options.map((o) => o.id))).toEqual(new Set(holding.map((q) => q.id)));
		expect(found.options.some((o) => o.id === hidden.id)).toBe(true);
		// Words no question holds find none.
		const none = await db().as(w.founder, (tx) =>
			questionQueue(tx, id, { waiting: 1, answered: 1, mergeWords: ['eiolemitään'] })
		);
		expect([none.mergeTargets.total, none.mergeTargets.options]).toEqual([0, []]);
		// Someone outside the challenge's team reads no waiting question.
		const outsider = await db().as(w.outsider, (tx) =>
			questionQueue(tx, id, { waiting: 1, answered: 1 })
		);
		expect(outsider.waiting.total).toBe(0);
	});
});
