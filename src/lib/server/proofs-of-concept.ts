/**
 * Proofs of concept (issue 14, development phase): the verbs of the partner's milestones
 * and the owner's review, and what the team's page and the owner's page read. Each takes
 * a transaction run as the user (`db.as(user, tx => …)`), so row-level security and the
 * definer functions of supabase/migrations/20261207000400_proofs_of_concept.sql decide
 * what the user may see and do. A refusal is thrown as the database raised it (SQLSTATE
 * TK422 with a poc_… hint); routes answer it with pocFailure (src/lib/server/http/poc-refusals.ts).
 * The go / no-go decision is the shared decision entity (src/lib/server/decisions.ts).
 */
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import type { MilestoneStatus, MilestoneStep } from '$lib/domain/development-record';
import type { DecidedItem, StandingFacts } from '$lib/domain/concept-standing';
import { milestoneCounts } from '$lib/domain/proof-of-concept';
import type { Database, Principal, Queryable } from './db';
import { attachUpload, withFileChanges, type AttachResult } from './uploads';

/** A file of a milestone's evidence (public.poc_evidence_files). */
export interface EvidenceFile {
	id: string;
	fileName: string;
	mime: string;
	size: number;
	uploadedAt: Date;
}

export interface Milestone {
	id: string;
	title: string;
	/** 'YYYY-MM-DD' */
	dueOn: string;
	status: MilestoneStatus;
	evidence: string;
	links: string[];
	/** The owner's reason for the latest acceptance or rejection ('' before one). */
	reviewReason: string;
	reviewedAt: Date | null;
	updatedAt: Date;
	/** The language the partner wrote the title and evidence in. */
	lang: Locale;
	/** The files of its evidence, oldest first. */
	files: EvidenceFile[];
}

/** One entry of a milestone's record, oldest first. */
export interface MilestoneEvent {
	id: string;
	milestoneId: string;
	step: MilestoneStep | 'plan' | 'attach' | 'detach';
	from: MilestoneStatus | null;
	to: MilestoneStatus;
	title: string | null;
	dueOn: string | null;
	evidence: string | null;
	links: string[] | null;
	reason: string;
	/** The file attached or removed ('attach', 'detach'), else null. */
	fileName: string | null;
	at: Date;
	byName: string;
	lang: Locale;
}

/** A partner concept's proof of concept as its readers see it. */
export interface ConceptProof {
	concept: {
		id: string;
		title: string;
		teamId: string;
		teamName: string;
		challengeId: string;
		challengeTitle: LocalizedText;
		primaryLocale: Locale;
		/** The challenge's procedure, which names the proof of concept stage (stageLabel). */
		procedure: Procedure;
	};
	/** The proof of concept, or null before it has started. */
	proofId: string | null;
	startedAt: Date | null;
	milestones: Milestone[];
	events: MilestoneEvent[];
	/** The reader is on the concept's team (the partner). */
	isPartner: boolean;
	/** The go / no-go decision is published: milestones no longer change. */
	closed: boolean;
}

const MILESTONE_COLUMNS = `m.id, m.title, to_char(m.due_on, 'YYYY-MM-DD') as "dueOn", m.status,
	m.evidence, m.links, m.review_reason as "reviewReason", m.reviewed_at as "reviewedAt",
	m.updated_at as "updatedAt", m.lang`;

const EVENT_COLUMNS = `e.id, e.milestone_id as "milestoneId", e.step, e.from_status as "from",
	e.to_status as "to", e.title, to_char(e.due_on, 'YYYY-MM-DD') as "dueOn", e.evidence, e.links,
	e.reason, e.file_name as "fileName", e.at, e.by_name as "byName", e.lang`;

/**
 * Starts the proof of concept of a partner concept (the owner's challenge team or the
 * partner's team); starting one already started returns it. Returns its id. Refused by
 * public.poc_start: neither side (poc_not_allowed), an unknown concept (poc_unknown), a
 * concept that is not a partner's (poc_not_partner_concept).
 */
export async function startProof(tx: Queryable, conceptId: string): Promise<string> {
	const [row] = await tx.query<{ id: string }>('select public.poc_start($1) as id', [conceptId]);
	return row.id;
}

