import type { Queryable } from '../db';
import { diffFields, type FieldChange } from '$lib/domain/amendments';
import type { Basics, CriteriaForm, RequirementsForm } from '$lib/domain/challenge-schemas';
import { slugify } from '$lib/domain/organisation-schemas';
import { planRequirements, type SavedRequirement } from '$lib/domain/requirement-plan';
import type { StageWindow } from '$lib/domain/timetable';

/** Thrown inside the transaction so nothing is saved: a published change needs its reason. */
export class ReasonRequired extends Error {
	constructor() {
		super('An amendment to a published challenge needs a reason');
	}
}

export interface Editor {
	id: string;
	name: string;
}

type Section = 'basics' | 'timetable' | 'criteria' | 'requirements' | 'cover';

// What each section publishes: an amendment compares these before and after the change.
const SNAPSHOTS: Record<Section, string> = {
	basics: `select jsonb_build_object('title', title, 'summary', summary, 'body', body,
		'primary_locale', primary_locale, 'procedure', procedure,
		'contact_name', contact_name, 'contact_email', contact_email) as fields
		from public.challenges where id = $1`,
	cover: `select jsonb_build_object('cover_image', cover_image) as fields from public.challenges where id = $1`,
	timetable: `select jsonb_build_object('timetable', coalesce((select jsonb_agg(jsonb_build_object(
		'stage', stage, 'starts_at', starts_at, 'ends_at', ends_at, 'decision_on', decision_on,
		'signatory', signatory) order by stage) from public.challenge_stages where challenge_id = $1), '[]')) as fields`,
	criteria: `select jsonb_build_object('criteria', coalesce((select jsonb_agg(jsonb_build_object(
		'stage', stage, 'name', name, 'description', description, 'max_points', max_points)
		order by stage, position) from public.challenge_criteria where challenge_id = $1), '[]'),
		'price_share', (select price_share from public.challenges where id = $1)) as fields`,
	requirements: `select jsonb_build_object('requirements', coalesce((select jsonb_agg(statement order by position)
		from public.challenge_requirements where challenge_id = $1), '[]'),
		'competence_areas', competence_areas, 'lookback_years', lookback_years,
		'min_team_size', min_team_size, 'require_common_history', require_common_history,
		'idea_count', idea_count, 'shortlist_count', shortlist_count, 'partner_count', partner_count,
		'rewards', rewards) as fields from public.challenges where id = $1`
};

async function snapshot(tx: Queryable, id: string, section: Section) {
	const [row] = await tx.query<{ fields: Record<string, unknown> }>(SNAPSHOTS[section], [id]);
	return row?.fields ?? {};
}

/**
 * Applies a change to one section. On a published challenge every changed field is
 * recorded as an amendment with who, when and why; without a reason nothing is saved.
 * Returns the changes, or null when the caller may not edit the challenge.
 */
async function amend(
	tx: Queryable,
	editor: Editor,
	id: string,
	section: Section,
	reason: string,
	apply: () => Promise<void>
): Promise<{ changes: FieldChange[]; amended: boolean } | null> {
	const [challenge] = await tx.query<{ status: string }>(
		'select status from public.challenges where id = $1 and private.is_challenge_member(id) for update',
		[id]
	);
	if (!challenge) return null;
	const before = await snapshot(tx, id, section);
	await apply();
	await tx.query('update public.challenges set updated_at = now() where id = $1', [id]);
	const changes = diffFields(before, await snapshot(tx, id, section));
	const amended = challenge.status === 'published' && changes.length > 0;
	if (amended) {
		if (!reason) throw new ReasonRequired();
		await tx.query(
			`insert into public.challenge_amendments (challenge_id, author_id, author_name, reason, changes)
			 values ($1, $2, $3, $4, $5::text::jsonb)`,
			// As text: a JS array would otherwise be sent as a Postgres array by postgres.js.
			[id, editor.id, editor.name, reason, JSON.stringify(changes)]
		);
	}
	return { changes, amended };
}

/** A new draft in the organisation (RLS: its members only), with a slug made from the title. */
export async function createDraft(tx: Queryable, organisationId: string, basics: Basics) {
	const base = slugify(basics.title[basics.primaryLocale] ?? '') || 'challenge';
	const [taken] = await tx.query<{ n: number }>(
		"select count(*)::int as n from public.challenges where slug = $1 or slug like $1 || '-%'",
		[base]
	);
	const slug = taken.n ? `${base}-${crypto.randomUUID().slice(0, 6)}` : base;
	const [row] = await tx.query<{ id: string; slug: string }>(
		`insert into public.challenges (organisation_id, slug, primary_locale, title, summary, body,
		   procedure, contact_name, contact_email)
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id, slug`,
		[
			organisationId,
			slug,
			basics.primaryLocale,
			basics.title,
			basics.summary,
			basics.body,
			basics.procedure,
			basics.contactName,
			basics.contactEmail
		]
	);
	return row;
}

