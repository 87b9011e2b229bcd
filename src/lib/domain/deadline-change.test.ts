import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadMessages } from '$lib/messages.testing';
import { PROCEDURES } from './procedure';
import {
	classifyDeadlineChange,
	conceptsDeadlineWords,
	deadlineChangeAllowed,
	deadlineRefusalKey,
	earliestShortenedDeadline,
	judgeSubmissionDeadlines,
	SUBMISSION_DEADLINE_STAGES
} from './deadline-change';

const now = new Date('2026-11-30T10:00:00Z');
const dec2 = new Date('2026-12-02T14:00:00Z');

describe('classifyDeadlineChange', () => {
	it('refuses the Helsinki case: 2 December shortened to in two minutes', () => {
		const inTwoMinutes = new Date(now.getTime() + 2 * 60_000);
		expect(classifyDeadlineChange(dec2, inTwoMinutes, now, 7)).toBe('too_soon');
	});
	it('allows extending, and shortening to at least the minimum ahead', () => {
		const far = new Date('2027-02-01T14:00:00Z');
		expect(classifyDeadlineChange(dec2, far, now, 7)).toBe('extended');
		expect(classifyDeadlineChange(far, earliestShortenedDeadline(now, 7), now, 7)).toBe(
			'shortened'
		);
		expect(
			classifyDeadlineChange(far, new Date(earliestShortenedDeadline(now, 7).getTime() - 1), now, 7)
		).toBe('too_soon');
	});
	it('knows unchanged, removed and a first deadline', () => {
		expect(classifyDeadlineChange(dec2, new Date(dec2), now, 7)).toBe('unchanged');
		expect(classifyDeadlineChange(null, null, now, 7)).toBe('unchanged');
		expect(classifyDeadlineChange(dec2, null, now, 7)).toBe('removed');
		expect(classifyDeadlineChange(null, new Date('2027-01-01T00:00:00Z'), now, 7)).toBe('set');
		expect(classifyDeadlineChange(null, dec2, now, 7)).toBe('too_soon');
	});
	it('refuses moving a deadline that has passed, later (reopening) or earlier', () => {
		const yesterday = new Date(now.getTime() - 86_400_000);
		const farAhead = new Date('2027-02-01T14:00:00Z');
		expect(classifyDeadlineChange(yesterday, farAhead, now, 7)).toBe('passed');
		expect(classifyDeadlineChange(yesterday, new Date(now.getTime() + 60_000), now, 7)).toBe(
			'passed'
		);
		expect(classifyDeadlineChange(yesterday, new Date(yesterday.getTime() - 1), now, 1)).toBe(
			'passed'
		);
		// At the very moment it ends it has passed (the database unseals at ends_at <= now()).
		expect(classifyDeadlineChange(now, farAhead, now, 7)).toBe('passed');
		expect(classifyDeadlineChange(new Date(now.getTime() + 1), farAhead, now, 7)).toBe('extended');
		// Left as it was it is no change; taken away it is a removal.
		expect(classifyDeadlineChange(yesterday, new Date(yesterday), now, 7)).toBe('unchanged');
		expect(classifyDeadlineChange(yesterday, null, now, 7)).toBe('removed');
		expect(deadlineChangeAllowed('passed')).toBe(false);
	});
});

describe('judgeSubmissionDeadlines', () => {
	const DAY = 86_400_000;
	const at = (days: number) => new Date(now.getTime() + days * DAY);
	const timetable = (applications: Date | null, concepts: Date | null) => [
		{ stage: 'market_dialogue', endsAt: at(-40) },
		...(applications ? [{ stage: 'applications', endsAt: applications }] : []),
		{ stage: 'screening', endsAt: at(-10) },
		...(concepts ? [{ stage: 'concepts', endsAt: concepts }] : [])
	];
	it('judges the final tenders deadline as the applications one', () => {
		const before = timetable(at(-30), at(30));
		const verdicts = judgeSubmissionDeadlines(before, timetable(at(-30), at(1 / 24)), now, 7);
		expect(verdicts.map((v) => [v.stage, v.change])).toEqual([
			['applications', 'unchanged'],
			['concepts', 'too_soon']
		]);
		expect(judgeSubmissionDeadlines(before, timetable(at(-30), null), now, 7)[1].change).toBe(
			'removed'
		);
		expect(judgeSubmissionDeadlines(before, timetable(at(-30), at(40)), now, 7)[1].change).toBe(
			'extended'
		);
		expect(judgeSubmissionDeadlines(before, timetable(at(-30), at(8)), now, 7)[1]).toEqual({
			stage: 'concepts',
			previous: at(30),
			next: at(8),
			change: 'shortened'
		});
	});
	it('refuses reopening a passed applications or final tenders deadline', () => {
		const before = timetable(at(-30), at(-1));
		const verdicts = judgeSubmissionDeadlines(before, timetable(at(10), at(20)), now, 7);
		expect(verdicts.map((v) => v.change)).toEqual(['passed', 'passed']);
		// The other stages are not submission deadlines: moving them is not judged here.
		const moved = before.map((w) => (w.stage === 'screening' ? { ...w, endsAt: at(5) } : { ...w }));
		expect(judgeSubmissionDeadlines(before, moved, now, 7).map((v) => v.change)).toEqual([
			'unchanged',
			'unchanged'
		]);
	});
	it('says each refusal in words of its own stage and procedure', () => {
		const keys = PROCEDURES.flatMap((procedure) =>
			SUBMISSION_DEADLINE_STAGES.flatMap((stage) =>
				(['removed', 'too_soon', 'passed'] as const).map((c) =>
					deadlineRefusalKey(stage, c, procedure)
				)
			)
		);
		// The applications deadline's three are the same in both procedures.
		expect(new Set(keys).size).toBe(9);
		expect(deadlineRefusalKey('concepts', 'passed', 'innovation_partnership')).toBe(
			'deadlines_error_concepts_passed'
		);
		expect(deadlineRefusalKey('concepts', 'passed', 'open_challenge')).toBe(
			'deadlines_oc_error_concepts_passed'
		);
	});

	// An open challenge's teams hand in concepts, no tenders (Act 1397/2016 §38–39 are the
	// partnership's): its owner is never told of a final tenders deadline, in any language.
	it('names final tenders in a partnership only, in fi, sv and en', () => {
		const tenders = { en: /tender/i, fi: /tarjou/i, sv: /anbud/i };
		for (const [locale, word] of Object.entries(tenders)) {
			const messages = loadMessages(locale);
			const texts = (procedure: (typeof PROCEDURES)[number]) => {
				const w = conceptsDeadlineWords(procedure);
				return [
					w.rule,
					w.shorteningLive,
					w.warning,
					w.publishSoon,
					...Object.values(w.refused)
				].map((key) => {
					expect(messages[key], `${locale} ${key}`).toBeDefined();
					return JSON.stringify(messages[key]);
				});
			};
			for (const text of texts('open_challenge')) expect(text).not.toMatch(word);
			for (const text of texts('innovation_partnership')) expect(text).toMatch(word);
		}
	});
});

