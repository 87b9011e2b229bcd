/**
 * The chair's jury (issue 13, "Owners (the chair) can"): appoint jurors, set the score
 * step, assign who scores what, follow progress, remind, open the consensus step. Each
 * verb is one call of a definer function in supabase/migrations/20261205000100_jury.sql
 * or 20261206000300_jury_chair.sql, which checks the caller and refuses with a jury_*
 * code (TK422 / 42501: juryFailure gives its words) — except assign, which computes the
 * assignment here with assignJurors (the rule lives in the domain) and stores it.
 */
import type { Queryable } from '../db';
import { assignJurors } from '$lib/domain/jury/assignment';
import { scoreStepIssue, type StepIssue } from '$lib/domain/jury/scores';
import { pickLocalized, type Locale, type LocalizedText } from '$lib/domain/locale';
import type { EvaluatedStage } from '$lib/domain/stages';
import { readItems, readRoster, jurorLabel, type Juror, type JuryItem } from './roster';

/** A stage's jury settings (public.jury_stages), or the defaults before anyone is invited. */
export interface JuryStageSettings {
	scoreStep: number;
	/** k jurors per item; null: every juror scores every item. */
	jurorsPerItem: number | null;
	consensusOpenedAt: Date | null;
	/** Whether the stage has a jury yet (someone was invited or a step set). */
	exists: boolean;
}

export interface JurorProgress extends Juror {
	label: string;
	assigned: number;
	/** Items of the stage declared on (conflict or none) and, of those, conflicts. */
	declared: number;
	conflicts: number;
	/** Assigned items with scores saved but not submitted, and submitted. */
	drafts: number;
	submitted: number;
	/** Assigned, free of conflict, not submitted. */
	missing: number;
}

export interface ItemProgress extends JuryItem {
	/** Jurors assigned and free of conflict, and how many of them submitted. */
	expected: number;
	submitted: number;
	/** Labels of the jurors still to submit, and of those who declared a conflict. */
	missing: string[];
	conflicted: string[];
}

/** An invitation the chair withdrew (public.jury_invitation_withdrawals), newest first. */
export interface WithdrawnInvitation {
	id: string;
	email: string;
	invitedAt: Date;
	withdrawnAt: Date;
	/** Who withdrew it, as the reader may see their name; blank otherwise. */
	withdrawnBy: string;
}

export interface StageProgress {
	settings: JuryStageSettings;
	withdrawn: WithdrawnInvitation[];
	jurors: JurorProgress[];
	items: ItemProgress[];
	/** Assigned pairs still to submit, over all jurors. */
	missing: number;
}

/** Appoints a juror by email (public.jury_invite): 'invited' or 'already_juror'. */
export async function inviteJuror(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	email: string
): Promise<'invited' | 'already_juror'> {
	const [row] = await tx.query<{ outcome: 'invited' | 'already_juror' }>(
		'select public.jury_invite($1, $2, $3) as outcome',
		[challengeId, stage, email]
	);
	return row.outcome;
}

/**
 * Withdraws an open jury invitation (public.jury_withdraw_invitation: the chair only; an
 * accepted juror is refused with jury_invitation_accepted, an unknown one with
 * jury_unknown_juror). The withdrawal is kept on record and the mailed link stops working.
 * Returns the address the invitation was sent to.
 */
export async function withdrawInvitation(tx: Queryable, jurorId: string): Promise<string> {
	const [row] = await tx.query<{ email: string }>(
		'select public.jury_withdraw_invitation($1) as email',
		[jurorId]
	);
	return row.email;
}

/** A step the stage's criteria refuse: the rule's answer and the criterion it names. */
export interface StepRefused {
	issue: StepIssue;
	/** The first criterion whose maximum the step does not divide (step_not_divisor). */
	criterion?: { name: string; maxPoints: number };
}

/**
 * Sets the stage's score step (public.jury_configure; refused once scoring began). A step
 * that is none, or that does not divide a criterion's maximum points (scoreStepIssue, the
 * rule the database holds too), is answered here with the criterion it fails, its name in
 * `locale`; nothing is saved.
 */
