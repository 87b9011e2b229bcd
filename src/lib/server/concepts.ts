// Concepts and final tenders (issue 14, "Concepts"): reads through RLS and every change
// through the definer functions of supabase/migrations/20261207000200_concept_functions.sql,
// which refuse with concept_… codes (src/lib/server/http/concept-refusals.ts words them).
import type { Database, Queryable } from './db';
import type { SessionUser } from './auth/sessions';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import type { BudgetRow, ConceptContent, ConceptSave } from '$lib/domain/concept';
import { snapshotChangedAt } from '$lib/domain/erasure';
import { attachUpload, withFileChanges, type AttachResult } from './uploads';
import { holdsWords, readChoice, type Choice } from './list-sql';
import { readPage, type Paged } from '$lib/domain/paging';
import type { ConceptUse } from '$lib/workshops/concept-uses';

/** A link of the concept's lineage, with its label frozen at linking. */
export interface ConceptLink {
	id: string;
	kind: 'idea' | 'board_note' | 'board_cluster';
	label: string;
	/** The label's language: its source's when linked (concept_links.lang), not the team's. */
	lang: Locale;
	ideaPosition: number | null;
	boardId: string | null;
	elementId: string | null;
	/** The workshop the note or cluster came from (null for an idea). */
	workshop: { id: string; title: string } | null;
	linkedAt: Date;
}

export interface ConceptAttachment {
	id: string;
	fileKey: string;
	fileName: string;
	size: number;
}

/** A final tender as its team and the owner's side list it. */
export interface FinalTenderRow {
	id: string;
	version: number;
	digest: string;
	priceCents: number | null;
	submittedAt: Date;
	withdrawnAt: Date | null;
}

/** A final tender as its concept's page lists it: with when its snapshot was de-identified or
 * purged after submission (snapshotChangedAt), null while it is as submitted. */
export type ListedTender = FinalTenderRow & { changedAt: Date | null };

/** The frozen snapshot of a final tender (private.final_tender_snapshot). */
export interface FinalTenderSnapshot extends ConceptContent {
	concept: string;
	version: number;
	challenge: { id: string; slug: string };
	deadline: string | null;
	team: { id: string; name: string; lang: Locale };
	priceCents: number | null;
	links: {
		kind: ConceptLink['kind'];
		label: string;
		/** Absent in tenders frozen before links kept their language (20261208000300). */
		lang?: Locale;
		ideaPosition: number | null;
		boardId: string | null;
		elementId: string | null;
	}[];
	attachments: { fileKey: string; fileName: string; size: number }[];
	submittedAt: string;
	submittedBy: string;
}

/** Something on a board of the challenge's workshops that the concept may build on. */
export interface BoardElement {
	kind: 'board_note' | 'board_cluster';
	boardId: string;
	elementId: string;
	label: string;
	/** The note's or the cluster's language (board_notes.lang, board_clusters.lang). */
	lang: Locale;
	workshop: { id: string; title: string };
}

export interface ConceptView extends ConceptContent {
	id: string;
	version: number;
	updatedAt: Date;
	applicationId: string;
	challenge: {
		id: string;
		slug: string;
		title: LocalizedText;
		primaryLocale: Locale;
		/** Names the submission: a partnership's final tender, else a concept (submissionWords). */
		procedure: Procedure;
		priceShare: number;
		deadline: Date | null;
		open: boolean;
	};
	team: { id: string; name: string; lang: Locale };
	/** Whether the caller is on the team (may change it), not only reading it. */
	mine: boolean;
	links: ConceptLink[];
	attachments: ConceptAttachment[];
	tenders: ListedTender[];
	/** The team's preliminary ideas in its shortlisted application (to link). */
	ideas: { position: number; title: string }[];
	/** Notes and clusters the caller sees on boards of the challenge's workshops (to link). */
	boardElements: Choice<BoardElement>;
}