export const saveBasics = (tx: Queryable, editor: Editor, id: string, b: Basics, reason: string) =>
	amend(tx, editor, id, 'basics', reason, async () => {
		// The procedure decides the stages, so it is fixed once published.
		await tx.query(
			`update public.challenges set primary_locale = $2, title = $3, summary = $4, body = $5,
			   procedure = case when status = 'draft' then $6 else procedure end,
			   contact_name = $7, contact_email = $8
			 where id = $1`,
			[id, b.primaryLocale, b.title, b.summary, b.body, b.procedure, b.contactName, b.contactEmail]
		);
	});

/** The current cover's key of a challenge the caller may see, or null. */
export async function coverOf(tx: Queryable, id: string): Promise<string | null> {
	const [row] = await tx.query<{ cover_image: string | null }>(
		'select cover_image from public.challenges where id = $1',
		[id]
	);
	return row?.cover_image ?? null;
}

export const saveCover = (
	tx: Queryable,
	editor: Editor,
	id: string,
	key: string | null,
	reason: string
) =>
	amend(tx, editor, id, 'cover', reason, async () => {
		await tx.query('update public.challenges set cover_image = $2 where id = $1', [id, key]);
	});

export const saveTimetable = (
	tx: Queryable,
	editor: Editor,
	id: string,
	windows: StageWindow[],
	reason: string
) =>
	amend(tx, editor, id, 'timetable', reason, async () => {
		await tx.query('delete from public.challenge_stages where challenge_id = $1', [id]);
		for (const w of windows) {
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
				 values ($1, $2, $3, $4, $5, $6)`,
				[id, w.stage, w.startsAt, w.endsAt, w.decisionOn ?? null, w.signatory ?? null]
			);
		}
	});

export const saveCriteria = (
	tx: Queryable,
	editor: Editor,
	id: string,
	form: CriteriaForm,
	reason: string
) =>
	amend(tx, editor, id, 'criteria', reason, async () => {
		await tx.query('delete from public.challenge_criteria where challenge_id = $1', [id]);
		for (const [position, c] of form.criteria.entries()) {
			await tx.query(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, description, max_points)
				 values ($1, $2, $3, $4, $5, $6)`,
				[id, c.stage, position + 1, c.name, c.description, c.maxPoints]
			);
		}
		await tx.query('update public.challenges set price_share = $2 where id = $1', [
			id,
			form.priceShare
		]);
	});

export const saveRequirements = (
	tx: Queryable,
	editor: Editor,
	id: string,
	f: RequirementsForm,
	reason: string
) =>
	amend(tx, editor, id, 'requirements', reason, async () => {
		// Rows keep their ids: teams' answers and owners' marks hang on them (on delete cascade).
		const saved = await tx.query<SavedRequirement>(
			'select id, statement from public.challenge_requirements where challenge_id = $1 order by position',
			[id]
		);
		const plan = planRequirements(saved, f.requirements);
		if (plan.remove.length)
			await tx.query('delete from public.challenge_requirements where id = any($1::uuid[])', [
				plan.remove
			]);
		for (const r of plan.update) {
			await tx.query(
				'update public.challenge_requirements set position = $2, statement = $3 where id = $1',
				[r.id, r.position, r.statement]
			);
		}
		for (const r of plan.insert) {
			await tx.query(
				'insert into public.challenge_requirements (challenge_id, position, statement) values ($1, $2, $3)',
				[id, r.position, r.statement]
			);
		}
		await tx.query(
			`update public.challenges set competence_areas = $2, lookback_years = $3, min_team_size = $4,
			   require_common_history = $5, idea_count = $6, shortlist_count = $7, partner_count = $8, rewards = $9
			 where id = $1`,
			[
				id,
				f.competenceAreas,
				f.lookbackYears,
				f.minTeamSize,
				f.requireCommonHistory,
				f.ideaCount,
				f.shortlistCount,
				f.partnerCount,
				f.rewards
			]
		);
	});

/** Publishes a draft (the caller checks readiness first); false when not allowed or already published. */
export async function publishChallenge(tx: Queryable, id: string): Promise<boolean> {
	const rows = await tx.query(
		`update public.challenges set status = 'published', published_at = now(), updated_at = now()
		 where id = $1 and status = 'draft' returning id`,
		[id]
	);
	return rows.length === 1;
}
