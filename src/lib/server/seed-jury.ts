import type { Database } from './db/database';
import { hashToken } from './auth/tokens';
import {
	DEMO_OWNER,
	screenEligible,
	submitDemoApplication,
	type DemoApplication
} from './seed-applications';
import { log } from './log';

/**
 * The worked example of issue 13 (Jury and decisions), after the City of Helsinki's
 * innovation partnership for employment training (shared/seeds): nine service providers
 * applied and all met the minimum requirements; three jurors scored the preliminary
 * tenders on five criteria of 30/10/10/10/10 points, one declaring a conflict of
 * interest; the five best were chosen for negotiation. The people, the call and its
 * criteria are in supabase/seed.sql; here the server does what the app does.
 */
export const DEMO_JURY_CHALLENGE = '20000000-0000-4000-8000-000000000007';

/**
 * Winter Cycling (an open challenge of the city): seven of the same providers applied and
 * were found eligible; its shortlisting is about to start and has no jury yet, so an
 * owner can appoint one and try the whole jury (the e2e spec of issue 13 does).
 */
export const DEMO_OPEN_SHORTLISTING = '20000000-0000-4000-8000-000000000008';

/** The jurors: the demo juror, and two of the city's experts. */
export const DEMO_JURORS = [
	{ id: '00000000-0000-4000-8000-000000000006', email: 'juror@talkoot.example' },
	{ id: '00000000-0000-4000-8000-000000000111', email: 'juror2@hel.example' },
	{ id: '00000000-0000-4000-8000-000000000112', email: 'juror3@hel.example' }
];

/**
 * The nine applicants in the order of the quality the jury will see in them (the share
 * of the 70 points each earns on average), best first: the first five are shortlisted.
 */
const APPLICANTS: { team: number; name: string; quality: number }[] = [
	{ team: 3, name: 'Työote', quality: 0.88 },
	{ team: 4, name: 'Taitotalo Consortium', quality: 0.82 },
	{ team: 1, name: 'Duuni Valmennus', quality: 0.77 },
	{ team: 5, name: 'Reitti', quality: 0.73 },
	{ team: 2, name: 'Polku Partners', quality: 0.69 },
	{ team: 6, name: 'Silta Works', quality: 0.64 },
	{ team: 7, name: 'Mentori', quality: 0.58 },
	{ team: 8, name: 'Uraverkko', quality: 0.52 },
	{ team: 9, name: 'Askel Ahead', quality: 0.45 }
];

const pad = (n: number) => String(n).padStart(3, '0');
const teamId = (n: number) => `50000000-0000-4000-8000-000000000${pad(200 + n)}`;
const leadId = (n: number) => `00000000-0000-4000-8000-000000000${pad(100 + n)}`;

/** One applicant's preliminary tender: three ideas and how it meets the requirements. */
function application(n: number, name: string): DemoApplication {
	return {
		team: teamId(n),
		lead: leadId(n),
		ideas: [
			{
				title: `${name}: valmennus työpaikalla`,
				problem: 'Valmennus luokkahuoneessa ei siirry työpaikan arkeen.',
				idea: 'Valmentaja kulkee asiakkaan mukana työpaikalle ensimmäisten viikkojen ajan.',
				value: 'Työsuhteet jatkuvat, ja työnantaja saa tukea perehdytykseen.'
			},
			{
				title: `${name}: monialainen tiimi`,
				problem: 'Asiakkaan tuki on pirstoutunut monelle taholle.',
				idea: 'Sosiaaliohjaaja, terveydenhoitaja ja valmentaja työskentelevät yhtenä tiiminä.',
				value: 'Asiakas kertoo tilanteensa kerran ja saa tuen yhdestä paikasta.'
			},
			{
				title: `${name}: tulokset näkyviin`,
				problem: 'Valmennuksen vaikutuksia ei seurata.',
				idea: 'Jokaisen asiakkaan polku työhön tai koulutukseen kirjataan lukuina kuukausittain.',
				value: 'Kaupunki maksaa tuloksista ja näkee, mikä toimii.'
			}
		],
		explanation:
			'Olemme tuottaneet työllisyyspalveluja kaupungeille vuodesta 2017 ja olemme ennakkoperintärekisterissä.'
	};
}

/**
 * Words for a share of a criterion's maximum in a juror's own language: the database keeps
 * each justification with the language of whoever wrote it (jury_scores.lang), and juror 3
 * writes Swedish.
 */