export async function configureStage(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	scoreStep: number | null,
	locale: Locale
): Promise<StepRefused | null> {
	const criteria = await tx.query<{ name: LocalizedText; maxPoints: number; primary: Locale }>(
		`select k.name, k.max_points as "maxPoints", c.primary_locale as primary
		 from public.challenge_criteria k join public.challenges c on c.id = k.challenge_id
		 where k.challenge_id = $1 and k.stage = $2
		 order by k.position, k.id`,
		[challengeId, stage]
	);
	const issue = scoreStepIssue(
		scoreStep,
		criteria.map((c) => c.maxPoints)
	);
	if (issue?.code === 'step_not_divisor') {
		const c = criteria[issue.index];
		return {
			issue,
			criterion: { name: pickLocalized(c.name, locale, c.primary).text, maxPoints: c.maxPoints }
		};
	}
	if (issue) return { issue };
	await tx.query('select public.jury_configure($1, $2, $3)', [challengeId, stage, scoreStep]);
	return null;
}

/** The stage's settings, as the policy of jury_stages lets the caller read them. */
export async function readSettings(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<JuryStageSettings> {
	const [row] = await tx.query<Omit<JuryStageSettings, 'exists'>>(
		`select score_step::float8 as "scoreStep", jurors_per_item as "jurorsPerItem",
		   consensus_opened_at as "consensusOpenedAt"
		 from public.jury_stages where challenge_id = $1 and stage = $2`,
		[challengeId, stage]
	);
	return row
		? { ...row, exists: true }
		: { scoreStep: 0.5, jurorsPerItem: null, consensusOpenedAt: null, exists: false };
}

export interface AssignmentOutcome {
	pairs: number;
	loads: { juror: string; label: string; load: number }[];
	/** Items with fewer non-conflicted jurors than wanted, by team name. */
	short: { teamName: string; available: number; wanted: number }[];
}

/**
 * Assigns the stage's accepted jurors to its items with assignJurors (balanced, never a
 * declared conflict): `perItem` k jurors per item, or null for every juror on every
 * non-conflicted item. Stores it with public.jury_assign (the chair only; refuses to take
 * away an item a juror already saved scores on). Returns the pairs stored, the load per
 * juror and the items that could not get enough jurors.
 */
export async function assignStage(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	perItem: number | null
): Promise<AssignmentOutcome> {
	const [roster, items, progress] = await Promise.all([
		readRoster(tx, challengeId, stage),
		readItems(tx, challengeId, stage),
		readPairs(tx, challengeId, stage)
	]);
	const jurors = roster.filter((j) => j.acceptedAt);
	const assignment = assignJurors({
		items: items.map((i) => i.id),
		jurors: jurors.map((j) => j.id),
		conflicts: progress.filter((p) => p.conflict).map((p) => ({ juror: p.juror, item: p.item })),
		perItem: perItem ?? undefined
	});
	const kind = new Map(items.map((i) => [i.id, i.kind]));
	const pairs = assignment.items.flatMap((i) =>
		i.jurors.map((juror) => ({ juror, itemKind: kind.get(i.item), item: i.item }))
	);
	const [row] = await tx.query<{ n: number }>(
		'select public.jury_assign($1, $2, $3::jsonb, $4) as n',
		[challengeId, stage, pairs, perItem]
	);
	const byId = new Map(jurors.map((j) => [j.id, j]));
	const team = new Map(items.map((i) => [i.id, i.teamName]));
	return {
		pairs: row.n,
		loads: assignment.loads.map((l) => ({
			juror: l.juror,
			label: jurorLabel(byId.get(l.juror) as Juror),
			load: l.load
		})),
		short: assignment.short.map((s) => ({
			teamName: team.get(s.item) ?? '',
			available: s.available,
			wanted: s.wanted
		}))
	};
}

interface Pair {
	juror: string;
	item: string;
	assigned: boolean;
	conflict: boolean | null;
	scores: 'none' | 'draft' | 'submitted';
}

function readPairs(tx: Queryable, challengeId: string, stage: EvaluatedStage): Promise<Pair[]> {
	return tx.query<Pair>(
		'select juror, item, assigned, conflict, scores from public.jury_progress($1, $2)',
		[challengeId, stage]
	);
}

/** The stage's withdrawn invitations as the policy lets the caller read them, newest first. */
function readWithdrawn(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<WithdrawnInvitation[]> {
	return tx.query<WithdrawnInvitation>(
		`select w.id, w.email, w.invited_at as "invitedAt", w.withdrawn_at as "withdrawnAt",
		   coalesce(nullif(p.display_name, ''), p.email, '') as "withdrawnBy"
		 from public.jury_invitation_withdrawals w
		 left join public.profiles p on p.id = w.withdrawn_by
		 where w.challenge_id = $1 and w.stage = $2
		 order by w.withdrawn_at desc, w.id`,
		[challengeId, stage]
	);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const group = groups.get(key(row));
		if (group) group.push(row);
		else groups.set(key(row), [row]);
	}
	return groups;
}

/**
 * Who has done what on a stage (public.jury_progress, jury_roster, jury_items; the
 * challenge's team and whoever manages it), and the invitations withdrawn: per juror the items assigned, declared,
 * conflicted, in draft, submitted and missing; per item how many of its jurors submitted
 * and who is still missing. Drafts are counted, never shown.
 */
export async function readProgress(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<StageProgress> {
	const [settings, roster, items, pairs, withdrawn] = await Promise.all([
		readSettings(tx, challengeId, stage),
		readRoster(tx, challengeId, stage),
		readItems(tx, challengeId, stage),
		readPairs(tx, challengeId, stage),
		readWithdrawn(tx, challengeId, stage)
	]);
	const label = new Map(roster.map((j) => [j.id, jurorLabel(j)]));
	const byJuror = groupBy(pairs, (p) => p.juror);
	const jurors = roster.map((j) => {
		const mine = byJuror.get(j.id) ?? [];
		const scoring = mine.filter((p) => p.assigned && p.conflict !== true);
		const submitted = scoring.filter((p) => p.scores === 'submitted').length;
		return {
			...j,
			label: jurorLabel(j),
			assigned: mine.filter((p) => p.assigned).length,
			declared: mine.filter((p) => p.conflict !== null).length,
			conflicts: mine.filter((p) => p.conflict === true).length,
			drafts: scoring.filter((p) => p.scores === 'draft').length,
			submitted,
			missing: scoring.length - submitted
		};
	});
	const byItem = groupBy(pairs, (p) => p.item);
	const itemProgress = items.map((item) => {
		const mine = byItem.get(item.id) ?? [];
		const scoring = mine.filter((p) => p.assigned && p.conflict !== true);
		const names = (ps: Pair[]) => ps.map((p) => label.get(p.juror) ?? '').sort();
		return {
			...item,
			expected: scoring.length,
			submitted: scoring.filter((p) => p.scores === 'submitted').length,
			missing: names(scoring.filter((p) => p.scores !== 'submitted')),
			conflicted: names(mine.filter((p) => p.conflict === true))
		};
	});
	return {
		settings,
		withdrawn,
		jurors,
		items: itemProgress,
		missing: jurors.reduce((s, j) => s + j.missing, 0)
	};
}

/**
 * Mails a reminder to every accepted juror of the stage with declarations or scores
 * missing (public.jury_remind: the chair only, through the outbox, limited to a few rounds
 * a day). Returns how many were mailed and how many open invitations were not (a
 * reminder cannot carry their link; inviting them again mails a fresh one).
 */
export async function remindJurors(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<{ mailed: number; notAccepted: number }> {
	const [row] = await tx.query<{ n: number }>('select public.jury_remind($1, $2) as n', [
		challengeId,
		stage
	]);
	const roster = await readRoster(tx, challengeId, stage);
	return { mailed: row.n, notAccepted: roster.filter((j) => !j.acceptedAt).length };
}

/**
 * Opens the stage's consensus step (public.jury_open_consensus, the chair only, once):
 * jurors then see each other's submitted scores, discuss and may revise with a reason.
 */
export async function openConsensus(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<void> {
	await tx.query('select public.jury_open_consensus($1, $2)', [challengeId, stage]);
}
