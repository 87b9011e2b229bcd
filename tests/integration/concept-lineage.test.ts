import { beforeAll, describe, expect, it } from 'vitest';
import {
	conceptUsesInWorkshop,
	getConcept,
	readFinalTender,
	saveConcept,
	startConcept,
	submitFinalTender
} from '../../src/lib/server/concepts';
import { CLUSTER, conceptWorld, NOTE_A, NOTE_SHARED } from './concept-fixtures';
import { describeEachDatabase } from './databases';

/**
 * Issue 14's lineage from both ends, and issue 12's language of frozen text
 * (supabase/migrations/20261208000300_lineage_lang.sql): a workshop's board shows which
 * concepts build on its notes and clusters only to whom may read those concepts (RLS), and
 * every frozen label keeps its source's language, not the concept team's.
 */

/** A note team B's member wrote in Swedish on the shared board. */
const NOTE_SV = '00000000-0000-4000-8000-0000000000d1';

describeEachDatabase('concept lineage from the board, in its language', (db) => {
	let w: Awaited<ReturnType<typeof conceptWorld>>;
	let concept: string;
	let sharedWorkshop: string;
	let negotiation: string;

	beforeAll(async () => {
		w = await conceptWorld(db());
		await db().service('test fixture: languages of the notes and the team', async (tx) => {
			// Team A works in English; b1 writes in Swedish (the op path's default below).
			await tx.query(`update public.teams set lang = 'en' where id = $1`, [w.teamA.id]);
			await tx.query(`update public.profiles set locale = 'sv' where id = $1`, [w.b1.id]);
			await tx.query(`update public.board_notes set lang = 'fi' where id = $1`, [NOTE_SHARED]);
			await tx.query(`update public.board_clusters set lang = 'fi' where id = $1`, [CLUSTER]);
			const [s] = await tx.query<{ workshop_id: string }>(
				'select workshop_id from public.boards where id = $1',
				[w.shared]
			);
			const [n] = await tx.query<{ workshop_id: string }>(
				'select workshop_id from public.boards where id = $1',
				[w.boardA]
			);
			sharedWorkshop = s.workshop_id;
			negotiation = n.workshop_id;
		});
		// As the board's op path stores a note: a service job with the writer's claims, no
		// language given.
		await db().serviceAs('test: b1 adds a note', w.b1, (tx) =>
			tx.query(
				`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, added_seq)
				 values ($1, $2, $3, 'Handledare träffas på tisdagar', 'blue', 0, 0, 5)`,
				[w.shared, NOTE_SV, w.b1.id]
			)
		);
		concept = await db().as(w.a1, async (tx) => {
			const id = await startConcept(tx, w.appA);
			await saveConcept(tx, id, {
				version: 0,
				content: {
					title: 'Pocket coach',
					summary: 'A coach.',
					description: 'It works.',
					plan: '',
					budget: []
				}
			});
			await tx.query('select public.concept_link_idea($1, 1)', [id]);
			await tx.query(`select public.concept_link_board($1, 'board_note', $2, $3)`, [
				id,
				w.shared,
				NOTE_SV
			]);
			await tx.query(`select public.concept_link_board($1, 'board_note', $2, $3)`, [
				id,
				w.boardA,
				NOTE_A
			]);
			await tx.query(`select public.concept_link_board($1, 'board_cluster', $2, $3)`, [
				id,
				w.shared,
				CLUSTER
			]);
			return id;
		});
	});

	describe('the language of frozen labels', () => {
		it("gives a note its writer's interface language when the op path stores it", async () => {
			const [n] = await db().service('test: read the note', (tx) =>
				tx.query<{ lang: string }>('select lang from public.board_notes where id = $1', [NOTE_SV])
			);
			expect(n.lang).toBe('sv');
		});

		it("marks each label with its source's language, not the team's", async () => {
			const [app] = await db().service('test: the application language', (tx) =>
				tx.query<{ lang: string }>('select lang from public.applications where id = $1', [w.appA])
			);
			const view = await db().as(w.a2, (tx) => getConcept(tx, concept));
			expect(view!.team.lang).toBe('en');
			expect(view!.links.map((l) => [l.kind, l.label, l.lang])).toEqual([
				['idea', 'Pocket coach', app.lang],
				['board_note', 'Handledare träffas på tisdagar', 'sv'],
				['board_note', 'Our pilot with ten seekers', 'fi'],
				['board_cluster', 'Mentoring', 'fi']
			]);
		});

		it('takes the source language whatever an insert says', async () => {
			await db().service('test: a link inserted with a wrong language', (tx) =>
				tx.query(
					`insert into public.concept_links (concept_id, kind, board_id, element_id, label, lang)
					 values ($1, 'board_note', $2, $3, 'Coaches meet on Tuesdays', 'en')`,
					[concept, w.shared, NOTE_SHARED]
				)
			);
			const view = await db().as(w.a1, (tx) => getConcept(tx, concept));
			expect(view!.links.find((l) => l.elementId === NOTE_SHARED)!.lang).toBe('fi');
			await db().as(w.a1, (tx) =>
				tx.query('select public.concept_unlink($1)', [
					view!.links.find((l) => l.elementId === NOTE_SHARED)!.id
				])
			);
		});

		it('freezes each link with its language into the final tender', async () => {
			const tender = await db().as(w.a1, (tx) => submitFinalTender(tx, concept, 1, 9_000_000));
			const t = await db().as(w.a2, (tx) => readFinalTender(tx, tender));
			expect(t!.snapshot.links.map((l) => [l.label, l.lang])).toEqual([
				['Pocket coach', expect.stringMatching(/^(fi|sv|en)$/)],
				['Handledare träffas på tisdagar', 'sv'],
				['Our pilot with ten seekers', 'fi'],
				['Mentoring', 'fi']
			]);
		});

		it("carries each note's language into the workshop summary mail", async () => {
			const [row] = await db().service('test: the board summary', (tx) =>
				tx.query<{ s: { notes: { text: string; lang: string }[] } }>(
					'select private.board_summary($1) as s',
					[w.shared]
				)
			);
			expect(row.s.notes.find((n) => n.text === 'Handledare träffas på tisdagar')?.lang).toBe('sv');
		});
	});

	describe('the lineage from the board', () => {
		const usesIn = (who: typeof w.a1, workshop: string) =>
			db().as(who, (tx) => conceptUsesInWorkshop(tx, workshop));

		it("shows the concept's team which of the board's notes and clusters it builds on", async () => {
			for (const member of [w.a1, w.a2]) {
				const uses = await usesIn(member, sharedWorkshop);
				expect(uses.map((u) => [u.elementId, u.kind, u.conceptId, u.title, u.lang])).toEqual(
					expect.arrayContaining([
						[NOTE_SV, 'board_note', concept, 'Pocket coach', 'en'],
						[CLUSTER, 'board_cluster', concept, 'Pocket coach', 'en']
					])
				);
				expect(uses).toHaveLength(2);
				expect((await usesIn(member, negotiation)).map((u) => u.elementId)).toEqual([NOTE_A]);
			}
		});

		it('shows nothing to the other team, whose note it is, to the facilitator or to outsiders', async () => {
			for (const who of [w.b1, w.facilitator, w.outsider, w.c1]) {
				expect(await usesIn(who, sharedWorkshop)).toEqual([]);
				expect(await usesIn(who, negotiation)).toEqual([]);
			}
		});

		it("shows the owner's side nothing while the final tenders are sealed, then the tendered one", async () => {
			expect(await usesIn(w.owner, sharedWorkshop)).toEqual([]);
			await db().service('test: the concepts deadline passed', (tx) =>
				tx.query(
					`update public.challenge_stages set ends_at = now() - interval '1 second'
					 where challenge_id = $1 and stage = 'concepts'`,
					[w.challenge.id]
				)
			);
			expect((await usesIn(w.owner, sharedWorkshop)).map((u) => u.elementId).sort()).toEqual(
				[NOTE_SV, CLUSTER].sort()
			);
			// Unsealed tenders are the owner's side's, not the facilitator's or other teams'.
			expect(await usesIn(w.facilitator, sharedWorkshop)).toEqual([]);
			expect(await usesIn(w.b1, sharedWorkshop)).toEqual([]);
		});
	});
});
