import { beforeAll, describe, expect, it } from 'vitest';
import { canReadEvidence } from '../../src/lib/server/evidence';
import { findDocument } from '../../src/lib/server/applications/documents';
import { loadDashboard } from '../../src/lib/server/dashboard';
import {
	acceptJuryInvitation,
	commentOnItem,
	declareConflicts,
	declareNoneRemaining,
	getJurorStage,
	juryInvitationPreview,
	listMyJuries,
	openJurorItem,
	reviseScore,
	scoreItem
} from '../../src/lib/server/jury/juror';
import { juryRefusal } from '../../src/lib/server/http/jury-refusals';
import { pointsField, justificationField } from '../../src/lib/domain/jury/score-form';
import type { ItemStatusChoice } from '../../src/lib/domain/jury/item-filter';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { inviteJuror, shortlistingCriteria } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The juror's side of the jury (issue 13, "Jurors can") through the capability the pages
 * call (src/lib/server/jury/juror.ts), as the juror under RLS: accept, list, declare,
 * open an item as frozen with its files, score, see others' scores when allowed, comment
 * and revise; and the reads of 20261206000200_juror_reads.sql (a conflicted juror opens
 * no file of the item).
 */
type User = { id: string; email: string };

/** The jury refusal code a call was refused with, or 'ok'. */
async function refusedWith(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		return juryRefusal(e)?.code ?? String(e);
	}
}

