import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { scheduleWorkshop } from '../../src/lib/server/workshops/schedule';
import { createChallenge, createUser } from './fixtures';
import { appointJuror, inviteJuror } from './jury-fixtures';
import { publishGoDecision } from './production-fixtures';
import {
	reviewReport,
	saveCategory,
	saveTargets,
	submitReport
} from '../../src/lib/server/production';
import { recordAudit } from '../../src/lib/server/audit';
import { createScreeningScenario } from './screening-fixtures';

/**
 * The roles of the access matrix (tests/integration/access-matrix.ts), in its column order.
 * - anon: a visitor; outsider: signed in, in nothing (asked a question, follows the
 *   challenge, has a calendar feed, sent accessibility feedback);
 * - lead, member: team A (a submitted application appA, decided eligible; a draft draftA);
 * - otherTeam: team B (a submitted application appB, one mark, decided eligible);
 * - owner: owns the organisation whose challenge both applied to; otherOwner: owns another;
 * - facilitator: runs a negotiation workshop (a board per team) of teams A and B;
 * - expert: invited to that workshop as an expert; admin: platform admin;
 * - juror: on the challenge's shortlisting jury (issue 13): declared no conflict on appA
 *   and a conflict on appB, assigned appA, submitted and (in the consensus step the owner
 *   opened) revised its score and commented on it; the owner then published the
 *   shortlisting decision: appA chosen, appB not.
 */
const PDF_KEY = '00000000-0000-4000-8000-00000000c0c0.pdf';

export const ROLES = [
	'anon',
	'outsider',
	'member',
	'lead',
	'otherTeam',
	'owner',
	'otherOwner',
	'facilitator',
	'expert',
	'admin',
	'juror'
] as const;
export type Role = (typeof ROLES)[number];

