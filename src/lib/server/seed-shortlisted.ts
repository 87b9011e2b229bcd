import { DEFAULT_AGENDA, type BoardOp } from '$lib/domain/board';
import type { Database } from './db/database';
import type { Locale } from '$lib/domain/locale';
import type { ConceptContent } from '$lib/domain/concept';
import {
	linkBoardElement,
	linkIdea,
	saveConcept,
	startConcept,
	submitFinalTender
} from './concepts';
import { prepareDecision, publishDecision } from './decisions';
import {
	DEMO_OWNER,
	screenEligible,
	submitDemoApplication,
	type DemoApplication
} from './seed-applications';
import { scheduleWorkshop, workshopBoards } from './workshops/schedule';
import { storeOp } from './workshops/board-ops';
import { advanceWorkshop } from './workshops/status';

/** A text in the three languages, as the challenge's jsonb columns hold it. */
type Localized = { fi: string; sv: string; en: string };

/** One row of the timetable: days from today's midnight (Helsinki's day is close enough). */
export type StageDays = [
	stage: string,
	startDay: number,
	endDay: number,
	decisionDay: number | null,
	signatory: string | null
];

/** What a demo challenge whose shortlist is published, and whose concepts stage is open, holds. */
export interface ShortlistedChallengeSeed {
	id: string;
	slug: string;
	title: Localized;
	summary: Localized;
	/** Percent of the selection's points given by price (0–100). */
	priceShare: number;
	partnerCount: number;
	/** One minimum requirement every applicant meets. */
	requirement: Localized;
	criteria: { stage: 'shortlisting' | 'selection'; name: Localized; maxPoints: number }[];
	/** Every applicant is found eligible and shortlisted, in this order. */
	applications: DemoApplication[];
	/**
	 * The team rules, when not the defaults (every area, two people, a common project): the
	 * applicants meet them, as their screening says (tests/integration/seed-screening.test.ts).
	 */
	teamRules?: { areas: string[]; minTeamSize: number; commonHistory: boolean };
	/** The stages other than 'concepts', in days from today. */
	stages: StageDays[];
	/** How long the concepts stage (the final tenders' deadline) stays open from seeding. */
	conceptsOpenForMinutes: number;
	/**
	 * The facilitator's shared workshop of all applicants, ended, with notes on its board
	 * written in `lang` (whatever language the writers read the app in).
	 */
	workshop: { title: string; cluster: string; notes: string[]; lang: Locale };
	/** The shortlisting decision's reason for every team, and its rationale. */
	shortlist: { reason: string; rationale: string };
}

/** What the seeded challenge's later steps build on. */
export interface ShortlistedChallenge {
	/** The applications' ids, in the order of `applications`. */
	applications: string[];
	/** The workshop's shared board and its notes' ids, in the order of `workshop.notes`. */
	board: string;
	noteIds: string[];
	/** The published shortlisting decision. */
	decision: string;
}

const FACILITATOR = { id: '00000000-0000-4000-8000-000000000005' };
/** The City of Helsinki: the demo owner's organisation. */
const HELSINKI = '10000000-0000-4000-8000-000000000001';

/**
 * Seeds a City of Helsinki innovation partnership up to an open concepts stage (issue 14):
 * the challenge, its requirement and criteria (direct: published weeks ago, which
 * publish_challenge cannot say); the applications, submitted and screened through the
 * app's functions while the applications stage is open; the timetable then moved into the
 * past (direct: public.amend_challenge refuses moving a stage into the past, as it should
 * for a person); the facilitator's workshop run through the people's paths (runWorkshop);
 * and the published shortlisting decision choosing every applicant. Throws on a refusal:
 * the caller logs it.
 */
