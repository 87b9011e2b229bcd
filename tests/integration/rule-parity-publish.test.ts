import { expect, it } from 'vitest';
import fc from 'fast-check';
import { BLANK_CHARACTERS } from '../../src/lib/domain/text';
import { publishIssues, type PublishCandidate } from '../../src/lib/domain/publish';
import { STAGES, type Stage } from '../../src/lib/domain/stages';
import type { Criterion } from '../../src/lib/domain/criteria';
import { publishDraft } from '../../src/lib/server/challenges/editor';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';
import { sqlAnswers } from './parity';

// Issue 12 (Owner): a direct call to public.publish_challenge published drafts the page
// refuses. private.publish_problems is publishIssues in SQL; both get the same cases.

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 0, 10, 10); // 10.1.2027 12.00 in Helsinki

/** A candidate and the moment it is to be published. */
type Case = PublishCandidate & { now: Date };

/**
 * The case as the SQL rule reads it: the candidate as private.publish_problems reads it
 * (what publish_candidate builds), with the moment and the notice days that
 * private.publish_deadline_problems takes besides.
 */
function asJson(c: Case) {
	return {
		now: c.now.toISOString(),
		notice_days: c.deadlineNoticeDays,
		procedure: c.procedure,
		primary_locale: c.primaryLocale,
		title: c.title,
		summary: c.summary,
		contact_email: c.contactEmail,
		price_share: c.priceShare,
		stages: c.stages.map((s) => ({
			stage: s.stage,
			starts_at: s.startsAt.toISOString(),
			ends_at: s.endsAt.toISOString(),
			decision_on: s.decisionOn ?? null,
			signatory: s.signatory ?? null
		})),
		criteria: c.criteria.map((k) => ({ stage: k.stage, name: k.name, max_points: k.maxPoints }))
	};
}

const at = (days: number, hours = 0) => new Date(T0 + days * DAY + hours * 3_600_000);
const ready: Case = {
	procedure: 'open_challenge',
	primaryLocale: 'fi',
	title: { fi: 'Lumiongelma' },
	summary: { fi: 'Keksitkö paremman tavan?' },
	contactEmail: 'owner@hel.example',
	stages: [{ stage: 'applications', startsAt: at(0), endsAt: at(30) }],
	criteria: [],
	priceShare: null,
	deadlineNoticeDays: 7,
	now: at(-10)
};
const crit = (maxPoints: number, name: Criterion['name'] = { fi: 'Laatu' }): Criterion => ({
	stage: 'selection',
	name,
	description: {},
	maxPoints
});

