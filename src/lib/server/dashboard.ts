import type { Database, Principal } from './db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import { nextStep, type LaterDecision, type NextStep } from '$lib/domain/solver-dashboard';
import { challengesPage, type ManagePage } from './challenges/dashboard';
import { NO_FILTER } from '$lib/domain/list-filter';
import { myTeams, PHASE_COLUMNS, type TeamSummary } from './teams';
import { workshopsSummary, type WorkshopsSummary } from './workshops/list';
import { listMyJuries, type MyJury } from './jury/juror';
import { grownFrom } from './decisions';

export interface DashboardApplication {
	id: string;
	teamId: string;
	teamName: string;
	challengeSlug: string;
	challengeTitle: LocalizedText;
	primaryLocale: Locale;
	/** The challenge's procedure, which names the stages the next step mentions (stageLabel). */
	procedure: Procedure;
	status: 'draft' | 'submitted';
	submittedAt: Date | null;
	eligible: boolean | null;
	/** Applications to the challenge are open now (private.applications_open). */
	open: boolean;
	/** The application's last event on record was a withdrawal. */
	withdrawn: boolean;
	/** The screening decision on the present submission, if any. */
	decision: { eligible: boolean; decidedAt: string } | null;
	/** When applications close; null when the timetable has none. */
	deadline: Date | null;
	/** The applications deadline has passed (by the database's clock). */
	deadlinePassed: boolean;
	/** Issue 14: the team's concept for this application, if it started one. */
	conceptId: string | null;
	/** The current shortlisting decision chose the application (a concept may be built). */
	shortlisted: boolean;
	/** Concepts of the challenge may still be started (private.concepts_open). */
	conceptsOpen: boolean;
	/** The newest published decision after screening about it (LaterDecision), if any. */
	later: LaterDecision | null;
	next: NextStep;
}

export interface Dashboard {
	teams: TeamSummary[];
	applications: DashboardApplication[];
	/** A few workshops (not ended, soonest first; then the last few ended) and how many in all. */
	workshops: WorkshopsSummary;
	/** Challenges of the caller's organisations (owners), as /manage lists them. */
	/** The first DASHBOARD_CHALLENGES of them, as /manage orders them, and how many there are. */
	challenges: ManagePage;
	/** Whether the caller may schedule workshops (a facilitator). */
	facilitator: boolean;
	/** The juries the caller sits on, with their progress (issue 13). */
	juries: MyJury[];
}

/** How many of their organisations' challenges the dashboard lists; /manage has them all. */
const DASHBOARD_CHALLENGES = 20;

/**
 * Everything the signed-in person's home page (/dashboard) shows, in one transaction as
 * that person (RLS decides what is visible): their teams; every application of those
 * teams with its challenge, state, deadline, the newest published decision after screening
 * about it (or the concept and final tender it grew into) and next step
 * (domain/solver-dashboard.ts);
 * their workshops (as participant, observer or facilitator); and, for organisation
 * members, their organisations' challenges; for jurors, their juries. Takes the user and the reader's locale (for
 * the order of names); refuses nothing (an empty dashboard is a dashboard).
 */
export function loadDashboard(
	db: Database,
	user: NonNullable<Principal> & { id: string },
	locale: Locale,
	now = new Date()
): Promise<Dashboard> {
	// The six reads are sent together (issue 16: one after another they were five round
	// trips more on the page every signed-in person opens first).
	return db.as(user, async (tx) => {
		const [teams, rows, workshops, [{ facilitator }], challenges, juries] = await Promise.all([
			myTeams(tx, user.id, locale),
			tx.query<Omit<DashboardApplication, 'next'>>(
				`select a.id, t.id as "teamId", t.name as "teamName", c.slug as "challengeSlug",
				   c.title as "challengeTitle", c.primary_locale as "primaryLocale", c.procedure, a.status,
				   a.submitted_at as "submittedAt", d.eligible, s.ends_at as deadline,
				   coalesce(s.ends_at <= now(), false) as "deadlinePassed",
				   (select k.id from public.concepts k where k.application_id = a.id) as "conceptId",
				   private.application_shortlisted(a.id) as shortlisted,
				   private.concepts_open(a.challenge_id) as "conceptsOpen",
				   (select json_build_object('id', dd.id, 'stage', dd.stage, 'chosen', i.chosen)
				    from public.decision_items i
				    join public.decisions dd on dd.id = i.decision_id
				    where i.item_id in ${grownFrom('a.id')}
				      and dd.published_at is not null and dd.stage <> 'screening'
				    order by dd.published_at desc, dd.id limit 1) as later,
				   ${PHASE_COLUMNS}
				 from public.applications a
				 join public.teams t on t.id = a.team_id
				 join public.team_members me on me.team_id = t.id and me.user_id = $1
				 join public.challenges c on c.id = a.challenge_id
				 left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
				 left join public.screening_decisions d on d.application_id = a.id
				 order by (a.status = 'draft' and s.ends_at > now()) desc, s.ends_at desc nulls last, a.id`,
				[user.id]
			),
			workshopsSummary(tx),
			tx.query<{ facilitator: boolean }>('select private.is_facilitator() as facilitator'),
			challengesPage(tx, user.id, NO_FILTER, 1, DASHBOARD_CHALLENGES),
			listMyJuries(tx)
		]);
		return {
			teams,
			applications: rows.map((a) => ({ ...a, next: nextStep(a, now) })),
			workshops,
			challenges,
			facilitator,
			juries
		};
	});
}