export async function seedShortlistedChallenge(
	db: Database,
	seed: ShortlistedChallengeSeed
): Promise<ShortlistedChallenge> {
	await db.service(`seed: ${seed.slug}`, async (tx) => {
		await tx.query(
			`insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary,
			   procedure, status, published_at, created_by, idea_count, shortlist_count, partner_count,
			   price_share)
			 values ($1, $2, $3, 'en', $4, $5, 'innovation_partnership', 'published',
			   now() - interval '60 days', $6, $7, $8, $9, $10)`,
			[
				seed.id,
				HELSINKI,
				seed.slug,
				seed.title,
				seed.summary,
				DEMO_OWNER.id,
				Math.min(...seed.applications.map((a) => a.ideas.length)),
				seed.applications.length,
				seed.partnerCount,
				seed.priceShare
			]
		);
		if (seed.teamRules) {
			await tx.query(
				`update public.challenges set competence_areas = $2, min_team_size = $3,
				   require_common_history = $4 where id = $1`,
				[seed.id, seed.teamRules.areas, seed.teamRules.minTeamSize, seed.teamRules.commonHistory]
			);
		}
		await tx.query(
			`insert into public.challenge_requirements (challenge_id, position, statement)
			 values ($1, 1, $2)`,
			[seed.id, seed.requirement]
		);
		for (const [i, c] of seed.criteria.entries()) {
			await tx.query(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 values ($1, $2, $3, $4, $5)`,
				[seed.id, c.stage, i + 1, c.name, c.maxPoints]
			);
		}
		// Applications open for the demo teams to apply; moved into the past below.
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'applications', now() - interval '50 days', now() + interval '1 hour')`,
			[seed.id]
		);
	});
	const applications: string[] = [];
	for (const demo of seed.applications) {
		const id = await submitDemoApplication(db, seed.id, demo);
		if (!id) throw new Error(`${seed.slug}: an application was refused`);
		applications.push(id);
	}
	await db.service(`seed: ${seed.slug} timetable`, async (tx) => {
		await tx.query('delete from public.challenge_stages where challenge_id = $1', [seed.id]);
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
			 select $1, s, date_trunc('day', now()) + b * interval '1 day',
			   date_trunc('day', now()) + e * interval '1 day',
			   (date_trunc('day', now()) + d * interval '1 day')::date, g
			 from jsonb_to_recordset($2::text::jsonb) t(s text, b int, e int, d int, g text)`,
			[seed.id, JSON.stringify(seed.stages.map(([s, b, e, d, g]) => ({ s, b, e, d, g })))]
		);
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'concepts', date_trunc('day', now()) - interval '4 days',
			   now() + make_interval(mins => $2::int))`,
			[seed.id, seed.conceptsOpenForMinutes]
		);
	});
	for (const id of applications) await screenEligible(db, seed.id, id);
	const workshop = await db.as(FACILITATOR, (tx) =>
		scheduleWorkshop(tx, {
			challengeId: seed.id,
			title: seed.workshop.title,
			startsAt: new Date(Date.now() - 10 * 24 * 3600_000),
			mode: 'shared',
			agenda: DEFAULT_AGENDA,
			teamIds: seed.applications.map((a) => a.team),
			guests: []
		})
	);
	const [board] = await db.as(FACILITATOR, (tx) => workshopBoards(tx, workshop));
	const noteIds = await runWorkshop(db, workshop, board.id, seed);
	const decision = await db.as(DEMO_OWNER, async (tx) => {
		const id = await prepareDecision(tx, seed.id, 'shortlisting', {
			items: applications.map((item, i) => ({
				item,
				chosen: true,
				rank: i + 1,
				reason: seed.shortlist.reason
			})),
			details: { rationale: seed.shortlist.rationale }
		});
		await publishDecision(tx, id);
		return id;
	});
	return { applications, board: board.id, noteIds, decision };
}

/** A demo team's final tender, as its lead builds it (see submitDemoTender). */
export interface DemoTender {
	lead: string;
	application: string;
	/** Each saved version's content, in order: the last is submitted. */
	versions: ConceptContent[];
	/** The preliminary idea (its position) and the workshop note the concept builds on. */
	idea: number;
	note: { board: string; id: string };
	priceCents: number;
}

/**
 * A shortlisted team's lead builds its concept and submits it as the final tender, through
 * the concept functions as in the editor: start, save each version, link the idea and the
 * note, submit the last version at the price (the receipt is mailed). Throws on a refusal.
 */
export async function submitDemoTender(db: Database, tender: DemoTender): Promise<void> {
	await db.as({ id: tender.lead }, async (tx) => {
		const concept = await startConcept(tx, tender.application);
		let version = 0;
		for (const content of tender.versions)
			version = (await saveConcept(tx, concept, { version, content })).version;
		await linkIdea(tx, concept, tender.idea);
		await linkBoardElement(tx, concept, 'board_note', tender.note.board, tender.note.id);
		await submitFinalTender(tx, concept, version, tender.priceCents);
	});
}

