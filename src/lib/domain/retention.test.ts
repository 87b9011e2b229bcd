import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addHelsinkiMonths,
	applicationsDue,
	retentionClosesAt,
	retentionDue,
	selectedApplications,
	type GateDecision
} from './retention';
import { toHelsinkiLocal } from './helsinki-time';

const at = (iso: string) => new Date(iso);
/** Instants from 2000 until `max`. */
const instants = (max = '2090-01-01T00:00:00Z', min = '2000-01-01T00:00:00Z') =>
	fc.date({ min: at(min), max: at(max), noInvalidDate: true });

describe('addHelsinkiMonths', () => {
	it('keeps the Helsinki wall-clock time across summer time', () => {
		// 10:00 in Helsinki in January (UTC+2) is 10:00 in July (UTC+3).
		expect(addHelsinkiMonths(at('2026-01-15T08:00:00Z'), 6).toISOString()).toBe(
			'2026-07-15T07:00:00.000Z'
		);
		expect(addHelsinkiMonths(at('2026-01-15T08:00:00Z'), 24).toISOString()).toBe(
			'2028-01-15T08:00:00.000Z'
		);
	});

	it('counts Helsinki calendar months, not UTC ones', () => {
		// 31 Jan 23:30 UTC is already 1 February in Helsinki: a month later is 1 March.
		expect(toHelsinkiLocal(addHelsinkiMonths(at('2027-01-31T23:30:00Z'), 1))).toBe(
			'2027-03-01T01:30'
		);
	});

	it('clamps the day to the last of a shorter month', () => {
		expect(toHelsinkiLocal(addHelsinkiMonths(at('2027-01-31T10:00:00Z'), 1))).toBe(
			'2027-02-28T12:00'
		);
		expect(toHelsinkiLocal(addHelsinkiMonths(at('2027-01-31T10:00:00Z'), 13))).toBe(
			'2028-02-29T12:00'
		);
	});

	it('reads a skipped or repeated wall-clock time at UTC+2, as PostgreSQL does', () => {
		// 29 March 2026 03:30 is skipped in Helsinki; 25 October 2026 03:30 happens twice.
		expect(addHelsinkiMonths(at('2026-01-29T01:30:00Z'), 2).toISOString()).toBe(
			'2026-03-29T01:30:00.000Z'
		);
		expect(addHelsinkiMonths(at('2025-03-29T01:30:00Z'), 12).toISOString()).toBe(
			'2026-03-29T01:30:00.000Z'
		);
		expect(addHelsinkiMonths(at('2026-09-25T00:30:00Z'), 1).toISOString()).toBe(
			'2026-10-25T01:30:00.000Z'
		);
	});

	it('is later than its start and keeps the wall-clock minute (property)', () => {
		fc.assert(
			fc.property(instants(), fc.integer({ min: 1, max: 240 }), (from, months) => {
				const to = addHelsinkiMonths(from, months);
				expect(to.getTime()).toBeGreaterThan(from.getTime());
				// At least 28 days a month, at most 31, give or take the clocks' hour.
				const days = (to.getTime() - from.getTime()) / 86_400_000;
				expect(days).toBeGreaterThanOrEqual(months * 28 - 1);
				expect(days).toBeLessThanOrEqual(months * 31 + 1);
				expect(to.getUTCMinutes()).toBe(from.getUTCMinutes());
				expect(to.getUTCMilliseconds()).toBe(from.getUTCMilliseconds());
			})
		);
	});

	it('is monotonic in the months (property)', () => {
		fc.assert(
			fc.property(instants(), fc.integer({ min: 1, max: 120 }), (from, months) => {
				expect(addHelsinkiMonths(from, months + 1).getTime()).toBeGreaterThan(
					addHelsinkiMonths(from, months).getTime()
				);
			})
		);
	});
});

describe('retentionDue', () => {
	const closed = at('2025-06-30T12:00:00Z');

	it('is due from the moment the months have passed, not a second before', () => {
		const end = addHelsinkiMonths(closed, 24);
		expect(retentionDue(closed, 24, new Date(end.getTime() - 1))).toBe(false);
		expect(retentionDue(closed, 24, end)).toBe(true);
		expect(retentionDue(closed, 24, at('2030-01-01T00:00:00Z'))).toBe(true);
	});

	it('never for a challenge that has not closed', () => {
		expect(retentionDue(null, 1, at('2100-01-01T00:00:00Z'))).toBe(false);
	});

	it('fewer months are due no later than more (property)', () => {
		fc.assert(
			fc.property(
				instants('2060-01-01T00:00:00Z'),
				instants('2080-01-01T00:00:00Z'),
				fc.integer({ min: 1, max: 60 }),
				fc.integer({ min: 0, max: 60 }),
				(closes, now, months, more) => {
					if (retentionDue(closes, months + more, now))
						expect(retentionDue(closes, months, now)).toBe(true);
					if (now.getTime() < closes.getTime())
						expect(retentionDue(closes, months, now)).toBe(false);
				}
			)
		);
	});
});

