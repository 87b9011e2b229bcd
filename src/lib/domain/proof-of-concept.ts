import { isBlank } from './text';

/**
 * The proof of concept (issue 14, "Proof of concept / development phase"): what a partner
 * writes about a milestone and what the owner writes when accepting or rejecting it, the
 * rules both the form and the database hold (private.poc_milestone_issue in
 * supabase/migrations/20261207000400_proofs_of_concept.sql; the parity test feeds both the
 * same cases), a milestone's history replayed from its events, and the go / no-go outcome:
 * which concepts continue into production.
 */
import { z } from 'zod';
import { readFinnishDay } from './finnish-datetime';
import { milestoneAfter, type MilestoneStatus, type MilestoneStep } from './development-record';

export const MILESTONE_TITLE_MAX = 200;
export const MILESTONE_EVIDENCE_MAX = 8000;
export const MILESTONE_REASON_MAX = 4000;
export const MILESTONE_LINKS_MAX = 10;
export const MILESTONE_LINK_MAX = 2000;
/** A proof of concept holds at most this many milestones (a limit, not a goal). */
export const MILESTONES_MAX = 50;
/** Due dates lie in this range ('YYYY-MM-DD'): a typo such as year 20266 is refused. */
export const DUE_MIN = '2000-01-01';
export const DUE_MAX = '2100-12-31';

/** Why a milestone change cannot be recorded, as the database's reason codes. */
export type MilestoneIssue =
	| 'poc_title_missing'
	| 'poc_title_too_long'
	| 'poc_due_invalid'
	| 'poc_evidence_missing'
	| 'poc_evidence_too_long'
	| 'poc_link_invalid'
	| 'poc_too_many_links'
	| 'poc_reason_missing'
	| 'poc_reason_too_long';

/** What a partner plans (a new milestone) or re-plans: a title and a due day. */
export interface MilestonePlan {
	title: string;
	/** 'YYYY-MM-DD' */
	dueOn: string;
}

/** What a partner reports when starting or delivering: a text and links. */
export interface MilestoneEvidence {
	evidence: string;
	links: string[];
}

/** Characters as the database counts them (char_length: code points, not UTF-16 units). */
const length = (s: string) => [...s].length;

