import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CsvTable } from '../../src/lib/domain/csv';
import { writeCsv } from '../../src/lib/server/csv';
import { applicationsCsv, ideasCsv } from '../../src/lib/server/applications/export';
import {
	getSubmitted,
	listSubmitted,
	saveScreening,
	screeningPage
} from '../../src/lib/server/applications/screening';
import { nextToScreen, screenApplication } from '../../src/lib/server/applications/screening-form';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/** An export as Finnish Excel reads it: written by the one writer, parsed back on `;`. */
function parseCsv(table: CsvTable): string[][] {
	const text = writeCsv(table, 'fi');
	expect(text.startsWith('\uFEFF')).toBe(true);
	return parse(text.slice(1), { delimiter: ';' });
}

describeEachDatabase('screening and export', (db) => {
	let s: ScreeningScenario;
	let colleague: { id: string; email: string };
	const outboxCount = async () =>
		(
			await db().service('test: outbox', (tx) =>
				tx.query<{ n: number }>('select count(*)::int as n from private.mail_outbox')
			)
		)[0].n;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		colleague = await createUser(db(), 'Cecilia Colleague');
		await db().service('test: colleague', (tx) =>
			tx.query(
				`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'member')`,
				[s.org.id, colleague.id]
			)
		);
		// Screening is for the challenge's team (issue 10, item 24): the chair adds the colleague.
		await db().as(s.owner, (tx) =>
			tx.query("select public.add_challenge_team_member($1, $2, 'member')", [
				s.challenge.id,
				colleague.id
			])
		);
	});

	describe('listing', () => {
		it('shows the owner the submitted applications of the challenge, never drafts', async () => {
			const rows = await db().as(s.owner, (tx) => listSubmitted(tx, s.challenge.id, 'en'));
			expect(rows.map((r) => r.id).sort()).toEqual([s.appA.id, s.appB.id].sort());
			const a = rows.find((r) => r.id === s.appA.id)!;
			expect(a.eligible).toBe(true);
			expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
			expect(rows.find((r) => r.id === s.appB.id)!.eligible).toBeNull();
			const drafts = await db().as(s.owner, (tx) => listSubmitted(tx, s.secondChallenge.id, 'en'));
			expect(drafts).toEqual([]);
		});

		it('pages the list in its order, each row with its coverage, the counts of the whole list', async () => {
			const none = { all: 0, unscreened: 0, eligible: 0, ineligible: 0 };
			const [order, pages] = await db().as(s.owner, async (tx) => [
				await listSubmitted(tx, s.challenge.id, 'en'),
				[
					await screeningPage(tx, s.challenge.id, 'en', 1, NO_FILTER, 1),
					await screeningPage(tx, s.challenge.id, 'en', 2, NO_FILTER, 1),
					await screeningPage(tx, s.challenge.id, 'en', 7, NO_FILTER, 1)
				]
			]);
			expect(pages.map((p) => p.items.map((a) => a.id))).toEqual([
				[order[0].id],
				[order[1].id],
				[order[1].id]
			]);
			expect(
				pages.map(({ page, pages, total, counts }) => [page, pages, total, counts.unscreened])
			).toEqual([
				[1, 2, 2, 1],
				[2, 2, 2, 1],
				[2, 2, 2, 1]
			]);
			// Coverage as the frozen snapshot says it, read for the page's rows only.
			expect(pages.slice(0, 2).map((p) => typeof p.items[0].coverageOk)).toContain('boolean');
			for (const p of pages.slice(0, 2)) {
				const [row] = p.items;
				const app = await db().as(s.owner, (tx) => getSubmitted(tx, s.challenge.id, row.id));
				expect(row.coverageOk).toBe(app?.snapshot.coverage?.ok ?? null);
			}
			expect(
				await db().as(s.otherOwner, (tx) => screeningPage(tx, s.challenge.id, 'en', 1))
			).toEqual({ items: [], page: 1, pages: 1, total: 0, counts: none, found: none });
		});

		it('shows nothing to another organisation', async () => {
			expect(await db().as(s.otherOwner, (tx) => listSubmitted(tx, s.challenge.id, 'en'))).toEqual(
				[]
			);
			expect(
				await db().as(s.otherOwner, (tx) => getSubmitted(tx, s.challenge.id, s.appA.id))
			).toBeNull();
		});

		it('opens an application from its frozen snapshot', async () => {
			const app = await db().as(s.owner, (tx) => getSubmitted(tx, s.challenge.id, s.appA.id));
			expect(app?.snapshot.team.members.map((x) => x.id).sort()).toEqual(
				[s.lead.id, s.member.id].sort()
			);
			expect(app?.snapshot.ideas).toHaveLength(3);
			expect(app?.snapshot.coverage?.areas.length).toBe(2);
			expect(app?.marks).toHaveLength(2);
			// Not of this challenge: not found here.
			expect(
				await db().as(s.owner, (tx) => getSubmitted(tx, s.secondChallenge.id, s.appA.id))
			).toBeNull();
		});
	});

	describe('screening', () => {
		const [yes, no] = ['yes', 'no'];

		it('refuses a decision that does not hold, saying why by field', async () => {
			const [r1, r2] = s.challenge.requirementIds;
			const outcome = await db().as(s.owner, (tx) =>
				screenApplication(
					tx,
					s.challenge.id,
					s.appB.id,
					{
						[`met_${r1}`]: no,
						[`met_${r2}`]: yes,
						decision: 'eligible',
						justification: ''
					},
					'en'
				)
			);
			expect(outcome).toEqual({
				ok: false,
				errors: {
					[`reason_${r1}`]: 'error_reason_for_unmet',
					justification: 'error_justification_required',
					decision: 'error_eligible_with_unmet'
				}
			});
		});

		it('records marks without a decision, previews a decision, then records it in the decider’s name', async () => {
			const [r1, r2] = s.challenge.requirementIds;
			const marks = {
				[`met_${r1}`]: no,
				[`reason_${r1}`]: 'No liability insurance.',
				[`met_${r2}`]: yes
			};
			expect(
				await db().as(s.owner, (tx) =>
					screenApplication(tx, s.challenge.id, s.appB.id, marks, 'en')
				)
			).toEqual({ ok: true, decided: false });
			const decision = { ...marks, decision: 'ineligible', justification: 'No insurance.' };
			// Unconfirmed: nothing saved, nothing mailed; the preview is the mail the team gets.
			const mailsBefore = await outboxCount();
			const preview = await db().as(s.owner, (tx) =>
				screenApplication(tx, s.challenge.id, s.appB.id, decision, 'en')
			);
			expect(preview).toMatchObject({
				ok: 'preview',
				preview: { eligible: false, justification: 'No insurance.' }
			});
			if (preview?.ok !== 'preview') throw new Error('no preview');
			expect(preview.preview.mail.text).toContain('was found not eligible');
			expect(preview.preview.marks).toContainEqual({
				requirementId: r1,
				met: false,
				reason: 'No liability insurance.'
			});
			expect(
				(await db().as(s.owner, (tx) => getSubmitted(tx, s.challenge.id, s.appB.id)))?.screening
			).toBeNull();
			expect(await outboxCount()).toBe(mailsBefore);
			// The next one still to screen is none other than itself: B is the only one undecided.
			expect(
				await db().as(s.owner, (tx) => nextToScreen(tx, s.challenge.id, s.appA.id, 'en'))
			).toMatchObject({ id: s.appB.id });
			const decided = await db().as(s.owner, (tx) =>
				screenApplication(tx, s.challenge.id, s.appB.id, { ...decision, confirm: '1' }, 'en')
			);
			expect(decided).toEqual({ ok: true, decided: true });
			expect(await outboxCount()).toBeGreaterThan(mailsBefore);
			expect(
				await db().as(s.owner, (tx) => nextToScreen(tx, s.challenge.id, s.appB.id, 'en'))
			).toBeNull();
			const app = await db().as(s.owner, (tx) => getSubmitted(tx, s.challenge.id, s.appB.id));
			expect(app?.screening).toMatchObject({
				eligible: false,
				justification: 'No insurance.',
				decidedByName: 'Olga Owner'
			});
			// Stored with the language the screener wrote it in (issue 12, WCAG 3.1.2).
			expect(app?.marks.find((m) => m.requirementId === r1)).toEqual({
				requirementId: r1,
				met: false,
				reason: 'No liability insurance.',
				lang: 'en'
			});
		});

		it('a revision is recorded in the reviser’s name', async () => {
			const [r1, r2] = s.challenge.requirementIds;
			const outcome = await db().as(colleague, (tx) =>
				screenApplication(
					tx,
					s.challenge.id,
					s.appA.id,
					{
						[`met_${r1}`]: yes,
						[`met_${r2}`]: no,
						[`reason_${r2}`]: 'Works in German only.',
						decision: 'ineligible',
						justification: 'Second requirement not met.',
						confirm: '1'
					},
					'en'
				)
			);
			expect(outcome).toEqual({ ok: true, decided: true });
			const [row] = await db().service('test: decision', (tx) =>
				tx.query<{ decided_by: string; decided_by_name: string; eligible: boolean }>(
					'select decided_by, decided_by_name, eligible from public.screening_decisions where application_id = $1',
					[s.appA.id]
				)
			);
			expect(row).toEqual({
				decided_by: colleague.id,
				decided_by_name: 'Cecilia Colleague',
				eligible: false
			});
		});

		it('a non-owner gets null and changes nothing', async () => {
			const screening = {
				marks: [],
				decision: { eligible: true, justification: 'Looks fine to me.' }
			};
			for (const who of [s.otherOwner, s.lead, s.outsider]) {
				expect(await db().as(who, (tx) => saveScreening(tx, s.appA.id, screening))).toBeNull();
				expect(
					await db().as(who, (tx) =>
						screenApplication(tx, s.challenge.id, s.appA.id, { decision: '' }, 'en')
					)
				).toBeNull();
			}
			// A draft cannot be screened, not even by the challenge's owner.
			expect(await db().as(s.owner, (tx) => saveScreening(tx, s.draftA.id, screening))).toBeNull();
		});
	});

	describe('CSV export', () => {
		it('one row per submitted application, formula-looking text neutralised', async () => {
			const rows = parseCsv(
				await db().as(s.owner, (tx) => applicationsCsv(tx, s.challenge.id, 'en'))
			);
			expect(rows[0][0]).toBe('application_id');
			expect(rows).toHaveLength(3);
			const a = rows.find((r) => r[0] === s.appA.id)!;
			const ideas = a[rows[0].indexOf('ideas')];
			expect(ideas.startsWith(`'=HYPERLINK("http://evil.example","Click")`)).toBe(true);
			expect(a[rows[0].indexOf('members')].split('; ').sort()).toEqual([
				'Leo Lead',
				'Maija Member'
			]);
		});

		it('one row per idea', async () => {
			const rows = parseCsv(await db().as(s.owner, (tx) => ideasCsv(tx, s.challenge.id, 'en')));
			expect(rows[0]).toEqual([
				'application_id',
				'team',
				'position',
				'title',
				'problem',
				'idea',
				'value',
				'decision'
			]);
			expect(rows).toHaveLength(1 + 6);
			const titles = rows.filter((r) => r[0] === s.appA.id).map((r) => r[3]);
			expect(titles).toEqual([
				`'=HYPERLINK("http://evil.example","Click")`,
				'Second idea',
				'Third, with "quotes"'
			]);
		});

		it('gives another organisation only the header', async () => {
			const rows = parseCsv(
				await db().as(s.otherOwner, (tx) => ideasCsv(tx, s.challenge.id, 'en'))
			);
			expect(rows).toHaveLength(1);
		});
	});
});
