import type { Database } from './db/database';
import { hashToken } from './auth/tokens';
import { evaluate, priceMaxPoints, proposeTopK, type Scorecard } from '$lib/domain/jury';
import type { Criterion } from '$lib/domain/criteria';
import { prepareDecision, publishDecision } from './decisions';
import { log } from './log';
import { DEMO_OWNER } from './seed-applications';
import { DEMO_JURORS, DEMO_JURY_CHALLENGE } from './seed-jury';

/**
 * The worked example's selection (issues 13 and 14: "three final tenders, two selected"),
 * after the City of Helsinki's innovation partnership for employment training: of the five
 * teams shortlisted (src/lib/server/seed-decisions.ts), three submitted a final tender with
 * a price before the concepts deadline; the three jurors scored them on the selection
 * criteria (30/10/10/10/10 quality points, price 30 points: 70 × 30 ÷ 70), and the chair
 * published the selection decision choosing the two best totals (the challenge's partner
 * count). The lowest price moves Taitotalo Consortium ahead of Työote: price counts.
 *
 * The concepts and final tenders are written as the platform would have written them when
 * the teams submitted (a named service job, as the seed's timetable is: the concept
 * functions of issue 14 come in their own migration); everything after — the jury, its
 * scores and the decision — goes through the app's own functions, so the teams are mailed
 * and the scores frozen. The proof-of-concept phase continues from the two partners.
 */

/** The three tenders: team, the quality the jury sees in it (share of 70), price in cents. */
const TENDERS: { team: string; quality: number; priceCents: number; plan: string }[] = [
	{
		team: 'Työote',
		quality: 0.87,
		priceCents: 1_180_000_00,
		plan: 'Kehitysvaihe 6 kk: 200 asiakasta, valmentaja työpaikalla ensimmäiset 8 viikkoa.'
	},
	{
		team: 'Taitotalo Consortium',
		quality: 0.81,
		priceCents: 960_000_00,
		// In the team's working language, English, as the rest of its concept.
		plan: 'Development phase of 6 months: 180 clients in three trades, with an apprenticeship path.'
	},
	{
		team: 'Reitti',
		quality: 0.74,
		priceCents: 1_050_000_00,
		plan: 'Kehitysvaihe 6 kk: 150 asiakasta, digitaalinen työnhakuvalmennus ja ryhmät.'
	}
];

/** A juror's points on a criterion: the tender's quality moved by the juror's leniency. */
function points(quality: number, max: number, juror: number, criterion: number) {
	const leniency = [0, -0.05, 0.03][juror];
	const raw = Math.min(1, Math.max(0, quality + leniency + ((criterion % 3) - 1) * 0.02));
	return Math.round(raw * max * 2) / 2;
}

const WORDS: [number, string][] = [
	[0.85, 'erinomainen: konkreettinen, mitattava ja uudenlainen'],
	[0.75, 'hyvä: selkeä ja toteuttamiskelpoinen'],
	[0.6, 'tyydyttävä: osin yleisellä tasolla'],
	[0, 'heikko: jää yleiselle tasolle']
];
const words = (share: number) => WORDS.find(([least]) => share >= least)![1];

/**
 * Seeds the worked example's selection; takes the shortlisting's applications by team
 * name (seedDemoJury). Returns the selection decision's id, or null when it could not be
 * made (logged, not thrown: the demo starts without it).
 */
export async function seedDemoSelection(
	db: Database,
	applications: Map<string, string>
): Promise<string | null> {
	try {
		await submitTenders(db, applications);
		const jurors: string[] = [];
		for (const juror of DEMO_JURORS) jurors.push(await appoint(db, juror));
		const tenders = await db.as(DEMO_OWNER, (tx) =>
			tx.query<{ item: string; team: string }>(
				`select item, team_name as team from public.jury_items($1, 'selection')`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		for (const juror of DEMO_JURORS) {
			await db.as(juror, (tx) =>
				tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
					DEMO_JURY_CHALLENGE,
					'selection',
					tenders.map((t) => ({ itemKind: 'final_tender', item: t.item, conflict: false }))
				])
			);
		}
		await db.as(DEMO_OWNER, (tx) =>
			tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
				DEMO_JURY_CHALLENGE,
				'selection',
				jurors.flatMap((juror) =>
					tenders.map((t) => ({ juror, itemKind: 'final_tender', item: t.item }))
				)
			])
		);
		for (const [j, juror] of DEMO_JURORS.entries()) {
			await db.as(juror, async (tx) => {
				const criteria = await tx.query<{ id: string; max_points: number }>(
					`select id, max_points from public.challenge_criteria
					 where challenge_id = $1 and stage = 'selection' order by position, id`,
					[DEMO_JURY_CHALLENGE]
				);
				for (const t of tenders) {
					const quality = TENDERS.find((x) => x.team === t.team)?.quality ?? 0.5;
					await tx.query("select public.jury_submit_scores('final_tender', $1, $2::jsonb)", [
						t.item,
						criteria.map((c, i) => {
							const p = points(quality, c.max_points, j, i);
							return {
								criterion: c.id,
								points: p,
								justification: `${t.team}: ${words(p / c.max_points)}.`
							};
						})
					]);
				}
			});
		}
		return await decide(db);
	} catch (err) {
		log.warn({ err }, 'demo selection not seeded');
		return null;
	}
}