const FIXED: Case[] = [
	ready,
	// The reported case: a draft with a title only, published by a direct call.
	{ ...ready, summary: {}, contactEmail: '' },
	{ ...ready, title: { fi: '\u00a0', en: 'English only' } },
	{ ...ready, summary: { fi: `${BLANK_CHARACTERS}` } },
	{ ...ready, contactEmail: '\u3000' },
	// Issue 17: titles, summaries and contacts of invisible characters only.
	{ ...ready, title: { fi: '\u200b\u2060' } },
	{ ...ready, summary: { fi: '\u200b\u00a0 \u2060' } },
	{ ...ready, contactEmail: '\ufeff\u200b' },
	{ ...ready, stages: [] },
	{ ...ready, stages: [{ stage: 'applications', startsAt: at(1), endsAt: at(1) }] },
	{
		...ready,
		stages: [...ready.stages, { stage: 'production', startsAt: at(40), endsAt: at(50) }]
	},
	{
		...ready,
		procedure: 'innovation_partnership',
		stages: [...ready.stages, { stage: 'production', startsAt: at(40), endsAt: at(50) }]
	},
	{
		...ready,
		stages: [...ready.stages, { stage: 'market_dialogue', startsAt: at(2), endsAt: at(5) }]
	},
	{
		...ready,
		stages: [
			...ready.stages,
			{
				stage: 'screening',
				startsAt: at(31),
				endsAt: at(40),
				decisionOn: '2027-02-15',
				signatory: 'Head of Services'
			},
			{ stage: 'selection', startsAt: at(45), endsAt: at(60) }
		]
	},
	{
		...ready,
		stages: [
			...ready.stages,
			{ stage: 'screening', startsAt: at(31), endsAt: at(40), decisionOn: '2027-02-15' }
		]
	},
	{
		...ready,
		stages: [
			...ready.stages,
			{ stage: 'screening', startsAt: at(31), endsAt: at(40), signatory: ' ' }
		]
	},
	{
		...ready,
		stages: [
			{ ...ready.stages[0], decisionOn: '2027-01-20', signatory: 'Someone' } // not a decision stage
		]
	},
	{
		...ready,
		stages: [
			...ready.stages,
			// The decision falls on the day before the stage starts in Helsinki.
			{
				stage: 'screening',
				startsAt: new Date('2027-02-09T22:30:00Z'),
				endsAt: at(40),
				decisionOn: '2027-02-09',
				signatory: 'x'
			}
		]
	},
	{
		...ready,
		stages: [
			...ready.stages,
			{
				stage: 'screening',
				startsAt: new Date('2027-02-09T22:30:00Z'),
				endsAt: at(40),
				decisionOn: '2027-02-10',
				signatory: 'x'
			}
		]
	},
	{ ...ready, criteria: [crit(10)] },
	{ ...ready, criteria: [crit(0)] },
	{ ...ready, criteria: [crit(2.5)] },
	{ ...ready, criteria: [crit(1001)] },
	{ ...ready, criteria: [crit(1000)] },
	{ ...ready, criteria: [crit(5, { fi: ' ', sv: '\t' })] },
	{ ...ready, criteria: [crit(5, { sv: 'Kvalitet' })] },
	{ ...ready, priceShare: 100 },
	{ ...ready, priceShare: 99 },
	{ ...ready, priceShare: 0 },
	// A stage without criteria is a warning, not a refusal.
	{
		...ready,
		stages: [...ready.stages, { stage: 'shortlisting', startsAt: at(31), endsAt: at(40) }]
	},
	// The applications deadline (at(30)) against the moment of publishing and the notice.
	{ ...ready, now: at(23) },
	{ ...ready, now: at(23, 1) },
	{ ...ready, now: at(30) },
	{ ...ready, now: at(31) },
	{ ...ready, now: at(1), deadlineNoticeDays: 30 },
	{ ...ready, now: at(29), deadlineNoticeDays: 1 },
	// The final tenders deadline (the end of the concepts stage) is judged the same way.
	{
		...ready,
		procedure: 'innovation_partnership',
		stages: [...ready.stages, { stage: 'concepts', startsAt: at(31), endsAt: at(35) }],
		now: at(29, 1),
		deadlineNoticeDays: 1
	},
	{
		...ready,
		procedure: 'innovation_partnership',
		stages: [...ready.stages, { stage: 'concepts', startsAt: at(31), endsAt: at(35) }],
		now: at(29, 1),
		deadlineNoticeDays: 6
	}
];

const text = fc
	.array(fc.constantFrom(...BLANK_CHARACTERS, 'a', '\u200b', '\u2060'), { maxLength: 3 })
	.map((c) => c.join(''));
const localized = fc.record({ fi: text, sv: text, en: text }, { requiredKeys: [] }) as fc.Arbitrary<
	Record<string, string>
>;
const stage = fc.record({
	stage: fc.constantFrom(...STAGES) as fc.Arbitrary<Stage>,
	start: fc.integer({ min: 0, max: 60 }),
	length: fc.integer({ min: -1, max: 20 }),
	hour: fc.integer({ min: 0, max: 23 }),
	decision: fc.option(fc.integer({ min: -2, max: 40 })),
	signatory: fc.option(text)
});
const RANDOM: Case[] = fc.sample(
	fc.record({
		procedure: fc.constantFrom('open_challenge', 'innovation_partnership'),
		primaryLocale: fc.constantFrom('fi', 'sv', 'en'),
		title: localized,
		summary: localized,
		contactEmail: fc.constantFrom('', ' ', 'a@b.example'),
		stages: fc.uniqueArray(stage, { selector: (s) => s.stage, maxLength: 4 }).map((list) =>
			list.map((s) => ({
				stage: s.stage,
				startsAt: at(s.start, s.hour),
				endsAt: at(s.start + s.length, s.hour),
				decisionOn:
					s.decision === null
						? null
						: at(s.start + s.decision, s.hour)
								.toISOString()
								.slice(0, 10),
				signatory: s.signatory
			}))
		),
		criteria: fc.array(
			fc.record({
				stage: fc.constantFrom('shortlisting', 'selection'),
				name: localized,
				description: fc.constant({}),
				maxPoints: fc.constantFrom(-1, 0, 1, 2.5, 10, 1000, 1001)
			}),
			{ maxLength: 3 }
		),
		priceShare: fc.constantFrom(null, -1, 0, 30, 99, 100, 12.5),
		deadlineNoticeDays: fc.constantFrom(1, 7, 30),
		now: fc
			.record({ day: fc.integer({ min: -10, max: 60 }), hour: fc.integer({ min: 0, max: 23 }) })
			.map(({ day, hour }) => at(day, hour))
	}) as fc.Arbitrary<Case>,
	{ numRuns: 400, seed: 12 }
);

