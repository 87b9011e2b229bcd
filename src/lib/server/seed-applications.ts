import type { Database } from './db/database';
import type { Idea } from '$lib/domain/application-schemas';
import { applicationChallenge, saveDraft, startApplication } from './applications/editor';
import { recordSubmission } from './applications/submit';
import { saveScreening } from './applications/screening';
import { log } from './log';

/** AI Goes to Work (City of Helsinki): its applications are open around the day of seeding. */
export const DEMO_APPLICATION_CHALLENGE = '20000000-0000-4000-8000-000000000001';
/** owner@hel.example, who screens the demo applications and chairs the demo juries. */
export const DEMO_OWNER = { id: '00000000-0000-4000-8000-000000000002', name: 'Olli Omistaja' };

export interface DemoApplication {
	team: string;
	lead: string;
	ideas: Omit<Idea, 'position'>[];
	/** How the team meets each minimum requirement (all are met). */
	explanation: string;
}

const DEMO_APPLICATIONS: DemoApplication[] = [
	{
		team: '50000000-0000-4000-8000-000000000001', // Kohtaamo Collective
		lead: '00000000-0000-4000-8000-000000000004', // solver@team.example
		ideas: [
			{
				title: 'Skills map from work history',
				problem:
					'CVs list job titles, not what people can do, so keyword search misses good matches.',
				idea: "An assistant turns a job seeker's work history into a map of skills in plain language, which the job seeker checks and edits before it is used.",
				value:
					'Job seekers are found for what they can do; employers see candidates they would have missed.'
			},
			{
				title: 'Match suggestions that explain themselves',
				problem: 'Job seekers and coaches do not trust suggestions they cannot understand.',
				idea: 'Each suggested vacancy shows why it matches and what is missing, with a link to training that closes the gap.',
				value:
					'Coaches can discuss suggestions with their clients, and the city can audit the matching for fairness.'
			},
			{
				title: "An employer's needs in everyday words",
				problem: 'Small employers write vague job ads and get few suitable applicants.',
				idea: 'A guided form helps an employer describe the work and the skills it needs, then suggests a clear ad and matching job seekers.',
				value:
					'Vacancies fill faster, and small employers reach people they did not know to look for.'
			}
		],
		explanation:
			'Personal data stays in the EU, job seekers consent to matching explicitly, and our data protection officer has reviewed the processing.'
	},
	{
		team: '50000000-0000-4000-8000-000000000002', // Osaamissilta
		lead: '00000000-0000-4000-8000-000000000009', // lead@osaamissilta.example
		ideas: [
			{
				title: 'Coach in the loop',
				problem: "Automatic matching ignores what coaches know about their clients' situations.",
				idea: 'Suggestions go to the employment coach first, who adds context and forwards the best ones to the client.',
				value:
					'Better matches for clients with complex needs, and less time spent searching by hand.'
			},
			{
				title: 'Hidden job market radar',
				problem: 'Many jobs are filled before they are ever advertised.',
				idea: 'Signals from company news and public registers point coaches to employers who are likely to hire soon.',
				value:
					'Job seekers reach employers before the competition; employers get candidates without advertising.'
			},
			{
				title: 'Skills passport for short jobs',
				problem: 'Gig and seasonal work leaves no record of the skills it taught.',
				idea: 'Employers confirm the skills shown in a short job with one click; the confirmations add up to a passport the job seeker owns.',
				value: 'Short jobs become a path to longer ones, and employers can trust confirmed skills.'
			}
		],
		explanation:
			"We process personal data only with the job seeker's consent, on servers in Finland, and delete it when the service ends."
	}
];

/**
 * Submits the demo teams' applications to AI Goes to Work as their leads would in the
 * editor: draft, save, then submit_application (which freezes the snapshot and its digest). So an owner
 * has applications to screen and a facilitator teams to invite. No receipts are mailed:
 * nobody waits for them. A refusal is logged, not thrown: the demo starts without it.
 */
export async function seedDemoApplications(db: Database): Promise<number> {
	let submitted = 0;
	for (const demo of DEMO_APPLICATIONS) {
		const id = await submitDemoApplication(db, DEMO_APPLICATION_CHALLENGE, demo);
		if (id) {
			submitted++;
			await screenEligible(db, DEMO_APPLICATION_CHALLENGE, id);
		}
	}
	return submitted;
}

/**
 * Submits one demo team's application to `challengeId` as its lead would in the editor:
 * start, save the ideas and an answer to every minimum requirement, then submit (the
 * database freezes the snapshot and its digest). Returns the application's id, or null
 * when a step was refused (logged, not thrown: the demo starts without it).
 */
