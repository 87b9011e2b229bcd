import type { Criterion } from '$lib/domain/criteria';
import { evaluate, proposeTopK, type Scorecard } from '$lib/domain/jury';
import type { Database } from './db/database';
import { prepareDecision, publishDecision } from './decisions';
import { log } from './log';
import { DEMO_OWNER } from './seed-applications';
import { DEMO_JURY_CHALLENGE } from './seed-jury';

/**
 * The worked example's shortlisting decision (issue 13: "a newcomer sees a finished
 * shortlisting decision"): the chair ranks the nine scored applications as the results
 * page does (evaluate, src/lib/domain/jury), proposes the top five (the challenge's
 * shortlist count), records a reason for each and publishes — through the same functions
 * as the app (src/lib/server/decisions.ts), so the teams are mailed and the scores frozen.
 * Returns the decision's id, or null when it could not be made (logged, not thrown: the
 * demo starts without it).
 */
export async function seedDemoDecision(db: Database): Promise<string | null> {
	try {
		return await db.as(DEMO_OWNER, async (tx) => {
			const criteria = await tx.query<{ id: string; max_points: number }>(
				`select id, max_points from public.challenge_criteria
				 where challenge_id = $1 and stage = 'shortlisting' order by position, id`,
				[DEMO_JURY_CHALLENGE]
			);
			const scores = await tx.query<{
				juror: string;
				item: string;
				criterion: string;
				points: string;
			}>(
				`select s.juror_id as juror, s.application_id as item, s.criterion_id as criterion, s.points
				 from public.jury_scores s join public.jury_members j on j.id = s.juror_id
				 where j.challenge_id = $1 and j.stage = 'shortlisting' and s.state = 'submitted'`,
				[DEMO_JURY_CHALLENGE]
			);
			const items = await tx.query<{ item: string; submittedAt: Date; team: string }>(
				`select a.id as item, a.submitted_at as "submittedAt", t.name as team
				 from public.applications a join public.teams t on t.id = a.team_id
				 where a.challenge_id = $1 and a.status = 'submitted'`,
				[DEMO_JURY_CHALLENGE]
			);
			const order = criteria.map((c) => c.id);
			const cards = new Map<string, Scorecard & { points: number[] }>();
			for (const s of scores) {
				const key = `${s.juror}/${s.item}`;
				const card = cards.get(key) ?? {
					juror: s.juror,
					item: s.item,
					points: order.map(() => 0)
				};
				card.points[order.indexOf(s.criterion)] = Number(s.points);
				cards.set(key, card);
			}
			const stage: Criterion[] = criteria.map((c) => ({
				stage: 'shortlisting',
				name: {},
				description: {},
				maxPoints: c.max_points
			}));
			const ranked = evaluate({ criteria: stage, items, scorecards: [...cards.values()] }).items;
			const { proposed } = proposeTopK(ranked, 5);
			const total = (n: number | null) => (n === null ? '–' : n.toFixed(2).replace('.', ','));
			const id = await prepareDecision(tx, DEMO_JURY_CHALLENGE, 'shortlisting', {
				items: ranked.map((r) => ({
					item: r.item,
					chosen: proposed.includes(r.item),
					rank: r.rank,
					reason: proposed.includes(r.item)
						? `Sijoittui viiden parhaan joukkoon: ${total(r.total)} pistettä 70:stä.`
						: `Jäi viiden parhaan ulkopuolelle: ${total(r.total)} pistettä 70:stä.`,
					quality: r.quality === null ? null : Math.round(r.quality * 100) / 100,
					total: r.total === null ? null : Math.round(r.total * 100) / 100
				})),
				details: {
					rationale:
						'Raati arvioi yhdeksän alustavaa tarjousta viidellä arviointiperusteella (30/10/10/10/10 pistettä). Neuvotteluihin valitaan viisi eniten pisteitä saanutta tarjoajaa. Yksi arvioija ilmoitti esteellisyytensä yhden tarjoajan kohdalla eikä arvioinut sitä.'
				}
			});
			await publishDecision(tx, id);
			return id;
		});
	} catch (err) {
		log.warn({ err }, 'demo decision not seeded');
		return null;
	}
}