describeEachDatabase('publishing: one rule in TypeScript and SQL', (db) => {
	it('private.publish_problems refuses what publishIssues refuses, in its words', async () => {
		const cases = [...FIXED, ...RANDOM];
		const answers = await sqlAnswers<string[]>(
			db(),
			`private.publish_problems(c)
			 || private.publish_deadline_problems(c, (c ->> 'now')::timestamptz, (c ->> 'notice_days')::int)`,
			cases.map(asJson)
		);
		expect(answers).toEqual(cases.map((c) => publishIssues(c, c.now)));
		expect(answers.slice(0, FIXED.length).map((a) => a.length > 0)).toEqual([
			false, // ready
			true, // title only
			true,
			true,
			true,
			true, // invisible title
			true, // invisible summary
			true, // invisible contact
			true, // no applications
			true, // ends when it starts
			true, // production in an open challenge
			false, // production in an innovation partnership
			true, // market dialogue after applications start
			false, // decided and signed in time
			true, // a date without a signatory
			false, // a blank signatory and no date: no decision
			true, // a decision on a stage without one
			true, // decided the day before (Helsinki) the stage starts
			false, // decided on the first Helsinki day
			false,
			true,
			true,
			true,
			false,
			true, // a name of whitespace in every language
			false,
			true,
			false,
			false,
			false, // a stage without criteria: warned about, not refused
			false, // exactly the 7 days' notice
			true, // an hour less
			true, // the deadline now
			true, // passed
			true, // 29 days where the challenge asks for 30
			false, // a day ahead, a day asked
			true, // applications 23 h ahead, final tenders 5 days 23 h: one day asked
			true // final tenders 5 days 23 h ahead, 6 days asked
		]);
		expect(answers.slice(FIXED.length - 2, FIXED.length)).toEqual([
			['publish_deadline_applications_soon'],
			['publish_deadline_applications_soon', 'publish_deadline_concepts_soon']
		]);
		// Every kind of answer was exercised by the generated cases.
		const keys = new Set(answers.flat());
		expect(keys).toEqual(
			new Set([
				'publish_missing_title',
				'publish_missing_summary',
				'publish_missing_contact',
				'publish_missing_applications',
				'publish_timetable_invalid',
				'publish_criteria_invalid',
				'publish_deadline_applications_soon',
				'publish_deadline_concepts_soon'
			])
		);
	});

	it('public.publish_challenge refuses a draft with a title only and publishes a ready one', async () => {
		const chair = await createUser(db(), 'Publishing Chair');
		const org = await createOrganisation(db(), chair.id);
		const [draft] = await db().as(chair, (tx) =>
			tx.query<{ id: string }>(
				`insert into public.challenges (organisation_id, slug, title) values ($1, $2, '{"fi":"Vain otsikko"}') returning id`,
				[org.id, `title-only-${crypto.randomUUID().slice(0, 8)}`]
			)
		);
		await db().service('test: a timetable', (tx) =>
			tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, 'applications', now() + interval '1 day', now() + interval '30 days')`,
				[draft.id]
			)
		);
		const publish = 'select public.publish_challenge($1) as r';
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'not_ready' }
		]);
		await db().as(chair, (tx) =>
			tx.query(`update public.challenges set contact_email = 'a@b.example' where id = $1`, [
				draft.id
			])
		);
		// A blank summary or a title of only invisible characters (issue 17) is no text: the
		// write itself is refused (20261216000200_blank_direct_writes.sql), and the draft
		// stays unready.
		const blankRefused = { code: '23514' };
		await expect(
			db().as(chair, (tx) =>
				tx.query(`update public.challenges set summary = '{"fi":"\u00a0"}' where id = $1`, [
					draft.id
				])
			)
		).rejects.toMatchObject(blankRefused);
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'not_ready' }
		]);
		const retitle = (title: string) =>
			db().as(chair, (tx) =>
				tx.query(
					`update public.challenges set title = $2::text::jsonb, summary = '{"fi":"Tiivistelmä"}' where id = $1`,
					[draft.id, JSON.stringify({ fi: title })]
				)
			);
		await expect(retitle('\u200b\u2060')).rejects.toMatchObject(blankRefused);
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'not_ready' }
		]);
		await retitle('Vain otsikko');
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
			{ r: 'published' }
		]);
	});

	it('a deadline under the notice days keeps a draft unpublished, by a direct call and on the page', async () => {
		const chair = await createUser(db(), 'Hurried Chair');
		const org = await createOrganisation(db(), chair.id);
		const [draft] = await db().as(chair, (tx) =>
			tx.query<{ id: string }>(
				`insert into public.challenges (organisation_id, slug, title, summary, contact_email)
				 values ($1, $2, '{"fi":"Kiire"}', '{"fi":"Tiivistelmä"}', 'a@b.example') returning id`,
				[org.id, `hurry-${crypto.randomUUID().slice(0, 8)}`]
			)
		);
		const deadlineIn = (interval: string) =>
			db().service('test: a timetable', (tx) =>
				tx.query(
					`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
					 values ($1, 'applications', now() - interval '1 day', now() + $2::interval)
					 on conflict (challenge_id, stage) do update set ends_at = excluded.ends_at`,
					[draft.id, interval]
				)
			);
		const publish = 'select public.publish_challenge($1) as r';
		for (const soon of ['3 days', '-1 hour', '6 days 23 hours']) {
			await deadlineIn(soon);
			expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([
				{ r: 'not_ready' }
			]);
			const outcome = await db().as(chair, (tx) => publishDraft(tx, draft.id, chair.id));
			expect(outcome.outcome).toBe('not_ready');
			// Worded with the challenge's notice days (7), in the plural.
			expect(outcome.outcome === 'not_ready' && outcome.issues).toEqual([
				expect.stringMatching(/\b7\b/)
			]);
		}
		await deadlineIn('7 days 1 minute');
		expect(await db().as(chair, (tx) => publishDraft(tx, draft.id, chair.id))).toMatchObject({
			outcome: 'published'
		});
		// A second click finds it published, not a refusal.
		expect(await db().as(chair, (tx) => publishDraft(tx, draft.id, chair.id))).toMatchObject({
			outcome: 'published'
		});
		expect(await db().as(chair, (tx) => tx.query(publish, [draft.id]))).toEqual([{ r: 'already' }]);
	});

	it('public.amend_challenge calls a reason of Unicode whitespace missing, as isBlank does', async () => {
		const chair = await createUser(db(), 'Amending Chair');
		const org = await createOrganisation(db(), chair.id);
		const [c] = await db().as(chair, (tx) =>
			tx.query<{ id: string }>(
				`insert into public.challenges (organisation_id, slug, title, summary, contact_email)
				 values ($1, $2, '{"fi":"Otsikko"}', '{"fi":"Tiivistelmä"}', 'a@b.example') returning id`,
				[org.id, `amend-${crypto.randomUUID().slice(0, 8)}`]
			)
		);
		await db().service('test: a timetable', (tx) =>
			tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, 'applications', now() + interval '1 day', now() + interval '30 days')`,
				[c.id]
			)
		);
		await db().as(chair, (tx) => tx.query('select public.publish_challenge($1)', [c.id]));
		const amend = (title: string, reason: string) =>
			db().as(chair, (tx) =>
				tx.query<{ r: { result: string } }>(
					'select public.amend_challenge($1, $2::text::jsonb, $3) as r',
					[c.id, JSON.stringify({ fields: { title: { fi: title } } }), reason]
				)
			);
		for (const blank of ['\u00a0', '\u3000\ufeff', BLANK_CHARACTERS, '\u200b\u00a0 \u2060']) {
			expect((await amend('Uusi', blank))[0].r.result).toBe('reason_required');
		}
		expect((await amend('Uusi', '\u00a0Korjaus\u3000'))[0].r.result).toBe('amended');
		const [row] = await db().service('test: read reason', (tx) =>
			tx.query<{ reason: string }>(
				'select reason from public.challenge_amendments where challenge_id = $1',
				[c.id]
			)
		);
		expect(row.reason).toBe('Korjaus');
	});
});
