import type { Database } from './db/database';
import { log } from './log';
import type { DemoApplication } from './seed-applications';
import { seedShortlistedChallenge, submitDemoTender } from './seed-shortlisted';

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
 * Seeds Youth Guidance Online (see DEMO_CONCEPT_CHALLENGE) through seedShortlistedChallenge,
 * then Kohtaamo Collective's concept and final tender through the concept functions.
 * Returns the shortlisting decision's id, or null when a step was refused (logged, not
 * thrown: the demo starts without it).
 */
export async function seedConceptChallenge(db: Database): Promise<string | null> {
	try {
		const seeded = await seedShortlistedChallenge(db, {
			id: DEMO_CONCEPT_CHALLENGE,
			slug: 'youth-guidance-online',
			title: {
				en: 'Youth Guidance Online',
				fi: 'Nuorten ohjaus verkossa',
				sv: 'Ungdomsvägledning på nätet'
			},
			summary: {
				en: 'How could young people get guidance online when and where they need it?',
				fi: 'Miten nuoret saisivat ohjausta verkossa silloin ja siellä, missä he sitä tarvitsevat?',
				sv: 'Hur kunde unga få vägledning på nätet när och där de behöver den?'
			},
			priceShare: 30,
			partnerCount: 1,
			requirement: {
				en: 'The team processes personal data in line with the GDPR.',
				fi: 'Tiimi käsittelee henkilötietoja tietosuoja-asetuksen mukaisesti.',
				sv: 'Teamet behandlar personuppgifter enligt dataskyddsförordningen.'
			},
			// Selection's 70 points of quality and the 30 % price share make 100, as in
			// Helsinki's procurement.
			criteria: [
				{
					stage: 'shortlisting',
					name: {
						en: "Understanding of young people's needs",
						fi: 'Nuorten tarpeiden ymmärrys',
						sv: 'Förståelse för ungas behov'
					},
					maxPoints: 60
				},
				{
					stage: 'shortlisting',
					name: { en: 'Relevant experience', fi: 'Relevantti kokemus', sv: 'Relevant erfarenhet' },
					maxPoints: 40
				},
				{
					stage: 'selection',
					name: {
						en: 'Reach and accessibility',
						fi: 'Tavoittavuus ja saavutettavuus',
						sv: 'Räckvidd och tillgänglighet'
					},
					maxPoints: 30
				},
				{
					stage: 'selection',
					name: { en: 'Quality of guidance', fi: 'Ohjauksen laatu', sv: 'Vägledningens kvalitet' },
					maxPoints: 20
				},
				{
					stage: 'selection',
					name: {
						en: 'Feasibility of the plan',
						fi: 'Suunnitelman toteutettavuus',
						sv: 'Planens genomförbarhet'
					},
					maxPoints: 20
				}
			],
			applications: APPLICATIONS,
			stages: [
				['market_dialogue', -70, -55, null, null],
				['applications', -50, -30, null, null],
				['screening', -29, -25, -25, 'Head of Youth Services'],
				['shortlisting', -24, -15, -15, 'Head of Youth Services'],
				['workshops', -14, -5, null, null],
				['selection', 31, 45, 46, 'Deputy Mayor'],
				['proof_of_concept', 50, 140, null, null],
				['production', 150, 700, null, null]
			],
			conceptsOpenForMinutes: 30 * 24 * 60,
			workshop: {
				title: 'Ohjauksen yhteiskehittämispäivä',
				cluster: 'Nuorten tavoittaminen',
				notes: NOTES,
				lang: 'fi'
			},
			shortlist: {
				reason: 'Meets the call and brings a distinct approach to the negotiations.',
				rationale: 'Both eligible tenderers are invited to the negotiations and to build a concept.'
			}
		});
		// Kohtaamo Collective's concept: two versions, built on its first idea and the
		// workshop's first note, submitted as its final tender (the receipt is mailed).
		await submitDemoTender(db, {
			lead: APPLICATIONS[0].lead,
			application: seeded.applications[0],
			versions: [
				CONCEPT,
				{
					...CONCEPT,
					summary: `${CONCEPT.summary} Every conversation ends with agreed next steps.`,
					budget: [...CONCEPT.budget, { item: 'Pilot with two youth centres', cents: 2_400_000 }]
				}
			],
			idea: 1,
			note: { board: seeded.board, id: seeded.noteIds[0] },
			priceCents: 9_800_000
		});
		return seeded.decision;
	} catch (err) {
		log.warn({ err }, 'youth guidance demo not seeded');
		return null;
	}
}