/**
 * Each tendering team's concept (one saved version, built on its first preliminary idea)
 * and its final tender, frozen two days before the concepts deadline with its SHA-256 (as
 * the application's: public.snapshot_digest) and price.
 */
/** The concept of a team writing in English (Taitotalo Consortium). */
function englishContent(t: (typeof TENDERS)[number]) {
	return {
		title: `${t.team}: coaching at the workplace, results in view`,
		summary:
			'A coach goes with each client to the workplace, and every client’s path to work or training is recorded in figures every month.',
		description: `## Solution\n\n${t.team} brings together coaching at the workplace and a multidisciplinary team. The client tells their situation once and gets support from one place.\n\n## Results\n\nThe city pays for results: employment contracts, apprenticeships and starting training.`,
		plan: t.plan,
		budget: [
			{ item: 'Coaches', cents: Math.round(t.priceCents * 0.6) },
			{ item: 'Multidisciplinary team', cents: Math.round(t.priceCents * 0.3) },
			{ item: 'Follow-up and reporting', cents: t.priceCents - Math.round(t.priceCents * 0.9) }
		]
	};
}

async function submitTenders(db: Database, applications: Map<string, string>) {
	await db.service('seed: the final tenders the teams submitted', async (tx) => {
		for (const t of TENDERS) {
			const application = applications.get(t.team);
			if (!application) continue;
			const [a] = await tx.query<{
				team: string;
				lang: string;
				/** The application's language: the idea's title is frozen with it. */
				ideaLang: string;
				lead: string;
				idea: string;
				deadline: Date;
			}>(
				`select a.team_id as team, tm.lang, a.lang as "ideaLang", a.submitted_by as lead,
				   (select i.title from public.application_ideas i
				    where i.application_id = a.id order by i.position limit 1) as idea,
				   s.ends_at as deadline
				 from public.applications a
				 join public.teams tm on tm.id = a.team_id
				 join public.challenge_stages s on s.challenge_id = a.challenge_id and s.stage = 'concepts'
				 where a.id = $1`,
				[application]
			);
			const submittedAt = new Date(new Date(a.deadline).getTime() - 2 * 86_400_000);
			// A team writes its concept in its working language (teams.lang): the pages mark
			// the frozen text with it, so the seed's words are in that language too.
			const content =
				a.lang === 'en'
					? englishContent(t)
					: {
							title: `${t.team}: valmennus työpaikalla, tulokset näkyviin`,
							summary:
								'Valmentaja kulkee asiakkaan mukana työpaikalle, ja jokaisen asiakkaan polku työhön tai koulutukseen kirjataan lukuina kuukausittain.',
							description: `## Ratkaisu\n\n${t.team} yhdistää työpaikalla tapahtuvan valmennuksen ja monialaisen tiimin. Asiakas kertoo tilanteensa kerran ja saa tuen yhdestä paikasta.\n\n## Tulokset\n\nKaupunki maksaa tuloksista: työsopimuksista, oppisopimuksista ja koulutuksen aloittamisesta.`,
							plan: t.plan,
							budget: [
								{ item: 'Valmentajat', cents: Math.round(t.priceCents * 0.6) },
								{ item: 'Monialainen tiimi', cents: Math.round(t.priceCents * 0.3) },
								{
									item: 'Seuranta ja raportointi',
									cents: t.priceCents - Math.round(t.priceCents * 0.9)
								}
							]
						};
			const [concept] = await tx.query<{ id: string }>(
				`insert into public.concepts (challenge_id, team_id, application_id, version, title, summary,
				   description, plan, budget, created_at, updated_at, updated_by)
				 values ($1, $2, $3, 1, $4, $5, $6, $7, $8::text::jsonb, $9, $9, $10) returning id`,
				[
					DEMO_JURY_CHALLENGE,
					a.team,
					application,
					content.title,
					content.summary,
					content.description,
					content.plan,
					JSON.stringify(content.budget),
					new Date(submittedAt.getTime() - 86_400_000),
					a.lead
				]
			);
			await tx.query(
				`insert into public.concept_versions (concept_id, version, title, summary, description, plan,
				   budget, saved_at, saved_by)
				 select id, 1, title, summary, description, plan, budget, updated_at, updated_by
				 from public.concepts where id = $1`,
				[concept.id]
			);
			await tx.query(
				`insert into public.concept_links (concept_id, kind, application_id, idea_position, label,
				   linked_at, linked_by)
				 values ($1, 'idea', $2, 1, $3, $4, $5)`,
				[
					concept.id,
					application,
					a.idea ?? '',
					new Date(submittedAt.getTime() - 86_400_000),
					a.lead
				]
			);
			const snapshot = {
				concept: concept.id,
				version: 1,
				team: { id: a.team, name: t.team, lang: a.lang },
				...content,
				priceCents: t.priceCents,
				links: [{ kind: 'idea', label: a.idea ?? '', lang: a.ideaLang, ideaPosition: 1 }],
				attachments: [],
				submittedAt: submittedAt.toISOString(),
				submittedBy: a.lead
			};
			await tx.query(
				`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest,
				   price_cents, submitted_at, submitted_by)
				 values ($1, $2, $3, 1, $4::text::jsonb, public.snapshot_digest($4::text::jsonb), $5, $6, $7)`,
				[
					concept.id,
					DEMO_JURY_CHALLENGE,
					a.team,
					JSON.stringify(snapshot),
					t.priceCents,
					submittedAt,
					a.lead
				]
			);
		}
	});
}

