import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { conceptContentSchema, priceIssue } from '../../src/lib/domain/concept';
import { snapshotDigest } from '../../src/lib/domain/snapshot-digest';
import {
	conceptsOpen,
	getConcept,
	listChallengeTenders,
	versionsNumbered,
	versionsPage,
	readFinalTender,
	saveConcept,
	startConcept,
	submitFinalTender,
	withdrawFinalTender
} from '../../src/lib/server/concepts';
import { loadDashboard } from '../../src/lib/server/dashboard';
import { CHOICE_MAX } from '../../src/lib/server/list-sql';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import {
	CLUSTER,
	conceptWorld,
	NOTE_A,
	NOTE_B,
	NOTE_HIDDEN,
	NOTE_SHARED
} from './concept-fixtures';

/**
 * Concepts and final tenders (issue 14; supabase/migrations/20261207000200_concept_functions.sql)
 * as Supabase's Data API would meet them: every call as `authenticated` with the user's
 * claims. Teams A and B applied and were found eligible; the published shortlisting decision
 * chose A only. Both took part in a shared workshop and a negotiation (a board each).
 */

/** The reason code a refused call gave (the hint of TK422), or 'ok'. */
async function refused(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	return db
		.as(who, (tx) => tx.query(sql, params))
		.then(
			() => 'ok',
			(e: { hint?: string; code?: string; message: string }) => e.hint || e.code || e.message
		);
}

const content = (over: Record<string, unknown> = {}) => ({
	title: 'Job coach in your pocket',
	summary: 'A mobile coach for job seekers.',
	description: 'We build **a coach** that works.',
	plan: 'Pilot in spring.',
	budget: [
		{ item: 'Design', cents: 1_200_000 },
		{ item: 'Pilot', cents: 800_000 }
	],
	...over
});

