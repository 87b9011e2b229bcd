import { describe, expect, it } from 'vitest';
import { publishIssues, type PublishCandidate } from './publish';

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

	it('needs criteria for every evaluated stage in the timetable', () => {
		const stages = [
			...ready.stages,
			{
				stage: 'shortlisting' as const,
				startsAt: new Date('2026-02-02'),
				endsAt: new Date('2026-02-20')
			}
		];
		expect(publishIssues({ ...ready, stages })).toEqual(['publish_criteria_invalid']);
		const criteria = [
			{ stage: 'shortlisting' as const, name: { fi: 'Ideat' }, description: {}, maxPoints: 10 }
		];
		expect(publishIssues({ ...ready, stages, criteria })).toEqual([]);
	});
});
