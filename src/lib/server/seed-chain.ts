import type { Database } from './db/database';
import { config } from './config';
import { log } from './log';
import {
	seedShortlistedChallenge,
	submitDemoTender,
	type ShortlistedChallengeSeed
} from './seed-shortlisted';

/**
 * Digital Job Coaching (City of Helsinki, issue 14): the whole chain from a published
 * shortlist to production, still ahead. Mentori and Uraverkko were shortlisted and took
 * part in a workshop; Uraverkko has submitted its final tender (120 000 €); Mentori has
 * not started its concept. The concepts stage closes DEMO_CHAIN_CONCEPTS_MINUTES after
 * seeding (20 days by default): the end-to-end suite sets a few minutes, so that one run
 * can build a concept, pass the deadline, score, select, prove and report
 * (tests/e2e/chain.spec.ts). No jury, no selection, no proof of concept yet.
 */
export const DEMO_CHAIN_CHALLENGE = '20000000-0000-4000-8000-0000000000d1';

const MENTORI = {
	team: '50000000-0000-4000-8000-000000000207',
	lead: '00000000-0000-4000-8000-000000000107'
};
const URAVERKKO = {
	team: '50000000-0000-4000-8000-000000000208',
	lead: '00000000-0000-4000-8000-000000000108'
};

const SEED: Omit<ShortlistedChallengeSeed, 'conceptsOpenForMinutes'> = {
	id: DEMO_CHAIN_CHALLENGE,
	slug: 'digital-job-coaching',
	title: {
		en: 'Digital Job Coaching',
		fi: 'Digitaalinen työvalmennus',
		sv: 'Digital jobbcoachning'
	},
	summary: {
		en: 'How could job seekers get coaching online between their meetings with a coach?',
		fi: 'Miten työnhakijat saisivat valmennusta verkossa valmentajan tapaamisten välillä?',
		sv: 'Hur kunde arbetssökande få coachning på nätet mellan mötena med en coach?'
	},
	priceShare: 30,
	partnerCount: 1,
	// Two providers, each applying as its own organisation (as to the worked example).
	teamRules: { areas: ['service_design'], minTeamSize: 1, commonHistory: false },
	requirement: {
		en: 'The service meets WCAG 2.1 AA.',
		fi: 'Palvelu täyttää WCAG 2.1 AA -vaatimukset.',
		sv: 'Tjänsten uppfyller WCAG 2.1 AA.'
	},
	criteria: [
		{
			stage: 'shortlisting',
			name: {
				en: 'Understanding of job seekers',
				fi: 'Työnhakijoiden ymmärrys',
				sv: 'Förståelse för arbetssökande'
			},
			maxPoints: 50
		},
		{
			stage: 'shortlisting',
			name: { en: 'Relevant experience', fi: 'Relevantti kokemus', sv: 'Relevant erfarenhet' },
			maxPoints: 50
		},
		{
			stage: 'selection',
			name: {
				en: 'Effect on employment',
				fi: 'Vaikutus työllistymiseen',
				sv: 'Effekt på sysselsättningen'
			},
			maxPoints: 40
		},
		{
			stage: 'selection',
			name: {
				en: 'Feasibility of the plan',
				fi: 'Suunnitelman toteutettavuus',
				sv: 'Planens genomförbarhet'
			},
			maxPoints: 30
		}
	],
	applications: [
		{
			...MENTORI,
			ideas: [
				{
					title: 'Vertaismentorit verkossa',
					problem: 'Valmennustapaamisten välillä työnhakija jää yksin kysymystensä kanssa.',
					idea: 'Itse työllistyneet mentorit vastaavat kysymyksiin chatissa iltaisin.',
					value: 'Työnhakija jaksaa tapaamisten välillä, ja valmentaja näkee, mitä kysytään.'
				},
				{
					title: 'Työpaikkaohjaaja päivystää',
					problem: 'Uusi työntekijä putoaa pois ensimmäisinä viikkoina, kun kukaan ei vastaa.',
					idea: 'Työnantajan ohjaaja päivystää ensimmäisen työkuukauden ajan.',
					value: 'Yhä useampi ensimmäinen työsuhde jatkuu koeajan yli.'
				}
			],
			explanation: 'Chat-palvelumme on arvioitu WCAG 2.1 AA -vaatimuksia vasten.'
		},
		{
			...URAVERKKO,
			ideas: [
				{
					title: 'Rekrytointikoulutus työnantajien kanssa',
					problem: 'Työnantajat eivät tavoita hakijoita, joilta puuttuu yksi taito.',
					idea: 'Lyhyet koulutukset suunnitellaan työnantajan kanssa ja päätetään työhaastatteluun.',
					value: 'Työpaikat täyttyvät, ja hakija oppii, mitä työ vaatii.'
				},
				{
					title: 'Haastatteluharjoitus verkossa',
					problem: 'Moni hakija epäonnistuu haastattelussa harjoituksen puutteen vuoksi.',
					idea: 'Videohaastatteluharjoitus ja rekrytoijan palaute.',
					value: 'Hakija kohtaa työnantajan itsevarmana.'
				}
			],
			explanation:
				'Oppimisalustamme täyttää WCAG 2.1 AA -vaatimukset; arviointiraportti on liitteenä.'
		}
	],
	stages: [
		['market_dialogue', -70, -55, null, null],
		['applications', -50, -30, null, null],
		['screening', -29, -25, -25, 'Head of Employment Services'],
		['shortlisting', -24, -15, -15, 'Head of Employment Services'],
		['workshops', -14, -5, null, null],
		['selection', 21, 35, 36, 'Deputy Mayor'],
		['proof_of_concept', 40, 130, null, null],
		['production', 140, 700, null, null]
	],
	workshop: {
		title: 'Työvalmennuksen yhteiskehittämispäivä',
		cluster: 'Tuki tapaamisten välillä',
		notes: [
			'Iltaisin kysymyksiin ei vastaa kukaan',
			'Ensimmäiset viikot töissä ratkaisevat',
			'Työnantajat haluavat tavata hakijat ennen haastattelua'
		],
		lang: 'fi'
	},
	shortlist: {
		reason: 'Meets the call and brings a distinct approach to the negotiations.',
		rationale: 'Both eligible tenderers are invited to the negotiations and to build a concept.'
	}
};

