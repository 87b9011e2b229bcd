import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import {
	candidates,
	challengeChoice,
	scheduleFromForm,
	UnknownExperts
} from '../../src/lib/server/workshops/planning';
import { workshopPeople, workshopsPage } from '../../src/lib/server/workshops/list';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { WorkshopGuestRefused } from '../../src/lib/server/workshops/schedule';
import { loadOutcome } from '../../src/lib/server/workshops/outcome';
import { CHOICE_MAX } from '../../src/lib/server/list-sql';
import { describeEachDatabase } from './databases';
import { createChallenge } from './fixtures';
import { workshopWorld } from './workshop-fixtures';

describeEachDatabase('planning a workshop', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	beforeAll(async () => {
		w = await workshopWorld(db());
	});

	it('shows a facilitator the teams that applied and the owner staff, and nobody else anything', async () => {
		const seen = await db().as(w.facilitator, (tx) => candidates(tx, w.challenge.id, 'en'));
		expect(seen.teams.map((t) => t.id).sort()).toEqual([w.teamA.id, w.teamB.id].sort());
		expect(seen.teams.find((t) => t.id === w.teamA.id)?.members).toBe(2);
		expect(seen.staff.map((s) => s.id).sort()).toEqual([w.owner.id, w.staff.id].sort());
		const outsider = await db().as(w.outsider, (tx) => candidates(tx, w.challenge.id, 'en'));
		expect(outsider).toEqual({ teams: [], staff: [] });
	});

	it('offers the first 200 of many published challenges; words find the rest (issue 16)', async () => {
		const run = `zz${Math.random().toString(36).slice(2, 8)}`;
		const [{ org }] = await db().service('test: many published challenges', async (tx) => {
			const found = await tx.query<{ org: string }>(
				'select organisation_id as org from public.challenges where id = $1',
				[w.challenge.id]
			);
			await tx.query(
				`insert into public.challenges (organisation_id, slug, title, status, published_at)
				 select $1, $2 || '-' || i, jsonb_build_object('fi', 'Haaste ' || $2 || ' ' || i), 'published', now()
				 from generate_series(1, 230) i`,
				[found[0].org, run]
			);
			return found;
		});
		const draft = await createChallenge(db(), org, 'draft');
		const choose = (words: string[], chosen: string | null = null) =>
			db().as(w.facilitator, (tx) => challengeChoice(tx, 'fi', words, chosen));
		const all = await choose([run]);
		expect([all.shown, all.total, all.options.length]).toEqual([CHOICE_MAX, 230, CHOICE_MAX]);
		const found = await choose([run, '217']);
		expect(found.options.map((c) => c.title.fi)).toEqual([`Haaste ${run} 217`]);
		// The chosen one stays offered, first, when the words do not find it; a draft is no choice.
		const kept = await choose([run, '217'], w.challenge.id);
		expect(kept.options.map((c) => c.id)).toEqual([w.challenge.id, found.options[0].id]);
		expect([kept.chosen?.id, kept.shown, kept.total]).toEqual([w.challenge.id, 1, 1]);
		expect((await choose([run], draft.id)).chosen).toBeNull();
		expect(await choose(['nothing-like-this'])).toMatchObject({ options: [], shown: 0, total: 0 });
	});

	it('refuses an expert address without an account, and schedules with known ones', async () => {
		const form = {
			challengeId: w.challenge.id,
			title: 'Market dialogue day',
			startsAt: new Date(),
			mode: 'team_boards' as const,
			agenda: DEFAULT_AGENDA,
			teamIds: [w.teamA.id, w.teamB.id],
			staffIds: [w.owner.id, w.outsider.id],
			expertEmails: ['nobody@nowhere.example']
		};
		await expect(db().as(w.facilitator, (tx) => scheduleFromForm(tx, form))).rejects.toBeInstanceOf(
			UnknownExperts
		);
		const expert = w.c1.email.toUpperCase();
		const id = await db().as(w.facilitator, (tx) =>
			scheduleFromForm(tx, { ...form, expertEmails: [expert.toLowerCase()] })
		);
		const people = await db().as(w.facilitator, (tx) => workshopPeople(tx, id, 'en'));
		const kinds = Object.fromEntries(people.map((p) => [p.userId, p.kind]));
		expect(kinds[w.facilitator.id]).toBe('facilitator');
		expect(kinds[w.owner.id]).toBe('owner');
		expect(kinds[w.c1.id]).toBe('expert');
		expect(kinds[w.a1.id]).toBe('team');
		// Someone outside the owner organisation is not put in as staff.
		expect(kinds[w.outsider.id]).toBeUndefined();
		expect(await db().as(w.outsider, (tx) => workshopPeople(tx, id, 'en'))).toEqual([]);

		const listed = await db().as(w.b1, (tx) =>
			workshopsPage(tx, NO_FILTER, 1).then((p) => p.items)
		);
		expect(listed.find((x) => x.id === id)?.role).toBe('participant');
		expect(
			await db().as(w.outsider, (tx) => workshopsPage(tx, NO_FILTER, 1).then((p) => p.items))
		).toEqual([]);

		// In negotiation mode a team's outcome holds only its own board; the facilitator's all.
		const forB = await db().as(w.b1, (tx) => loadOutcome(tx, id, 'en'));
		expect(forB?.boards.map((b) => b.teamName)).toHaveLength(1);
		const forFacilitator = await db().as(w.facilitator, (tx) => loadOutcome(tx, id, 'en'));
		expect(forFacilitator?.boards.every((b) => b.teamName)).toBe(true);
		expect(forFacilitator?.boards).toHaveLength(2);
		expect(await db().as(w.outsider, (tx) => loadOutcome(tx, id, 'en'))).toBeUndefined();
	});

	it('refuses the facilitator and a taking-part team’s member as guests (issue 16, item 2)', async () => {
		const form = {
			challengeId: w.challenge.id,
			title: 'Negotiation round',
			startsAt: new Date(),
			mode: 'team_boards' as const,
			agenda: DEFAULT_AGENDA,
			teamIds: [w.teamA.id, w.teamB.id],
			staffIds: [],
			expertEmails: [] as string[]
		};
		const refusal = (expertEmails: string[]) =>
			db()
				.as(w.facilitator, (tx) => scheduleFromForm(tx, { ...form, expertEmails }))
				.then(
					() => 'scheduled',
					(e: unknown) => (e instanceof WorkshopGuestRefused ? `${e.code} ${e.who}` : String(e))
				);
		// The facilitator invites herself: she runs it, she is no guest of it.
		expect(await refusal([w.facilitator.email])).toBe(
			`workshop_guest_facilitator ${w.facilitator.email}`
		);
		// Team B's lead as an "expert" would see team A's board in negotiation mode.
		expect(await refusal([w.b1.email])).toBe(`workshop_guest_on_team ${w.b1.email}`);
		// Nothing of a refused plan stays; a neutral expert is scheduled.
		expect(await refusal([w.c1.email])).toBe('scheduled');
		const titles = await db().as(w.facilitator, (tx) =>
			workshopsPage(tx, NO_FILTER, 1).then((p) => p.items)
		);
		expect(titles.filter((x) => x.title === 'Negotiation round')).toHaveLength(1);
	});

	it('refuses a team whose member is already a guest of the workshop', async () => {
		const id = await db().as(w.facilitator, (tx) =>
			scheduleFromForm(tx, {
				challengeId: w.challenge.id,
				title: 'Expert first',
				startsAt: new Date(),
				mode: 'team_boards' as const,
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id],
				staffIds: [],
				expertEmails: [w.b1.email]
			})
		);
		const added = await db()
			.as(w.facilitator, (tx) =>
				tx.query('select public.add_workshop_team($1, $2)', [id, w.teamB.id])
			)
			.then(
				() => 'added',
				(e: { hint?: string }) => e.hint
			);
		expect(added).toBe('workshop_guest_on_team');
	});
});