describe('retentionClosesAt', () => {
	const published = (iso: string) => ({ publishedAt: at(iso) });

	it('is the later of the last stage end and the last published decision', () => {
		expect(
			retentionClosesAt({
				published: true,
				stageEnds: [at('2025-01-01T00:00:00Z'), at('2025-05-01T00:00:00Z')],
				decisions: [published('2025-03-01T00:00:00Z'), published('2025-06-01T00:00:00Z')]
			})?.toISOString()
		).toBe('2025-06-01T00:00:00.000Z');
		expect(
			retentionClosesAt({
				published: true,
				stageEnds: [at('2025-09-01T00:00:00Z')],
				decisions: [published('2025-06-01T00:00:00Z')]
			})?.toISOString()
		).toBe('2025-09-01T00:00:00.000Z');
	});

	it('is not closed while unpublished, while a decision is a draft, or with nothing', () => {
		const stageEnds = [at('2025-01-01T00:00:00Z')];
		expect(retentionClosesAt({ published: false, stageEnds, decisions: [] })).toBeNull();
		expect(
			retentionClosesAt({
				published: true,
				stageEnds,
				decisions: [published('2025-02-01T00:00:00Z'), { publishedAt: null }]
			})
		).toBeNull();
		expect(retentionClosesAt({ published: true, stageEnds: [], decisions: [] })).toBeNull();
	});
});

describe('selectedApplications', () => {
	const d = (
		id: string,
		stage: GateDecision['stage'],
		publishedAt: string | null,
		chosen: string[],
		notChosen: string[] = [],
		extra: Partial<GateDecision> = {}
	): GateDecision => ({
		id,
		stage,
		kind: 'decision',
		publishedAt: publishedAt ? at(publishedAt) : null,
		replaces: null,
		items: [
			...chosen.map((applicationId) => ({ applicationId, chosen: true })),
			...notChosen.map((applicationId) => ({ applicationId, chosen: false }))
		],
		...extra
	});

	it('takes the selection over the shortlisting', () => {
		const decisions = [
			d('s1', 'shortlisting', '2025-01-01T00:00:00Z', ['a', 'b', 'c'], ['d']),
			d('s2', 'selection', '2025-03-01T00:00:00Z', ['a'], ['b', 'c'])
		];
		expect([...selectedApplications(decisions)]).toEqual(['a']);
	});

	it('takes the shortlisting when there was no published selection', () => {
		const decisions = [
			d('s1', 'shortlisting', '2025-01-01T00:00:00Z', ['a', 'b'], ['c']),
			d('s2', 'selection', null, ['a'], ['b'])
		];
		expect([...selectedApplications(decisions)].sort()).toEqual(['a', 'b']);
	});

	it('reads a published correction instead of the decision it replaces', () => {
		const decisions = [
			d('s1', 'selection', '2025-01-01T00:00:00Z', ['a'], ['b']),
			d('s2', 'selection', '2025-02-01T00:00:00Z', ['b'], ['a'], {
				kind: 'correction',
				replaces: 's1'
			})
		];
		expect([...selectedApplications(decisions)]).toEqual(['b']);
		// An unpublished correction replaces nothing yet.
		decisions[1].publishedAt = null;
		expect([...selectedApplications(decisions)]).toEqual(['a']);
	});

	it('ignores screening and proof-of-concept decisions; nobody without a gate', () => {
		const decisions = [
			d('s1', 'screening', '2025-01-01T00:00:00Z', ['a', 'b']),
			d('s2', 'proof_of_concept', '2025-02-01T00:00:00Z', ['a'])
		];
		expect(selectedApplications(decisions).size).toBe(0);
	});
});

describe('applicationsDue', () => {
	const challenge = {
		published: true,
		stageEnds: [at('2024-01-01T00:00:00Z')],
		decisions: [
			{
				id: 'sel',
				stage: 'selection' as const,
				kind: 'decision' as const,
				publishedAt: at('2024-02-01T00:00:00Z'),
				replaces: null,
				items: [
					{ applicationId: 'a', chosen: true },
					{ applicationId: 'b', chosen: false }
				]
			}
		],
		applicationIds: ['a', 'b', 'draft']
	};

	it('lists the applications of teams not selected once the months have passed', () => {
		expect(applicationsDue(challenge, 24, at('2026-02-01T00:00:00Z'))).toEqual(['b', 'draft']);
		expect(applicationsDue(challenge, 24, at('2026-01-31T00:00:00Z'))).toEqual([]);
	});

	it('never lists a selected application (property)', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 }),
				fc.integer({ min: 1, max: 60 }),
				instants('2040-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
				(chosen, months, now) => {
					const items = ['a', 'b', 'c', 'd', 'e'].map((applicationId) => ({
						applicationId,
						chosen: chosen.includes(applicationId)
					}));
					const due = applicationsDue(
						{
							...challenge,
							decisions: [{ ...challenge.decisions[0], items }],
							applicationIds: ['a', 'b', 'c', 'd', 'e']
						},
						months,
						now
					);
					for (const id of due) expect(chosen).not.toContain(id);
					if (due.length) expect(due.length).toBe(5 - chosen.length);
				}
			)
		);
	});
});
