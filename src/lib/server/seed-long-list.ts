import type { Database } from './db/database';
import { foldForSearch } from '$lib/domain/search';
import { log } from './log';
import { saveScreening } from './applications/screening';
import { DEMO_OWNER, submitDemoApplication } from './seed-applications';
import {
	DEMO_LONG_LIST_CHALLENGE,
	LONG_LIST_CORRECTED,
	LONG_LIST_ANSWERED,
	LONG_LIST_ELIGIBLE,
	LONG_LIST_INELIGIBLE,
	LONG_LIST_LEADS,
	LONG_LIST_TEAMS,
	LONG_LIST_TOWNS,
	longListTeam
} from './seed-long-list-teams';

/** The teams' leads' first and last names, eight of each: one person for each team. */
const FIRST = ['Aino', 'Eero', 'Helmi', 'Ilmari', 'Kaisa', 'Lauri', 'Maija', 'Oskari'];
const LAST = ['Aalto', 'Heikkinen', 'Korhonen', 'Laine', 'Mäkinen', 'Nieminen', 'Virtanen', 'Ek'];

/**
 * Seeds Libraries for Every Municipality (see DEMO_LONG_LIST_CHALLENGE): the challenge, its
 * requirement, its answered questions (LONG_LIST_ANSWERED), the people with their work history and the teams directly, as seed.sql
 * writes them; the applications through the editor's and submission's functions while the
 * applications stage is open;
 * then the timetable moved into the past (direct, as seed-shortlisted does) and the
 * screening recorded as the owner does on the page. Returns how many applications were
 * submitted, or null when a step was refused (logged, not thrown: the demo starts without).
 */