/** The concept of an application, if it has one the caller may see (RLS). */
export async function conceptOfApplication(
	tx: Queryable,
	applicationId: string
): Promise<{ id: string; version: number; title: string } | null> {
	const [row] = await tx.query<{ id: string; version: number; title: string }>(
		'select id, version, title from public.concepts where application_id = $1',
		[applicationId]
	);
	return row ?? null;
}

/** Whether the current shortlisting decision chose the application (private.application_shortlisted). */
export async function isShortlisted(tx: Queryable, applicationId: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		'select private.application_shortlisted($1) as ok',
		[applicationId]
	);
	return row.ok;
}

/**
 * Whether concepts of the challenge of application `applicationId` may be started and
 * changed now: its concepts deadline is set and has not passed by the database clock
 * (private.concepts_open). False when the caller cannot see the application (RLS). By the
 * application's id, so the page can ask it together with the application (issue 16).
 */
export async function conceptsOpen(tx: Queryable, applicationId: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		`select coalesce(private.concepts_open(
		   (select a.challenge_id from public.applications a where a.id = $1)), false) as ok`,
		[applicationId]
	);
	return row.ok;
}

/**
 * Starts the team's concept for its shortlisted application, or finds the one it has.
 * Refuses (TK422) concept_unknown, concept_not_shortlisted, concept_closed.
 */
export async function startConcept(tx: Queryable, applicationId: string): Promise<string> {
	const [row] = await tx.query<{ id: string }>('select public.concept_start($1) as id', [
		applicationId
	]);
	return row.id;
}

async function conceptLinks(tx: Queryable, conceptId: string): Promise<ConceptLink[]> {
	const rows = await tx.query<Omit<ConceptLink, 'workshop'> & { wid: string; wtitle: string }>(
		`select l.id, l.kind, l.label, l.lang, l.idea_position as "ideaPosition", l.board_id as "boardId",
		   l.element_id as "elementId", l.linked_at as "linkedAt", w.id as wid, w.title as wtitle
		 from public.concept_links l
		 left join public.boards b on b.id = l.board_id
		 left join public.workshops w on w.id = b.workshop_id
		 where l.concept_id = $1 order by l.linked_at, l.id`,
		[conceptId]
	);
	return rows.map(({ wid, wtitle, ...l }) => ({
		...l,
		workshop: wid ? { id: wid, title: wtitle } : null
	}));
}

/**
 * SQL naming the application or the challenge of the concept whose id is $1 when the caller
 * is on its team (null otherwise, and when RLS hides it): for the team's reads sent with the
 * concept instead of after it (issue 16).
 */
const ofMyConcept = (column: 'application_id' | 'challenge_id') =>
	`(select k.${column} from public.concepts k where k.id = $1 and private.is_team_member(k.team_id))`;

/**
 * The notes and clusters the caller sees (RLS) on boards of the workshops of the concept's
 * challenge, not yet linked to it, when the caller is on the concept's team (none
 * otherwise), by workshop and as added: those whose words hold every one of `words`
 * (folded, list-filter.ts; none: all), the first CHOICE_MAX and how many (readChoice).
 */
async function boardElements(
	tx: Queryable,
	conceptId: string,
	words: string[]
): Promise<Choice<BoardElement>> {
	const challenge = ofMyConcept('challenge_id');
	const unlinked = (kind: string, element: string) =>
		`not exists (select 1 from public.concept_links l where l.concept_id = $1
		   and l.kind = '${kind}' and l.board_id = b.id and l.element_id = ${element}::text)`;
	const choice = await readChoice<{
		kind: BoardElement['kind'];
		boardId: string;
		elementId: string;
		label: string;
		lang: Locale;
		wid: string;
		wtitle: string;
	}>(
		tx,
		`select 'board_cluster' as kind, k.board_id as "boardId", k.id as "elementId", k.name as label,
		   k.lang, w.id as wid, w.title as wtitle, w.starts_at, k.added_seq as seq
		 from public.board_clusters k join public.boards b on b.id = k.board_id
		 join public.workshops w on w.id = b.workshop_id where w.challenge_id = ${challenge}
		   and ${unlinked('board_cluster', 'k.id')} and ${holdsWords('public.search_fold(k.name)', '$2', words)}
		 union all
		 select 'board_note', n.board_id, n.id, n.body, n.lang, w.id, w.title, w.starts_at, n.added_seq
		 from public.board_notes n join public.boards b on b.id = n.board_id
		 join public.workshops w on w.id = b.workshop_id where w.challenge_id = ${challenge} and not n.hidden
		   and ${unlinked('board_note', 'n.id')} and ${holdsWords('public.search_fold(n.body)', '$2', words)}`,
		'starts_at, wid, kind desc, seq',
		[conceptId, words]
	);
	return {
		...choice,
		options: choice.options.map((r) => ({
			kind: r.kind,
			boardId: r.boardId,
			elementId: r.elementId,
			label: r.label,
			lang: r.lang,
			workshop: { id: r.wid, title: r.wtitle }
		}))
	};
}