/**
 * Adds a milestone (title, due day 'YYYY-MM-DD', optional reason) to a partner concept's
 * proof of concept, starting it if needed. The partner's team only. Returns the
 * milestone's id. Refused by public.poc_add_milestone: not the partner (poc_not_partner),
 * the inputs milestoneIssue refuses, more than 50 milestones, after go / no-go (poc_closed).
 */
export async function addMilestone(
	tx: Queryable,
	conceptId: string,
	plan: { title: string; dueOn: string; reason?: string }
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		'select public.poc_add_milestone($1, $2, $3, $4) as id',
		[conceptId, plan.title, plan.dueOn, plan.reason ?? '']
	);
	return row.id;
}

/**
 * One step on a milestone: the partner's replan (title, dueOn), start and deliver
 * (evidence, links); the owner's accept and reject (reason). Returns the new status.
 * Refused by public.poc_milestone_step: the other side's step (poc_not_owner /
 * poc_not_partner), an accepted milestone (poc_accepted), a step the status does not
 * allow (poc_bad_step), the inputs milestoneIssue refuses, after go / no-go (poc_closed).
 */
export async function stepMilestone(
	tx: Queryable,
	milestoneId: string,
	step: MilestoneStep,
	input: { title?: string; dueOn?: string; evidence?: string; links?: string[]; reason?: string }
): Promise<MilestoneStatus> {
	const [row] = await tx.query<{ status: MilestoneStatus }>(
		'select public.poc_milestone_step($1, $2, $3, $4, $5, $6::text[], $7) as status',
		[
			milestoneId,
			step,
			input.title ?? null,
			input.dueOn ?? null,
			input.evidence ?? null,
			input.links ?? null,
			input.reason ?? ''
		]
	);
	return row.status;
}

/**
 * The milestones, each with its evidence files, of the proofs of concept that the SQL
 * `proofs` names from $1 = `param` (a select of poc ids), by poc id; both read together.
 */
async function readMilestones(tx: Queryable, proofs: string, param: string) {
	const [rows, files] = await Promise.all([
		tx.query<Omit<Milestone, 'files'> & { proofId: string }>(
			`select m.poc_id as "proofId", ${MILESTONE_COLUMNS} from public.poc_milestones m
			 where m.poc_id in (${proofs}) order by m.due_on, m.created_at, m.id`,
			[param]
		),
		tx.query<EvidenceFile & { milestoneId: string }>(
			`select f.milestone_id as "milestoneId", f.id, f.file_name as "fileName", f.mime, f.size,
			        f.uploaded_at as "uploadedAt"
			 from public.poc_evidence_files f join public.poc_milestones m on m.id = f.milestone_id
			 where m.poc_id in (${proofs}) order by f.uploaded_at, f.id`,
			[param]
		)
	]);
	const byMilestone = new Map<string, EvidenceFile[]>();
	for (const { milestoneId, ...f } of files)
		byMilestone.set(milestoneId, [...(byMilestone.get(milestoneId) ?? []), f]);
	const byProof = new Map<string, Milestone[]>();
	for (const { proofId, ...m } of rows) {
		const milestone = { ...m, files: byMilestone.get(m.id) ?? [] };
		byProof.set(proofId, [...(byProof.get(proofId) ?? []), milestone]);
	}
	return byProof;
}

/**
 * Attaches a posted file to a milestone's evidence through the shared upload path
 * (attachUpload: PDF or image by its bytes, at most 10 MB; a file that does not pass is
 * answered with its status and message key). The row is written by public.poc_attach_file
 * before the file is stored; its refusals are thrown as the database raised them: not the
 * partner (poc_not_partner), an accepted milestone (poc_accepted), after go / no-go
 * (poc_closed), more than 20 files (poc_too_many_files), an unknown milestone (poc_unknown).
 */
export function attachEvidenceFile(
	db: Database,
	user: Principal,
	milestoneId: string,
	file: FormDataEntryValue | null
): Promise<AttachResult> {
	return attachUpload(db, user, file, (tx, stored) =>
		tx.query('select public.poc_attach_file($1, $2, $3, $4, $5)', [
			milestoneId,
			stored.key,
			stored.name,
			stored.mime,
			stored.size
		])
	);
}

/**
 * Removes a file from a milestone's evidence (public.poc_detach_file, on the same terms as
 * attaching one); its stored file goes once nothing refers to it. Answers false when the
 * caller reads no such file; refusals are thrown.
 */