export async function seedLongListChallenge(db: Database): Promise<number | null> {
	try {
		await db.service('seed: long list', async (tx) => {
			await tx.query(
				`insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary,
				   procedure, status, published_at, created_by, idea_count, competence_areas,
				   min_team_size, require_common_history, shortlist_count, partner_count, price_share)
				 values ($1, '10000000-0000-4000-8000-000000000001', 'libraries-for-every-municipality',
				   'fi', $2, $3, 'open_challenge', 'published', now() - interval '60 days', $4, 2,
				   array['service_design'], 1, false, 8, 3, 20)`,
				[
					DEMO_LONG_LIST_CHALLENGE,
					{
						fi: 'Kirjastopalvelut joka kuntaan',
						sv: 'Bibliotekstjänster i varje kommun',
						en: 'Libraries for Every Municipality'
					},
					{
						fi: 'Miten pienen kunnan kirjasto voisi palvella asukkaitaan yhtä hyvin kuin suurkaupungin?',
						sv: 'Hur kunde en liten kommuns bibliotek betjäna sina invånare lika väl som en storstads?',
						en: "How could a small municipality's library serve its residents as well as a big city's?"
					},
					DEMO_OWNER.id
				]
			);
			await tx.query(
				`insert into public.challenge_requirements (challenge_id, position, statement)
				 values ($1, 1, $2)`,
				[
					DEMO_LONG_LIST_CHALLENGE,
					{
						fi: 'Tiimi voi pilotoida ratkaisunsa yleisessä kirjastossa kolmen kuukauden kuluessa.',
						sv: 'Teamet kan pilotera sin lösning i ett allmänt bibliotek inom tre månader.',
						en: 'The team can pilot its solution in a public library within three months.'
					}
				]
			);
			await tx.query(
				`insert into public.challenge_questions (challenge_id, body, lang, created_at, answer,
				   answered_at, answered_by)
				 select $1, format('May the pilot be in the library of %s?', t.town), 'en',
				   now() - make_interval(days => t.n::int + 1, hours => 2),
				   format('Yes: any public library will do, the library of %s too.', t.town),
				   now() - make_interval(days => t.n::int), $3
				 from unnest($2::text[]) with ordinality t(town, n)`,
				[DEMO_LONG_LIST_CHALLENGE, LONG_LIST_TOWNS.slice(0, LONG_LIST_ANSWERED), DEMO_OWNER.id]
			);
			await tx.query(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 select $1, c.stage, c.position, c.name::jsonb, c.points
				 from (values
				   ('shortlisting', 1, '{"fi": "Alustavien ideoiden osuvuus", "sv": "De preliminära idéernas relevans", "en": "Relevance of the preliminary ideas"}', 20),
				   ('selection', 1, '{"fi": "Hyöty asukkaille", "sv": "Nytta för invånarna", "en": "Benefit for residents"}', 50),
				   ('selection', 2, '{"fi": "Toteutettavuus pienessä kirjastossa", "sv": "Genomförbarhet i ett litet bibliotek", "en": "Feasibility in a small library"}', 30)
				 ) c(stage, position, name, points)`,
				[DEMO_LONG_LIST_CHALLENGE]
			);
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, 'applications', now() - interval '30 days', now() + interval '1 hour')`,
				[DEMO_LONG_LIST_CHALLENGE]
			);
			const people = LONG_LIST_TOWNS.map((town, i) => ({
				id: LONG_LIST_LEADS[i],
				team: LONG_LIST_TEAMS[i],
				email: `lead@${foldForSearch(town)}.example`,
				name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
				teamName: longListTeam(i),
				// Most leads have the service design the challenge asks for; the list shows who not.
				covered: LONG_LIST_ELIGIBLE.includes(town) || i % 5 !== 2
			}));
			await tx.query(
				`insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data)
				 select p.id, p.email, now(), jsonb_build_object('display_name', p.name, 'locale', 'fi')
				 from jsonb_to_recordset($1::text::jsonb) p(id uuid, email text, name text)`,
				[JSON.stringify(people)]
			);
			await tx.query(
				`insert into public.teams (id, name, lead_id, lang)
				 select p.team, p."teamName", p.id, 'fi'
				 from jsonb_to_recordset($1::text::jsonb) p(id uuid, team uuid, "teamName" text)`,
				[JSON.stringify(people)]
			);
			await tx.query(
				`insert into public.team_members (team_id, user_id)
				 select p.team, p.id from jsonb_to_recordset($1::text::jsonb) p(id uuid, team uuid)`,
				[JSON.stringify(people)]
			);
			await tx.query(
				`insert into public.work_entries (user_id, area, organisation, role, start_month, end_month,
				   description, lang)
				 select p.id, 'service_design', p."teamName", 'Palvelumuotoilija / service designer',
				   (date_trunc('month', now()) - interval '48 months')::date, null,
				   'Kirjastopalvelujen muotoilu asukkaiden kanssa.', 'fi'
				 from jsonb_to_recordset($1::text::jsonb) p(id uuid, "teamName" text, covered boolean)
				 where p.covered`,
				[JSON.stringify(people)]
			);
		});
		const applications = new Map<string, string>();
		for (const [i, town] of LONG_LIST_TOWNS.entries()) {
			const id = await submitDemoApplication(db, DEMO_LONG_LIST_CHALLENGE, {
				team: LONG_LIST_TEAMS[i],
				lead: LONG_LIST_LEADS[i],
				ideas: [
					{
						title: `${town}: the library comes to you`,
						problem: 'Residents far from the main library rarely visit it.',
						idea: 'A small van visits villages weekly, with books ordered online the day before.',
						value: 'Everyone in the municipality is a week from any book.'
					},
					{
						title: `${town}: shared staff`,
						problem: 'A small library cannot afford specialists.',
						idea: 'Neighbouring libraries share a children’s librarian and an IT specialist.',
						value: 'Specialist services without a specialist in every library.'
					}
				],
				explanation: `The ${town} library has agreed to host our pilot.`
			});
			if (!id) return null;
			applications.set(town, id);
		}
		await db.service('seed: long list timetable', async (tx) => {
			await tx.query('delete from public.challenge_stages where challenge_id = $1', [
				DEMO_LONG_LIST_CHALLENGE
			]);
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
				 select $1, s, date_trunc('day', now()) + b * interval '1 day',
				   date_trunc('day', now()) + e * interval '1 day',
				   (date_trunc('day', now()) + d * interval '1 day')::date, g
				 from (values ('market_dialogue', -60, -31, null, null),
				   ('applications', -30, -1, null, null),
				   ('screening', -1, 13, 14, 'Kirjastopalvelujen johtaja'),
				   ('shortlisting', 15, 25, 26, 'Kirjastopalvelujen johtaja'),
				   ('workshops', 27, 40, null, null),
				   ('concepts', 41, 60, null, null),
				   ('selection', 61, 75, 76, 'Kulttuuri- ja vapaa-aikatoimialan johtaja'),
				   ('proof_of_concept', 80, 200, 201, 'Kirjastopalvelujen johtaja')) t(s, b, e, d, g)`,
				[DEMO_LONG_LIST_CHALLENGE]
			);
		});
		const [requirement] = await db.service('seed: long list requirement', (tx) =>
			tx.query<{ id: string }>(
				'select id from public.challenge_requirements where challenge_id = $1',
				[DEMO_LONG_LIST_CHALLENGE]
			)
		);
		const screen = (town: string, eligible: boolean) =>
			db.as(DEMO_OWNER, (tx) =>
				saveScreening(
					tx,
					applications.get(town)!,
					{
						marks: [
							eligible
								? { requirementId: requirement.id, met: true, reason: '' }
								: {
										requirementId: requirement.id,
										met: false,
										reason: 'No library has agreed to host the pilot.'
									}
						],
						decision: {
							eligible,
							justification: eligible
								? 'The team meets the minimum requirement.'
								: 'The team has not shown that a library will host its pilot.'
						}
					},
					'en'
				)
			);
		for (const town of LONG_LIST_ELIGIBLE) await screen(town, true);
		for (const town of LONG_LIST_INELIGIBLE) {
			if (town === LONG_LIST_CORRECTED) await screen(town, true);
			await screen(town, false);
		}
		return applications.size;
	} catch (err) {
		log.warn({ err }, 'demo long list not seeded');
		return null;
	}
}