const VERDICTS: Record<'fi' | 'sv', [number, string][]> = {
	fi: [
		[0.85, 'erinomainen: perusteltu, konkreettinen ja uudenlainen'],
		[0.7, 'hyvä: selkeä ja toteuttamiskelpoinen, joitakin aukkoja'],
		[0.55, 'tyydyttävä: osin yleisellä tasolla'],
		[0, 'heikko: kuvaus jää yleiselle tasolle eikä vastaa tavoitteisiin']
	],
	sv: [
		[0.85, 'utmärkt: motiverad, konkret och nytänkande'],
		[0.7, 'bra: tydlig och genomförbar, med några luckor'],
		[0.55, 'nöjaktig: delvis på en allmän nivå'],
		[0, 'svag: beskrivningen stannar på en allmän nivå och svarar inte mot målen']
	]
};
const verdict = (share: number, lang: 'fi' | 'sv') =>
	VERDICTS[lang].find(([least]) => share >= least)![1];

/**
 * One juror's points for one applicant on one criterion: the applicant's quality on the
 * criterion's scale, moved by the juror's own leniency, on the half-point step. Juror 2
 * is strict and doubts Polku Partners' first criterion much more than the others do, so
 * the results page shows a disagreement flag there.
 */
function points(quality: number, max: number, juror: number, criterion: number, team: string) {
	const leniency = [0, -0.06, 0.04][juror];
	const doubt = juror === 1 && criterion === 0 && team === 'Polku Partners' ? -0.3 : 0;
	const raw = Math.min(1, Math.max(0, quality + leniency + doubt + ((criterion % 3) - 1) * 0.02));
	return Math.round(raw * max * 2) / 2;
}

/**
 * Seeds Winter Cycling up to its shortlisting, and the worked example: submits the nine
 * applications while the call is open, moves the timetable into the past (applications
 * closed 80 days ago), screens all nine eligible, appoints the three jurors, records their declarations (juror 3 is conflicted
 * on Silta Works), assigns every juror every other item and submits their scores with a
 * justification per criterion. Returns the worked example's applications' ids by team name. A refusal is
 * logged, not thrown: the demo starts without the rest.
 */
export async function seedDemoJury(db: Database): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	try {
		await applyAndScreen(
			db,
			DEMO_OPEN_SHORTLISTING,
			APPLICANTS.slice(0, 7),
			OPEN_SHORTLISTING_DAYS
		);
		for (const [name, id] of await applyAndScreen(
			db,
			DEMO_JURY_CHALLENGE,
			APPLICANTS,
			WORKED_EXAMPLE_DAYS
		))
			ids.set(name, id);
		const jurors = [];
		for (const juror of DEMO_JURORS) jurors.push(await appoint(db, juror));
		const conflicted = ids.get('Silta Works');
		for (const [i, juror] of DEMO_JURORS.entries()) {
			await db.as(juror, (tx) =>
				tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
					DEMO_JURY_CHALLENGE,
					'shortlisting',
					[...ids.values()].map((item) => ({
						itemKind: 'application',
						item,
						conflict: i === 2 && item === conflicted
					}))
				])
			);
		}
		const pairs = jurors.flatMap((juror, i) =>
			[...ids.values()]
				.filter((item) => !(i === 2 && item === conflicted))
				.map((item) => ({ juror, itemKind: 'application', item }))
		);
		await db.as(DEMO_OWNER, (tx) =>
			tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
				DEMO_JURY_CHALLENGE,
				'shortlisting',
				pairs
			])
		);
		await submitScores(db, ids, conflicted);
	} catch (err) {
		log.warn({ err }, 'demo jury not seeded in full');
	}
	return ids;
}

/** A timetable in days from today: stage, first day, last day, decision day. */
type Days = [stage: string, start: number, end: number, decision: number | null][];

/**
 * The worked example: applications closed 80 days ago, the shortlist decided 50 days ago,
 * final tenders in by 25 days ago and the partners selected 13 days ago
 * (src/lib/server/seed-selection.ts); the proof-of-concept phase under way.
 */
const WORKED_EXAMPLE_DAYS: Days = [
	['market_dialogue', -200, -170, null],
	['applications', -160, -80, null],
	['screening', -79, -72, -72],
	['shortlisting', -71, -50, -50],
	['workshops', -45, -40, null],
	['concepts', -39, -25, null],
	['selection', -24, -14, -13],
	['proof_of_concept', -10, 170, 171],
	['production', 172, 600, null]
];