/**
 * A concept as the caller may see it (its team, or the owner's side through RLS); null
 * otherwise. Every part is read by the concept's id, all sent together (one round trip,
 * issue 16); the ideas and board elements to link only for its team, the board elements
 * narrowed by `sourceWords` (folded words of the address's `sources`; none: all).
 */
export async function getConcept(
	tx: Queryable,
	id: string,
	sourceWords: string[] = []
): Promise<ConceptView | null> {
	const [[c], links, attachments, tenders, ideas, elements] = await Promise.all([
		tx.query<
			ConceptContent & {
				id: string;
				version: number;
				updatedAt: Date;
				applicationId: string;
				challengeId: string;
				slug: string;
				challengeTitle: LocalizedText;
				primaryLocale: Locale;
				procedure: Procedure;
				priceShare: number | null;
				deadline: Date | null;
				open: boolean;
				teamId: string;
				teamName: string;
				teamLang: Locale;
				mine: boolean;
			}
		>(
			`select c.id, c.version, c.updated_at as "updatedAt", c.application_id as "applicationId",
			   c.title, c.summary, c.description, c.plan, c.budget,
			   ch.id as "challengeId", ch.slug, ch.title as "challengeTitle",
			   ch.primary_locale as "primaryLocale", ch.procedure, ch.price_share as "priceShare",
			   private.concepts_deadline(ch.id) as deadline, private.concepts_open(ch.id) as open,
			   t.id as "teamId", t.name as "teamName", t.lang as "teamLang",
			   private.is_team_member(c.team_id) as mine
			 from public.concepts c
			 join public.challenges ch on ch.id = c.challenge_id
			 join public.teams t on t.id = c.team_id
			 where c.id = $1`,
			[id]
		),
		conceptLinks(tx, id),
		tx.query<ConceptAttachment>(
			`select id, file_key as "fileKey", file_name as "fileName", size
			 from public.concept_attachments where concept_id = $1 order by created_at, id`,
			[id]
		),
		listTenders(tx, id),
		tx.query<{ position: number; title: string }>(
			`select position, title from public.application_ideas
			 where application_id = ${ofMyConcept('application_id')} order by position`,
			[id]
		),
		boardElements(tx, id, sourceWords)
	]);
	if (!c) return null;
	return {
		id: c.id,
		version: c.version,
		updatedAt: c.updatedAt,
		applicationId: c.applicationId,
		title: c.title,
		summary: c.summary,
		description: c.description,
		plan: c.plan,
		budget: c.budget,
		challenge: {
			id: c.challengeId,
			slug: c.slug,
			title: c.challengeTitle,
			primaryLocale: c.primaryLocale,
			procedure: c.procedure,
			priceShare: c.priceShare ?? 0,
			deadline: c.deadline,
			open: c.open
		},
		team: { id: c.teamId, name: c.teamName, lang: c.teamLang },
		mine: c.mine,
		links,
		attachments,
		tenders,
		ideas,
		boardElements: elements
	};
}