describeEachDatabase('juror', (db) => {
	let s: ScreeningScenario;
	let j1: User, j2: User;
	let impact: string, feasibility: string;
	let token: string;
	const A = () => s.appA.id;
	const B = () => s.appB.id;
	/** The form a juror posts for the two criteria. */
	const form = (a: string, b: string, why = 'Clear plan, tested with users.') => ({
		[pointsField(impact)]: a,
		[justificationField(impact)]: why,
		[pointsField(feasibility)]: b,
		[justificationField(feasibility)]: why
	});
	/** The key of the document an application was submitted with. */
	const documentOf = async (app: string) => {
		const [row] = await db().service('test: document of', (tx) =>
			tx.query<{ id: string; key: string }>(
				'select id, file_key as key from public.application_documents where application_id = $1',
				[app]
			)
		);
		return row;
	};

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		j1 = await createUser(db(), 'Juho Juror');
		j2 = await createUser(db(), 'Jaana Juror');
		[impact, feasibility] = await shortlistingCriteria(db(), s);
	});

	describe('the invitation', () => {
		it('is previewed by the link alone and accepted only by the invited address', async () => {
			token = await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', j1.email);
			const preview = await db().as(null, (tx) => juryInvitationPreview(tx, token));
			expect(preview).toMatchObject({
				// The procedure names the stage on the page (issue 16: stageLabel).
				procedure: 'open_challenge',
				stage: 'shortlisting',
				invitedEmail: j1.email,
				status: 'open'
			});
			expect(preview!.title).toBeTypeOf('object');
			expect(await db().as(null, (tx) => juryInvitationPreview(tx, 'x'.repeat(32)))).toBeNull();
			expect(await db().as(s.outsider, (tx) => acceptJuryInvitation(tx, token))).toEqual({
				outcome: 'wrong_account'
			});
			expect(await db().as(j1, (tx) => acceptJuryInvitation(tx, token))).toEqual({
				outcome: 'accepted',
				challengeId: s.challenge.id,
				stage: 'shortlisting'
			});
			expect(await db().as(j1, (tx) => acceptJuryInvitation(tx, token))).toEqual({
				outcome: 'used'
			});
			const second = await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', j2.email);
			expect((await db().as(j2, (tx) => acceptJuryInvitation(tx, second))).outcome).toBe(
				'accepted'
			);
		});
	});

	describe('conflicts', () => {
		it('shows each item’s team and organisations before any item opens', async () => {
			expect(
				await refusedWith(() =>
					db().as(s.outsider, (tx) => getJurorStage(tx, s.challenge.id, 'shortlisting', 'en'))
				)
			).toBe('jury_not_juror');
			const stage = await db().as(j1, (tx) =>
				getJurorStage(tx, s.challenge.id, 'shortlisting', 'en')
			);
			expect(stage!.candidates.items.map((c) => c.item).sort()).toEqual([A(), B()].sort());
			expect(stage!.candidates.items.every((c) => c.conflict === null)).toBe(true);
			expect(stage!.assigned.items).toEqual([]);
			expect(stage!.undeclared).toBe(2);
			expect(stage!.scoreStep).toBe(0.5);
			const [juries] = await db().as(j1, (tx) => listMyJuries(tx));
			expect(juries).toMatchObject({ items: 2, declared: 0, assigned: 0, submitted: 0 });
		});

		it('records a conflict (final) and declares none for the rest', async () => {
			expect(
				await db().as(j2, (tx) =>
					declareConflicts(tx, s.challenge.id, 'shortlisting', [{ item: B(), conflict: true }])
				)
			).toBe(1);
			expect(
				await refusedWith(() =>
					db().as(j2, (tx) =>
						declareConflicts(tx, s.challenge.id, 'shortlisting', [{ item: B(), conflict: false }])
					)
				)
			).toBe('jury_conflict_final');
			expect(
				await db().as(j2, (tx) => declareNoneRemaining(tx, s.challenge.id, 'shortlisting'))
			).toBe(1);
			expect(
				await db().as(j1, (tx) => declareNoneRemaining(tx, s.challenge.id, 'shortlisting'))
			).toBe(2);
			const stage = await db().as(j2, (tx) =>
				getJurorStage(tx, s.challenge.id, 'shortlisting', 'en')
			);
			const byItem = Object.fromEntries(stage!.candidates.items.map((c) => [c.item, c]));
			expect(byItem[B()].conflict).toBe(true);
			expect(byItem[A()].conflict).toBe(false);
			expect(byItem[B()].declaredAt).toBeInstanceOf(Date);
		});
	});

	describe('opening and scoring an item', () => {
		beforeAll(async () => {
			const ids = await db().service('test: juror ids', (tx) =>
				tx.query<{ id: string; user_id: string }>(
					'select id, user_id from public.jury_members where challenge_id = $1',
					[s.challenge.id]
				)
			);
			const juror = (u: User) => ids.find((r) => r.user_id === u.id)!.id;
			await db().as(s.owner, (tx) =>
				tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
					s.challenge.id,
					'shortlisting',
					[
						{ juror: juror(j1), item: A() },
						{ juror: juror(j1), item: B() },
						{ juror: juror(j2), item: A() }
					]
				])
			);
		});

		it('lists the assigned items with their status', async () => {
			const stage = await db().as(j2, (tx) =>
				getJurorStage(tx, s.challenge.id, 'shortlisting', 'en')
			);
			expect(stage!.assigned.items).toEqual([
				{ item: A(), teamName: expect.any(String), status: 'not_started' }
			]);
		});

		it('refuses a conflicted or unassigned item in words, and reads nothing of it', async () => {
			const open = (who: User, item: string) => () =>
				db().as(who, (tx) => openJurorItem(tx, s.challenge.id, 'shortlisting', item));
			expect(await refusedWith(open(j2, B()))).toBe('jury_conflicted');
			expect(await refusedWith(open(s.outsider, A()))).toBe('jury_not_juror');
			expect(await refusedWith(open(j1, s.draftA.id))).toBe('jury_unknown_item');
			// The item of another challenge or stage is not this page's: null (404).
			expect(
				await db().as(j1, (tx) => openJurorItem(tx, s.secondChallenge.id, 'shortlisting', A()))
			).toBeNull();
		});

		it('opens the item as frozen, with its files for this juror only', async () => {
			const item = await db().as(j1, (tx) =>
				openJurorItem(tx, s.challenge.id, 'shortlisting', A())
			);
			if (item?.kind !== 'application') throw new Error('an application is scored at shortlisting');
			expect(item.snapshot.team.name).toBeTruthy();
			expect(item.teamName).toBe(item.snapshot.team.name);
			expect(item.snapshot.ideas.length).toBe(3);
			expect(item.snapshot.answers.length).toBe(2);
			expect(item!.criteria.map((c) => [c.maxPoints, c.mine])).toEqual([
				[30, null],
				[10, null]
			]);
			expect(item!.others).toEqual([]);
			const docA = await documentOf(A());
			const docB = await documentOf(B());
			expect(await db().as(j1, (tx) => canReadEvidence(tx, docA.key))).toBe(true);
			expect(await db().as(j1, (tx) => findDocument(tx, A(), docA.id))).not.toBeNull();
			// j2 declared a conflict on B: none of its files, however asked.
			expect(await db().as(j2, (tx) => canReadEvidence(tx, docB.key))).toBe(false);
			expect(await db().as(j2, (tx) => findDocument(tx, B(), docB.id))).toBeNull();
			expect(await db().as(j2, (tx) => canReadEvidence(tx, docA.key))).toBe(true);
			// Not the team's other files either: its projects' and work history's rows.
			const seen = await db().as(j2, (tx) =>
				tx.query('select id from public.team_projects where team_id = $1', [s.teamB.id])
			);
			expect(seen).toEqual([]);
		});

		it('checks the form as the database does, then saves a draft and submits', async () => {
			const save = (who: User, raw: Record<string, string>, submit: boolean) =>
				db().as(who, (tx) => scoreItem(tx, 'shortlisting', A(), raw, submit));
			expect(await save(j1, form('31', '7.3', ''), false)).toEqual({
				ok: false,
				errors: {
					[pointsField(impact)]: 'jury_refusal_score_above_max',
					[pointsField(feasibility)]: 'jury_refusal_score_off_step'
				}
			});
			expect(await save(j1, form('abc', '', ''), false)).toEqual({
				ok: false,
				errors: { [pointsField(impact)]: 'juror_points_not_a_number' }
			});
			expect(await save(j1, form('22,5', '', ''), false)).toEqual({ ok: true });
			expect(await save(j1, form('22.5', '7', ' '), true)).toEqual({
				ok: false,
				errors: {
					[justificationField(impact)]: 'jury_refusal_justification_missing',
					[justificationField(feasibility)]: 'jury_refusal_justification_missing'
				}
			});
			let item = await db().as(j1, (tx) => openJurorItem(tx, s.challenge.id, 'shortlisting', A()));
			expect(item!.criteria.map((c) => c.mine && [c.mine.points, c.mine.state])).toEqual([
				[22.5, 'draft'],
				[null, 'draft']
			]);
			expect(await save(j1, form('22.5', '7'), true)).toEqual({ ok: true });
			expect(await refusedWith(() => save(j1, form('20', '7'), true))).toBe(
				'jury_already_submitted'
			);
			item = await db().as(j1, (tx) => openJurorItem(tx, s.challenge.id, 'shortlisting', A()));
			expect(item!.criteria.every((c) => c.mine?.state === 'submitted')).toBe(true);
			// A forged post on the conflicted item is refused by the database, nothing saved.
			expect(
				await refusedWith(() =>
					db().as(j2, (tx) => scoreItem(tx, 'shortlisting', B(), form('1', '1'), false))
				)
			).toBe('jury_conflicted');
		});

		it("shows the others' submitted scores only once the juror has submitted all their own", async () => {
			expect(
				await db().as(j2, (tx) => scoreItem(tx, 'shortlisting', A(), form('10', '2'), false))
			).toEqual({
				ok: true
			});
			const j2item = () =>
				db().as(j2, (tx) => openJurorItem(tx, s.challenge.id, 'shortlisting', A()));
			expect((await j2item())!.others).toEqual([]);
			// j1 has B still to score: sees no one else's yet.
			expect(
				await db().as(j2, (tx) => scoreItem(tx, 'shortlisting', A(), form('10', '2'), true))
			).toEqual({
				ok: true
			});
			const afterSubmit = await j2item();
			expect(afterSubmit!.others.map((o) => [o.juror, o.points])).toEqual(
				expect.arrayContaining([
					[1, 7],
					[1, 22.5]
				])
			);
			expect(afterSubmit!.others.length).toBe(2);
			const j1item = await db().as(j1, (tx) =>
				openJurorItem(tx, s.challenge.id, 'shortlisting', A())
			);
			expect(j1item!.others).toEqual([]);
			const [progress] = await db().as(j2, (tx) => listMyJuries(tx));
			expect(progress).toMatchObject({
				items: 2,
				declared: 2,
				conflicts: 1,
				assigned: 1,
				submitted: 1
			});
		});
		it('narrows the assigned items to a status in the query, and counts every status', async () => {
			const read = (status: ItemStatusChoice) =>
				db().as(j1, (tx) => getJurorStage(tx, s.challenge.id, 'shortlisting', 'en', status));
			const all = await read('all');
			const counts = {
				all: 2,
				not_declared: 0,
				not_started: 1,
				draft: 0,
				submitted: 1,
				conflicted: 0
			};
			expect(all!.counts).toEqual(counts);
			expect((await read('submitted'))!.assigned.items.map((a) => [a.item, a.status])).toEqual([
				[A(), 'submitted']
			]);
			expect((await read('not_started'))!.assigned.items.map((a) => a.item)).toEqual([B()]);
			const none = await read('draft');
			expect(none!.assigned).toEqual({ items: [], page: 1, pages: 1, total: 0 });
			// The counts and the declarations are the whole stage's, whatever is shown.
			expect(none!.counts).toEqual(counts);
			expect(none!.candidates).toEqual(all!.candidates);
			// Another juror's items are not counted: j2 has A only, submitted.
			const other = await db().as(j2, (tx) =>
				getJurorStage(tx, s.challenge.id, 'shortlisting', 'en', 'not_started')
			);
			expect(other!.assigned.items).toEqual([]);
			expect(other!.counts).toMatchObject({ all: 1, submitted: 1, not_started: 0 });
		});
		it('pages both lists in the database, in the same order as whole, the nearest page when out of range', async () => {
			const page = (declare: number, items: number) =>
				db().as(j1, (tx) =>
					getJurorStage(tx, s.challenge.id, 'shortlisting', 'en', 'all', { declare, items }, 1)
				);
			const whole = await db().as(j1, (tx) =>
				getJurorStage(tx, s.challenge.id, 'shortlisting', 'en')
			);
			const [first, second, beyond] = [await page(1, 2), await page(2, 1), await page(9, 9)];
			expect(first!.candidates).toMatchObject({ page: 1, pages: 2, total: 2 });
			expect(first!.assigned).toMatchObject({ page: 2, pages: 2, total: 2 });
			expect([...first!.candidates.items, ...second!.candidates.items]).toEqual(
				whole!.candidates.items
			);
			expect([...second!.assigned.items, ...first!.assigned.items]).toEqual(whole!.assigned.items);
			expect(beyond!.candidates.items).toEqual(second!.candidates.items);
			expect(beyond!.assigned.page).toBe(2);
			// What is left to declare counts every page, not the one shown.
			expect(first!.undeclared).toBe(whole!.undeclared);
		});
	});

	describe('the consensus step', () => {
		it('refuses comments and revisions before it opens, then keeps them with reason and time', async () => {
			const item = await db().as(j1, (tx) =>
				openJurorItem(tx, s.challenge.id, 'shortlisting', A())
			);
			const mine = item!.criteria[0].mine!;
			const revise = (raw: Record<string, string>) =>
				db().as(j1, (tx) => reviseScore(tx, 'shortlisting', A(), raw));
			expect(
				await refusedWith(() => db().as(j1, (tx) => commentOnItem(tx, 'shortlisting', A(), 'Why?')))
			).toBe('jury_consensus_not_open');
			expect(
				await refusedWith(() =>
					revise({ score: mine.id, points: '25', justification: 'Rethought.', reason: 'Talked' })
				)
			).toBe('jury_consensus_not_open');
			await db().as(s.owner, (tx) =>
				tx.query('select public.jury_open_consensus($1, $2)', [s.challenge.id, 'shortlisting'])
			);
			expect(
				await revise({ score: mine.id, points: '25.25', justification: 'x', reason: ' ' })
			).toEqual({
				ok: false,
				errors: { points: 'jury_refusal_score_off_step', reason: 'jury_refusal_reason_missing' }
			});
			// Someone else's score, or none, is refused in the database's words.
			expect(
				await refusedWith(() =>
					revise({ score: s.appA.id, points: '1', justification: 'x', reason: 'y' })
				)
			).toBe('jury_not_juror');
			expect(
				await revise({
					score: mine.id,
					points: '25',
					justification: 'Rethought after the discussion.',
					reason: 'The pilot data convinced me.'
				})
			).toEqual({ ok: true });
			const id = await db().as(j2, (tx) =>
				commentOnItem(tx, 'shortlisting', A(), 'Why 25 on impact?')
			);
			expect(id).toBeTypeOf('string');
			const seenBy = async (who: User) =>
				db().as(who, (tx) => openJurorItem(tx, s.challenge.id, 'shortlisting', A()));
			const j1view = await seenBy(j1);
			expect(j1view!.consensusOpen).toBe(true);
			expect(j1view!.revisions).toMatchObject([
				{ juror: 0, oldPoints: 22.5, newPoints: 25, reason: 'The pilot data convinced me.' }
			]);
			expect(j1view!.comments).toMatchObject([{ juror: 1, body: 'Why 25 on impact?' }]);
			expect(j1view!.others.map((o) => o.points).sort()).toEqual([10, 2]);
			const j2view = await seenBy(j2);
			expect(j2view!.comments).toMatchObject([{ juror: 0 }]);
			expect(j2view!.revisions).toMatchObject([{ juror: 1, newPoints: 25 }]);
		});
	});

	it('puts the juries on the juror’s dashboard', async () => {
		const home = await loadDashboard(db(), j2, 'en');
		expect(home.juries).toMatchObject([{ challengeId: s.challenge.id, stage: 'shortlisting' }]);
		const none = await loadDashboard(db(), s.lead, 'en');
		expect(none.juries).toEqual([]);
	});
});