const isDay = (s: string) => {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * An http(s) address with a host, in printable ASCII (no spaces), of at most MILESTONE_LINK_MAX
 * characters: safe to show as a link (no other scheme), and the same test as the
 * database's (a regular expression both understand alike).
 */
export function isEvidenceLink(link: string): boolean {
	return length(link) <= MILESTONE_LINK_MAX && EVIDENCE_LINK.test(link);
}
const EVIDENCE_LINK = /^https?:\/\/[A-Za-z0-9._~%-]+(:[0-9]{1,5})?([/?#][!-~]*)?$/i;

/**
 * The first reason `step` with these inputs cannot be recorded, or null when it can. Takes
 * the step ('plan' for a new milestone) and what it carries: a plan (title, due day) for
 * plan and replan; evidence (text and links) for start and deliver — delivering needs a
 * text or a link; a reason — required (non-blank) for the owner's accept and reject,
 * optional for the partner's steps. Lengths: title 200, evidence 8000, reason 4000, at
 * most 10 links of 2000 characters each, http or https. Texts count after trimming.
 */
export function milestoneIssue(
	step: MilestoneStep | 'plan',
	input: Partial<MilestonePlan & MilestoneEvidence> & { reason?: string }
): MilestoneIssue | null {
	if (step === 'plan' || step === 'replan') {
		const title = (input.title ?? '').trim();
		if (isBlank(title)) return 'poc_title_missing';
		if (length(title) > MILESTONE_TITLE_MAX) return 'poc_title_too_long';
		const due = input.dueOn ?? '';
		if (!isDay(due) || due < DUE_MIN || due > DUE_MAX) return 'poc_due_invalid';
	}
	if (step === 'start' || step === 'deliver') {
		const evidence = (input.evidence ?? '').trim();
		const links = input.links ?? [];
		if (length(evidence) > MILESTONE_EVIDENCE_MAX) return 'poc_evidence_too_long';
		if (links.length > MILESTONE_LINKS_MAX) return 'poc_too_many_links';
		if (links.some((l) => !isEvidenceLink(l))) return 'poc_link_invalid';
		if (step === 'deliver' && isBlank(evidence) && links.length === 0)
			return 'poc_evidence_missing';
	}
	const reason = (input.reason ?? '').trim();
	if ((step === 'accept' || step === 'reject') && isBlank(reason)) return 'poc_reason_missing';
	if (length(reason) > MILESTONE_REASON_MAX) return 'poc_reason_too_long';
	return null;
}

/** Links written one per line (or separated by spaces), blanks dropped, duplicates once. */
export function parseLinks(text: string): string[] {
	return [
		...new Set(
			text
				.split(/\s+/)
				.map((l) => l.trim())
				.filter((l) => l !== '')
		)
	];
}

/**
 * The form fields of a milestone step, as strings from a posted form. A text longer than
 * any the record keeps is refused with milestoneIssue's code for its field (the message),
 * never thrown: the bound only spares reading a huge text further.
 */
const milestoneFormSchema = z.object({
	title: z.string().max(10_000, 'poc_title_too_long').default(''),
	// Typed as every day field (d.m.yyyy, finnish-datetime.ts) or ISO; to a YYYY-MM-DD day,
	// else kept as typed so that milestoneIssue refuses it (poc_due_invalid).
	dueOn: z
		.string()
		.max(100, 'poc_due_invalid')
		.default('')
		.transform((v) => {
			const reading = readFinnishDay(v);
			return reading.ok ? reading.day : v;
		}),
	evidence: z.string().max(100_000, 'poc_evidence_too_long').default(''),
	links: z.string().max(100_000, 'poc_too_many_links').default(''),
	reason: z.string().max(100_000, 'poc_reason_too_long').default('')
});

/** What a milestone step carries once read from its form (milestoneIssue's input). */
export type MilestoneInput = MilestonePlan & MilestoneEvidence & { reason: string };

/**
 * A milestone form as posted (`raw`: its text fields by name; absent ones are empty) read
 * for `step` ('plan' for a new milestone): the due day as people type it (d.m.yyyy or
 * ISO) to YYYY-MM-DD, the links one per line (parseLinks). Returns the input, or the first
 * reason it cannot be recorded (milestoneIssue's codes, whose words the page shows at the
 * field), also for a text far over its limit — never throws (a thrown ZodError was a 500
 * for a 10,001-character title).
 */
export function readMilestoneForm(
	step: MilestoneStep | 'plan',
	raw: Record<string, string | undefined>
): { ok: true; input: MilestoneInput } | { ok: false; issue: MilestoneIssue } {
	const parsed = milestoneFormSchema.safeParse(raw);
	if (!parsed.success)
		return { ok: false, issue: parsed.error.issues[0].message as MilestoneIssue };
	const input = { ...parsed.data, links: parseLinks(parsed.data.links) };
	const issue = milestoneIssue(step, input);
	return issue ? { ok: false, issue } : { ok: true, input };
}

/** One entry of a milestone's record (public.poc_milestone_events), oldest first. */
export interface MilestoneEvent {
	/** 'attach' and 'detach': an evidence file added or removed (no change of status). */
	step: MilestoneStep | 'plan' | 'attach' | 'detach';
	from: MilestoneStatus | null;
	to: MilestoneStatus;
}

/**
 * The status a milestone's events lead to, or null when the record is not one the rules
 * allow: it must begin with 'plan' (to planned) and each later step must be one
 * milestoneAfter allows from the status before it (accept and reject by the owner, the
 * rest by the partner), leading where the event says; an evidence file attached or
 * removed ('attach', 'detach') leaves the status as it was, and never on an accepted
 * milestone (20261208000200_poc_evidence_files.sql). The database writes events only
 * through those rules, so a stored record always replays; the pages use this to show
 * the history as a path.
 */
export function replayMilestone(events: readonly MilestoneEvent[]): MilestoneStatus | null {
	let status: MilestoneStatus | null = null;
	for (const e of events) {
		if (e.step === 'plan') {
			if (status !== null || e.from !== null || e.to !== 'planned') return null;
			status = 'planned';
			continue;
		}
		if (status === null || e.from !== status) return null;
		if (e.step === 'attach' || e.step === 'detach') {
			if (status === 'accepted' || e.to !== status) return null;
			continue;
		}
		const actor = e.step === 'accept' || e.step === 'reject' ? 'owner' : 'partner';
		const next = milestoneAfter(status, e.step, actor);
		if (next === null || next !== e.to) return null;
		status = next;
	}
	return status;
}

/** How many milestones are in each status, and how many in all. */
export function milestoneCounts(
	milestones: readonly { status: MilestoneStatus }[]
): Record<MilestoneStatus, number> & { total: number } {
	const counts = { planned: 0, in_progress: 0, delivered: 0, accepted: 0, rejected: 0, total: 0 };
	for (const m of milestones) {
		counts[m.status] += 1;
		counts.total += 1;
	}
	return counts;
}

/** A published go / no-go decision as far as the outcome needs it. */
export interface GoNoGoDecision {
	id: string;
	/** The published decision this one corrects, or null. */
	replaces: string | null;
	publishedAt: Date | null;
	items: readonly { conceptId: string; chosen: boolean }[];
}

/**
 * The current go / no-go decision: the latest published one that no published decision
 * replaces (as private.current_decision in the database), or null.
 */
export function currentGoNoGo<D extends GoNoGoDecision>(decisions: readonly D[]): D | null {
	const published = decisions.filter((d) => d.publishedAt !== null);
	const replaced = new Set(published.map((d) => d.replaces).filter((r) => r !== null));
	const current = published
		.filter((d) => !replaced.has(d.id))
		.sort(
			(a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || a.id.localeCompare(b.id)
		);
	return current[0] ?? null;
}

/**
 * The concepts continued into production (issue 14): those chosen in the current go /
 * no-go decision. A concept the current decision drops never counts as continued, even
 * if an earlier decision it replaced continued it; without a published decision nothing
 * is continued. The production phase (outcome reports, bonus) is open to these only.
 */
export function continuedConcepts(decisions: readonly GoNoGoDecision[]): Set<string> {
	const current = currentGoNoGo(decisions);
	return new Set(current?.items.filter((i) => i.chosen).map((i) => i.conceptId) ?? []);
}

/** A concept's go / no-go outcome: continued, dropped, or not yet decided. */
export function goNoGoOutcome(
	decisions: readonly GoNoGoDecision[],
	conceptId: string
): 'continued' | 'dropped' | 'pending' {
	const item = currentGoNoGo(decisions)?.items.find((i) => i.conceptId === conceptId);
	if (!item) return 'pending';
	return item.chosen ? 'continued' : 'dropped';
}

/**
 * The owner's go / no-go form as a decision draft's items: per proof of concept a choice
 * `go:<concept>` ('continue' or 'drop') and a reason `reason:<concept>`. A concept whose
 * choice is missing is left out (publication then refuses the incomplete decision); a
 * concept the form names but the phase does not hold is ignored.
 */
export function goNoGoFormItems(
	form: Readonly<Record<string, string>>,
	conceptIds: readonly string[]
): { itemKind: 'concept'; item: string; chosen: boolean; reason: string }[] {
	return conceptIds
		.filter((id) => form[`go:${id}`] === 'continue' || form[`go:${id}`] === 'drop')
		.map((id) => ({
			itemKind: 'concept' as const,
			item: id,
			chosen: form[`go:${id}`] === 'continue',
			reason: form[`reason:${id}`]?.trim() ?? ''
		}));
}
