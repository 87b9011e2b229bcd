import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readiness } from './readiness';
import { teamCoverage, type WorkEntry } from './experience';
import type { Answer, Idea } from './application-schemas';

const REQ = '11111111-1111-4111-8111-111111111111';
const deadline = new Date('2026-12-25T14:00:00Z');
const full = (position: number): Idea => ({
	position,
	title: `T${position}`,
	problem: 'p',
	idea: 'i',
	value: 'v'
});
const ideas = [1, 2, 3].map(full);
const answers: Answer[] = [{ requirementId: REQ, meets: true, explanation: '' }];

describe('readiness', () => {
	// The Helsinki case: every field filled in, but three areas uncovered and no common
	// history although the challenge requires one. The box said "ready"; the owner did not.
	it('warns of uncovered areas and missing common history when everything is filled in', () => {
		const coverage = teamCoverage(
			['a', 'b'],
			[{ memberId: 'a', area: 'service_design', start: '2025-01', end: null }],
			[],
			{
				areas: ['service_design', 'ai', 'law', 'business_design'],
				lookbackYears: 3,
				minTeamSize: 2,
				requireCommonHistory: true
			},
			deadline
		);
		const r = readiness({ ideas, answers, ideaCount: 3, requirementIds: [REQ], coverage });
		expect(r.blocking).toEqual([]);
		expect(r.submittable).toBe(true);
		expect(r.complete).toBe(false);
		expect(r.warnings).toEqual([
			{ code: 'area_not_covered', area: 'ai' },
			{ code: 'area_not_covered', area: 'law' },
			{ code: 'area_not_covered', area: 'business_design' },
			{ code: 'no_common_history' }
		]);
	});

	it('warns of a team below the minimum size', () => {
		const coverage = teamCoverage(
			['a'],
			[],
			[],
			{ areas: [], lookbackYears: 1, minTeamSize: 3, requireCommonHistory: false },
			deadline
		);
		const r = readiness({ ideas, answers, ideaCount: 3, requirementIds: [REQ], coverage });
		expect(r.warnings).toEqual([{ code: 'team_too_small', have: 1, need: 3 }]);
	});

	it('blocks on a file chosen but not uploaded, after the missing fields', () => {
		const r = readiness({
			ideas: ideas.slice(0, 2),
			answers,
			ideaCount: 3,
			requirementIds: [REQ],
			coverage: null,
			pendingFiles: [{ requirementId: null, name: 'cv.pdf' }]
		});
		expect(r.submittable).toBe(false);
		expect(r.blocking.at(-1)).toEqual({
			code: 'file_pending',
			requirementId: null,
			name: 'cv.pdf'
		});
		expect(r.blocking[0]).toMatchObject({ code: 'idea_missing', position: 3 });
	});

	it('is complete only with nothing blocking and nothing to warn of', () => {
		const r = readiness({ ideas, answers, ideaCount: 3, requirementIds: [REQ], coverage: null });
		expect(r).toEqual({ blocking: [], warnings: [], submittable: true, complete: true });
	});
});

describe('readiness, for any team and draft', () => {
	const area = fc.constantFrom('ai', 'law', 'design', 'data');
	const month = fc
		.tuple(fc.integer({ min: 2018, max: 2026 }), fc.integer({ min: 1, max: 12 }))
		.map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
	const member = fc.constantFrom('a', 'b', 'c');
	const entry: fc.Arbitrary<WorkEntry> = fc.record({
		memberId: member,
		area,
		start: month,
		end: fc.constant(null)
	});
	const world = fc.record({
		members: fc.uniqueArray(member, { minLength: 1 }),
		entries: fc.array(entry, { maxLength: 6 }),
		areas: fc.uniqueArray(area),
		minTeamSize: fc.integer({ min: 1, max: 4 }),
		requireCommonHistory: fc.boolean(),
		projectMembers: fc.uniqueArray(member),
		ideaCount: fc.integer({ min: 1, max: 3 }),
		filled: fc.integer({ min: 0, max: 3 }),
		pending: fc.array(fc.constantFrom(null, REQ), { maxLength: 2 }),
		answered: fc.boolean()
	});

	it('warns of exactly the coverage shortfalls and blocks on exactly what is missing', () => {
		fc.assert(
			fc.property(world, (w) => {
				const coverage = teamCoverage(
					w.members,
					w.entries,
					[{ memberIds: w.projectMembers, start: '2025-01', end: null }],
					{
						areas: w.areas,
						lookbackYears: 3,
						minTeamSize: w.minTeamSize,
						requireCommonHistory: w.requireCommonHistory
					},
					deadline
				);
				const r = readiness({
					ideas: [1, 2, 3].slice(0, w.filled).map(full),
					answers: [{ requirementId: REQ, meets: w.answered ? true : null, explanation: '' }],
					ideaCount: w.ideaCount,
					requirementIds: [REQ],
					coverage,
					pendingFiles: w.pending.map((requirementId) => ({ requirementId, name: 'x.pdf' }))
				});
				// Never "all ✓" while the matrix shows a gap (the reported contradiction).
				expect(r.warnings).toEqual(coverage.shortfalls);
				if (!coverage.ok) expect(r.complete).toBe(false);
				// Warnings never block; blocking items do, a pending file among them.
				const missing = Math.max(0, w.ideaCount - w.filled) * 4 + (w.answered ? 0 : 1);
				const extra = w.filled > w.ideaCount ? 1 : 0;
				expect(r.blocking).toHaveLength(missing + extra + w.pending.length);
				expect(r.submittable).toBe(r.blocking.length === 0);
				expect(r.complete).toBe(r.submittable && coverage.ok);
			})
		);
	});
});
