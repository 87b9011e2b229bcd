import { addMonths } from '$lib/domain/bonus';
import type { LocalizedText } from '$lib/domain/locale';
import type { Database } from './db/database';
import { log } from './log';
import { reviewReport, saveCategory, saveTargets, submitReport } from './production';
import { DEMO_OWNER } from './seed-applications';
import { DEMO_JURY_CHALLENGE } from './seed-jury';

/**
 * The production phase of the innovation partnership demo (issue 14), after the City of
 * Helsinki's employment training (shared/seeds, "Results 7/2021 – 3/2022"): its six
 * outcome categories, and nine months of reports by the partner the go/no-go decision
 * continued, adding up to 20, 11, 11, 15, 13 and 12 results entitling to a bonus (82),
 * with 96 of 288 clients started progressed into work or training (33.3 %). The fifth
 * month was first reported with two permanent contracts too many, disputed by the owner
 * and corrected; the last month awaits the owner's review, every other is confirmed.
 * The euro amounts are the demo's own (the seed gives none).
 */
export const HELSINKI_CATEGORIES: { name: LocalizedText; bonusCents: number }[] = [
	{
		name: {
			fi: 'Toistaiseksi voimassa oleva työsuhde',
			sv: 'Anställning som gäller tills vidare',
			en: 'Employment contract until further notice'
		},
		bonusCents: 200_000
	},
	{
		name: {
			fi: 'Määräaikainen työsuhde, yli 6 kk',
			sv: 'Visstidsanställning, över 6 månader',
			en: 'Fixed-term employment over 6 months'
		},
		bonusCents: 150_000
	},
	{
		name: {
			fi: 'Määräaikainen työsuhde, alle 6 kk',
			sv: 'Visstidsanställning, under 6 månader',
			en: 'Fixed-term employment under 6 months'
		},
		bonusCents: 80_000
	},
	{
		name: {
			fi: 'Palkkatukityö yrityksessä tai järjestössä',
			sv: 'Lönesubventionerat arbete i ett företag eller en organisation',
			en: 'Pay-subsidised work in a company or organisation'
		},
		bonusCents: 100_000
	},
	{
		name: {
			fi: 'Palkkatukityö kaupungilla',
			sv: 'Lönesubventionerat arbete hos staden',
			en: 'Pay-subsidised work at the City'
		},
		bonusCents: 70_000
	},
	{
		name: {
			fi: 'Ammatillisten opintojen aloittaminen',
			sv: 'Påbörjade yrkesinriktade studier',
			en: 'Starting vocational education'
		},
		bonusCents: 120_000
	}
];

/**
 * Nine months, oldest first: clients started and progressed, and results per category
 * in HELSINKI_CATEGORIES' order. Column sums 20, 11, 11, 15, 13, 12; started 288;
 * progressed 96 (seed-production.test.ts checks it through bonusSummary).
 */
export const HELSINKI_MONTHS: { started: number; progressed: number; results: number[] }[] = [
	{ started: 40, progressed: 6, results: [1, 0, 1, 1, 1, 1] },
	{ started: 34, progressed: 10, results: [2, 1, 1, 2, 1, 1] },
	{ started: 30, progressed: 10, results: [2, 1, 2, 1, 2, 1] },
	{ started: 32, progressed: 13, results: [3, 2, 1, 2, 1, 2] },
	{ started: 28, progressed: 11, results: [2, 1, 1, 2, 2, 1] },
	{ started: 33, progressed: 11, results: [3, 1, 2, 2, 1, 1] },
	{ started: 31, progressed: 12, results: [2, 2, 1, 1, 2, 2] },
	{ started: 29, progressed: 10, results: [3, 1, 1, 2, 1, 1] },
	{ started: 31, progressed: 13, results: [2, 2, 1, 2, 2, 2] }
];

/** The month first reported wrong, disputed and corrected (index into HELSINKI_MONTHS). */
export const DISPUTED_MONTH = 4;

/**
 * Seeds the production phase on the demo challenge, through the same functions as the
 * app: the owner defines the categories and targets; the continued partner's lead
 * reports the nine months ending last month; the owner confirms them, disputes the fifth
 * (corrected as version 2, then confirmed) and leaves the last for review. Needs the
 * go/no-go decision of the poc seed (run last): without a partner in production it logs
 * and does nothing. Returns the partner's concept id, or null.
 */
export async function seedDemoProduction(db: Database): Promise<string | null> {
	try {
		const partner = await db.service('seed: the partner in production', async (tx) => {
			const [row] = await tx.query<{ concept: string; lead: string; current: string }>(
				`select c.id as concept,
				        (select t.lead_id from public.teams t where t.id = c.team_id) as lead,
				        to_char(date_trunc('month', now() at time zone 'Europe/Helsinki'), 'YYYY-MM-DD') as current
				 from public.concepts c
				 where c.id in (select private.production_concept_ids($1))
				 order by c.id limit 1`,
				[DEMO_JURY_CHALLENGE]
			);
			return row ?? null;
		});
		if (!partner?.lead) {
			log.warn('no partner in production on the demo challenge: production not seeded');
			return null;
		}
		const lead = { id: partner.lead };
		const categories = await db.as(DEMO_OWNER, async (tx) => {
			const ids: string[] = [];
			for (const c of HELSINKI_CATEGORIES) ids.push(await saveCategory(tx, DEMO_JURY_CHALLENGE, c));
			await saveTargets(tx, DEMO_JURY_CHALLENGE, null, {
				clientsToStart: 300,
				resultsToReach: 100
			});
			return ids;
		});
		const results = (counts: number[]) =>
			Object.fromEntries(categories.map((id, i) => [id, counts[i]]));
		const first = addMonths(partner.current, -HELSINKI_MONTHS.length);
		for (const [i, m] of HELSINKI_MONTHS.entries()) {
			const month = addMonths(first, i);
			const report = { month, clientsStarted: m.started, clientsProgressed: m.progressed };
			if (i === DISPUTED_MONTH) {
				const wrong = [m.results[0] + 2, ...m.results.slice(1)];
				const id = await db.as(lead, (tx) =>
					submitReport(tx, partner.concept, {
						...report,
						clientsProgressed: m.progressed + 2,
						results: results(wrong)
					})
				);
				await db.as(DEMO_OWNER, (tx) =>
					reviewReport(
						tx,
						id,
						'disputed',
						'Kaksi toistaiseksi voimassa olevaa työsopimusta alkoi vasta seuraavana kuukautena työsuhderekisterin mukaan. Korjatkaa luvut.'
					)
				);
			}
			const id = await db.as(lead, (tx) =>
				submitReport(tx, partner.concept, { ...report, results: results(m.results) })
			);
			if (i < HELSINKI_MONTHS.length - 1)
				await db.as(DEMO_OWNER, (tx) => reviewReport(tx, id, 'confirmed', ''));
		}
		return partner.concept;
	} catch (e) {
		log.error({ err: e }, 'production demo not seeded');
		return null;
	}
}
