import type { Database } from './db/database';
import { hashToken } from './auth/tokens';
import { evaluate, priceMaxPoints, proposeTopK, type Scorecard } from '$lib/domain/jury';
import type { Criterion } from '$lib/domain/criteria';
import { prepareDecision, publishDecision } from './decisions';
import { linkIdea, saveConcept, startConcept, submitFinalTender } from './concepts';
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
 * Everything goes through the app's own functions in the name of whoever acts — the
 * teams' concepts and final tenders (submitTenders), the jury, its scores and the
 * decision — so the record is the database's own, the teams are mailed and the scores
 * frozen; only the times that must lie in the past are moved there (submitTenders). The
 * proof-of-concept phase continues from the two partners.
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

/** The concept of a team writing in Finnish. */
function finnishContent(t: (typeof TENDERS)[number]) {
	return {
		title: `${t.team}: valmennus työpaikalla, tulokset näkyviin`,
		summary:
			'Valmentaja kulkee asiakkaan mukana työpaikalle, ja jokaisen asiakkaan polku työhön tai koulutukseen kirjataan lukuina kuukausittain.',
		description: `## Ratkaisu\n\n${t.team} yhdistää työpaikalla tapahtuvan valmennuksen ja monialaisen tiimin. Asiakas kertoo tilanteensa kerran ja saa tuen yhdestä paikasta.\n\n## Tulokset\n\nKaupunki maksaa tuloksista: työsopimuksista, oppisopimuksista ja koulutuksen aloittamisesta.`,
		plan: t.plan,
		budget: [
			{ item: 'Valmentajat', cents: Math.round(t.priceCents * 0.6) },
			{ item: 'Monialainen tiimi', cents: Math.round(t.priceCents * 0.3) },
			{ item: 'Seuranta ja raportointi', cents: t.priceCents - Math.round(t.priceCents * 0.9) }
		]
	};
}

/**
 * Each tendering team's concept and final tender, made by its lead through the same
 * functions as the concept page (src/lib/server/concepts.ts: start, one save built on its
 * first preliminary idea, submit with the price), so the snapshot, its SHA-256 and the
 * lineage are the database's own. The worked example's concepts deadline passed 25 days
 * before seeding, and the functions refuse after it (by the database's clock), as they
 * should; so the stage is reopened for the submitting and then, as named service jobs,
 * the history is put where it happened: the deadline back, each concept saved three days
 * and its tender submitted two days before it (the snapshot's submission time and
 * deadline with them, its digest computed again by public.snapshot_digest), and the
 * receipts mailed then dropped from the outbox. Nothing is written for a team whose
 * application is missing.
 */
async function submitTenders(db: Database, applications: Map<string, string>) {
	// Direct: a deadline that has passed cannot be submitted to; opened for an hour.
	const [{ deadline }] = await db.service('seed: the worked example concepts reopened', (tx) =>
		tx.query<{ deadline: Date }>(
			`update public.challenge_stages s set ends_at = now() + interval '1 hour'
			 from public.challenge_stages old
			 where old.challenge_id = s.challenge_id and old.stage = s.stage
			   and s.challenge_id = $1 and s.stage = 'concepts'
			 returning old.ends_at as deadline`,
			[DEMO_JURY_CHALLENGE]
		)
	);
	try {
		for (const t of TENDERS) {
			const application = applications.get(t.team);
			if (!application) continue;
			const [a] = await db.service('seed: a tendering team', (tx) =>
				tx.query<{ lang: string; lead: string }>(
					`select tm.lang, a.submitted_by as lead
					 from public.applications a join public.teams tm on tm.id = a.team_id
					 where a.id = $1`,
					[application]
				)
			);
			// A team writes its concept in its working language (teams.lang): the pages mark
			// the frozen text with it, so the seed's words are in that language too.
			const content = a.lang === 'en' ? englishContent(t) : finnishContent(t);
			await db.as({ id: a.lead }, async (tx) => {
				const concept = await startConcept(tx, application);
				const saved = await saveConcept(tx, concept, { version: 0, content });
				await linkIdea(tx, concept, 1);
				await submitFinalTender(tx, concept, saved.version, t.priceCents);
			});
		}
	} finally {
		// Direct: the history as it happened before the deadline, 25 days before seeding.
		await db.service('seed: the worked example final tenders in the past', async (tx) => {
			await tx.query(
				`update public.challenge_stages set ends_at = $2
				 where challenge_id = $1 and stage = 'concepts'`,
				[DEMO_JURY_CHALLENGE, deadline]
			);
			const saved = `$2::timestamptz - interval '72 hours'`;
			const submitted = `$2::timestamptz - interval '48 hours'`;
			await tx.query(
				`update public.concepts set created_at = ${saved}, updated_at = ${saved}
				 where challenge_id = $1`,
				[DEMO_JURY_CHALLENGE, deadline]
			);
			await tx.query(
				`update public.concept_versions v set saved_at = ${saved}
				 from public.concepts c where c.id = v.concept_id and c.challenge_id = $1`,
				[DEMO_JURY_CHALLENGE, deadline]
			);
			await tx.query(
				`update public.concept_links l set linked_at = ${saved}
				 from public.concepts c where c.id = l.concept_id and c.challenge_id = $1`,
				[DEMO_JURY_CHALLENGE, deadline]
			);
			await tx.query(
				`update public.final_tenders f set submitted_at = ${submitted}, snapshot = x.snapshot,
				   digest = public.snapshot_digest(x.snapshot)
				 from (select id, snapshot || jsonb_build_object(
				         'submittedAt', private.iso_time(${submitted}),
				         'deadline', private.iso_time($2::timestamptz)) as snapshot
				       from public.final_tenders where challenge_id = $1) x
				 where x.id = f.id`,
				[DEMO_JURY_CHALLENGE, deadline]
			);
			await tx.query(
				`delete from private.mail_outbox where template = 'final_tender_receipt'
				 and params ->> 'path' in (select '/concepts/' || id from public.concepts
				                          where challenge_id = $1)`,
				[DEMO_JURY_CHALLENGE]
			);
		});
	}
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
