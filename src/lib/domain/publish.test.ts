import { describe, expect, it } from 'vitest';
import { publishIssues, publishWarnings, type PublishCandidate } from './publish';

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
	priceShare: null
};

const requirements = {
	minTeamSize: 2,
	requireCommonHistory: true,
	shortlistCount: null,
	partnerCount: null
};

describe('publishing a draft', () => {
	it('is possible with a title, summary, contact and an application period', () => {
		expect(publishIssues(ready)).toEqual([]);
	});

	it('names everything still missing', () => {
		expect(
			publishIssues({
				...ready,
				title: { en: 'Only English' },
				summary: {},
				contactEmail: '',
				stages: []
			})
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
		expect(publishIssues({ ...ready, stages })).toEqual([]);
		expect(publishWarnings({ ...requirements, ...ready, stages })).toEqual([
			'publish_warn_uncovered_shortlisting'
		]);
		const criteria = [
			{ stage: 'shortlisting' as const, name: { fi: 'Ideat' }, description: {}, maxPoints: 10 }
		];
		expect(publishWarnings({ ...requirements, ...ready, stages, criteria })).toEqual([]);
	});

	it('refuses criteria without a name or with points out of range', () => {
		const criteria = [
			{ stage: 'selection' as const, name: { fi: '\u00a0' }, description: {}, maxPoints: 10 }
		];
		expect(publishIssues({ ...ready, criteria })).toEqual(['publish_criteria_invalid']);
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
		).toEqual(['publish_warn_history_team_of_one', 'publish_warn_partners_over_shortlist']);
		expect(publishWarnings({ ...ready, ...requirements })).toEqual([]);
	});
});