/** The concept's final tenders, newest first (RLS). */
export async function listTenders(tx: Queryable, conceptId: string): Promise<ListedTender[]> {
	const rows = await tx.query<FinalTenderRow & { snapshot: unknown }>(
		`select id, version, digest, price_cents::float8 as "priceCents", submitted_at as "submittedAt",
		   withdrawn_at as "withdrawnAt", snapshot
		 from public.final_tenders where concept_id = $1 order by submitted_at desc, id`,
		[conceptId]
	);
	return rows.map(({ snapshot, ...row }) => ({ ...row, changedAt: snapshotChangedAt(snapshot) }));
}

/** One version as kept. */
export interface ConceptVersion extends ConceptContent {
	version: number;
	savedAt: Date;
	savedBy: string;
}

/** A version as the list of versions names it: its number, when and by whom it was saved. */
export type VersionEntry = Pick<ConceptVersion, 'version' | 'savedAt' | 'savedBy' | 'title'>;

/** How many versions the versions page lists at a time. */
export const VERSION_PAGE_SIZE = 50;

/** SQL for the versions of concept $1 (`v`) with the name of who saved each. */
const VERSIONS = `from public.concept_versions v left join public.profiles p on p.id = v.saved_by
	where v.concept_id = $1`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the concept's saved
 * versions (RLS), newest first, `size` of them, without their texts, and the latest
 * version's number (0 for none). The database counts and pages (issue 16: every autosave
 * is a version, and each was read whole on every visit).
 */
export async function versionsPage(
	tx: Queryable,
	conceptId: string,
	page: number,
	size = VERSION_PAGE_SIZE
): Promise<Paged<VersionEntry> & { latest: number }> {
	const [{ total, latest }] = await tx.query<{ total: number; latest: number }>(
		`select count(*)::int as total, coalesce(max(v.version), 0)::int as latest ${VERSIONS}`,
		[conceptId]
	);
	const paged = await readPage(total, page, size, (limit, offset) =>
		tx.query<VersionEntry>(
			`select v.version, v.title, v.saved_at as "savedAt",
			   coalesce(nullif(p.display_name, ''), p.email, '') as "savedBy"
			 ${VERSIONS} order by v.version desc limit $2 offset $3`,
			[conceptId, limit, offset]
		)
	);
	return { ...paged, latest };
}

/** The versions `numbers` of the concept as kept (RLS), newest first; those not saved are left out. */
export async function versionsNumbered(
	tx: Queryable,
	conceptId: string,
	numbers: number[]
): Promise<ConceptVersion[]> {
	return tx.query<ConceptVersion>(
		`select v.version, v.title, v.summary, v.description, v.plan, v.budget, v.saved_at as "savedAt",
		   coalesce(nullif(p.display_name, ''), p.email, '') as "savedBy"
		 ${VERSIONS} and v.version = any($2::int[]) order by v.version desc`,
		[conceptId, numbers]
	);
}

/**
 * Saves the content over `save.version` (public.concept_save: a teammate's newer save is
 * refused as concept_conflict, nothing overwritten) and appends the next version. Other
 * refusals (TK422) are thrown for the caller to word.
 */
export async function saveConcept(
	tx: Queryable,
	id: string,
	save: ConceptSave
): Promise<{ version: number; savedAt: Date }> {
	const [row] = await tx.query<{ version: number; savedAt: Date }>(
		`select v as version, now() as "savedAt" from public.concept_save($1, $2, $3::text::jsonb) v`,
		[id, save.version, JSON.stringify(save.content)]
	);
	return row;
}

/** Links an idea of the team's application (public.concept_link_idea). */
export async function linkIdea(tx: Queryable, id: string, position: number): Promise<void> {
	await tx.query('select public.concept_link_idea($1, $2)', [id, position]);
}

/** Links a note or cluster of a workshop board (public.concept_link_board). */
export async function linkBoardElement(
	tx: Queryable,
	id: string,
	kind: 'board_note' | 'board_cluster',
	boardId: string,
	elementId: string
): Promise<void> {
	await tx.query('select public.concept_link_board($1, $2, $3, $4)', [
		id,
		kind,
		boardId,
		elementId
	]);
}

