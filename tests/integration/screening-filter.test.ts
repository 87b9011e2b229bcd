import { beforeAll, expect, it } from 'vitest';
import {
	screeningFilterOf,
	type ScreeningStateChoice
} from '../../src/lib/domain/screening-filter';
import type { Database } from '../../src/lib/server/db/database';
import {
	listSubmitted,
	saveScreening,
	screeningPage
} from '../../src/lib/server/applications/screening';
import { submitApplication, withdrawApplication } from '../../src/lib/server/applications/submit';
import { nextToScreen } from '../../src/lib/server/applications/screening-form';
import { sealedApplicationCount } from '../../src/lib/server/challenges/team';
import { createOpenChallenge, createTeamWith } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';
import { asSession, submitted } from './screening-fixtures';

type User = { id: string; email: string };
const IDEAS = ['One', 'Two', 'Three'];

/**
 * The owner's list of one challenge with an application in every state the record knows,
 * each reached through the functions people use:
 *   eligible            Äänekoski Lab; Porvoo Crew (found ineligible, then corrected)
 *   ineligible          Ähtäri Works; Öljy Oy (found eligible, then corrected)
 *   not yet screened    AANEKOSKI kaksi; Zeta (requirements marked, no decision);
 *                       Åbo Makers (found eligible, withdrawn by the team and submitted
 *                       again: the decision was voided)
 *   not in the list     Kemi Lab (withdrawn, left a draft)
 * and a sealed challenge of the same organisation with Äänekoski Sealed's application.
 */
async function world(db: Database) {
	const owner = await createUser(db, 'Olga Owner');
	const otherOwner = await createUser(db, 'Otto Other');
	const lead = await createUser(db, 'Leo Lead');
	const org = await createOrganisation(db, owner.id);
	await createOrganisation(db, otherOwner.id);
	const challenge = await createOpenChallenge(db, org.id);
	const sealed = await createOpenChallenge(db, org.id, { sealed: true });
	const apply = async (name: string, to = challenge) => {
		const team = await createTeamWith(db, lead.id);
		await db.service('test: team name', (tx) =>
			tx.query('update public.teams set name = $2 where id = $1', [team.id, name])
		);
		return (await submitted(db, lead, to, team.id, IDEAS)).id;
	};
	const decide = (id: string, eligible: boolean | null) =>
		db.as(owner, (tx) =>
			saveScreening(tx, id, {
				marks: challenge.requirementIds.map((requirementId) => ({
					requirementId,
					met: eligible !== false,
					reason: eligible === false ? 'Not shown.' : ''
				})),
				decision: eligible === null ? null : { eligible, justification: 'As the requirements say.' }
			})
		);
	const ids: Record<string, string> = {};
	for (const name of [
		'Zeta',
		'Äänekoski Lab',
		'Ähtäri Works',
		'Öljy Oy',
		'Porvoo Crew',
		'AANEKOSKI kaksi',
		'Åbo Makers',
		'Kemi Lab'
	])
		ids[name] = await apply(name);
	await decide(ids['Äänekoski Lab'], true);
	await decide(ids['Ähtäri Works'], false);
	await decide(ids['Öljy Oy'], true);
	await decide(ids['Öljy Oy'], false);
	await decide(ids['Porvoo Crew'], false);
	await decide(ids['Porvoo Crew'], true);
	await decide(ids['Zeta'], null);
	await decide(ids['Åbo Makers'], true);
	await decide(ids['Kemi Lab'], false);
	for (const name of ['Åbo Makers', 'Kemi Lab'])
		expect(await withdrawApplication(db, asSession(lead), ids[name])).toBe('withdrawn');
	const [{ version }] = await db.as(lead, (tx) =>
		tx.query<{ version: number }>('select version from public.applications where id = $1', [
			ids['Åbo Makers']
		])
	);
	expect(await submitApplication(db, asSession(lead), ids['Åbo Makers'], version)).toBe(
		'submitted'
	);
	await apply('Äänekoski Sealed', sealed);
	return { owner, otherOwner, challenge, sealed, ids };
}