describeEachDatabase('concepts and final tenders', (db) => {
	let w: Awaited<ReturnType<typeof conceptWorld>>;
	let concept: string;

	beforeAll(async () => {
		w = await conceptWorld(db());
	});

	it('the dashboard tells the shortlisted team and the one not chosen, with the decision', async () => {
		const [a, b] = await Promise.all([
			loadDashboard(db(), w.a1, 'en'),
			loadDashboard(db(), w.b1, 'en')
		]);
		const of = (home: typeof a) =>
			home.applications.find((x) => x.id === w.appA || x.id === w.appB)!;
		// Both were found eligible at screening; the shortlisting decision chose A only.
		expect(of(a)).toMatchObject({ id: w.appA, next: 'shortlisted' });
		expect(of(a).later).toMatchObject({ stage: 'shortlisting', chosen: true });
		expect(of(b)).toMatchObject({ id: w.appB, next: 'not_chosen' });
		expect(of(b).later).toMatchObject({ stage: 'shortlisting', chosen: false });
		expect(of(a).later!.id).toBe(of(b).later!.id);
	});

	describe('starting', () => {
		it('is refused to a team the shortlisting decision did not choose, and to outsiders', async () => {
			expect(await refused(db(), w.b1, 'select public.concept_start($1)', [w.appB])).toBe(
				'concept_not_shortlisted'
			);
			expect(await refused(db(), w.b1, 'select public.concept_start($1)', [w.appA])).toBe(
				'concept_unknown'
			);
			expect(await refused(db(), w.owner, 'select public.concept_start($1)', [w.appA])).toBe(
				'concept_unknown'
			);
		});

		it('gives the shortlisted team one concept, however often it is started', async () => {
			concept = await db().as(w.a1, (tx) => startConcept(tx, w.appA));
			expect(await db().as(w.a2, (tx) => startConcept(tx, w.appA))).toBe(concept);
			const view = await db().as(w.a2, (tx) => getConcept(tx, concept));
			expect(view).toMatchObject({ version: 0, mine: true, title: '' });
			expect(view!.ideas.map((i) => i.title)).toEqual(['Pocket coach', 'Peer groups']);
		});

		it('is not seen by the other team', async () => {
			expect(await db().as(w.b1, (tx) => getConcept(tx, concept))).toBeNull();
		});
	});

	describe('saving', () => {
		it('appends a version per save and refuses a save over a version already replaced', async () => {
			const first = await db().as(w.a1, (tx) =>
				saveConcept(tx, concept, { version: 0, content: content() })
			);
			expect(first.version).toBe(1);
			// A teammate still on version 0: refused, nothing overwritten.
			expect(
				await refused(db(), w.a2, 'select public.concept_save($1, 0, $2::text::jsonb)', [
					concept,
					JSON.stringify(content({ title: 'Overwrite' }))
				])
			).toBe('concept_conflict');
			const second = await db().as(w.a2, (tx) =>
				saveConcept(tx, concept, { version: 1, content: content({ summary: 'A better one.' }) })
			);
			expect(second.version).toBe(2);
			const versions = await db().as(w.a1, (tx) => versionsNumbered(tx, concept, [1, 2, 3]));
			expect(versions.map((v) => [v.version, v.title, v.summary])).toEqual([
				[2, 'Job coach in your pocket', 'A better one.'],
				[1, 'Job coach in your pocket', 'A mobile coach for job seekers.']
			]);
			const listed = await db().as(w.a1, (tx) => versionsPage(tx, concept, 1));
			expect([listed.total, listed.latest, listed.items.map((v) => v.version)]).toEqual([
				2,
				2,
				[2, 1]
			]);
		});

		it('lists many versions a page at a time, newest first, and reads only the two compared (issue 16)', async () => {
			// 128 more versions as autosaves leave them, set aside again after the test.
			await db().service('test: many versions', (tx) =>
				tx.query(
					`insert into public.concept_versions (concept_id, version, title, summary, description, plan, budget, saved_by)
					 select concept_id, i, title, summary, description, plan, budget, saved_by
					 from public.concept_versions, generate_series(3, 130) i
					 where concept_id = $1 and version = 2`,
					[concept]
				)
			);
			try {
				const read = (page: number) => db().as(w.a2, (tx) => versionsPage(tx, concept, page));
				const pages = [await read(1), await read(2), await read(3)];
				expect(pages.map((p) => [p.total, p.latest, p.pages, p.items.length])).toEqual([
					[130, 130, 3, 50],
					[130, 130, 3, 50],
					[130, 130, 3, 30]
				]);
				expect(pages.flatMap((p) => p.items.map((v) => v.version))).toEqual(
					Array.from({ length: 130 }, (_, i) => 130 - i)
				);
				expect((await read(8)).page).toBe(3);
				const compared = await db().as(w.a2, (tx) => versionsNumbered(tx, concept, [1, 130, 999]));
				expect(compared.map((v) => v.version)).toEqual([130, 1]);
				const other = await db().as(w.b1, (tx) => versionsPage(tx, concept, 1));
				expect([other.total, other.items]).toEqual([0, []]);
			} finally {
				await db().service('test: many versions set aside', (tx) =>
					tx.query('delete from public.concept_versions where concept_id = $1 and version > 2', [
						concept
					])
				);
			}
		});

		// The same cases through the domain's schema and the database: both refuse with the same code.
		const bad: [string, Record<string, unknown>][] = [
			['concept_budget_cents_invalid', { budget: [{ item: 'x', cents: -1 }] }],
			['concept_budget_cents_invalid', { budget: [{ item: 'x', cents: 1.5 }] }],
			['concept_budget_item_blank', { budget: [{ item: '  ', cents: 10 }] }],
			['concept_text_too_long', { title: 'x'.repeat(201) }],
			['concept_text_too_long', { summary: 'x'.repeat(1001) }],
			[
				'concept_budget_too_long',
				{ budget: Array.from({ length: 51 }, () => ({ item: 'x', cents: 1 })) }
			]
		];
		it.each(bad)('refuses %s in the domain and the database alike', async (code, over) => {
			const parsed = conceptContentSchema.safeParse(content(over));
			expect(parsed.success).toBe(false);
			expect(parsed.error!.issues[0].message).toBe(code);
			expect(
				await refused(db(), w.a1, 'select public.concept_save($1, 2, $2::text::jsonb)', [
					concept,
					JSON.stringify(content(over))
				])
			).toBe(code);
			expect((await db().as(w.a1, (tx) => getConcept(tx, concept)))!.version).toBe(2);
		});
	});

	describe('lineage', () => {
		it('offers the notes and clusters the team sees, narrowed by words', async () => {
			const offered = async (words: string[] = []) => {
				const view = await db().as(w.a1, (tx) => getConcept(tx, concept, words));
				const { options, shown, total } = view!.boardElements;
				return { ids: options.map((e) => e.elementId).sort(), shown, total };
			};
			// Not team B's board, not a hidden note. (Both workshops start at once: order is
			// tested below, within one.)
			expect(await offered()).toEqual({
				ids: [NOTE_SHARED, NOTE_A, CLUSTER].sort(),
				shown: 3,
				total: 3
			});
			// Case and accents aside, every word must be found.
			expect(await offered(['tuesday'])).toEqual({ ids: [NOTE_SHARED], shown: 1, total: 1 });
			expect(await offered(['tuesday', 'pilot'])).toEqual({ ids: [], shown: 0, total: 0 });
		});

		it('links its own idea and a note and cluster it could see, labels frozen', async () => {
			await db().as(w.a1, async (tx) => {
				await tx.query('select public.concept_link_idea($1, 1)', [concept]);
				await tx.query(`select public.concept_link_board($1, 'board_note', $2, $3)`, [
					concept,
					w.shared,
					NOTE_SHARED
				]);
				await tx.query(`select public.concept_link_board($1, 'board_note', $2, $3)`, [
					concept,
					w.boardA,
					NOTE_A
				]);
				await tx.query(`select public.concept_link_board($1, 'board_cluster', $2, $3)`, [
					concept,
					w.shared,
					CLUSTER
				]);
			});
			// The note changes afterwards: the link keeps what it said.
			await db().service('test: the board moves on', (tx) =>
				tx.query(`update public.board_notes set body = 'Changed later' where id = $1`, [
					NOTE_SHARED
				])
			);
			const view = await db().as(w.a2, (tx) => getConcept(tx, concept));
			expect(view!.links.map((l) => [l.kind, l.label])).toEqual([
				['idea', 'Pocket coach'],
				['board_note', 'Coaches meet on Tuesdays'],
				['board_note', 'Our pilot with ten seekers'],
				['board_cluster', 'Mentoring']
			]);
			// What is linked is no longer offered.
			expect(view!.boardElements).toEqual({ options: [], shown: 0, total: 0 });
		});

		it('offers the first 200 of many notes, says how many, and words find the rest', async () => {
			await db().service('test: a long series of workshops', (tx) =>
				tx.query(
					`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, added_seq)
					 select $1, gen_random_uuid(), $2, 'Havainto ' || i, 'yellow', 0, 0, 100 + i
					 from generate_series(1, 230) i`,
					[w.shared, w.a1.id]
				)
			);
			const read = (words: string[]) =>
				db().as(w.a1, async (tx) => (await getConcept(tx, concept, words))!.boardElements);
			const all = await read([]);
			expect([all.shown, all.total, all.options.length]).toEqual([CHOICE_MAX, 230, CHOICE_MAX]);
			expect(all.options.at(-1)!.label).toBe(`Havainto ${CHOICE_MAX}`);
			// "havainto 22" is in 22, 122 and 220–229: twelve, ten of them past the first 200.
			const found = await read(['havainto', '22']);
			expect(found.options.map((e) => e.label)).toEqual(
				['22', '122', ...Array.from({ length: 10 }, (_, i) => `22${i}`)].map((n) => `Havainto ${n}`)
			);
			expect([found.shown, found.total]).toEqual([12, 12]);
		});

		it("refuses another team's board, a hidden note, another idea and a second link", async () => {
			const link = (kind: string, board: string, el: string) =>
				refused(db(), w.a1, 'select public.concept_link_board($1, $2, $3, $4)', [
					concept,
					kind,
					board,
					el
				]);
			expect(await link('board_note', w.boardB, NOTE_B)).toBe('concept_unknown_element');
			expect(await link('board_note', w.shared, NOTE_HIDDEN)).toBe('concept_unknown_element');
			expect(await link('board_cluster', w.shared, NOTE_SHARED)).toBe('concept_unknown_element');
			expect(await link('board_note', w.shared, NOTE_SHARED)).toBe('concept_link_exists');
			expect(await link('idea', w.shared, NOTE_SHARED)).toBe('concept_bad_input');
			expect(await refused(db(), w.a1, 'select public.concept_link_idea($1, 3)', [concept])).toBe(
				'concept_unknown_idea'
			);
			expect(await refused(db(), w.b1, 'select public.concept_link_idea($1, 2)', [concept])).toBe(
				'concept_unknown'
			);
		});
	});

	describe('final tender', () => {
		let tender: string;

		it('refuses a price missing, zero or negative where price is scored, and a stale version', async () => {
			const submit = (version: number, price: number | null) =>
				refused(db(), w.a1, 'select public.submit_final_tender($1, $2, $3)', [
					concept,
					version,
					price
				]);
			expect(await submit(2, null)).toBe('concept_price_missing');
			expect(await submit(2, 0)).toBe('concept_price_invalid');
			expect(await submit(2, -500)).toBe('concept_price_invalid');
			expect(await submit(1, 12_000_000)).toBe('concept_conflict');
			// Issue 17: a summary of one invisible character is no summary.
			const [{ summary }] = await db().service('test: the summary', (tx) =>
				tx.query<{ summary: string }>('select summary from public.concepts where id = $1', [
					concept
				])
			);
			const setSummary = (text: string) =>
				db().service('test: an invisible summary', (tx) =>
					tx.query('update public.concepts set summary = $2 where id = $1', [concept, text])
				);
			for (const invisible of ['\u200b', '\u00a0', '\u2060', '\ufeff', '\u200b\u00a0 \u2060']) {
				await setSummary(invisible);
				expect(await submit(2, 12_000_000)).toBe('concept_incomplete');
			}
			await setSummary(summary);
			// The same rule in the domain (the form checks it before asking).
			expect(priceIssue(30, null)).toBe('concept_price_missing');
			expect(priceIssue(30, 0)).toBe('concept_price_invalid');
			expect(priceIssue(30, -500)).toBe('concept_price_invalid');
			expect(priceIssue(0, 100)).toBe('concept_price_not_asked');
			expect(await db().as(w.a1, (tx) => listChallengeTenders(tx, w.challenge.id))).toMatchObject({
				tenders: []
			});
		});

		it('freezes the concept at submission with a digest that matches, and mails the receipt', async () => {
			await drainOutbox(db());
			await db().service('test: the team works in Swedish', (tx) =>
				tx.query(`update public.teams set lang = 'sv' where id = $1`, [w.teamA.id])
			);
			tender = await db().as(w.a1, (tx) => submitFinalTender(tx, concept, 2, 12_000_000));
			const t = await db().as(w.a2, (tx) => readFinalTender(tx, tender));
			expect(t).toMatchObject({ version: 2, priceCents: 12_000_000, withdrawnAt: null });
			expect(t!.snapshot).toMatchObject({
				title: 'Job coach in your pocket',
				summary: 'A better one.',
				priceCents: 12_000_000,
				version: 2
			});
			expect(t!.snapshot.links.map((l) => l.label)).toContain('Coaches meet on Tuesdays');
			// The digest is the SHA-256 of the snapshot's text, and the domain rebuilds it.
			expect(t!.digest).toBe(createHash('sha256').update(t!.snapshotText, 'utf8').digest('hex'));
			expect(snapshotDigest(JSON.parse(t!.snapshotText))).toBe(t!.digest);

			const mails = await drainOutbox(db());
			const receipts = mails.filter((m) => m.text.includes(t!.digest));
			expect(receipts.map((m) => m.to).sort()).toEqual([w.a1.email, w.a2.email].sort());
			expect(receipts[0].subject).toMatch(/Kvitto/);
		});

		it('stays frozen when the concept changes afterwards', async () => {
			await db().as(w.a1, (tx) =>
				saveConcept(tx, concept, { version: 2, content: content({ title: 'Changed after' }) })
			);
			await db().as(w.a1, (tx) => tx.query('select public.concept_link_idea($1, 2)', [concept]));
			const t = await db().as(w.a1, (tx) => readFinalTender(tx, tender));
			expect(t!.snapshot.title).toBe('Job coach in your pocket');
			expect(t!.snapshot.links).toHaveLength(4);
			expect(snapshotDigest(t!.snapshot)).toBe(t!.digest);
			expect(
				await refused(db(), w.a1, 'select public.submit_final_tender($1, 3, 100)', [concept])
			).toBe('concept_already_submitted');
		});

		it('is sealed from the owner until the deadline: only its number shows', async () => {
			const list = await db().as(w.owner, (tx) => listChallengeTenders(tx, w.challenge.id));
			expect(list).toMatchObject({ sealed: 1, tenders: [] });
			expect(await db().as(w.owner, (tx) => readFinalTender(tx, tender))).toBeNull();
			expect(await db().as(w.b1, (tx) => readFinalTender(tx, tender))).toBeNull();
		});

		it('is withdrawn and submitted again until the deadline', async () => {
			await db().as(w.a2, (tx) => withdrawFinalTender(tx, concept));
			expect(await refused(db(), w.a2, 'select public.withdraw_final_tender($1)', [concept])).toBe(
				'concept_not_submitted'
			);
			const again = await db().as(w.a2, (tx) => submitFinalTender(tx, concept, 3, 11_000_000));
			const view = await db().as(w.a1, (tx) => getConcept(tx, concept));
			expect(view!.tenders.map((t) => [t.id, t.withdrawnAt === null])).toEqual([
				[again, true],
				[tender, false]
			]);
			tender = again;
		});

		it('refuses everything after the deadline by the database clock, then unseals', async () => {
			// The application page offers to start a concept only while this holds.
			expect(await db().as(w.a1, (tx) => conceptsOpen(tx, w.appA))).toBe(true);
			// Asked by the application's id: nothing to say about one the caller cannot see.
			expect(await db().as(w.b1, (tx) => conceptsOpen(tx, w.appA))).toBe(false);
			await db().service('test: the concepts deadline passed a second ago', (tx) =>
				tx.query(
					`update public.challenge_stages set ends_at = now() - interval '1 second'
					 where challenge_id = $1 and stage = 'concepts'`,
					[w.challenge.id]
				)
			);
			expect(await refused(db(), w.a1, 'select public.withdraw_final_tender($1)', [concept])).toBe(
				'concept_closed'
			);
			expect(await db().as(w.a1, (tx) => conceptsOpen(tx, w.appA))).toBe(false);
			expect(
				await refused(db(), w.a1, 'select public.concept_save($1, 3, $2::text::jsonb)', [
					concept,
					JSON.stringify(content())
				])
			).toBe('concept_closed');
			expect(
				await refused(db(), w.a1, 'select public.submit_final_tender($1, 3, 100)', [concept])
			).toBe('concept_closed');
			const list = await db().as(w.owner, (tx) => listChallengeTenders(tx, w.challenge.id));
			expect(list.sealed).toBe(0);
			expect(list.tenders.map((t) => [t.id, t.priceCents])).toEqual([[tender, 11_000_000]]);
			expect(
				(await db().as(w.owner, (tx) => readFinalTender(tx, tender)))!.snapshot.team.name
			).toBe((await db().as(w.a1, (tx) => getConcept(tx, concept)))!.team.name);
		});

		it('takes no price where price is not scored', async () => {
			await db().service('test: no price share, open again', async (tx) => {
				await tx.query('update public.challenges set price_share = 0 where id = $1', [
					w.challenge.id
				]);
				await tx.query(
					`update public.challenge_stages set ends_at = now() + interval '1 day'
					 where challenge_id = $1 and stage = 'concepts'`,
					[w.challenge.id]
				);
			});
			await db().as(w.a1, (tx) => withdrawFinalTender(tx, concept));
			expect(
				await refused(db(), w.a1, 'select public.submit_final_tender($1, 3, 100)', [concept])
			).toBe('concept_price_not_asked');
			const id = await db().as(w.a1, (tx) => submitFinalTender(tx, concept, 3, null));
			expect((await db().as(w.a1, (tx) => readFinalTender(tx, id)))!.priceCents).toBeNull();
		});
	});
});