/** Removes a link of the concept (public.concept_unlink); the link must be the concept's. */
export async function unlink(tx: Queryable, id: string, linkId: string): Promise<void> {
	await tx.query(
		`select public.concept_unlink(l.id) from public.concept_links l where l.id = $1 and l.concept_id = $2`,
		[linkId, id]
	);
}

export type { AttachResult };

/**
 * Attaches a posted file through the shared upload path (attachUpload: PDF or image by its
 * bytes, at most 10 MB): the row is written first by public.concept_attach (which refuses
 * with concept_… codes, thrown), the file stored once it stands.
 */
export function attachFile(
	db: Database,
	user: SessionUser,
	id: string,
	file: FormDataEntryValue | null
): Promise<AttachResult> {
	return attachUpload(db, user, file, (tx, stored) =>
		tx.query('select public.concept_attach($1, $2, $3, $4, $5)', [
			id,
			stored.key,
			stored.name,
			stored.mime,
			stored.size
		])
	);
}

/** Removes an attachment of the concept; its file goes once nothing refers to it. */
export async function detachFile(
	db: Database,
	user: SessionUser,
	id: string,
	attachmentId: string
): Promise<boolean> {
	return withFileChanges(db, 'private', (files) =>
		db.as(user, async (tx) => {
			const [row] = await tx.query<{ key: string | null }>(
				`select public.concept_detach(a.id) as key from public.concept_attachments a
				 where a.id = $1 and a.concept_id = $2`,
				[attachmentId, id]
			);
			files.drop(row?.key);
			return !!row;
		})
	);
}

/** An attachment's stored key and name, when RLS shows it to the caller. */
export async function findAttachment(tx: Queryable, conceptId: string, attachmentId: string) {
	const [row] = await tx.query<{ fileKey: string; fileName: string }>(
		`select file_key as "fileKey", file_name as "fileName" from public.concept_attachments
		 where id = $1 and concept_id = $2`,
		[attachmentId, conceptId]
	);
	return row ?? null;
}

/**
 * Submits the concept as it stands at `version` as the team's final tender, with the price
 * in cents when the stage has a price share (public.submit_final_tender: snapshot, digest
 * and receipt mail in the one transaction; refusals thrown). Returns the tender's id.
 */
export async function submitFinalTender(
	tx: Queryable,
	id: string,
	version: number,
	priceCents: number | null
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		'select public.submit_final_tender($1, $2, $3) as id',
		[id, version, priceCents]
	);
	return row.id;
}

/** Withdraws the concept's active final tender (public.withdraw_final_tender). */
export async function withdrawFinalTender(tx: Queryable, id: string): Promise<void> {
	await tx.query('select public.withdraw_final_tender($1)', [id]);
}

/** A final tender with its frozen snapshot. */
export interface FinalTender extends FinalTenderRow {
	conceptId: string;
	challengeId: string;
	/** The challenge's procedure, which names the tender (submissionWords). */
	procedure: Procedure;
	teamName: string;
	snapshot: FinalTenderSnapshot;
	/** The exact text the digest is the SHA-256 of (snapshot::text). */
	snapshotText: string;
}

/** One final tender, frozen, if RLS shows it (its team; the owner's side once unsealed). */
export async function readFinalTender(
	tx: Queryable,
	tenderId: string
): Promise<FinalTender | null> {
	const [row] = await tx.query<FinalTender>(
		`select f.id, f.version, f.digest, f.price_cents::float8 as "priceCents",
		   f.submitted_at as "submittedAt", f.withdrawn_at as "withdrawnAt",
		   f.concept_id as "conceptId", f.challenge_id as "challengeId", ch.procedure,
		   f.snapshot ->> 'team' as "teamName", f.snapshot, f.snapshot::text as "snapshotText"
		 from public.final_tenders f join public.challenges ch on ch.id = f.challenge_id
		 where f.id = $1`,
		[tenderId]
	);
	if (!row) return null;
	return { ...row, teamName: row.snapshot.team.name };
}