describeEachDatabase("the owner's list, narrowed", (db) => {
	let w: Awaited<ReturnType<typeof world>>;
	beforeAll(async () => {
		w = await world(db());
	});

	const names = (owner: User, state: ScreeningStateChoice, q = '', challenge = w.challenge.id) =>
		db()
			.as(owner, (tx) => listSubmitted(tx, challenge, 'en', screeningFilterOf({ state, q })))
			.then((rows) => rows.map((r) => r.teamName));

	it('shows each screening state as the current decision says, corrections and withdrawals included', async () => {
		expect(await names(w.owner, 'all')).toEqual([
			'AANEKOSKI kaksi',
			'Äänekoski Lab',
			'Åbo Makers',
			'Ähtäri Works',
			'Öljy Oy',
			'Porvoo Crew',
			'Zeta'
		]);
		expect(await names(w.owner, 'unscreened')).toEqual(['AANEKOSKI kaksi', 'Åbo Makers', 'Zeta']);
		expect(await names(w.owner, 'eligible')).toEqual(['Äänekoski Lab', 'Porvoo Crew']);
		expect(await names(w.owner, 'ineligible')).toEqual(['Ähtäri Works', 'Öljy Oy']);
	});

	it('offers the next team to screen among those the list’s search finds', async () => {
		const next = (from: string, q = '') =>
			db()
				.as(w.owner, (tx) =>
					nextToScreen(
						tx,
						w.challenge.id,
						w.ids[from],
						'en',
						screeningFilterOf({ state: 'all', q }).words
					)
				)
				.then((n) => n?.teamName ?? null);
		expect(await next('Äänekoski Lab')).toBe('Åbo Makers');
		expect(await next('Äänekoski Lab', 'ÄÄNEKOSKI')).toBe('AANEKOSKI kaksi');
		expect(await next('Porvoo Crew', 'abo')).toBe('Åbo Makers');
		expect(await next('Ähtäri Works', 'ahtari')).toBeNull();
	});

	it('finds a team by words of its name, case and accents aside, in any order', async () => {
		expect(await names(w.owner, 'all', 'aanekoski')).toEqual(['AANEKOSKI kaksi', 'Äänekoski Lab']);
		expect(await names(w.owner, 'all', 'ÄÄNEKOSKI')).toEqual(['AANEKOSKI kaksi', 'Äänekoski Lab']);
		expect(await names(w.owner, 'all', 'lab Äänekoski')).toEqual(['Äänekoski Lab']);
		expect(await names(w.owner, 'all', 'koski')).toEqual(['AANEKOSKI kaksi', 'Äänekoski Lab']);
		expect(await names(w.owner, 'all', 'AHTARI')).toEqual(['Ähtäri Works']);
		expect(await names(w.owner, 'all', 'abo')).toEqual(['Åbo Makers']);
		expect(await names(w.owner, 'all', 'Kemi')).toEqual([]);
		expect(await names(w.owner, 'all', 'Helsinki')).toEqual([]);
	});

	it('narrows by state and search together', async () => {
		expect(await names(w.owner, 'eligible', 'aanekoski')).toEqual(['Äänekoski Lab']);
		expect(await names(w.owner, 'unscreened', 'aanekoski')).toEqual(['AANEKOSKI kaksi']);
		expect(await names(w.owner, 'ineligible', 'aanekoski')).toEqual([]);
	});

	it('takes search words as text, never as a pattern', async () => {
		const rows = await db().as(w.owner, (tx) =>
			listSubmitted(tx, w.challenge.id, 'en', { state: 'all', words: ['%', '_'] })
		);
		expect(rows).toEqual([]);
	});

	it('counts every state in the read of the list: of the whole list, and of what the search finds', async () => {
		const counts = (q: string, state: ScreeningStateChoice = 'all') =>
			db()
				.as(w.owner, (tx) =>
					screeningPage(tx, w.challenge.id, 'en', 1, screeningFilterOf({ state, q }))
				)
				.then((p) => ({ all: p.counts, found: p.found }));
		expect(await counts('')).toEqual({
			all: { all: 7, unscreened: 3, eligible: 2, ineligible: 2 },
			found: { all: 7, unscreened: 3, eligible: 2, ineligible: 2 }
		});
		// The state narrows the list, never the counts; the words narrow only `found`.
		for (const state of ['all', 'ineligible'] as const)
			expect(await counts('aanekoski', state)).toEqual({
				all: { all: 7, unscreened: 3, eligible: 2, ineligible: 2 },
				found: { all: 2, unscreened: 1, eligible: 1, ineligible: 0 }
			});
	});

	it('pages what the filter lets through, and keeps the counts of the whole list', async () => {
		const filter = screeningFilterOf({ state: 'unscreened', q: '' });
		const pages = await db().as(w.owner, async (tx) => [
			await screeningPage(tx, w.challenge.id, 'en', 1, filter, 2),
			await screeningPage(tx, w.challenge.id, 'en', 2, filter, 2),
			await screeningPage(tx, w.challenge.id, 'en', 9, filter, 2)
		]);
		expect(pages.map((p) => [p.page, p.pages, p.total, p.items.map((a) => a.teamName)])).toEqual([
			[1, 2, 3, ['AANEKOSKI kaksi', 'Åbo Makers']],
			[2, 2, 3, ['Zeta']],
			[2, 2, 3, ['Zeta']]
		]);
		expect(pages[0].counts).toEqual({ all: 7, unscreened: 3, eligible: 2, ineligible: 2 });
		expect(pages[0].items.every((a) => a.eligible === null)).toBe(true);
	});

	it('keeps a sealed list sealed: no row, no count by state or name, only the sealed count', async () => {
		for (const q of ['', 'aanekoski', 'sealed']) {
			const filter = screeningFilterOf({ state: 'all', q });
			const [page, sealedCount] = await db().as(w.owner, async (tx) => [
				await screeningPage(tx, w.sealed.id, 'en', 1, filter),
				await sealedApplicationCount(tx, w.sealed.id)
			]);
			expect(page.items).toEqual([]);
			expect(page.counts).toEqual({ all: 0, unscreened: 0, eligible: 0, ineligible: 0 });
			expect(page.found).toEqual(page.counts);
			expect(sealedCount).toBe(1);
		}
		expect(await names(w.owner, 'unscreened', 'aanekoski', w.sealed.id)).toEqual([]);
	});

	it('shows another organisation nothing, filtered or not', async () => {
		for (const state of ['all', 'unscreened', 'eligible', 'ineligible'] as const)
			expect(await names(w.otherOwner, state, 'aanekoski')).toEqual([]);
		const page = await db().as(w.otherOwner, (tx) =>
			screeningPage(
				tx,
				w.challenge.id,
				'en',
				1,
				screeningFilterOf({ state: 'all', q: 'aanekoski' })
			)
		);
		const none = { all: 0, unscreened: 0, eligible: 0, ineligible: 0 };
		expect([page.items, page.counts, page.found]).toEqual([[], none, none]);
	});
});
