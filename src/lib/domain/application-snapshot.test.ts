import { describe, expect, it } from 'vitest';
import { snapshotCoverage, type Snapshot } from './application-snapshot';

const base: Snapshot = {
	application: 'a',
	challenge: { id: 'c', slug: 'c' },
	deadline: '2026-12-02T10:00:00.000Z',
	rules: { areas: ['design'], lookbackYears: 3, minTeamSize: 2, requireCommonHistory: true },
	team: {
		id: 't',
		name: 'T',
		description: '',
		homeOrganisations: [],
		members: [
			{ id: 'm1', name: 'One' },
			{ id: 'm2', name: 'Two' }
		]
	},
	workHistory: [
		{
			id: 'e1',
			memberId: 'm1',
			area: 'Design',
			organisation: 'O',
			role: 'R',
			start: '2024-01',
			end: null,
			description: '',
			evidenceUrl: null,
			evidenceFile: null
		}
	],
	commonProjects: [
		{
			id: 'p',
			title: 'P',
			start: '2024-02',
			end: '2024-06',
			description: '',
			evidenceUrl: null,
			evidenceFile: null,
			memberIds: ['m1', 'm2']
		}
	],
	ideas: [],
	answers: [],
	documents: []
};

describe('snapshotCoverage', () => {
	it('derives the coverage from what the snapshot froze, not from a stored verdict', () => {
		const coverage = snapshotCoverage({ ...base, coverage: { ok: false } as never });
		expect(coverage?.ok).toBe(true);
		expect(snapshotCoverage({ ...base, workHistory: [] })?.ok).toBe(false);
	});

	it('reads the stored coverage of a snapshot made before the rules were frozen with it', () => {
		const legacy = { ...base, rules: undefined, coverage: { ok: true } as never };
		expect(snapshotCoverage(legacy)).toEqual({ ok: true });
		expect(snapshotCoverage({ ...base, deadline: null })).toBeNull();
	});
});