/** Winter Cycling: applications closed five days ago, screened; shortlisting from yesterday. */
const OPEN_SHORTLISTING_DAYS: Days = [
	['market_dialogue', -60, -40, null],
	['applications', -35, -5, null],
	['screening', -4, -2, -2],
	['shortlisting', -1, 12, 13],
	['workshops', 20, 21, null],
	['concepts', 22, 60, null],
	['selection', 61, 75, 76],
	['proof_of_concept', 80, 170, 171]
];

/**
 * Submits the applicants' applications to `challenge` while its call is open (as
 * supabase/seed.sql left it), then moves its timetable to `days` and screens every one
 * eligible as the owner. Returns the applications' ids by team name.
 */
async function applyAndScreen(
	db: Database,
	challenge: string,
	applicants: typeof APPLICANTS,
	days: Days
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	for (const a of applicants) {
		const id = await submitDemoApplication(db, challenge, application(a.team, a.name));
		if (id) ids.set(a.name, id);
	}
	await moveTimetable(db, challenge, days);
	for (const id of ids.values()) await screenEligible(db, challenge, id);
	return ids;
}

/**
 * Moves a challenge's timetable to `days`, in office hours (stages from 9:00 to 16:00
 * Helsinki time, decisions on their day). A named service job: the calls are seeded as
 * if the platform had run them.
 */
async function moveTimetable(db: Database, challenge: string, days: Days) {
	await db.service('seed: a demo call run in the past', async (tx) => {
		for (const [stage, start, end, decision] of days) {
			await tx.query(
				`update public.challenge_stages set
				   starts_at = (date_trunc('day', now() at time zone 'Europe/Helsinki')
				     + make_interval(days => $3::int, hours => 9)) at time zone 'Europe/Helsinki',
				   ends_at = (date_trunc('day', now() at time zone 'Europe/Helsinki')
				     + make_interval(days => $4::int, hours => 16)) at time zone 'Europe/Helsinki',
				   decision_on = case when $5::int is null then null
				     else (now() at time zone 'Europe/Helsinki')::date + $5::int end
				 where challenge_id = $1 and stage = $2`,
				[challenge, stage, start, end, decision]
			);
		}
	});
}

/**
 * Appoints one juror to the shortlisting jury as the app does: the chair invites the
 * address (public.jury_invite enqueues the mail with the token), the juror accepts with
 * the token's hash. The invitation mail is dropped from the outbox: nobody waits for it.
 * Returns the juror's jury_members id.
 */
async function appoint(db: Database, juror: { id: string; email: string }): Promise<string> {
	await db.as(DEMO_OWNER, (tx) =>
		tx.query('select public.jury_invite($1, $2, $3)', [
			DEMO_JURY_CHALLENGE,
			'shortlisting',
			juror.email
		])
	);
	const [mail] = await db.service('seed: the demo jury invitation', (tx) =>
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
	const [row] = await db.service('seed: the demo juror', (tx) =>
		tx.query<{ id: string }>(
			`select id from public.jury_members
			 where challenge_id = $1 and stage = 'shortlisting' and user_id = $2`,
			[DEMO_JURY_CHALLENGE, juror.id]
		)
	);
	return row.id;
}

/** Each juror submits their scores on every item they may score, justified per criterion. */
async function submitScores(db: Database, ids: Map<string, string>, conflicted?: string) {
	for (const [j, juror] of DEMO_JURORS.entries()) {
		await db.as(juror, async (tx) => {
			const criteria = await tx.query<{ id: string; max_points: number }>(
				`select id, max_points from public.challenge_criteria
				 where challenge_id = $1 and stage = 'shortlisting' order by position`,
				[DEMO_JURY_CHALLENGE]
			);
			for (const a of APPLICANTS) {
				const item = ids.get(a.name);
				if (!item || (j === 2 && item === conflicted)) continue;
				const scores = criteria.map((c, i) => {
					const p = points(a.quality, c.max_points, j, i, a.name);
					return {
						criterion: c.id,
						points: p,
						justification: `${a.name}: ${verdict(p / c.max_points, j === 2 ? 'sv' : 'fi')}.`
					};
				});
				await tx.query('select public.jury_submit_scores($1, $2, $3::jsonb)', [
					'application',
					item,
					scores
				]);
			}
		});
	}
}