/** One op on the workshop's board as `user` sends it from the board page (storeOp). */
async function send(db: Database, user: { id: string }, board: string, op: BoardOp) {
	const stored = await storeOp(db, user, board, crypto.randomUUID(), op);
	if (!stored?.ok) throw new Error(`demo board op ${op.type} refused: ${JSON.stringify(stored)}`);
}

/**
 * The workshop as it went, through the same paths as the people in it: the facilitator
 * starts it (public.advance_workshop) and opens the ideation phase, the teams' leads write
 * the notes in turn, the facilitator groups the first two into a cluster, wraps up and
 * ends it; every change is an op on the board's log (storeOp), as from the board page.
 * Then, as a named service job, what must look as if it happened ten days ago is moved
 * there: when the workshop started and ended and when each op was made (the functions
 * stamp the database's clock), and the summary mailed at the end is dropped from the
 * outbox (delivered then, not now). Returns the notes' ids, in `workshop.notes` order.
 */
async function runWorkshop(
	db: Database,
	workshop: string,
	board: string,
	seed: ShortlistedChallengeSeed
): Promise<string[]> {
	const moved = await db.as(FACILITATOR, (tx) => advanceWorkshop(tx, workshop, 'live'));
	if (moved !== 'moved') throw new Error(`demo workshop not started: ${moved}`);
	const phase = (kind: string) => DEFAULT_AGENDA.findIndex((p) => p.kind === kind);
	await send(db, FACILITATOR, board, { type: 'phase.goto', index: phase('ideate') });
	const noteIds = seed.workshop.notes.map(() => crypto.randomUUID());
	for (const [i, text] of seed.workshop.notes.entries()) {
		const author = seed.applications[i % seed.applications.length].lead;
		await send(db, { id: author }, board, {
			type: 'note.add',
			noteId: noteIds[i],
			text,
			colour: 'yellow',
			x: 40 + i * 220,
			y: 40
		});
	}
	await send(db, FACILITATOR, board, { type: 'phase.goto', index: phase('cluster') });
	const cluster = crypto.randomUUID();
	await send(db, FACILITATOR, board, {
		type: 'cluster.add',
		clusterId: cluster,
		name: seed.workshop.cluster
	});
	for (const noteId of noteIds.slice(0, 2))
		await send(db, FACILITATOR, board, { type: 'note.cluster', noteId, clusterId: cluster });
	await send(db, FACILITATOR, board, { type: 'phase.goto', index: phase('wrapup') });
	const ended = await db.as(FACILITATOR, (tx) => advanceWorkshop(tx, workshop, 'ended'));
	if (ended !== 'moved') throw new Error(`demo workshop not ended: ${ended}`);
	// Direct: the workshop took place ten days ago (its starts_at); the functions above
	// stamped now. It ran its agenda's length; the ops are spread over it in their order.
	await db.service(`seed: the ${seed.slug} workshop in the past`, async (tx) => {
		const minutes = DEFAULT_AGENDA.reduce((sum, p) => sum + p.minutes, 0);
		await tx.query(
			`update public.workshop_status_changes c
			 set at = w.starts_at + case c.status when 'ended' then make_interval(mins => $2) else interval '0' end
			 from public.workshops w where w.id = c.workshop_id and w.id = $1`,
			[workshop, minutes]
		);
		await tx.query(
			`update public.board_ops o set at = w.starts_at + make_interval(mins => 5 * o.seq::int)
			 from public.boards b join public.workshops w on w.id = b.workshop_id
			 where b.id = o.board_id and w.id = $1`,
			[workshop]
		);
		// Direct: the op path stamps each note and cluster with its writer's interface
		// language; the demo's are written in the workshop's language, whatever that is.
		await tx.query(
			`update public.board_notes n set lang = $2 from public.boards b
			 where b.id = n.board_id and b.workshop_id = $1`,
			[workshop, seed.workshop.lang]
		);
		await tx.query(
			`update public.board_clusters c set lang = $2 from public.boards b
			 where b.id = c.board_id and b.workshop_id = $1`,
			[workshop, seed.workshop.lang]
		);
		await tx.query(
			`delete from private.mail_outbox where template = 'workshop_summary'
			 and params ->> 'workshopId' = $1::text`,
			[workshop]
		);
	});
	return noteIds;
}