/** Appoints one juror to the selection jury as the app does (invitation, acceptance). */
async function appoint(db: Database, juror: { id: string; email: string }): Promise<string> {
	await db.as(DEMO_OWNER, (tx) =>
		tx.query('select public.jury_invite($1, $2, $3)', [
			DEMO_JURY_CHALLENGE,
			'selection',
			juror.email
		])
	);
	const [mail] = await db.service('seed: the demo selection jury invitation', (tx) =>
		tx.query<{ path: string }>(
			`delete from private.mail_outbox
			 where id = (select max(id) from private.mail_outbox
			             where template = 'jury_invitation' and to_email = $1)
			 returning params ->> 'path' as path`,
			[juror.email]
		)
	);
	await db.as(juror, (tx) =>
		tx.query('select public.jury_accept_invitation($1)', [hashToken(mail.path.split('/').pop()!)])
	);
	const [row] = await db.service('seed: the demo selection juror', (tx) =>
		tx.query<{ id: string }>(
			`select id from public.jury_members
			 where challenge_id = $1 and stage = 'selection' and user_id = $2`,
			[DEMO_JURY_CHALLENGE, juror.id]
		)
	);
	return row.id;
}

/**
 * The chair ranks the tenders as the results page does (evaluate with price points:
 * priceMaxPoints of the 70 quality points at the challenge's 30 % share), chooses the top
 * two (the partner count) with a reason each, and publishes.
 */
async function decide(db: Database): Promise<string> {
	return db.as(DEMO_OWNER, async (tx) => {
		const criteria = await tx.query<{ id: string; max_points: number }>(
			`select id, max_points from public.challenge_criteria
			 where challenge_id = $1 and stage = 'selection' order by position, id`,
			[DEMO_JURY_CHALLENGE]
		);
		const cards = await tx.query<{ juror: string; item: string; points: number[] }>(
			`select juror, item, points from public.jury_scorecards($1, 'selection')
			 where points is not null`,
			[DEMO_JURY_CHALLENGE]
		);
		const items = await tx.query<{
			item: string;
			submittedAt: Date;
			price: number;
			team: string;
		}>(
			`select item, submitted_at as "submittedAt", price_cents::float8 as price, team_name as team
			 from public.jury_items($1, 'selection')`,
			[DEMO_JURY_CHALLENGE]
		);
		const [{ share, k }] = await tx.query<{ share: number; k: number }>(
			'select price_share as share, partner_count as k from public.challenges where id = $1',
			[DEMO_JURY_CHALLENGE]
		);
		const stage: Criterion[] = criteria.map((c) => ({
			stage: 'selection',
			name: {},
			description: {},
			maxPoints: c.max_points
		}));
		const quality = criteria.reduce((sum, c) => sum + c.max_points, 0);
		const ranked = evaluate({
			criteria: stage,
			items,
			scorecards: cards as Scorecard[],
			priceMaxPoints: priceMaxPoints(quality, share)
		}).items;
		const { proposed } = proposeTopK(ranked, k);
		const n = (x: number | null) => (x === null ? '–' : x.toFixed(2).replace('.', ','));
		const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
		const id = await prepareDecision(tx, DEMO_JURY_CHALLENGE, 'selection', {
			items: ranked.map((r) => ({
				itemKind: 'final_tender',
				item: r.item,
				chosen: proposed.includes(r.item),
				rank: r.rank,
				reason: `${proposed.includes(r.item) ? 'Valittiin kumppaniksi' : 'Ei valittu kumppaniksi'}: laatu ${n(r.quality)} + hinta ${n(r.price)} = ${n(r.total)} pistettä 100:sta.`,
				quality: round(r.quality),
				price: round(r.price),
				total: round(r.total)
			})),
			details: {
				rationale:
					'Raati arvioi kolme lopullista tarjousta viidellä laatuperusteella (30/10/10/10/10 pistettä, yhteensä 70) ja hinnan perusteella (30 pistettä: halvin hinta saa 30 pistettä, muut halvin ÷ hinta × 30). Innovaatiokumppaneiksi valitaan kaksi kokonaispisteiltään parasta tarjoajaa.',
				decidedOn: undefined
			}
		});
		await publishDecision(tx, id);
		return id;
	});
}