/** Builds the world the matrix is checked against (the screening scenario and more). */
export async function createAccessWorld(db: Database) {
	const s = await createScreeningScenario(db);
	const admin = await createUser(db, 'Ada Admin', { admin: true });
	const facilitator = await createUser(db, 'Fiia Facilitator');
	const expert = await createUser(db, 'Eero Expert');
	const draft = await createChallenge(db, s.org.id, 'draft');

	const fixed = await db.service('test fixture: access world', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
			facilitator.id
		]);
		const [{ id: otherOrg }] = await tx.query<{ id: string }>(
			`select organisation_id as id from public.organisation_members where user_id = $1`,
			[s.otherOwner.id]
		);
		await tx.query(
			`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
			 values ($1, 'shortlisting', 1, '{"en": "Impact"}', 10)`,
			[s.challenge.id]
		);
		await tx.query(
			`insert into public.challenge_amendments (challenge_id, author_id, reason, changes)
			 values ($1, $2, 'Typo', '[]')`,
			[s.challenge.id, s.owner.id]
		);
		const [{ id: answered }] = await tx.query<{ id: string }>(
			`insert into public.challenge_questions (challenge_id, body, answer, answered_at, answered_by)
			 values ($1, 'Can teams merge?', 'Yes.', now(), $2) returning id`,
			[s.challenge.id, s.owner.id]
		);
		await tx.query(
			'insert into public.challenge_question_askers (question_id, asker_id) values ($1, $2)',
			[answered, s.lead.id]
		);
		await tx.query(
			`insert into public.accessibility_feedback (user_id, message) values ($1, 'Contrast too low')`,
			[s.outsider.id]
		);
		await tx.query('insert into public.calendar_feeds (user_id, token) values ($1, $2)', [
			s.outsider.id,
			'a'.repeat(32)
		]);
		await tx.query(
			'insert into public.challenge_followers (challenge_id, user_id) values ($1, $2)',
			[s.challenge.id, s.outsider.id]
		);
		// An earlier answer and an earlier (revised) screening decision, as the functions
		// answer_question and record_screening keep them.
		await tx.query(
			`insert into public.question_answer_revisions (question_id, answer, answered_at, answered_by, replaced_by)
			 values ($1, 'Maybe.', now() - interval '1 day', $2, $2)`,
			[answered, s.owner.id]
		);
		await tx.query(
			`insert into public.screening_history (application_id, eligible, justification, ended, ended_by)
			 values ($1, false, 'First reading', 'revised', $2)`,
			[s.appA.id, s.owner.id]
		);
		// Only teams found eligible at screening can be put into a workshop (issue 10, item 25).
		await tx.query(
			`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
			 values ($1, true, 'Meets every minimum requirement', $2)`,
			[s.appB.id, s.owner.id]
		);
		// A question's wording edited before answering and a submission refused after the
		// deadline, as edit_question_wording and submit_application record them (issue 12).
		await tx.query(
			`insert into public.question_wording_edits (question_id, original, edited, edited_by)
			 values ($1, 'Can teams of Acme Oy merge?', 'Can teams merge?', $2)`,
			[answered, s.owner.id]
		);
		await tx.query(
			`insert into public.late_submission_attempts
			   (challenge_id, application_id, team_id, team_name, attempted_by, attempted_by_name, deadline)
			 values ($1, $2, $3, 'Team A', $4, 'Leo Lead', now() - interval '1 hour')`,
			[s.secondChallenge.id, s.draftA.id, s.teamA.id, s.lead.id]
		);
		const [{ key: appADocument }] = await tx.query<{ key: string }>(
			'select file_key as key from public.application_documents where application_id = $1 limit 1',
			[s.appA.id]
		);
		// An open invitation to the owner's organisation (issue 12), made as the app makes it.
		await tx.query(
			`insert into public.organisation_invitations (organisation_id, email, token_hash, invited_by)
			 values ($1, 'kutsuttu@test.example', $2, $3)`,
			[s.org.id, 'c'.repeat(64), s.owner.id]
		);
		return { otherOrg, answered, appADocument };
	});

	const question = await db.as(s.outsider, async (tx) => {
		const [row] = await tx.query<{ id: string }>('select public.ask_question($1, $2) as id', [
			s.challenge.id,
			'Is there a budget?'
		]);
		return row.id;
	});

	const workshop = await db.as(facilitator, (tx) =>
		scheduleWorkshop(tx, {
			challengeId: s.challenge.id,
			title: 'Negotiation',
			startsAt: new Date(),
			mode: 'team_boards',
			agenda: DEFAULT_AGENDA,
			teamIds: [s.teamA.id, s.teamB.id],
			guests: [{ userId: expert.id, kind: 'expert' }]
		})
	);
	const boards = await db.service('test fixture: boards', async (tx) => {
		const rows = await tx.query<{ id: string; team_id: string }>(
			'select id, team_id from public.boards where workshop_id = $1',
			[workshop]
		);
		const boardA = rows.find((b) => b.team_id === s.teamA.id)!.id;
		const boardB = rows.find((b) => b.team_id === s.teamB.id)!.id;
		const note = crypto.randomUUID();
		await tx.query(
			`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, added_seq)
			 values ($1, $2, $3, 'Idea', 'yellow', 0, 0, 1)`,
			[boardA, note, s.lead.id]
		);
		await tx.query(
			`insert into public.board_clusters (board_id, id, name, added_seq) values ($1, $2, 'Group', 2)`,
			[boardA, crypto.randomUUID()]
		);
		await tx.query(
			'insert into public.board_votes (board_id, note_id, voter_id, dots) values ($1, $2, $3, 1)',
			[boardA, note, s.member.id]
		);
		await tx.query(
			`insert into public.board_ops (board_id, seq, op_id, actor_id, op) values ($1, 1, $2, $3, '{}')`,
			[boardA, crypto.randomUUID(), s.lead.id]
		);
		await tx.query(
			`insert into public.workshop_announcements (workshop_id, body, by) values ($1, 'Welcome', $2)`,
			[workshop, facilitator.id]
		);
		return { boardA, boardB, note };
	});
	await db.as(facilitator, (tx) =>
		tx.query("select public.advance_workshop($1, 'live')", [workshop])
	);

	const juror = await createUser(db, 'Jaakko Juror');
	const jurorId = await appointJuror(db, s.owner, s.challenge.id, 'shortlisting', juror);
	// An invitation sent to a wrong address and withdrawn (on record).
	await inviteJuror(db, s.owner, s.challenge.id, 'shortlisting', 'wrong.juror@test.example');
	await db.as(s.owner, (tx) =>
		tx.query(
			`select public.jury_withdraw_invitation(id) from public.jury_members
			 where email = 'wrong.juror@test.example'`
		)
	);
	const jury = { challenge: s.challenge.id, stage: 'shortlisting' };
	await db.as(juror, (tx) =>
		tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
			jury.challenge,
			jury.stage,
			[
				{ item: s.appA.id, conflict: false },
				{ item: s.appB.id, conflict: true }
			]
		])
	);
	await db.as(s.owner, (tx) =>
		tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
			jury.challenge,
			jury.stage,
			[{ juror: jurorId, item: s.appA.id }]
		])
	);
	const [{ id: criterion }] = await db.service('test fixture: jury criterion', (tx) =>
		tx.query<{ id: string }>(
			`select id from public.challenge_criteria where challenge_id = $1 and stage = 'shortlisting'`,
			[s.challenge.id]
		)
	);
	const score = await db.as(juror, async (tx) => {
		await tx.query("select public.jury_submit_scores('application', $1, $2::jsonb)", [
			s.appA.id,
			[{ criterion, points: 7.5, justification: 'A clear plan.' }]
		]);
		const [row] = await tx.query<{ id: string }>('select id from public.jury_scores');
		return row.id;
	});
	await db.as(s.owner, (tx) =>
		tx.query('select public.jury_open_consensus($1, $2)', [jury.challenge, jury.stage])
	);
	await db.as(juror, async (tx) => {
		await tx.query('select public.jury_revise_score($1, 8, $2, $3)', [
			score,
			'A clear plan, well staffed.',
			'Discussed'
		]);
		await tx.query("select public.jury_comment('application', $1, 'Agreed at 8.')", [s.appA.id]);
	});

	// The shortlisting decision, published (issue 13): appA chosen, appB not; the comparison
	// stays unpublished (an open challenge). The juror's score on appA is frozen with it.
	await db.service('test fixture: shortlist count', (tx) =>
		tx.query('update public.challenges set shortlist_count = 1 where id = $1', [s.challenge.id])
	);
	const decision = await db.as(s.owner, async (tx) => {
		const [row] = await tx.query<{ id: string }>(
			'select public.decision_prepare($1, $2, $3::text::jsonb) as id',
			[
				jury.challenge,
				jury.stage,
				JSON.stringify([
					{ item: s.appA.id, chosen: true, rank: 1, reason: 'Best plan.' },
					{ item: s.appB.id, chosen: false, rank: 2, reason: 'Thinner plan.' }
				])
			]
		);
		await tx.query('select public.decision_publish($1)', [row.id]);
		return row.id;
	});

	// Team A's concept (issue 14) on its shortlisted appA: one version, built on its first
	// idea, tendered with a price; the 'concepts' stage has ended, so the tender is unsealed.
	// Written directly: the concept functions are tested in their own files.
	const concept = await db.service('test fixture: concept and final tender', async (tx) => {
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'concepts', now() - interval '2 days', now() - interval '1 hour')
			 on conflict (challenge_id, stage) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at`,
			[s.challenge.id]
		);
		const [row] = await tx.query<{ id: string }>(
			`insert into public.concepts (challenge_id, team_id, application_id, version, title, updated_by)
			 values ($1, $2, $3, 1, 'Concept A', $4) returning id`,
			[s.challenge.id, s.teamA.id, s.appA.id, s.lead.id]
		);
		await tx.query(
			`insert into public.concept_versions (concept_id, version, title, summary, description, plan, budget, saved_by)
			 values ($1, 1, 'Concept A', '', '', '', '[]', $2)`,
			[row.id, s.lead.id]
		);
		await tx.query(
			`insert into public.concept_links (concept_id, kind, application_id, idea_position, label, linked_by)
			 values ($1, 'idea', $2, 1, 'Idea one', $3)`,
			[row.id, s.appA.id, s.lead.id]
		);
		await tx.query(
			`insert into public.concept_attachments (concept_id, file_key, file_name, mime, size, uploaded_by)
			 values ($1, $2, 'plan.pdf', 'application/pdf', 100, $3)`,
			[row.id, PDF_KEY, s.lead.id]
		);
		const [tender] = await tx.query<{ id: string }>(
			`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest, price_cents, submitted_by)
			 values ($1, $2, $3, 1, '{}', $4, 100000, $5) returning id`,
			[row.id, s.challenge.id, s.teamA.id, 'c'.repeat(64), s.lead.id]
		);
		return { id: row.id, finalTender: tender.id };
	});

	// Proof of concept (issue 14, poc): the selection decision chose team A's final tender
	// (unless the world has one already), so its concept is a partner; its proof of concept
	// has one milestone the lead planned. Written directly, as the fixtures above.
	const poc = await db.service('test fixture: proof of concept', async (tx) => {
		const [selection] = await tx.query<{ id: string }>(
			`insert into public.decisions (challenge_id, stage, decided_on)
			 select $1, 'selection', (now() at time zone 'Europe/Helsinki')::date
			 where not exists (select 1 from public.decisions
			                   where challenge_id = $1 and stage = 'selection' and published_at is not null)
			 returning id`,
			[s.challenge.id]
		);
		if (selection) {
			await tx.query(
				`insert into public.decision_items (decision_id, item_kind, final_tender_id, team_name, chosen, reason)
				 values ($1, 'final_tender', $2, 'Team A', true, 'Best in the comparison.')`,
				[selection.id, concept.finalTender]
			);
			await tx.query('update public.decisions set published_at = now() where id = $1', [
				selection.id
			]);
		}
		const [proof] = await tx.query<{ id: string }>(
			`insert into public.proofs_of_concept (challenge_id, concept_id, started_by)
			 values ($1, $2, $3) returning id`,
			[s.challenge.id, concept.id, s.owner.id]
		);
		const [milestone] = await tx.query<{ id: string }>(
			`insert into public.poc_milestones (poc_id, title, due_on, created_by, updated_by)
			 values ($1, 'Pilot', '2027-03-31', $2, $2) returning id`,
			[proof.id, s.lead.id]
		);
		await tx.query(
			`insert into public.poc_milestone_events (milestone_id, step, to_status, title, due_on, by)
			 values ($1, 'plan', 'planned', 'Pilot', '2027-03-31', $2)`,
			[milestone.id, s.lead.id]
		);
		// One file of its evidence (20261208000200_poc_evidence_files.sql).
		const [file] = await tx.query<{ id: string }>(
			`insert into public.poc_evidence_files (milestone_id, file_key, file_name, mime, size, uploaded_by)
			 values ($1, '00000000-0000-4000-8000-0000000000e1.pdf', 'pilot-report.pdf', 'application/pdf', 100, $2)
			 returning id`,
			[milestone.id, s.lead.id]
		);
		return { id: proof.id, milestone: milestone.id, file: file.id };
	});
	// Production (issue 14): the go/no-go decision continues team A's concept; the owner
	// defines a category and the challenge's targets; team A reports last month and the
	// owner confirms it.
	await publishGoDecision(db, s.challenge.id, [concept.id]);
	const production = await db.as(s.owner, async (tx) => {
		const category = await saveCategory(tx, s.challenge.id, {
			name: { en: 'Permanent employment' },
			bonusCents: 200_000
		});
		await saveTargets(tx, s.challenge.id, null, { clientsToStart: 200, resultsToReach: 100 });
		return { category };
	});
	const [{ m: lastMonth }] = await db.service('test fixture: last month', (tx) =>
		tx.query<{ m: string }>(
			`select to_char(date_trunc('month', now() at time zone 'Europe/Helsinki') - interval '1 month', 'YYYY-MM-DD') as m`
		)
	);
	const outcomeReport = await db.as(s.lead, (tx) =>
		submitReport(tx, concept.id, {
			month: lastMonth,
			clientsStarted: 12,
			clientsProgressed: 4,
			results: { [production.category]: 3 }
		})
	);
	await db.as(s.owner, (tx) => reviewReport(tx, outcomeReport, 'confirmed', ''));
	const auditEntry = await db.service('test fixture: audit entry', (tx) =>
		recordAudit(tx, {
			action: 'sign_in',
			targetKind: 'user',
			targetId: s.member.id,
			actorId: s.member.id,
			address: '192.0.2.7'
		})
	);

	return {
		...s,
		admin,
		facilitator,
		expert,
		draft,
		otherOrg: fixed.otherOrg,
		answered: fixed.answered,
		appADocument: fixed.appADocument,
		question,
		workshop,
		...boards,
		juror,
		jurorId,
		jurorScore: score,
		decision,
		concept: concept.id,
		finalTender: concept.finalTender,
		proof: poc.id,
		milestone: poc.milestone,
		milestoneFile: poc.file,
		outcomeCategory: production.category,
		outcomeReport,
		auditEntry
	};
}
export type AccessWorld = Awaited<ReturnType<typeof createAccessWorld>>;

/** Who each role is in the world. */
export function principals(w: AccessWorld): Record<Role, Principal> {
	return {
		anon: null,
		outsider: w.outsider,
		member: w.member,
		lead: w.lead,
		otherTeam: w.otherTeam,
		owner: w.owner,
		otherOwner: w.otherOwner,
		facilitator: w.facilitator,
		expert: w.expert,
		admin: w.admin,
		juror: w.juror
	};
}