export function detachEvidenceFile(
	db: Database,
	user: Principal,
	fileId: string
): Promise<boolean> {
	return withFileChanges(db, 'private', (files) =>
		db.as(user, async (tx) => {
			const [row] = await tx.query<{ key: string | null }>(
				`select public.poc_detach_file(f.id) as key from public.poc_evidence_files f where f.id = $1`,
				[fileId]
			);
			files.drop(row?.key);
			return !!row;
		})
	);
}

/**
 * A milestone evidence file's stored key and name, when row-level security shows it to
 * the caller (the partner's team, the owner's challenge team) and it belongs to the
 * concept `conceptId`; null otherwise (the route answers 404).
 */
export async function findEvidenceFile(tx: Queryable, conceptId: string, fileId: string) {
	const [row] = await tx.query<{ fileKey: string; fileName: string }>(
		`select f.file_key as "fileKey", f.file_name as "fileName" from public.poc_evidence_files f
		 join public.poc_milestones m on m.id = f.milestone_id
		 join public.proofs_of_concept p on p.id = m.poc_id
		 where f.id = $1 and p.concept_id = $2`,
		[fileId, conceptId]
	);
	return row ?? null;
}

/** Whether go / no-go is published for the challenge the SQL `challenge` names from $1 = `param`. */
async function isClosed(tx: Queryable, challenge: string, param: string): Promise<boolean> {
	const [row] = await tx.query<{ closed: boolean }>(
		`select exists (select 1 from public.decisions d
		  where d.challenge_id = ${challenge} and d.stage = 'proof_of_concept'
		    and d.published_at is not null and d.kind <> 'void') as closed`,
		[param]
	);
	return row.closed;
}

/**
 * A concept's proof of concept with its milestones and their record, as the reader may
 * see it (the partner's team; the owner's challenge team). Null when the reader may not
 * read the concept (the route answers 404). Before it starts, proofId is null and the
 * lists are empty.
 */
export async function readConceptProof(
	tx: Queryable,
	conceptId: string
): Promise<ConceptProof | null> {
	// Every part by the concept's id, all sent together (issue 16: five round trips in turn).
	const proofOfConcept = 'select id from public.proofs_of_concept where concept_id = $1';
	const [[concept], [proof], milestones, events, closed] = await Promise.all([
		tx.query<ConceptProof['concept'] & { isPartner: boolean }>(
			`select c.id, c.title, c.team_id as "teamId", coalesce(t.name, '') as "teamName",
			        c.challenge_id as "challengeId", ch.title as "challengeTitle",
			        ch.primary_locale as "primaryLocale", ch.procedure,
			        c.team_id in (select m.team_id from public.team_members m
			                      where m.user_id = (select auth.uid())) as "isPartner"
			 from public.concepts c
			 join public.challenges ch on ch.id = c.challenge_id
			 left join public.teams t on t.id = c.team_id
			 where c.id = $1`,
			[conceptId]
		),
		tx.query<{ id: string; startedAt: Date }>(
			`select id, started_at as "startedAt" from public.proofs_of_concept where concept_id = $1`,
			[conceptId]
		),
		readMilestones(tx, proofOfConcept, conceptId),
		tx.query<MilestoneEvent>(
			`select ${EVENT_COLUMNS} from public.poc_milestone_events e
			 join public.poc_milestones m on m.id = e.milestone_id
			 where m.poc_id in (${proofOfConcept}) order by e.seq`,
			[conceptId]
		),
		isClosed(tx, '(select challenge_id from public.concepts where id = $1)', conceptId)
	]);
	if (!concept) return null;
	const { isPartner, ...info } = concept;
	return {
		concept: info,
		proofId: proof?.id ?? null,
		startedAt: proof?.startedAt ?? null,
		milestones: (proof && milestones.get(proof.id)) || [],
		events,
		isPartner,
		closed
	};
}

/** One partner concept on the owner's page: its proof of concept and milestones. */
export interface PartnerProof {
	conceptId: string;
	conceptTitle: string;
	teamName: string;
	proofId: string | null;
	milestones: Milestone[];
	counts: ReturnType<typeof milestoneCounts>;
}

/**
 * The owner's view of a challenge's development phase: every partner concept (chosen in
 * the current selection decision) and every concept with a proof of concept, with its
 * milestones, in the order of the teams' names; and whether go / no-go is published.
 * Empty for a reader outside the challenge's team (row-level security).
 */
