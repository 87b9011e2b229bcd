import { DEFAULT_AGENDA } from '$lib/domain/board';
import type { Database } from './db/database';
import { prepareDecision, publishDecision } from './decisions';
import {
	linkBoardElement,
	linkIdea,
	saveConcept,
	startConcept,
	submitFinalTender
} from './concepts';
import { log } from './log';
import {
	DEMO_OWNER,
	screenEligible,
	submitDemoApplication,
	type DemoApplication
} from './seed-applications';
import { scheduleWorkshop, workshopBoards } from './workshops/schedule';

/**
 * Youth Guidance Online (City of Helsinki, issue 14): a challenge whose concepts are being
 * built now. Kohtaamo Collective and Osaamissilta applied and were found eligible, the
 * published shortlisting decision chose both, and their shared workshop left notes and a
 * cluster on its board; the 'concepts' stage is open for 30 more days, so a team can build
 * a concept on its ideas and the workshop and submit it as a final tender (price share 30 %).
 * Kohtaamo Collective has done so (two versions, an idea and a note linked, a final tender
 * at 98 000 €); Osaamissilta has not started yet.
 */
export const DEMO_CONCEPT_CHALLENGE = '20000000-0000-4000-8000-0000000000c1';
const FACILITATOR = { id: '00000000-0000-4000-8000-000000000005' };

const APPLICATIONS: DemoApplication[] = [
	{
		team: '50000000-0000-4000-8000-000000000001', // Kohtaamo Collective
		lead: '00000000-0000-4000-8000-000000000004', // solver@team.example
		ideas: [
			{
				title: 'Chat with a guidance counsellor',
				problem: 'Young people do not walk into a guidance office, but they do answer messages.',
				idea: 'A chat where a counsellor answers within the day, in Finnish, Swedish or English.',
				value: 'Guidance reaches young people where they already are.'
			},
			{
				title: 'Next step cards',
				problem: 'After guidance nobody remembers what was agreed.',
				idea: 'Each conversation ends with a card of the next steps, shared with the young person.',
				value: 'Agreed steps get done, and the next counsellor knows where to start.'
			}
		],
		explanation: 'Conversations are stored in the EU and deleted after a year.'
	},
	{
		team: '50000000-0000-4000-8000-000000000002', // Osaamissilta
		lead: '00000000-0000-4000-8000-000000000009', // lead@osaamissilta.example
		ideas: [
			{
				title: 'Peer guides',
				problem: 'Advice from adults feels distant to many young people.',
				idea: 'Trained young peer guides answer first and bring in a counsellor when needed.',
				value: 'More young people ask for guidance, and counsellors focus on what needs them.'
			},
			{
				title: 'Guidance in games',
				problem: 'Many young people spend their evenings in online games.',
				idea: 'Counsellors hold office hours in popular game communities.',
				value: 'Guidance meets young people who use no other service.'
			}
		],
		explanation: 'We process personal data only with consent, on servers in Finland.'
	}
];

/** Kohtaamo Collective's concept as first saved. */
const CONCEPT = {
	title: 'Same-day guidance chat',
	summary: 'Young people chat with a guidance counsellor and get an answer the same day.',
	description:
		'Counsellors of the youth services answer in **Finnish, Swedish or English** within the working day.\n\n- one queue for all counsellors\n- the young person chooses the language',
	plan: 'Design with young people in spring, pilot in two youth centres in autumn.',
	budget: [{ item: 'Design and build', cents: 5_200_000 }]
};

/**
 * What the workshop's shared board holds at its end: in Finnish (board_notes.lang 'fi'),
 * though Kohtaamo Collective's lead, who wrote the first, reads the app in English.
 */
const NOTES = [
	'Vastaus samana päivänä on tärkeämpi kuin aukioloajat',
	'Nuoret haluavat valita keskustelun kielen',
	'Ohjaajat tarvitsevat yhteisen näkymän sovituista jatkoaskelista'
];

/**
 * Seeds Youth Guidance Online (see DEMO_CONCEPT_CHALLENGE) through the app's own functions
 * where there are any (applying, screening, scheduling the workshop, the decision); its
 * stages and the board's notes are written directly. Returns the decision's id, or null
 * when a step was refused (logged, not thrown: the demo starts without it).
 */
