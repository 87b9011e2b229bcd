import { expect, it } from 'vitest';
import fc from 'fast-check';
import {
	parseScreening,
	submissionProblems,
	type Answer,
	type Idea
} from '../../src/lib/domain/application-schemas';
import { BLANK_CHARACTERS, FORMAT_CHARACTERS, isBlank } from '../../src/lib/domain/text';
import { applicationsOpenAt } from '../../src/lib/domain/application-window';
import { describeEachDatabase } from './databases';
import { createOpenChallenge } from './application-fixtures';
import { createOrganisation, createUser } from './fixtures';
import { sqlAnswers } from './parity';

// Issue 11, item 8: one rule in TypeScript (what the page says) and in SQL (what the
// database decides). Each pair gets the same cases, fixed ones and generated ones.

/** Text made of whitespace of every kind JavaScript trims, format characters and a few letters. */
const text = fc
	.array(fc.constantFrom(...BLANK_CHARACTERS, ...FORMAT_CHARACTERS, 'a', 'Ä', '\u0085'), {
		maxLength: 4
	})
	.map((chars) => chars.join(''));

// Issue 17: text of only format characters (Cf) shows nothing and is blank, as whitespace is.
const BLANKS = [
	'',
	' ',
	'   ',
	'\t\n',
	'\u00a0',
	'\u3000\ufeff',
	BLANK_CHARACTERS,
	'\u200b',
	'\u200b\u00a0 \u2060',
	'\u00a0\u200b',
	'\u200b\u2060',
	'\u2060',
	'\u00ad\u180e\u200e\u202e\u2066\u206f',
	'\u{e0001}\u{e007f}\u{1d173}',
	FORMAT_CHARACTERS,
	`${BLANK_CHARACTERS}${FORMAT_CHARACTERS}`
];
const NOT_BLANK = [
	'a',
	' a ',
	'\u0085',
	'.',
	`${BLANK_CHARACTERS}x`,
	`${FORMAT_CHARACTERS}x`,
	'👩\u200d💻',
	'می\u200cخواهم',
	'\u200bx\u2060'
];

