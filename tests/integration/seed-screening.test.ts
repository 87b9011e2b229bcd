import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { snapshotCoverage, type Snapshot } from '../../src/lib/domain/application-snapshot';
import { describeEachDatabase } from './databases';

/**
 * Issue 16, item 4: the demo's screening said of Reitti what its own screening page
 * contradicted. For every demo application with a screening decision, the decision agrees
 * with what the screening page computes (snapshotCoverage: the team rules' shortfalls) and
 * with the requirements marked: eligible when nothing falls short, ineligible only when
 * something does; and its words claim no shortfall that is not computed.
 */
describeEachDatabase('demo screening decisions and the rules', (db) => {
	beforeAll(async () => {
		expect(await seedDemo(db(), 'Demo-password-2026!')).toContain('admin@talkoot.example');
	});

	it('agree with the computed shortfalls and the marks, in their words too', async () => {
		const rows = await db().service('test: demo screening', (tx) =>
			tx.query<{
				team: string;
				challenge: string;
				snapshot: Snapshot;
				eligible: boolean;
				justification: string;
				unmet: number;
				reasons: string[];
			}>(
				`select t.name as team, c.slug as challenge, a.snapshot, d.eligible, d.justification,
				   (select count(*)::int from public.screening_marks m
				    where m.application_id = a.id and not m.met) as unmet,
				   array(select m.reason from public.screening_marks m
				         where m.application_id = a.id and m.reason <> '') as reasons
				 from public.screening_decisions d
				 join public.applications a on a.id = d.application_id
				 join public.teams t on t.id = a.team_id
				 join public.challenges c on c.id = a.challenge_id
				 order by c.slug, t.name`
			)
		);
		expect(rows.length).toBeGreaterThan(20);
		const wrong: string[] = [];
		for (const r of rows) {
			const name = `${r.challenge} / ${r.team}`;
			const coverage = snapshotCoverage(r.snapshot);
			const shortfalls = coverage?.shortfalls ?? [];
			const fallsShort = shortfalls.length > 0 || r.unmet > 0;
			if (r.eligible && fallsShort)
				wrong.push(`${name}: eligible, but ${JSON.stringify(shortfalls)}, ${r.unmet} unmet`);
			if (!r.eligible && !fallsShort) wrong.push(`${name}: ineligible with nothing short`);
			const words = [r.justification, ...r.reasons].join(' ').toLowerCase();
			// Words that claim every area, size or requirement holds, against a shortfall …
			const claimsAll = /every (required area|minimum requirement)|covers every/.test(words);
			if (claimsAll && fallsShort) wrong.push(`${name}: "${r.justification}" against a shortfall`);
			// … and words that name a shortfall the rules do not compute.
			for (const area of r.snapshot.rules?.areas ?? []) {
				const named = words.includes(area.toLowerCase().replaceAll('_', ' '));
				const short = shortfalls.some((s) => s.code === 'area_not_covered' && s.area === area);
				if (named && /not covered|lacks|missing|no one|nobody/.test(words) && !short)
					wrong.push(`${name}: says ${area} is not covered; the rules find it covered`);
			}
			if (
				/too small|team of one|fewer than/.test(words) &&
				!shortfalls.some((s) => s.code === 'team_too_small')
			)
				wrong.push(`${name}: says the team is too small; the rules do not`);
			if (
				/no common (history|project)|never worked together/.test(words) &&
				!shortfalls.some((s) => s.code === 'no_common_history')
			)
				wrong.push(`${name}: says there is no common history; the rules find one`);
		}
		expect(wrong).toEqual([]);
	});
});