export async function seedConceptChallenge(db: Database): Promise<string | null> {
	try {
		await db.service('seed: youth guidance challenge', async (tx) => {
			await tx.query(
				`insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary,
				   procedure, status, published_at, created_by, idea_count, shortlist_count, partner_count,
				   price_share)
				 values ($1, '10000000-0000-4000-8000-000000000001', 'youth-guidance-online', 'en',
				   '{"en": "Youth Guidance Online", "fi": "Nuorten ohjaus verkossa", "sv": "Ungdomsvägledning på nätet"}',
				   '{"en": "How could young people get guidance online when and where they need it?",
				     "fi": "Miten nuoret saisivat ohjausta verkossa silloin ja siellä, missä he sitä tarvitsevat?",
				     "sv": "Hur kunde unga få vägledning på nätet när och där de behöver den?"}',
				   'innovation_partnership', 'published', now() - interval '60 days', $2, 2, 2, 1, 30)`,
				[DEMO_CONCEPT_CHALLENGE, DEMO_OWNER.id]
			);
			await tx.query(
				`insert into public.challenge_requirements (challenge_id, position, statement)
				 values ($1, 1, '{"en": "The team processes personal data in line with the GDPR.", "fi": "Tiimi käsittelee henkilötietoja tietosuoja-asetuksen mukaisesti.", "sv": "Teamet behandlar personuppgifter enligt dataskyddsförordningen."}')`,
				[DEMO_CONCEPT_CHALLENGE]
			);
			// Criteria of both evaluated stages; selection's 70 points of quality and the 30 %
			// price share make 100, as in Helsinki's procurement.
			await tx.query(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 select $1, s, p, n::jsonb, x from (values
				   ('shortlisting', 1, '{"en": "Understanding of young people''s needs", "fi": "Nuorten tarpeiden ymmärrys", "sv": "Förståelse för ungas behov"}', 60),
				   ('shortlisting', 2, '{"en": "Relevant experience", "fi": "Relevantti kokemus", "sv": "Relevant erfarenhet"}', 40),
				   ('selection', 1, '{"en": "Reach and accessibility", "fi": "Tavoittavuus ja saavutettavuus", "sv": "Räckvidd och tillgänglighet"}', 30),
				   ('selection', 2, '{"en": "Quality of guidance", "fi": "Ohjauksen laatu", "sv": "Vägledningens kvalitet"}', 20),
				   ('selection', 3, '{"en": "Feasibility of the plan", "fi": "Suunnitelman toteutettavuus", "sv": "Planens genomförbarhet"}', 20)) t(s, p, n, x)`,
				[DEMO_CONCEPT_CHALLENGE]
			);
			// Applications open for the demo teams to apply; moved into the past below.
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, 'applications', now() - interval '50 days', now() + interval '1 hour')`,
				[DEMO_CONCEPT_CHALLENGE]
			);
		});
		const applications: string[] = [];
		for (const demo of APPLICATIONS) {
			const id = await submitDemoApplication(db, DEMO_CONCEPT_CHALLENGE, demo);
			if (!id) return null;
			applications.push(id);
		}
		await db.service('seed: youth guidance timetable', async (tx) => {
			await tx.query('delete from public.challenge_stages where challenge_id = $1', [
				DEMO_CONCEPT_CHALLENGE
			]);
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
				 select $1, s, date_trunc('day', now()) + b * interval '1 day',
				   date_trunc('day', now()) + e * interval '1 day',
				   (date_trunc('day', now()) + d * interval '1 day')::date, g
				 from (values
				   ('market_dialogue', -70, -55, null::int, null::text),
				   ('applications', -50, -30, null, null),
				   ('screening', -29, -25, -25, 'Head of Youth Services'),
				   ('shortlisting', -24, -15, -15, 'Head of Youth Services'),
				   ('workshops', -14, -5, null, null),
				   ('concepts', -4, 30, null, null),
				   ('selection', 31, 45, 46, 'Deputy Mayor'),
				   ('proof_of_concept', 50, 140, null, null),
				   ('production', 150, 700, null, null)) t(s, b, e, d, g)`,
				[DEMO_CONCEPT_CHALLENGE]
			);
		});
		for (const id of applications) await screenEligible(db, DEMO_CONCEPT_CHALLENGE, id);
		const workshop = await db.as(FACILITATOR, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: DEMO_CONCEPT_CHALLENGE,
				title: 'Ohjauksen yhteiskehittämispäivä',
				startsAt: new Date(Date.now() - 10 * 24 * 3600_000),
				mode: 'shared',
				agenda: DEFAULT_AGENDA,
				teamIds: APPLICATIONS.map((a) => a.team),
				guests: []
			})
		);
		const [board] = await db.as(FACILITATOR, (tx) => workshopBoards(tx, workshop));
		const noteIds = NOTES.map(() => crypto.randomUUID());
		await db.service('seed: the workshop board', async (tx) => {
			const cluster = crypto.randomUUID();
			await tx.query(
				`insert into public.board_clusters (board_id, id, name, added_seq, lang) values ($1, $2, $3, 1, 'fi')`,
				[board.id, cluster, 'Nuorten tavoittaminen']
			);
			for (const [i, body] of NOTES.entries()) {
				await tx.query(
					`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, cluster_id, added_seq, lang)
					 values ($1, $2, $3, $4, 'yellow', $5, 40, $6, $7, 'fi')`,
					[
						board.id,
						noteIds[i],
						APPLICATIONS[i % 2].lead,
						body,
						40 + i * 220,
						i < 2 ? cluster : null,
						i + 2
					]
				);
			}
			await tx.query(`update public.workshops set status = 'ended' where id = $1`, [workshop]);
		});
		const decision = await db.as(DEMO_OWNER, async (tx) => {
			const id = await prepareDecision(tx, DEMO_CONCEPT_CHALLENGE, 'shortlisting', {
				items: applications.map((item, i) => ({
					item,
					chosen: true,
					rank: i + 1,
					reason: 'Meets the call and brings a distinct approach to the negotiations.'
				})),
				details: {
					rationale:
						'Both eligible tenderers are invited to the negotiations and to build a concept.'
				}
			});
			await publishDecision(tx, id);
			return id;
		});
		// Kohtaamo Collective's concept: two versions, built on its first idea and the
		// workshop's first note, submitted as its final tender (the receipt is mailed).
		await db.as({ id: APPLICATIONS[0].lead }, async (tx) => {
			const concept = await startConcept(tx, applications[0]);
			const first = await saveConcept(tx, concept, { version: 0, content: CONCEPT });
			const second = await saveConcept(tx, concept, {
				version: first.version,
				content: {
					...CONCEPT,
					summary: `${CONCEPT.summary} Every conversation ends with agreed next steps.`,
					budget: [...CONCEPT.budget, { item: 'Pilot with two youth centres', cents: 2_400_000 }]
				}
			});
			await linkIdea(tx, concept, 1);
			await linkBoardElement(tx, concept, 'board_note', board.id, noteIds[0]);
			await submitFinalTender(tx, concept, second.version, 9_800_000);
		});
		return decision;
	} catch (err) {
		log.warn({ err }, 'youth guidance demo not seeded');
		return null;
	}
}