/**
 * Seeds Digital Job Coaching (see DEMO_CHAIN_CHALLENGE): the shortlisted challenge, then
 * Uraverkko's concept built on its first idea and the workshop's second note and
 * submitted as its final tender, through the app's functions. Returns the shortlisting
 * decision's id, or null when a step was refused (logged, not thrown: the demo starts
 * without it).
 */
export async function seedChainChallenge(db: Database): Promise<string | null> {
	try {
		const seeded = await seedShortlistedChallenge(db, {
			...SEED,
			conceptsOpenForMinutes: config.DEMO_CHAIN_CONCEPTS_MINUTES
		});
		await submitDemoTender(db, {
			lead: URAVERKKO.lead,
			application: seeded.applications[1],
			versions: [
				{
					title: 'Koulutettuna työhön, työnantajan kanssa',
					summary:
						'Kuuden viikon koulutukset suunnitellaan työnantajien kanssa ja päätetään työhaastatteluun.',
					description:
						'Jokainen koulutus suunnitellaan **yhden työnantajan** kanssa sen avoimiin työpaikkoihin.\n\n- kuusi viikkoa, osin verkossa\n- lopuksi työhaastattelu',
					plan: 'Kaksi koulutusta ensimmäisellä vuosipuoliskolla, neljä toisella.',
					budget: [{ item: 'Koulutukset ja valmennus', cents: 12_000_000 }]
				}
			],
			idea: 1,
			note: { board: seeded.board, id: seeded.noteIds[2] },
			priceCents: 12_000_000
		});
		return seeded.decision;
	} catch (err) {
		log.warn({ err }, 'digital job coaching demo not seeded');
		return null;
	}
}