/** The owner's list: active final tenders of a challenge, and how many are sealed. */
export interface TenderList {
	deadline: Date | null;
	/** Active final tenders RLS hides until the deadline (the count is all that shows). */
	sealed: number;
	tenders: (FinalTenderRow & {
		teamName: string;
		title: string;
		/** The language the team wrote it in. */
		lang: Locale;
		budgetCents: number;
	})[];
}

/**
 * The challenge's submitted (not withdrawn) final tenders for its owner's side: before the
 * concepts deadline RLS shows none, and only their count is given. Both reads are sent
 * together (one round trip, issue 16).
 */
export async function listChallengeTenders(
	tx: Queryable,
	challengeId: string
): Promise<TenderList> {
	const [[head], tenders] = await Promise.all([
		tx.query<{ deadline: Date | null; count: number | null }>(
			`select private.concepts_deadline($1) as deadline, public.sealed_final_tender_count($1) as count`,
			[challengeId]
		),
		tx.query<TenderList['tenders'][number]>(
			`select f.id, f.version, f.digest, f.price_cents::float8 as "priceCents",
			   f.submitted_at as "submittedAt", f.withdrawn_at as "withdrawnAt",
			   f.snapshot #>> '{team,name}' as "teamName", f.snapshot ->> 'title' as title,
			   f.snapshot #>> '{team,lang}' as lang,
			   coalesce((select sum((r ->> 'cents')::bigint) from jsonb_array_elements(f.snapshot -> 'budget') r), 0)::float8
			     as "budgetCents"
			 from public.final_tenders f
			 where f.challenge_id = $1 and f.withdrawn_at is null
			 order by f.submitted_at, f.id`,
			[challengeId]
		)
	]);
	return { deadline: head.deadline, sealed: head.count ?? 0, tenders };
}

/**
 * Lineage from the application's end: for each idea position, the concepts that build on
 * it (RLS: the team's own concept, and the owner's side's).
 */
export async function conceptsOnIdeas(
	tx: Queryable,
	applicationId: string
): Promise<Record<number, { id: string; title: string; lang: Locale }[]>> {
	const rows = await tx.query<{ position: number; id: string; title: string; lang: Locale }>(
		`select l.idea_position as position, c.id, c.title, t.lang from public.concept_links l
		 join public.concepts c on c.id = l.concept_id
		 join public.teams t on t.id = c.team_id
		 where l.kind = 'idea' and l.application_id = $1 order by c.title, c.id`,
		[applicationId]
	);
	const out: Record<number, { id: string; title: string; lang: Locale }[]> = {};
	for (const r of rows) (out[r.position] ??= []).push({ id: r.id, title: r.title, lang: r.lang });
	return out;
}

export type { BudgetRow };

/**
 * The final tender byte for byte as its digest was taken, as a download: `sha256sum` of
 * the file equals the digest on the receipt.
 */
export function finalTenderFile(tender: FinalTender): Response {
	return new Response(tender.snapshotText, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="final-tender-${tender.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * Lineage from the workshop's side (issue 14, "visible from both ends"): the concepts that
 * build on notes or clusters of the workshop's boards, read once with the page. Plain
 * reads through row-level security: a concept's links show only to whom may read the
 * concept (its team; the challenge's team once final tenders are unsealed), so a
 * facilitator or another team in a shared workshop sees no marker of a concept it may not
 * read. Takes the workshop's id; answers the uses by board, title and concept.
 */
export async function conceptUsesInWorkshop(
	tx: Queryable,
	workshopId: string
): Promise<ConceptUse[]> {
	return tx.query<ConceptUse>(
		`select l.board_id as "boardId", l.element_id as "elementId", l.kind,
		   c.id as "conceptId", c.title, t.lang
		 from public.concept_links l
		 join public.boards b on b.id = l.board_id
		 join public.concepts c on c.id = l.concept_id
		 join public.teams t on t.id = c.team_id
		 where b.workshop_id = $1 and l.kind in ('board_note', 'board_cluster')
		 order by l.board_id, l.element_id, c.title, c.id`,
		[workshopId]
	);
}