export async function readChallengeProofs(
	tx: Queryable,
	challengeId: string
): Promise<{ partners: PartnerProof[]; closed: boolean }> {
	// The rows, every proof's milestones of the challenge and go / no-go, sent together
	// (issue 16); every row with a proof is one of the challenge's proofs.
	const [rows, milestones, closed] = await Promise.all([
		tx.query<Omit<PartnerProof, 'milestones' | 'counts'>>(
			`select c.id as "conceptId", c.title as "conceptTitle", coalesce(t.name, '') as "teamName",
			        p.id as "proofId"
			 from public.concepts c
			 left join public.teams t on t.id = c.team_id
			 left join public.proofs_of_concept p on p.concept_id = c.id
			 where c.challenge_id = $1
			   and (p.id is not null or c.id in (select public.poc_partner_concepts($1)))
			 order by public.sort_key(coalesce(t.name, ''), 'fi'), c.id`,
			[challengeId]
		),
		readMilestones(
			tx,
			'select id from public.proofs_of_concept where challenge_id = $1',
			challengeId
		),
		isClosed(tx, '$1', challengeId)
	]);
	return {
		partners: rows.map((r) => {
			const list = (r.proofId && milestones.get(r.proofId)) || [];
			return { ...r, milestones: list, counts: milestoneCounts(list) };
		}),
		closed
	};
}

/**
 * What the team's page needs to say where its concept stands (conceptStanding of
 * src/lib/domain/concept-standing.ts): the current shortlisting decision's word on the
 * team's application, the active final tender, the current selection decision's word on
 * it, the milestones, the current go / no-go decision's word on the concept — each as far
 * as the reader may read it (row-level security: a team reads published decisions naming
 * it). Null when the reader may not read the concept.
 */
export async function readStandingFacts(
	tx: Queryable,
	conceptId: string
): Promise<StandingFacts | null> {
	// Every fact by the concept's id, all sent together (issue 16: eight round trips in turn).
	// The latest final tender, active first, is the one the selection decided on.
	const latestTender = `(select id from public.final_tenders where concept_id = $1
	                        order by (withdrawn_at is null) desc, submitted_at desc limit 1)`;
	const decided = async (stage: string, column: string, item: string) => {
		const [row] = await tx.query<DecidedItem>(
			`select d.id as "decisionId", i.chosen, i.reason, d.lang,
			        to_char(d.decided_on, 'YYYY-MM-DD') as "decidedOn"
			 from public.decision_items i join public.decisions d on d.id = i.decision_id
			 where i.${column} = ${item} and d.stage = $2 and d.published_at is not null
			   and d.kind <> 'void' and d.replaced_by is null
			 order by d.published_at desc, d.id limit 1`,
			[conceptId, stage]
		);
		return row ?? null;
	};
	const [[concept], [tender], [deadline], [counts], shortlisting, selection, goNoGo] =
		await Promise.all([
			tx.query<{ id: string }>('select id from public.concepts where id = $1', [conceptId]),
			tx.query<{ submittedAt: Date; active: boolean }>(
				`select submitted_at as "submittedAt", withdrawn_at is null as active
				 from public.final_tenders where id = ${latestTender}`,
				[conceptId]
			),
			tx.query<{ passed: boolean }>(
				`select coalesce(bool_or(s.ends_at < now()), false) as passed from public.challenge_stages s
				 where s.challenge_id = (select challenge_id from public.concepts where id = $1)
				   and s.stage = 'concepts'`,
				[conceptId]
			),
			tx.query<{ accepted: number; total: number; started: boolean }>(
				`select count(m.id) filter (where m.status = 'accepted')::int as accepted,
				        count(m.id)::int as total, count(p.id) > 0 as started
				 from public.proofs_of_concept p left join public.poc_milestones m on m.poc_id = p.id
				 where p.concept_id = $1`,
				[conceptId]
			),
			decided(
				'shortlisting',
				'application_id',
				'(select application_id from public.concepts where id = $1)'
			),
			decided('selection', 'final_tender_id', latestTender),
			decided('proof_of_concept', 'concept_id', '$1')
		]);
	if (!concept) return null;
	return {
		shortlisting,
		finalTenderAt: tender?.active ? tender.submittedAt : null,
		tenderDeadlinePassed: deadline?.passed ?? false,
		selection,
		milestones: counts?.started ? { accepted: counts.accepted, total: counts.total } : null,
		goNoGo
	};
}