const date = fc.date({
	min: new Date('2020-01-01T00:00:00Z'),
	max: new Date('2030-01-01T00:00:00Z'),
	noInvalidDate: true
});

describe('classifyDeadlineChange (properties)', () => {
	it('an allowed change never ends earlier than the minimum ahead, unless it extends', () => {
		fc.assert(
			fc.property(
				fc.option(date),
				fc.option(date),
				date,
				fc.integer({ min: 1, max: 60 }),
				(p, n, at, days) => {
					const change = classifyDeadlineChange(p, n, at, days);
					if (deadlineChangeAllowed(change) && change !== 'unchanged' && change !== 'extended') {
						expect(n!.getTime()).toBeGreaterThanOrEqual(at.getTime() + days * 86_400_000);
					}
					if (change === 'extended') expect(n!.getTime()).toBeGreaterThan(p!.getTime());
				}
			)
		);
	});
	it('a passed deadline never moves: the only allowed verdict for it is unchanged', () => {
		fc.assert(
			fc.property(
				date,
				fc.option(date),
				fc.integer({ min: 0, max: 1e10 }),
				fc.integer({ min: 1, max: 60 }),
				(p, n, since, days) => {
					const at = new Date(p.getTime() + since);
					const change = classifyDeadlineChange(p, n, at, days);
					if (deadlineChangeAllowed(change)) expect(change).toBe('unchanged');
					if (n !== null && n.getTime() !== p.getTime()) expect(change).toBe('passed');
				}
			)
		);
	});
	it('extending a deadline still ahead is allowed, and a longer minimum never allows more', () => {
		fc.assert(
			fc.property(
				date,
				fc.integer({ min: 1, max: 1e9 }),
				date,
				fc.integer({ min: 1, max: 59 }),
				(p, ms, at, days) => {
					expect(classifyDeadlineChange(p, new Date(p.getTime() + ms), at, days)).toBe(
						p.getTime() > at.getTime() ? 'extended' : 'passed'
					);
					const next = new Date(p.getTime() - ms);
					if (!deadlineChangeAllowed(classifyDeadlineChange(p, next, at, days)))
						expect(deadlineChangeAllowed(classifyDeadlineChange(p, next, at, days + 1))).toBe(
							false
						);
				}
			)
		);
	});
});

describe('judgeSubmissionDeadlines (properties)', () => {
	const window = (stage: string) =>
		fc.option(
			date.map((endsAt) => ({ stage, endsAt })),
			{ nil: undefined }
		);
	const timetable = fc
		.tuple(window('applications'), window('workshops'), window('concepts'))
		.map((ws) => ws.filter((w) => w !== undefined));
	it('judges every submission stage, each as classifyDeadlineChange does', () => {
		fc.assert(
			fc.property(timetable, timetable, date, fc.integer({ min: 1, max: 60 }), (p, n, at, d) => {
				const verdicts = judgeSubmissionDeadlines(p, n, at, d);
				expect(verdicts.map((v) => v.stage)).toEqual([...SUBMISSION_DEADLINE_STAGES]);
				for (const v of verdicts) {
					const end = (l: typeof p) => l.find((w) => w.stage === v.stage)?.endsAt ?? null;
					expect(v.change).toBe(classifyDeadlineChange(end(p), end(n), at, d));
				}
			})
		);
	});
});
