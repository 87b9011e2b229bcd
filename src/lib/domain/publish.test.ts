import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { publishIssueKey, publishIssues, publishWarnings, type PublishCandidate } from './publish';

const ready: PublishCandidate = {
	procedure: 'open_challenge',
	primaryLocale: 'fi',
	title: { fi: 'Lumiongelma' },
	summary: { fi: 'Keksitkö paremman tavan käsitellä lunta?' },
	contactEmail: 'owner@hel.example',
	stages: [
		{ stage: 'applications', startsAt: new Date('2026-01-01'), endsAt: new Date('2026-02-01') }
	],
	criteria: [],
	priceShare: null,
	deadlineNoticeDays: 7
};
/** A month before the applications deadline above. */
const NOW = new Date('2026-01-01');
const DAY = 86_400_000;

const requirements = {
	minTeamSize: 2,
	requireCommonHistory: true,
	shortlistCount: null,
	partnerCount: null
};

describe('publishing a draft', () => {
	it('is possible with a title, summary, contact and an application period', () => {
		expect(publishIssues(ready, NOW)).toEqual([]);
	});

	it('names everything still missing', () => {
		expect(
			publishIssues(
				{
					...ready,
					title: { en: 'Only English' },
					summary: {},
					contactEmail: '',
					stages: []
				},
				NOW
			)
		).toEqual([
			'publish_missing_title',
			'publish_missing_summary',
			'publish_missing_contact',
			'publish_missing_applications'
		]);
	});

	it('warns, not refuses, when an evaluated stage in the timetable has no criteria', () => {
		const stages = [
			...ready.stages,
			{
				stage: 'shortlisting' as const,
				startsAt: new Date('2026-02-02'),
				endsAt: new Date('2026-02-20')
			}
		];
		expect(publishIssues({ ...ready, stages }, NOW)).toEqual([]);
		expect(publishWarnings({ ...requirements, ...ready, stages })).toEqual([
			{ key: 'publish_warn_uncovered', stage: 'shortlisting' }
		]);
		const criteria = [
			{ stage: 'shortlisting' as const, name: { fi: 'Ideat' }, description: {}, maxPoints: 10 }
		];
		expect(publishWarnings({ ...requirements, ...ready, stages, criteria })).toEqual([]);
	});

	it('refuses a submission deadline less than the notice days ahead, or passed', () => {
		const deadline = ready.stages[0].endsAt.getTime();
		const at = (ms: number) => new Date(ms);
		// Exactly the notice ahead is enough; a millisecond less is not.
		expect(publishIssues(ready, at(deadline - 7 * DAY))).toEqual([]);
		expect(publishIssues(ready, at(deadline - 7 * DAY + 1))).toEqual([
			'publish_deadline_applications_soon'
		]);
		// A deadline that has passed, or is now, is refused the same way.
		expect(publishIssues(ready, at(deadline))).toEqual(['publish_deadline_applications_soon']);
		expect(publishIssues(ready, at(deadline + DAY))).toEqual([
			'publish_deadline_applications_soon'
		]);
		// The challenge's own notice days count, not the default.
		expect(publishIssues({ ...ready, deadlineNoticeDays: 1 }, at(deadline - 2 * DAY))).toEqual([]);
		expect(publishIssues({ ...ready, deadlineNoticeDays: 30 }, at(deadline - 29 * DAY))).toEqual([
			'publish_deadline_applications_soon'
		]);
	});

	it('judges the final tenders deadline (the end of the concepts stage) too', () => {
		const stages = [
			...ready.stages,
			{
				stage: 'concepts' as const,
				startsAt: new Date('2026-02-02'),
				endsAt: new Date('2026-02-10')
			}
		];
		const c = { ...ready, procedure: 'innovation_partnership' as const, stages };
		expect(publishIssues(c, NOW)).toEqual([]);
		// Both deadlines too close, in the order of SUBMISSION_DEADLINE_STAGES.
		expect(publishIssues(c, new Date('2026-02-05'))).toEqual([
			'publish_deadline_applications_soon',
			'publish_deadline_concepts_soon'
		]);
		// The applications deadline comes first in a valid timetable, so it is refused first
		// as the moment of publishing moves later.
		expect(publishIssues(c, new Date('2026-01-26'))).toContain(
			'publish_deadline_applications_soon'
		);
		expect(publishIssues(c, new Date('2026-01-20'))).toEqual([]);
		// The issue is the database's code; its words are the procedure's.
		expect(publishIssueKey('publish_deadline_concepts_soon', 'innovation_partnership')).toBe(
			'publish_deadline_concepts_soon'
		);
		expect(publishIssueKey('publish_deadline_concepts_soon', 'open_challenge')).toBe(
			'publish_oc_deadline_concepts_soon'
		);
		expect(publishIssueKey('publish_deadline_applications_soon', 'open_challenge')).toBe(
			'publish_deadline_applications_soon'
		);
	});

	it('refuses a deadline exactly when it is under the notice at that moment (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -40 * DAY, max: 40 * DAY }),
				fc.integer({ min: 1, max: 60 }),
				(ahead, days) => {
					const now = new Date(ready.stages[0].endsAt.getTime() - ahead);
					const issues = publishIssues({ ...ready, deadlineNoticeDays: days }, now);
					expect(issues.includes('publish_deadline_applications_soon')).toBe(ahead < days * DAY);
				}
			)
		);
	});

	it('refuses criteria without a name or with points out of range', () => {
		const criteria = [
			{ stage: 'selection' as const, name: { fi: '\u00a0' }, description: {}, maxPoints: 10 }
		];
		expect(publishIssues({ ...ready, criteria }, NOW)).toEqual(['publish_criteria_invalid']);
	});

	it('warns on requirements no team can meet', () => {
		expect(
			publishWarnings({
				...ready,
				minTeamSize: 1,
				requireCommonHistory: true,
				shortlistCount: 2,
				partnerCount: 3
			})
		).toEqual([
			{ key: 'publish_warn_history_team_of_one' },
			{ key: 'publish_warn_partners_over_shortlist' }
		]);
		expect(publishWarnings({ ...ready, ...requirements })).toEqual([]);
	});
});
