import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import {
	changeTimetable,
	DeadlineRefused,
	saveTimetable,
	TimetableRefused
} from '../../src/lib/server/challenges/editor';
import { timetableFields } from '../../src/lib/domain/challenge-form-values';
import { formatFinnishDateTime } from '../../src/lib/domain/finnish-datetime';
import type { Stage } from '../../src/lib/domain/stages';
import type { StageWindow } from '../../src/lib/domain/timetable';
import { createOpenChallenge } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';

// Every submission deadline of a published challenge follows the procurement deadline
// rule (src/lib/domain/deadline-change.ts, private.deadline_change), not only the
// applications one: the final tenders deadline (the end of 'concepts') may not be
// shortened inside the notice or removed, and no passed deadline may be moved, which would
// reopen a stage whose sealed submissions have been opened.

type User = { id: string; email: string };
type Window = StageWindow;

const DAY = 86_400_000;
// Whole minutes, as the timetable form writes them.
const at = (ms: number) => new Date(Math.floor((Date.now() + ms) / 60_000) * 60_000);

/** Replaces the challenge's timetable as the platform's service (a fixture, not a change). */
const setStages = (db: Database, id: string, windows: Window[]) =>
	db.service('test fixture: timetable', async (tx) => {
		await tx.query('delete from public.challenge_stages where challenge_id = $1', [id]);
		for (const w of windows)
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, $2, $3, $4)`,
				[id, w.stage, w.startsAt, w.endsAt]
			);
	});

const stagesOf = (db: Database, id: string) =>
	db.service('test: stages', (tx) =>
		tx.query<{ stage: string; ends_at: Date }>(
			'select stage, ends_at from public.challenge_stages where challenge_id = $1 order by stage',
			[id]
		)
	);

const amendmentsOf = async (db: Database, id: string) =>
	(
		await db.service('test: amendments', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.challenge_amendments where challenge_id = $1',
				[id]
			)
		)
	)[0].n;

/** public.amend_challenge called directly, as the signed-in `user` (role authenticated). */
const amend = async (db: Database, user: User, id: string, windows: Window[], reason: string) => {
	const [row] = await db.as(user, (tx) =>
		tx.query<{ r: { result: string; stage?: string; deadlines?: Record<string, string> } }>(
			'select public.amend_challenge($1, $2::text::jsonb, $3) as r',
			[
				id,
				JSON.stringify({
					stages: windows.map((w) => ({
						stage: w.stage,
						starts_at: w.startsAt,
						ends_at: w.endsAt
					}))
				}),
				reason
			]
		)
	);
	return row.r;
};

const move = (windows: Window[], stage: Stage, endsAt: Date | null) =>
	endsAt === null
		? windows.filter((w) => w.stage !== stage)
		: windows.map((w) => (w.stage === stage ? { ...w, endsAt } : w));

describeEachDatabase('submission deadlines (every one, not only applications)', (db) => {
	let chair: User;
	let orgId: string;

	beforeAll(async () => {
		chair = await createUser(db(), 'Olli Chair');
		orgId = (await createOrganisation(db(), chair.id)).id;
	});

	/** A published challenge with the windows given. */
	async function published(windows: Window[]) {
		const challenge = await createOpenChallenge(db(), orgId, { sealed: true });
		await setStages(db(), challenge.id, windows);
		return challenge.id;
	}

	// Applications closed yesterday; final tenders are due in 30 days.
	const concepting = (): Window[] => [
		{ stage: 'applications', startsAt: at(-40 * DAY), endsAt: at(-DAY) },
		{ stage: 'concepts', startsAt: at(-DAY + 3_600_000), endsAt: at(30 * DAY) }
	];
	// Both deadlines passed: the final tenders have been opened.
	const selecting = (): Window[] => [
		{ stage: 'applications', startsAt: at(-90 * DAY), endsAt: at(-60 * DAY) },
		{ stage: 'concepts', startsAt: at(-50 * DAY), endsAt: at(-2 * DAY) }
	];
	// Both ahead.
	const open = (): Window[] => [
		{ stage: 'applications', startsAt: at(-DAY), endsAt: at(20 * DAY) },
		{ stage: 'concepts', startsAt: at(30 * DAY), endsAt: at(60 * DAY) }
	];

	it('refuses shortening the final tenders deadline to an hour away, or removing it, called directly', async () => {
		const windows = concepting();
		const id = await published(windows);
		const before = await stagesOf(db(), id);
		const hour = await amend(
			db(),
			chair,
			id,
			move(windows, 'concepts', at(3_600_000)),
			'Enough tenders'
		);
		expect(hour).toMatchObject({ result: 'too_soon', stage: 'concepts' });
		expect(
			await amend(db(), chair, id, move(windows, 'concepts', null), 'No tenders')
		).toMatchObject({ result: 'removed', stage: 'concepts' });
		expect(await stagesOf(db(), id)).toEqual(before);
		expect(await amendmentsOf(db(), id)).toBe(0);
	});

	it('refuses extending a passed applications deadline, and a passed final tenders one', async () => {
		const windows = concepting();
		const id = await published(windows);
		const before = await stagesOf(db(), id);
		expect(
			await amend(db(), chair, id, move(windows, 'applications', at(10 * DAY)), 'Late team')
		).toMatchObject({ result: 'passed', stage: 'applications' });
		// Earlier is no better: applications sent in time would become late.
		expect(
			await amend(db(), chair, id, move(windows, 'applications', at(-2 * DAY)), 'Typo')
		).toMatchObject({ result: 'passed', stage: 'applications' });
		expect(await stagesOf(db(), id)).toEqual(before);

		const done = selecting();
		const closed = await published(done);
		const closedBefore = await stagesOf(db(), closed);
		expect(
			await amend(db(), chair, closed, move(done, 'concepts', at(14 * DAY)), 'One more tender')
		).toMatchObject({ result: 'passed', stage: 'concepts' });
		expect(await stagesOf(db(), closed)).toEqual(closedBefore);
		expect(await amendmentsOf(db(), closed)).toBe(0);
		// Through the editor the database's answer is a DeadlineRefused naming the stage.
		const refused = await db()
			.as(chair, (tx) =>
				saveTimetable(
					tx,
					{ id: chair.id, name: '' },
					closed,
					move(done, 'concepts', at(14 * DAY)),
					'One more tender'
				)
			)
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(DeadlineRefused);
		// An open challenge's concepts deadline, in its own words (no tenders in it).
		expect((refused as DeadlineRefused).messageKey).toBe('deadlines_oc_error_concepts_passed');
	});

	it('still lets a deadline ahead be extended, and leaves a passed one as it is', async () => {
		const windows = concepting();
		const id = await published(windows);
		// Final tenders ten more days; the passed applications deadline unchanged.
		const r = await amend(
			db(),
			chair,
			id,
			move(windows, 'concepts', at(40 * DAY)),
			'More time to build'
		);
		expect(r).toMatchObject({
			result: 'amended',
			deadlines: { applications: 'unchanged', concepts: 'extended' }
		});
		const after = await stagesOf(db(), id);
		expect(after.find((s) => s.stage === 'concepts')?.ends_at).toEqual(at(40 * DAY));
		expect(await amendmentsOf(db(), id)).toBe(1);

		const ahead = open();
		const openId = await published(ahead);
		expect(
			await amend(db(), chair, openId, move(ahead, 'applications', at(25 * DAY)), 'More time')
		).toMatchObject({ result: 'amended', deadlines: { applications: 'extended' } });
	});

	it('the timetable form says which deadline is refused and why, on its own field', async () => {
		const windows = concepting();
		const id = await published(windows);
		const before = await stagesOf(db(), id);
		const form = (changes: Record<string, string>) => ({
			...timetableFields(windows),
			reason: 'Changed plans',
			...changes
		});
		const refusal = (raw: Record<string, string>) =>
			db()
				.as(chair, (tx) => changeTimetable(tx, { id: chair.id, name: '' }, id, raw, 'en'))
				.then(
					() => null,
					(e: unknown) => (e instanceof TimetableRefused ? e.errors : e)
				);
		// The fixture is an open challenge: its concepts deadline is said in its words.
		expect(await refusal(form({ concepts_end: formatFinnishDateTime(at(3_600_000)) }))).toEqual({
			concepts_end: 'deadlines_oc_error_concepts_too_soon'
		});
		expect(await refusal(form({ applications_end: formatFinnishDateTime(at(5 * DAY)) }))).toEqual({
			applications_end: 'deadlines_error_applications_passed'
		});
		// Shortening the concepts deadline inside the rule asks to confirm first.
		expect(await refusal(form({ concepts_end: formatFinnishDateTime(at(10 * DAY)) }))).toEqual({
			confirm_shorten_concepts: 'deadlines_oc_concepts_warning'
		});
		// In an innovation partnership the same deadline is the final tenders'.
		await db().service('test: a partnership', (tx) =>
			tx.query(`update public.challenges set procedure = 'innovation_partnership' where id = $1`, [
				id
			])
		);
		expect(await refusal(form({ concepts_end: formatFinnishDateTime(at(3_600_000)) }))).toEqual({
			concepts_end: 'deadlines_error_concepts_too_soon'
		});
		expect(await refusal(form({ concepts_end: formatFinnishDateTime(at(10 * DAY)) }))).toEqual({
			confirm_shorten_concepts: 'deadlines_concepts_warning'
		});
		expect(await stagesOf(db(), id)).toEqual(before);
		// Confirmed, it is saved.
		expect(
			await refusal(
				form({ concepts_end: formatFinnishDateTime(at(10 * DAY)), confirm_shorten: 'yes' })
			)
		).toBeNull();
	});

	it('a passed deadline stored with seconds, left as it was in the form, is no change', async () => {
		const windows = move(concepting(), 'applications', new Date(at(-DAY).getTime() + 17_345));
		const id = await published(windows);
		const save = (raw: Record<string, string>) =>
			db().as(chair, (tx) => changeTimetable(tx, { id: chair.id, name: '' }, id, raw, 'en'));
		// The form shows it to the minute; the final tenders deadline ten days later.
		const raw = {
			...timetableFields(windows),
			concepts_end: formatFinnishDateTime(at(40 * DAY)),
			reason: 'More time to build'
		};
		expect(await save(raw)).toMatchObject({ amended: true });
		const after = await stagesOf(db(), id);
		expect(after.find((s) => s.stage === 'applications')?.ends_at).toEqual(windows[0].endsAt);
	});

	it('a draft is not judged: its dates are still being planned', async () => {
		const challenge = await createChallenge(db(), orgId, 'draft');
		const windows = selecting();
		await setStages(db(), challenge.id, windows);
		expect(
			await amend(db(), chair, challenge.id, move(windows, 'concepts', at(3_600_000)), '')
		).toMatchObject({ result: 'saved' });
	});
});