export async function submitDemoApplication(
	db: Database,
	challengeId: string,
	demo: DemoApplication
): Promise<string | null> {
	const lead = { id: demo.lead };
	const draft = await db.as<{ id: string; version: number } | { refused: string }>(
		lead,
		async (tx) => {
			const started = await startApplication(tx, challengeId, demo.team);
			if (!started.ok) return { refused: started.reason };
			const challenge = (await applicationChallenge(tx, challengeId))!;
			const saved = await saveDraft(tx, started.id, {
				version: 1,
				ideas: demo.ideas.map((idea, i) => ({ position: i + 1, ...idea })),
				answers: challenge.requirements.map((r) => ({
					requirementId: r.id,
					meets: true,
					explanation: demo.explanation
				}))
			});
			return saved.ok ? { id: started.id, version: saved.version } : { refused: saved.reason };
		}
	);
	const result =
		'refused' in draft
			? draft.refused
			: (await recordSubmission(db, lead, draft.id, draft.version)).outcome;
	if (result === 'submitted' && 'id' in draft) return draft.id;
	log.warn({ team: demo.team, challengeId, result }, 'demo application not submitted');
	return null;
}

/**
 * The owner finds a demo application eligible, every minimum requirement met, as on the
 * screening page: only teams found eligible can be invited to a workshop or scored by a
 * jury. A refusal is logged, not thrown.
 */
export async function screenEligible(db: Database, challengeId: string, applicationId: string) {
	const screened = await db.as(DEMO_OWNER, async (tx) => {
		const requirements = await tx.query<{ id: string }>(
			`select r.id from public.challenge_requirements r where r.challenge_id = $1`,
			[challengeId]
		);
		return saveScreening(
			tx,
			applicationId,
			{
				marks: requirements.map((r) => ({ requirementId: r.id, met: true, reason: '' })),
				decision: {
					eligible: true,
					justification: 'The team covers every required area and meets every minimum requirement.'
				}
			},
			'en'
		);
	});
	if (!screened?.decided) log.warn({ applicationId }, 'demo application not screened');
}

/** Address fix up (National Land Survey): its applications closed 40 days before seeding. */
export const DEMO_LATE_CHALLENGE = '20000000-0000-4000-8000-000000000003';
/** Osaamissilta's draft to Address fix up, left unsubmitted when the deadline passed. */
export const DEMO_LATE_DRAFT = '40000000-0000-4000-8000-000000000001';

const LATE_IDEAS: Omit<Idea, 'position'>[] = [
	{
		title: 'Address checks at the door',
		problem: 'Couriers and ambulance crews see wrong addresses first, but nobody asks them.',
		idea: 'A one-tap report in delivery and dispatch apps sends a suspected error to the municipality with its location.',
		value: 'Errors are found where they hurt, and fixed before the next emergency call.'
	},
	{
		title: 'Nightly consistency run',
		problem: 'Duplicates and missing entrances pile up between yearly reviews.',
		idea: 'A nightly comparison with building and map data lists likely errors for the address official.',
		value: 'Officials fix a short list each morning instead of searching the whole database.'
	},
	{
		title: 'Addresses named with residents',
		problem: 'New streets get names and numbers that confuse visitors.',
		idea: 'A map where residents and rescue services comment on planned addresses before they are fixed.',
		value: 'Fewer confusing addresses are created in the first place.'
	}
];

/**
 * A team's draft to a challenge whose applications deadline has passed (Osaamissilta to
 * Address fix up, complete but never submitted), so the demo and the end-to-end tests show
 * that submitting after the deadline is refused. The app refuses to start or change a
 * draft once the period has closed, so this is written directly, as the service, at
 * seeding only. A failure is logged, not thrown: the demo starts without it.
 */
export async function seedLateDraft(db: Database): Promise<void> {
	try {
		await db.service('seed: late draft', async (tx) => {
			await tx.query(
				`insert into public.applications (id, challenge_id, team_id, status, updated_by)
				 values ($1, $2, $3, 'draft', $4)`,
				[DEMO_LATE_DRAFT, DEMO_LATE_CHALLENGE, DEMO_APPLICATIONS[1].team, DEMO_APPLICATIONS[1].lead]
			);
			for (const [i, idea] of LATE_IDEAS.entries()) {
				await tx.query(
					`insert into public.application_ideas (application_id, position, title, problem, idea, value)
					 values ($1, $2, $3, $4, $5, $6)`,
					[DEMO_LATE_DRAFT, i + 1, idea.title, idea.problem, idea.idea, idea.value]
				);
			}
			await tx.query(
				`insert into public.application_answers (application_id, requirement_id, meets, explanation)
				 select $1, r.id, true, $3 from public.challenge_requirements r where r.challenge_id = $2`,
				[
					DEMO_LATE_DRAFT,
					DEMO_LATE_CHALLENGE,
					'We handle address data under a processing agreement, in the national format.'
				]
			);
		});
	} catch (err) {
		log.warn({ err }, 'demo late draft not written');
	}
}