describeEachDatabase('one rule in TypeScript and SQL', (db) => {
	it('blank text: private.is_blank answers as isBlank', async () => {
		const cases = [...BLANKS, ...NOT_BLANK, ...fc.sample(text, { numRuns: 300, seed: 11 })];
		const answers = await sqlAnswers<boolean>(db(), `private.is_blank(c #>> '{}')`, cases);
		expect(answers).toEqual(cases.map((t) => isBlank(t)));
		expect(answers.filter(Boolean).length).toBeGreaterThan(20);
	});

	it('format characters: private.format_characters lists those isBlank knows', async () => {
		const [{ list }] = await db().service('test: the format characters', (tx) =>
			tx.query<{ list: string }>('select private.format_characters() as list')
		);
		expect([...list].map((c) => c.codePointAt(0))).toEqual(
			[...FORMAT_CHARACTERS].map((c) => c.codePointAt(0))
		);
	});

	it('submission readiness: private.submission_problem refuses the drafts the page does', async () => {
		const R = [
			'00000000-0000-4000-8000-000000000001',
			'00000000-0000-4000-8000-000000000002',
			'00000000-0000-4000-8000-000000000003'
		];
		type Case = { ideas: Idea[]; wanted: number; answers: Answer[]; requirementIds: string[] };
		const full = (position: number, field = ' x '): Idea => ({
			position,
			title: field,
			problem: field,
			idea: field,
			value: field
		});
		const FIXED: Case[] = [
			// The reported case: three ideas whose fields are all spaces.
			{ ideas: [1, 2, 3].map((p) => full(p, '   ')), wanted: 3, answers: [], requirementIds: [] },
			{ ideas: [1, 2, 3].map((p) => full(p)), wanted: 3, answers: [], requirementIds: [] },
			{ ideas: [1, 2].map((p) => full(p)), wanted: 3, answers: [], requirementIds: [] },
			{ ideas: [1, 2, 3, 4].map((p) => full(p)), wanted: 3, answers: [], requirementIds: [] },
			{
				ideas: [...[1, 2].map((p) => full(p)), full(3, '\u00a0')],
				wanted: 2,
				answers: [],
				requirementIds: []
			},
			{
				ideas: [full(1)],
				wanted: 1,
				answers: [{ requirementId: R[0], meets: null, explanation: '' }],
				requirementIds: [R[0]]
			},
			{
				ideas: [full(1)],
				wanted: 1,
				answers: [{ requirementId: R[0], meets: false, explanation: '' }],
				requirementIds: [R[0]]
			},
			{ ideas: [full(1, '\t')], wanted: 1, answers: [], requirementIds: [R[1]] }
		];
		const idea = (position: number) =>
			fc.record({
				position: fc.constant(position),
				title: text,
				problem: text,
				idea: text,
				value: text
			});
		const RANDOM: Case[] = fc.sample(
			fc.record({
				ideas: fc
					.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 5 })
					.chain((positions) => fc.tuple(...positions.map(idea))),
				wanted: fc.integer({ min: 1, max: 4 }),
				answers: fc.array(
					fc.record({
						requirementId: fc.constantFrom(...R),
						meets: fc.constantFrom(true, false, null),
						explanation: fc.constant('')
					}),
					{ maxLength: 3 }
				),
				requirementIds: fc.subarray(R)
			}),
			{ numRuns: 300, seed: 8 }
		);
		const cases = [...FIXED, ...RANDOM];
		const answers = await sqlAnswers<string | null>(
			db(),
			`private.submission_problem(c -> 'ideas', (c ->> 'wanted')::int, c -> 'answers',
			   array(select jsonb_array_elements_text(c -> 'requirementIds'))::uuid[])`,
			cases
		);
		const page = cases.map((c) => {
			const problems = submissionProblems(c.ideas, c.answers, c.wanted, c.requirementIds);
			if (problems.some((p) => p.code !== 'answer_missing')) return 'ideas';
			return problems.length ? 'answers' : null;
		});
		expect(answers).toEqual(page);
		expect(answers.slice(0, FIXED.length)).toEqual([
			'ideas',
			null,
			'ideas',
			'ideas',
			null,
			'answers',
			null,
			'ideas'
		]);
		expect(new Set(answers)).toEqual(new Set(['ideas', 'answers', null]));
	});

	it('application window: private.applications_open answers as applicationsOpenAt', async () => {
		const owner = await createUser(db(), 'Window Owner');
		const org = await createOrganisation(db(), owner.id);
		const challenge = await createOpenChallenge(db(), org.id);
		const MIN = 60_000;
		type Case = { start: number; end: number };
		// Offsets from the database's now(), in ms: the edges (opens at now, closes at now,
		// one millisecond either side) and generated windows.
		const FIXED: Case[] = [
			{ start: 0, end: MIN },
			{ start: 1, end: MIN },
			{ start: -1, end: 0 },
			{ start: -MIN, end: 1 },
			{ start: -MIN, end: -1 },
			{ start: 1, end: 2 }
		];
		const RANDOM: Case[] = fc.sample(
			fc
				.tuple(fc.integer({ min: -10 * MIN, max: 10 * MIN }), fc.integer({ min: 1, max: 10 * MIN }))
				.map(([start, length]) => ({ start, end: start + length })),
			{ numRuns: 150, seed: 12 }
		);
		const cases = [...FIXED, ...RANDOM];
		// One transaction: now() is the same instant for every case.
		const { at, open } = await db().service('test: window parity', async (tx) => {
			const [{ now }] = await tx.query<{ now: Date }>('select now() as now');
			const answers: boolean[] = [];
			for (const c of cases) {
				await tx.query(
					`update public.challenge_stages
					 set starts_at = now() + make_interval(secs => $2::double precision / 1000),
					     ends_at = now() + make_interval(secs => $3::double precision / 1000)
					 where challenge_id = $1 and stage = 'applications'`,
					[challenge.id, c.start, c.end]
				);
				const [answer] = await tx.query<{ open: boolean }>(
					'select private.applications_open($1) as open',
					[challenge.id]
				);
				answers.push(answer.open);
			}
			return { at: new Date(now), open: answers };
		});
		const page = cases.map((c) =>
			applicationsOpenAt(
				[
					{
						stage: 'applications',
						startsAt: new Date(at.getTime() + c.start),
						endsAt: new Date(at.getTime() + c.end)
					}
				],
				at
			)
		);
		expect(open).toEqual(page);
		expect(open.slice(0, FIXED.length)).toEqual([true, false, false, true, false, false]);
	});

	it('screening: private.screening_refused refuses the forms parseScreening refuses', async () => {
		const R = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'];
		type Mark = { met: 'yes' | 'no' | ''; reason: string };
		type Case = {
			marks: Mark[];
			decision: 'eligible' | 'ineligible' | '';
			justification: string;
			requirementIds: string[];
		};
		const mark = fc.record({
			met: fc.constantFrom('yes', 'no', '') as fc.Arbitrary<Mark['met']>,
			reason: text
		});
		const FIXED: Case[] = [
			{
				marks: [{ met: 'no', reason: '   ' }],
				decision: '',
				justification: '',
				requirementIds: [R[0]]
			},
			{
				marks: [{ met: 'no', reason: 'late' }],
				decision: 'eligible',
				justification: 'ok',
				requirementIds: [R[0]]
			},
			{
				marks: [{ met: 'yes', reason: '' }],
				decision: 'eligible',
				justification: '\u00a0',
				requirementIds: [R[0]]
			},
			{
				marks: [{ met: '', reason: '' }],
				decision: 'ineligible',
				justification: 'no',
				requirementIds: [R[0]]
			},
			{
				marks: [{ met: 'yes', reason: '' }],
				decision: 'eligible',
				justification: 'fine',
				requirementIds: [R[0]]
			},
			{
				marks: [{ met: 'no', reason: 'none' }],
				decision: 'ineligible',
				justification: 'x',
				requirementIds: [R[0]]
			}
		];
		const RANDOM: Case[] = fc.sample(
			fc.record({
				marks: fc.tuple(mark, mark),
				decision: fc.constantFrom('eligible', 'ineligible', '') as fc.Arbitrary<Case['decision']>,
				justification: text,
				requirementIds: fc.subarray(R)
			}),
			{ numRuns: 300, seed: 13 }
		);
		const cases = [...FIXED, ...RANDOM];
		const page = cases.map((c) => {
			const raw: Record<string, string> = { decision: c.decision, justification: c.justification };
			c.marks.forEach((m, i) => {
				raw[`met_${R[i]}`] = m.met;
				raw[`reason_${R[i]}`] = m.reason;
			});
			return !parseScreening(raw, c.requirementIds).ok;
		});
		// What the app sends: the marks given (yes/no) and the decision, if any.
		const sent = cases.map((c) => ({
			marks: c.marks.flatMap((m, i) =>
				m.met ? [{ requirementId: R[i], met: m.met === 'yes', reason: m.reason }] : []
			),
			decision: c.decision
				? { eligible: c.decision === 'eligible', justification: c.justification }
				: null,
			requirementIds: c.requirementIds
		}));
		const answers = await sqlAnswers<boolean>(
			db(),
			`private.screening_refused(c -> 'marks', c -> 'decision',
			   array(select jsonb_array_elements_text(c -> 'requirementIds'))::uuid[])`,
			sent
		);
		expect(answers).toEqual(page);
		expect(answers.slice(0, FIXED.length)).toEqual([true, true, true, true, false, false]);
	});
});
