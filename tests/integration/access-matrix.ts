import { ROLES, type AccessWorld, type Role } from './access-world';

/**
 * THE ACCESS MATRIX: who may select, insert, update and delete what, for every table (and
 * view: screening_decisions is one over the decisions since 20261206000110) in schema public, as statements run directly against the database as Supabase's Data API
 * would run them (role anon or authenticated with the user's claims).
 * tests/integration/access-matrix.test.ts runs each statement as each role against the
 * world of access-world.ts (writes rolled back) and fails on any difference, and on a
 * table of public that is missing here or lacks one of the four actions.
 *
 * Roles (columns), see access-world.ts: anon, outsider (signed in, in nothing), member and
 * lead (team A), otherTeam (team B), owner (the challenge's organisation), otherOwner
 * (another organisation), facilitator, expert (invited to the workshop), admin, juror (on
 * the challenge's shortlisting jury: scores appA, declared a conflict on appB).
 *
 * Outcomes: a number = rows returned (seen, or written with `returning`); 'none' = nothing
 * (zero rows, or refused); 'denied' = refused by a policy or a missing privilege;
 * 'ok' = allowed (a write returning nothing the role may read back).
 *
 * Adding a table: add `name: { select: [...], insert: [...], update: [...], delete: [...] }`
 * with at least one check per action; for an action nobody has, one check with `nobody`.
 * Put what the checks need into access-world.ts.
 */

export type Outcome = number | 'none' | 'denied' | 'ok';
export type Expect = Record<Role, Outcome>;
export interface Check {
	does: string;
	sql: string;
	params?: (w: AccessWorld) => unknown[];
	expect: Expect;
}
export type Action = 'select' | 'insert' | 'update' | 'delete';
export type TableAccess = Record<Action, Check[]>;

/** Every role gets `outcome`, except those named. */
export const everyone = (outcome: Outcome, except: Partial<Expect> = {}): Expect => ({
	...(Object.fromEntries(ROLES.map((r) => [r, outcome])) as Expect),
	...except
});
/** Only the roles named get something; everyone else nothing. */
export const only = (some: Partial<Expect>): Expect => everyone('none', some);
/** Every signed-in role gets `outcome` (anon nothing), except those named. */
export const signedIn = (outcome: Outcome, except: Partial<Expect> = {}): Expect =>
	everyone(outcome, { anon: 'none', ...except });
/** Nobody, in any role. */
export const nobody: Expect = everyone('none');
/** Team A's two members. */
const teamA = (n: Outcome, more: Partial<Expect> = {}) => only({ member: n, lead: n, ...more });
/** Those taking part in the workshop: facilitator, observing owner, both teams, expert. */
const inWorkshop = (n: Outcome, more: Partial<Expect> = {}) =>
	only({ facilitator: n, owner: n, member: n, lead: n, otherTeam: n, expert: n, ...more });
/** Who sees team A's board in the negotiation: not team B. */
const seesBoardA = (n: Outcome) =>
	only({ facilitator: n, owner: n, member: n, lead: n, expert: n });

const HEX = 'b'.repeat(64);
const PDF = '00000000-0000-4000-8000-00000000abcd.pdf';

export const ACCESS: Record<string, TableAccess> = {
	// Accounts and organisations ------------------------------------------------------------
	profiles: {
		select: [
			{
				does: 'see one’s own profile',
				sql: 'select id from profiles where id = (select auth.uid())',
				expect: signedIn(1)
			},
			{
				does: "see the lead's profile",
				sql: 'select id from profiles where id = $1',
				params: (w) => [w.lead.id],
				expect: only({ lead: 1, member: 1, admin: 1 })
			}
		],
		insert: [
			{
				does: 'insert a profile',
				sql: "insert into profiles (id, email) values ($1, 'x@test.example') returning id",
				params: (w) => [w.outsider.id],
				expect: nobody
			}
		],
		update: [
			{
				does: "update the lead's profile",
				sql: "update profiles set display_name = 'x' where id = $1 returning id",
				params: (w) => [w.lead.id],
				expect: only({ lead: 1 })
			}
		],
		delete: [
			{
				does: "delete the lead's profile",
				sql: 'delete from profiles where id = $1 returning id',
				params: (w) => [w.lead.id],
				expect: nobody
			}
		]
	},
	platform_admins: {
		select: [
			{
				does: 'see platform admins',
				sql: 'select user_id from platform_admins',
				expect: only({ admin: 1 })
			}
		],
		insert: [
			{
				does: 'make oneself an admin',
				sql: 'insert into platform_admins (user_id) values ((select auth.uid())) returning user_id',
				expect: nobody
			}
		],
		update: [
			{
				does: 'change admins',
				sql: 'update platform_admins set created_at = now() returning user_id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove admins',
				sql: 'delete from platform_admins returning user_id',
				expect: nobody
			}
		]
	},
	// The audit log (issue 15: 20261209000100_audit_log.sql): platform admins read it;
	// only private.record_audit writes, and nobody through the Data API.
	audit_log: {
		select: [
			{
				does: 'read the audit log',
				sql: 'select id from audit_log where id = $1',
				params: (w) => [w.auditEntry],
				expect: only({ admin: 1 })
			}
		],
		insert: [
			{
				does: 'write an entry past record_audit',
				sql: "insert into audit_log (action) values ('sign_in') returning id",
				expect: nobody
			},
			{
				does: 'forge an entry through record_audit',
				sql: "select private.record_audit('sign_in') as id",
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite an entry',
				sql: "update audit_log set action = 'sign_out' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase an entry',
				sql: 'delete from audit_log returning id',
				expect: nobody
			}
		]
	},
	platform_facilitators: {
		select: [
			{
				does: 'see facilitators',
				sql: 'select user_id from platform_facilitators',
				expect: only({ facilitator: 1 })
			}
		],
		insert: [
			{
				does: 'make oneself a facilitator',
				sql: 'insert into platform_facilitators (user_id) values ((select auth.uid())) returning user_id',
				expect: nobody
			}
		],
		update: [
			{
				does: 'change facilitators',
				sql: 'update platform_facilitators set created_at = now() returning user_id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove facilitators',
				sql: 'delete from platform_facilitators returning user_id',
				expect: nobody
			}
		]
	},
	organisations: {
		select: [
			{
				does: "see the owner's organisation",
				sql: 'select id from organisations where id = $1',
				params: (w) => [w.org.id],
				expect: everyone(1)
			}
		],
		insert: [
			{
				does: 'create an organisation',
				sql: "insert into organisations (slug, name) values ('matrix-org', 'Matrix org') returning id",
				expect: only({ admin: 1 })
			}
		],
		update: [
			{
				does: "update the owner's organisation",
				sql: "update organisations set website = 'https://example.fi' where id = $1 returning id",
				params: (w) => [w.org.id],
				expect: only({ owner: 1, admin: 1 })
			}
		],
		delete: [
			{
				does: "delete the other owner's organisation",
				sql: 'delete from organisations where id = $1 returning id',
				params: (w) => [w.otherOrg],
				expect: only({ admin: 1 })
			}
		]
	},
	organisation_members: {
		select: [
			{
				does: "see the owner's organisation's members",
				sql: 'select user_id from organisation_members where organisation_id = $1',
				params: (w) => [w.org.id],
				expect: only({ owner: 1, admin: 1 })
			}
		],
		insert: [
			{
				does: 'add the outsider as a member',
				sql: `insert into organisation_members (organisation_id, user_id, role) values ($1, $2, 'member')
				      returning user_id`,
				params: (w) => [w.org.id, w.outsider.id],
				expect: only({ owner: 1, admin: 1 })
			}
		],
		update: [
			{
				does: 'change member roles',
				sql: "update organisation_members set role = 'owner' where organisation_id = $1 returning user_id",
				params: (w) => [w.org.id],
				expect: only({ owner: 1, admin: 1 })
			}
		],
		delete: [
			{
				does: 'remove the owner',
				sql: 'delete from organisation_members where organisation_id = $1 and user_id = $2 returning user_id',
				params: (w) => [w.org.id, w.owner.id],
				expect: only({ owner: 1, admin: 1 })
			}
		]
	},
	accessibility_feedback: {
		select: [
			{
				does: 'read feedback',
				sql: 'select id from accessibility_feedback',
				expect: only({ admin: 1 })
			}
		],
		insert: [
			{
				does: 'send feedback',
				sql: "insert into accessibility_feedback (message) values ('Too small')",
				expect: everyone('ok')
			},
			{
				does: "send feedback in the outsider's name",
				sql: "insert into accessibility_feedback (message, user_id) values ('x', $1)",
				params: (w) => [w.outsider.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite feedback',
				sql: "update accessibility_feedback set message = 'x' returning id",
				expect: nobody
			},
			{
				// Status, handler and reply change only through the security definer functions
				// (public.update_accessibility_feedback, public.reply_to_accessibility_feedback).
				does: 'close feedback directly',
				sql: "update accessibility_feedback set status = 'closed' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase feedback',
				sql: 'delete from accessibility_feedback returning id',
				expect: nobody
			}
		]
	},

	// Challenges --------------------------------------------------------------------------------
	challenges: {
		select: [
			{
				does: 'see the published challenge',
				sql: 'select id from challenges where id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(1)
			},
			{
				does: 'see the draft',
				sql: 'select id from challenges where id = $1',
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			}
		],
		insert: [
			{
				does: 'create a draft for the organisation',
				sql: `insert into challenges (organisation_id, slug, title) values ($1, 'matrix-draft', '{"fi": "x"}')
				      returning id`,
				params: (w) => [w.org.id],
				expect: only({ owner: 1 })
			}
		],
		update: [
			{
				does: 'edit the draft (its team)',
				sql: "update challenges set contact_name = 'x' where id = $1 returning id",
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			},
			{
				// A published challenge changes only through public.amend_challenge (item 7).
				does: 'edit the published challenge directly',
				sql: "update challenges set contact_name = 'x' where id = $1 returning id",
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			},
			{
				does: 'backdate publishing or unpublish',
				sql: "update challenges set published_at = now() - interval '1 year', status = 'draft' where id = $1 returning id",
				params: (w) => [w.challenge.id],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'delete the draft',
				sql: 'delete from challenges where id = $1 returning id',
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			},
			{
				does: 'delete the published challenge',
				sql: 'delete from challenges where id = $1 returning id',
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		]
	},
	challenge_stages: {
		select: [
			{
				does: 'see the timetable (applications and concepts)',
				sql: 'select stage from challenge_stages where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(2)
			}
		],
		insert: [
			{
				does: 'add a stage',
				sql: `insert into challenge_stages (challenge_id, stage, starts_at, ends_at)
				      values ($1, 'market_dialogue', now() - interval '60 days', now() - interval '31 days') returning stage`,
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			},
			{
				does: 'add a stage to the draft',
				sql: `insert into challenge_stages (challenge_id, stage, starts_at, ends_at)
				      values ($1, 'market_dialogue', now() + interval '1 day', now() + interval '30 days') returning stage`,
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			}
		],
		update: [
			{
				does: 'change a stage',
				sql: "update challenge_stages set signatory = 'x' where challenge_id = $1 returning stage",
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		],
		delete: [
			{
				does: 'remove the timetable',
				sql: 'delete from challenge_stages where challenge_id = $1 returning stage',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		]
	},
	challenge_criteria: {
		select: [
			{
				does: 'see the criteria',
				sql: 'select id from challenge_criteria where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(1)
			}
		],
		insert: [
			{
				does: 'add a criterion',
				sql: `insert into challenge_criteria (challenge_id, stage, position, name, max_points)
				      values ($1, 'selection', 2, '{"fi": "x"}', 10) returning id`,
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			},
			{
				does: 'add a criterion to the draft',
				sql: `insert into challenge_criteria (challenge_id, stage, position, name, max_points)
				      values ($1, 'selection', 1, '{"fi": "x"}', 10) returning id`,
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			}
		],
		update: [
			{
				does: 'change the points',
				sql: 'update challenge_criteria set max_points = 20 where challenge_id = $1 returning id',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		],
		delete: [
			{
				does: 'remove the criteria',
				sql: 'delete from challenge_criteria where challenge_id = $1 returning id',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		]
	},
	challenge_requirements: {
		select: [
			{
				does: 'see the minimum requirements',
				sql: 'select id from challenge_requirements where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(2)
			}
		],
		insert: [
			{
				does: 'add a requirement',
				sql: `insert into challenge_requirements (challenge_id, position, statement) values ($1, 3, '{"fi": "x"}')
				      returning id`,
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			},
			{
				does: 'add a requirement to the draft',
				sql: `insert into challenge_requirements (challenge_id, position, statement) values ($1, 1, '{"fi": "x"}')
				      returning id`,
				params: (w) => [w.draft.id],
				expect: only({ owner: 1 })
			}
		],
		update: [
			{
				does: 'reword the requirements',
				sql: `update challenge_requirements set statement = '{"fi": "y"}' where challenge_id = $1 returning id`,
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		],
		delete: [
			{
				does: 'remove the requirements',
				sql: 'delete from challenge_requirements where challenge_id = $1 returning id',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 'denied' })
			}
		]
	},
	challenge_amendments: {
		select: [
			{
				does: 'see the amendments',
				sql: 'select id from challenge_amendments where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(1)
			}
		],
		insert: [
			{
				// Only public.amend_challenge records one (item 8): author and time by the database.
				does: 'record an amendment directly',
				sql: `insert into challenge_amendments (challenge_id, author_id, reason, changes)
				      values ($1, (select auth.uid()), 'why', '[]') returning id`,
				params: (w) => [w.challenge.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite an amendment',
				sql: "update challenge_amendments set reason = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase an amendment',
				sql: 'delete from challenge_amendments returning id',
				expect: nobody
			}
		]
	},
	challenge_team_members: {
		select: [
			{
				// The organisation sees who is on its challenges' teams (item 24).
				does: "see the challenge's team",
				sql: 'select user_id from challenge_team_members where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 1 })
			}
		],
		insert: [
			{
				does: 'join the team directly',
				sql: `insert into challenge_team_members (challenge_id, user_id, role)
				      values ($1, (select auth.uid()), 'member') returning user_id`,
				params: (w) => [w.challenge.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'make oneself chair directly',
				sql: "update challenge_team_members set role = 'chair' returning user_id",
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'remove the team directly',
				sql: 'delete from challenge_team_members returning user_id',
				expect: everyone('denied')
			}
		]
	},
	stored_objects: {
		select: [
			{
				// Who uploaded a file: its uploader and whoever may see a row that shows it.
				does: "see who uploaded appA's document",
				sql: 'select key from stored_objects where key = $1',
				params: (w) => [w.appADocument],
				expect: teamA(1, { owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'claim a key directly',
				sql: `insert into stored_objects (key, owner_id)
				      values ('00000000-0000-4000-8000-0000000000ff.pdf', (select auth.uid())) returning key`,
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: "take over appA's document",
				sql: 'update stored_objects set owner_id = (select auth.uid()) where key = $1 returning key',
				params: (w) => [w.appADocument],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'forget who uploaded a file',
				sql: 'delete from stored_objects returning key',
				expect: everyone('denied')
			}
		]
	},
	screening_history: {
		select: [
			{
				does: "see appA's earlier screening",
				sql: 'select id from screening_history where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'forge an earlier screening',
				sql: `insert into screening_history (application_id, ended) values ($1, 'voided') returning id`,
				params: (w) => [w.appB.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite an earlier screening',
				sql: "update screening_history set justification = 'x' returning id",
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'erase an earlier screening',
				sql: 'delete from screening_history returning id',
				expect: everyone('denied')
			}
		]
	},
	question_answer_revisions: {
		select: [
			{
				does: 'see the earlier answer of a public question',
				sql: 'select id from question_answer_revisions where question_id = $1',
				params: (w) => [w.answered],
				expect: everyone(1)
			}
		],
		insert: [
			{
				does: 'forge an earlier answer',
				sql: `insert into question_answer_revisions (question_id, answer, answered_at)
				      values ($1, 'No.', now()) returning id`,
				params: (w) => [w.answered],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite an earlier answer',
				sql: "update question_answer_revisions set answer = 'x' returning id",
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'erase an earlier answer',
				sql: 'delete from question_answer_revisions returning id',
				expect: everyone('denied')
			}
		]
	},
	question_wording_edits: {
		select: [
			{
				does: "see a question's original wording",
				sql: 'select id from question_wording_edits where question_id = $1',
				params: (w) => [w.answered],
				expect: only({ owner: 1 })
			}
		],
		insert: [
			{
				does: 'forge a wording edit',
				sql: `insert into question_wording_edits (question_id, original, edited)
				      values ($1, 'x', 'y') returning id`,
				params: (w) => [w.answered],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite the original wording',
				sql: "update question_wording_edits set original = 'x' returning id",
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'erase a wording edit',
				sql: 'delete from question_wording_edits returning id',
				expect: everyone('denied')
			}
		]
	},
	late_submission_attempts: {
		select: [
			{
				does: 'see a late submission attempt',
				sql: 'select id from late_submission_attempts where challenge_id = $1',
				params: (w) => [w.secondChallenge.id],
				expect: only({ owner: 1, member: 1, lead: 1 })
			}
		],
		insert: [
			{
				does: 'forge a late attempt',
				sql: `insert into late_submission_attempts (challenge_id, team_name, attempted_by_name, deadline)
				      values ($1, 'x', 'x', now() - interval '1 day') returning id`,
				params: (w) => [w.secondChallenge.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'move a late attempt',
				sql: 'update late_submission_attempts set attempted_at = now() returning id',
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'erase a late attempt',
				sql: 'delete from late_submission_attempts returning id',
				expect: everyone('denied')
			}
		]
	},
	challenge_followers: {
		select: [
			{
				does: "see the challenge's followers",
				sql: 'select user_id from challenge_followers where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: only({ outsider: 1 })
			}
		],
		insert: [
			{
				does: 'follow the second challenge',
				sql: 'insert into challenge_followers (challenge_id) values ($1) returning user_id',
				params: (w) => [w.secondChallenge.id],
				expect: signedIn(1)
			}
		],
		update: [
			{
				does: 'change a follow',
				sql: 'update challenge_followers set created_at = now() returning user_id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'unfollow',
				sql: 'delete from challenge_followers where challenge_id = $1 returning user_id',
				params: (w) => [w.challenge.id],
				expect: only({ outsider: 1 })
			}
		]
	},
	challenge_questions: {
		select: [
			{
				does: "see the challenge's questions (one answered, the outsider's open)",
				sql: 'select id from challenge_questions where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: everyone(1, { outsider: 2, owner: 2 })
			}
		],
		insert: [
			{
				does: 'ask without the function',
				sql: "insert into challenge_questions (challenge_id, body) values ($1, 'x') returning id",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: "answer the outsider's question directly (only answer_question does)",
				sql: "update challenge_questions set answer = 'Yes', answered_at = now() where id = $1 returning id",
				params: (w) => [w.question],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: "remove the outsider's question",
				sql: 'delete from challenge_questions where id = $1 returning id',
				params: (w) => [w.question],
				expect: only({ owner: 1 })
			},
			{
				does: 'remove the answered question',
				sql: 'delete from challenge_questions where id = $1 returning id',
				params: (w) => [w.answered],
				expect: nobody
			}
		]
	},
	challenge_question_askers: {
		select: [
			{
				does: "see who asked the outsider's question",
				sql: 'select asker_id from challenge_question_askers where question_id = $1',
				params: (w) => [w.question],
				expect: only({ outsider: 1, owner: 1 })
			},
			{
				does: 'see who asked the answered question',
				sql: 'select asker_id from challenge_question_askers where question_id = $1',
				params: (w) => [w.answered],
				expect: only({ lead: 1, owner: 1 })
			}
		],
		insert: [
			{
				does: 'claim a question',
				sql: 'insert into challenge_question_askers (question_id, asker_id) values ($1, (select auth.uid()))',
				params: (w) => [w.answered],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change the asker',
				sql: 'update challenge_question_askers set asker_id = asker_id returning question_id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove the asker',
				sql: 'delete from challenge_question_askers returning question_id',
				expect: nobody
			}
		]
	},
	calendar_feeds: {
		select: [
			{
				does: 'see calendar feeds',
				sql: 'select user_id from calendar_feeds',
				expect: only({ outsider: 1 })
			}
		],
		insert: [
			{
				does: 'create one’s feed',
				sql: `insert into calendar_feeds (token) values ('${'c'.repeat(32)}') on conflict do nothing
				      returning user_id`,
				expect: signedIn(1, { outsider: 0 })
			}
		],
		update: [
			{
				does: 'renew a feed',
				sql: `update calendar_feeds set token = '${'d'.repeat(32)}' returning user_id`,
				expect: only({ outsider: 1 })
			}
		],
		delete: [
			{ does: 'remove a feed', sql: 'delete from calendar_feeds returning user_id', expect: nobody }
		]
	},

	// Teams and work history -------------------------------------------------------------------
	teams: {
		select: [
			{
				does: 'see team A',
				sql: 'select id from teams where id = $1',
				params: (w) => [w.teamA.id],
				expect: teamA(1, { owner: 1, facilitator: 1 })
			}
		],
		insert: [
			{
				does: 'insert a team directly',
				sql: "insert into teams (name) values ('Intruders') returning id",
				expect: nobody
			}
		],
		update: [
			{
				does: 'update team A',
				sql: "update teams set description = 'x' where id = $1 returning id",
				params: (w) => [w.teamA.id],
				expect: only({ lead: 1 })
			}
		],
		delete: [
			{
				does: 'delete team A',
				sql: 'delete from teams where id = $1 returning id',
				params: (w) => [w.teamA.id],
				expect: nobody
			}
		]
	},
	team_members: {
		select: [
			{
				does: "see team A's members",
				sql: 'select user_id from team_members where team_id = $1',
				params: (w) => [w.teamA.id],
				expect: teamA(2, { owner: 2 })
			}
		],
		insert: [
			{
				does: 'add the outsider to team A',
				sql: 'insert into team_members (team_id, user_id) values ($1, $2) returning user_id',
				params: (w) => [w.teamA.id, w.outsider.id],
				expect: nobody
			}
		],
		update: [
			{
				does: "update team A's members",
				sql: 'update team_members set joined_at = now() where team_id = $1 returning user_id',
				params: (w) => [w.teamA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "remove team A's member",
				sql: 'delete from team_members where team_id = $1 and user_id = $2 returning user_id',
				params: (w) => [w.teamA.id, w.member.id],
				expect: teamA(1)
			},
			{
				does: "remove team A's lead",
				sql: 'delete from team_members where team_id = $1 and user_id = $2 returning user_id',
				params: (w) => [w.teamA.id, w.lead.id],
				expect: nobody
			}
		]
	},
	organisation_invitations: {
		select: [
			{
				does: "see the owner's organisation's invitations",
				sql: 'select id from organisation_invitations where organisation_id = $1',
				params: (w) => [w.org.id],
				expect: only({ owner: 1, admin: 1 })
			}
		],
		insert: [
			{
				// Only public.invite_to_organisation, which mails the link, makes invitations.
				does: 'invite to the organisation directly',
				sql: `insert into organisation_invitations (organisation_id, email, token_hash)
				      values ($1, 'x@test.example', $2) returning id`,
				params: (w) => [w.org.id, HEX],
				expect: nobody
			}
		],
		update: [
			{
				does: "update the organisation's invitations",
				sql: `update organisation_invitations set role = 'owner' where organisation_id = $1
				      returning id`,
				params: (w) => [w.org.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "withdraw the organisation's open invitation",
				sql: 'delete from organisation_invitations where organisation_id = $1 returning id',
				params: (w) => [w.org.id],
				expect: only({ owner: 1, admin: 1 })
			}
		]
	},
	team_invitations: {
		select: [
			{
				does: "see team A's invitations",
				sql: 'select id from team_invitations where team_id = $1',
				params: (w) => [w.teamA.id],
				expect: teamA(1)
			}
		],
		insert: [
			{
				// Only public.invite_to_team, which mails the link, makes invitations.
				does: 'invite to team A directly',
				sql: `insert into team_invitations (team_id, email, token_hash) values ($1, 'x@test.example', $2)
				      returning id`,
				params: (w) => [w.teamA.id, HEX],
				expect: nobody
			}
		],
		update: [
			{
				does: "update team A's invitations",
				sql: 'update team_invitations set expires_at = now() where team_id = $1 returning id',
				params: (w) => [w.teamA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "withdraw team A's invitation",
				sql: 'delete from team_invitations where team_id = $1 returning id',
				params: (w) => [w.teamA.id],
				expect: only({ lead: 1 })
			}
		]
	},
	work_entries: {
		select: [
			{
				does: "see the lead's submitted entry",
				sql: 'select id from work_entries where id = $1',
				params: (w) => [w.leadEntry],
				expect: only({ lead: 1, owner: 1, juror: 1 })
			},
			{
				does: "see the member's entry added after submitting",
				sql: 'select id from work_entries where id = $1',
				params: (w) => [w.lateEntry],
				expect: only({ member: 1 })
			}
		],
		insert: [
			{
				does: 'insert an entry for the lead',
				sql: `insert into work_entries (user_id, area, organisation, role, start_month)
				      values ($1, 'a', 'o', 'r', '2020-01-01') returning id`,
				params: (w) => [w.lead.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: "update the lead's entry",
				sql: "update work_entries set role = 'x' where id = $1 returning id",
				params: (w) => [w.leadEntry],
				expect: only({ lead: 1 })
			}
		],
		delete: [
			{
				does: "delete the lead's entry",
				sql: 'delete from work_entries where id = $1 returning id',
				params: (w) => [w.leadEntry],
				expect: only({ lead: 1 })
			}
		]
	},
	team_projects: {
		select: [
			{
				does: "see team A's projects",
				sql: 'select id from team_projects where team_id = $1',
				params: (w) => [w.teamA.id],
				expect: teamA(2, { owner: 2, juror: 2 })
			}
		],
		insert: [
			{
				does: 'record a project for team A',
				sql: `insert into team_projects (team_id, title, start_month) values ($1, 'P', '2021-01-01')
				      returning id`,
				params: (w) => [w.teamA.id],
				expect: teamA(1)
			}
		],
		update: [
			{
				does: "update team A's project",
				sql: "update team_projects set title = 'x' where id = $1 returning id",
				params: (w) => [w.project],
				expect: teamA(1)
			}
		],
		delete: [
			{
				does: "delete team A's project",
				sql: 'delete from team_projects where id = $1 returning id',
				params: (w) => [w.project],
				expect: teamA(1)
			}
		]
	},
	team_project_members: {
		select: [
			{
				does: "see who took part in team A's project",
				sql: 'select user_id from team_project_members where project_id = $1',
				params: (w) => [w.project],
				expect: teamA(2, { owner: 2 })
			}
		],
		insert: [
			{
				does: 'name the member in a project',
				sql: 'insert into team_project_members (project_id, user_id) values ($1, $2) returning user_id',
				params: (w) => [w.soloProject, w.member.id],
				expect: teamA(1)
			},
			{
				does: 'name the outsider in a project',
				sql: 'insert into team_project_members (project_id, user_id) values ($1, $2) returning user_id',
				params: (w) => [w.soloProject, w.outsider.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change who took part',
				sql: 'update team_project_members set user_id = user_id where project_id = $1 returning user_id',
				params: (w) => [w.project],
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove the member from a project',
				sql: 'delete from team_project_members where project_id = $1 and user_id = $2 returning user_id',
				params: (w) => [w.project, w.member.id],
				expect: teamA(1)
			}
		]
	},

	// Applications and screening ---------------------------------------------------------------
	applications: {
		select: [
			{
				does: 'see appA (submitted; the juror scores it)',
				sql: 'select id from applications where id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(1, { owner: 1, juror: 1 })
			},
			{
				does: 'see draftA',
				sql: 'select id from applications where id = $1',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "see team B's appB (the juror declared a conflict on it)",
				sql: 'select id from applications where id = $1',
				params: (w) => [w.appB.id],
				expect: only({ otherTeam: 1, owner: 1 })
			}
		],
		insert: [
			{
				does: 'start an application for team A',
				sql: 'insert into applications (challenge_id, team_id) values ($1, $2) returning id',
				params: (w) => [w.spareChallenge.id, w.teamA.id],
				expect: teamA(1)
			}
		],
		update: [
			{
				does: 'save draftA (its version)',
				sql: 'update applications set version = version where id = $1 returning id',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: 'backdate draftA (updated_at is the database’s)',
				sql: 'update applications set updated_at = now() where id = $1 returning id',
				params: (w) => [w.draftA.id],
				expect: everyone('denied')
			},
			{
				does: 'update appA (submitted)',
				sql: 'update applications set updated_at = now() where id = $1 returning id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: 'delete draftA',
				sql: 'delete from applications where id = $1 returning id',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: 'delete appA (submitted)',
				sql: 'delete from applications where id = $1 returning id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	application_ideas: {
		select: [
			{
				does: "see appA's ideas",
				sql: 'select position from application_ideas where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(3, { owner: 3 })
			},
			{
				does: "see draftA's ideas",
				sql: 'select position from application_ideas where application_id = $1',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "see appB's ideas",
				sql: 'select position from application_ideas where application_id = $1',
				params: (w) => [w.appB.id],
				expect: only({ otherTeam: 3, owner: 3 })
			}
		],
		insert: [
			{
				does: 'add an idea to draftA',
				sql: "insert into application_ideas (application_id, position, title) values ($1, 5, 'x') returning position",
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: 'add an idea to appA',
				sql: "insert into application_ideas (application_id, position, title) values ($1, 5, 'x') returning position",
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: "update draftA's ideas",
				sql: "update application_ideas set title = 'x' where application_id = $1 returning position",
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "update appA's ideas",
				sql: "update application_ideas set title = 'x' where application_id = $1 returning position",
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "delete draftA's ideas",
				sql: 'delete from application_ideas where application_id = $1 returning position',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "delete appA's ideas",
				sql: 'delete from application_ideas where application_id = $1 returning position',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	application_answers: {
		select: [
			{
				does: "see appA's answers",
				sql: 'select requirement_id from application_answers where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(2, { owner: 2 })
			},
			{
				does: "see draftA's answers",
				sql: 'select requirement_id from application_answers where application_id = $1',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "see appB's answers",
				sql: 'select requirement_id from application_answers where application_id = $1',
				params: (w) => [w.appB.id],
				expect: only({ otherTeam: 2, owner: 2 })
			}
		],
		insert: [
			{
				does: 'answer for draftA',
				sql: `insert into application_answers (application_id, requirement_id, meets) values ($1, $2, true)
				      returning requirement_id`,
				params: (w) => [w.draftA.id, w.secondChallenge.requirementIds[1]],
				expect: teamA(1)
			}
		],
		update: [
			{
				does: "update draftA's answers",
				sql: 'update application_answers set meets = false where application_id = $1 returning requirement_id',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "update appA's answers",
				sql: 'update application_answers set meets = false where application_id = $1 returning requirement_id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "delete draftA's answers",
				sql: 'delete from application_answers where application_id = $1 returning requirement_id',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "delete appA's answers",
				sql: 'delete from application_answers where application_id = $1 returning requirement_id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	application_documents: {
		select: [
			{
				does: "see appA's documents",
				sql: 'select id from application_documents where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(1, { owner: 1, juror: 1 })
			},
			{
				does: "see draftA's documents",
				sql: 'select id from application_documents where application_id = $1',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			}
		],
		insert: [
			{
				does: 'attach to draftA',
				sql: `insert into application_documents (application_id, file_key, file_name, mime, size)
				      values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id`,
				params: (w) => [w.draftA.id, PDF],
				expect: teamA(1)
			},
			{
				does: 'attach to appA',
				sql: `insert into application_documents (application_id, file_key, file_name, mime, size)
				      values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id`,
				params: (w) => [w.appA.id, PDF],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rename a document',
				sql: "update application_documents set file_name = 'y.pdf' where application_id = $1 returning id",
				params: (w) => [w.draftA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "remove draftA's document",
				sql: 'delete from application_documents where application_id = $1 returning id',
				params: (w) => [w.draftA.id],
				expect: teamA(1)
			},
			{
				does: "remove appA's document",
				sql: 'delete from application_documents where application_id = $1 returning id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	application_work_entries: {
		select: [
			{
				does: "see appA's attached work history",
				sql: 'select entry_id from application_work_entries where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(2, { owner: 2, juror: 2 })
			}
		],
		insert: [
			{
				does: 'attach an entry to appA',
				sql: 'insert into application_work_entries (application_id, entry_id) values ($1, $2) returning entry_id',
				params: (w) => [w.appA.id, w.lateEntry],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change an attachment',
				sql: 'update application_work_entries set entry_id = entry_id where application_id = $1 returning entry_id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: "detach appA's work history",
				sql: 'delete from application_work_entries where application_id = $1 returning entry_id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	application_events: {
		select: [
			{
				does: "see appA's record",
				sql: 'select id from application_events where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'forge an event',
				sql: "insert into application_events (application_id, kind) values ($1, 'withdrawn') returning id",
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite the record',
				sql: 'update application_events set at = now() where application_id = $1 returning id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase the record',
				sql: 'delete from application_events where application_id = $1 returning id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	screening_marks: {
		select: [
			{
				does: "see appA's marks (decided)",
				sql: 'select requirement_id from screening_marks where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(2, { owner: 2 })
			},
			{
				does: "see appB's marks (decided)",
				sql: 'select requirement_id from screening_marks where application_id = $1',
				params: (w) => [w.appB.id],
				expect: only({ owner: 1, otherTeam: 1 })
			}
		],
		insert: [
			{
				does: 'mark appB directly (only record_screening does)',
				sql: `insert into screening_marks (application_id, requirement_id, met) values ($1, $2, true)
				      returning requirement_id`,
				params: (w) => [w.appB.id, w.challenge.requirementIds[1]],
				expect: everyone('denied')
			},
			{
				does: 'mark draftA',
				sql: `insert into screening_marks (application_id, requirement_id, met) values ($1, $2, true)
				      returning requirement_id`,
				params: (w) => [w.draftA.id, w.secondChallenge.requirementIds[0]],
				expect: nobody
			}
		],
		update: [
			{
				does: "change appA's marks",
				sql: "update screening_marks set reason = 'x' where application_id = $1 returning requirement_id",
				params: (w) => [w.appA.id],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: "delete appA's marks",
				sql: 'delete from screening_marks where application_id = $1 returning requirement_id',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},
	screening_decisions: {
		select: [
			{
				does: "see appA's decision",
				sql: 'select eligible from screening_decisions where application_id = $1',
				params: (w) => [w.appA.id],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'decide appB directly (only record_screening does)',
				sql: `insert into screening_decisions (application_id, eligible, justification) values ($1, false, 'x')
				      returning eligible`,
				params: (w) => [w.appB.id],
				expect: everyone('denied')
			},
			{
				does: 'decide draftA',
				sql: `insert into screening_decisions (application_id, eligible, justification) values ($1, true, 'x')
				      returning eligible`,
				params: (w) => [w.draftA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: "revise appA's decision",
				sql: "update screening_decisions set justification = 'y' where application_id = $1 returning eligible",
				params: (w) => [w.appA.id],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: "delete appA's decision",
				sql: 'delete from screening_decisions where application_id = $1 returning eligible',
				params: (w) => [w.appA.id],
				expect: nobody
			}
		]
	},

	// Workshops ----------------------------------------------------------------------------------
	workshops: {
		select: [
			{
				does: 'see the workshop',
				sql: 'select id from workshops where id = $1',
				params: (w) => [w.workshop],
				expect: inWorkshop(1)
			}
		],
		insert: [
			{
				does: 'schedule a workshop',
				sql: `insert into workshops (challenge_id, title, starts_at, agenda)
				      values ($1, 'Another', now(), '[{"name": "x"}]') returning id`,
				params: (w) => [w.challenge.id],
				expect: only({ facilitator: 1 })
			}
		],
		update: [
			{
				does: 'rename the workshop',
				sql: "update workshops set title = 'Renamed' where id = $1 returning id",
				params: (w) => [w.workshop],
				expect: only({ facilitator: 1 })
			}
		],
		delete: [
			{
				does: 'delete the workshop',
				sql: 'delete from workshops where id = $1 returning id',
				params: (w) => [w.workshop],
				expect: nobody
			}
		]
	},
	workshop_participants: {
		select: [
			{
				// Guests only: teams take part through workshop_teams, their members derived.
				does: 'see who is invited as a guest (the expert)',
				sql: 'select user_id from workshop_participants where workshop_id = $1',
				params: (w) => [w.workshop],
				expect: inWorkshop(1)
			}
		],
		insert: [
			{
				does: 'invite the outsider as an expert',
				sql: `insert into workshop_participants (workshop_id, user_id, kind) values ($1, $2, 'expert')
				      returning user_id`,
				params: (w) => [w.workshop, w.outsider.id],
				expect: only({ facilitator: 1 })
			}
		],
		update: [
			{
				does: 'change a participant',
				sql: 'update workshop_participants set kind = kind where workshop_id = $1 returning user_id',
				params: (w) => [w.workshop],
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove the expert',
				sql: 'delete from workshop_participants where workshop_id = $1 and user_id = $2 returning user_id',
				params: (w) => [w.workshop, w.expert.id],
				expect: only({ facilitator: 1 })
			}
		]
	},
	workshop_teams: {
		select: [
			{
				// In negotiation mode a team sees only itself (issue 10, item 17).
				does: 'see the teams in the negotiation',
				sql: 'select team_id from workshop_teams where workshop_id = $1',
				params: (w) => [w.workshop],
				expect: inWorkshop(1, { facilitator: 2, owner: 2, expert: 2 })
			}
		],
		insert: [
			{
				// Only public.add_workshop_team, for a team found eligible (item 25).
				does: 'put a team into the workshop directly',
				sql: 'insert into workshop_teams (workshop_id, team_id) values ($1, $2) returning team_id',
				params: (w) => [w.workshop, w.teamA.id],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'swap a team',
				sql: 'update workshop_teams set team_id = team_id where workshop_id = $1 returning team_id',
				params: (w) => [w.workshop],
				expect: everyone('denied')
			}
		],
		delete: [
			{
				does: 'take a team out',
				sql: 'delete from workshop_teams where workshop_id = $1 returning team_id',
				params: (w) => [w.workshop],
				expect: everyone('denied')
			}
		]
	},
	workshop_status_changes: {
		select: [
			{
				does: 'see when the workshop started',
				sql: 'select status from workshop_status_changes where workshop_id = $1',
				params: (w) => [w.workshop],
				expect: inWorkshop(1)
			}
		],
		insert: [
			{
				does: 'record an end',
				sql: `insert into workshop_status_changes (workshop_id, status) values ($1, 'ended') returning status`,
				params: (w) => [w.workshop],
				expect: nobody
			}
		],
		update: [
			{
				does: 'backdate the start',
				sql: "update workshop_status_changes set at = now() - interval '1 day' returning status",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase the start',
				sql: 'delete from workshop_status_changes returning status',
				expect: nobody
			}
		]
	},
	workshop_announcements: {
		select: [
			{
				does: 'see the announcements',
				sql: 'select id from workshop_announcements where workshop_id = $1',
				params: (w) => [w.workshop],
				expect: inWorkshop(1)
			}
		],
		insert: [
			{
				does: 'announce directly (only announce_to_workshop does)',
				sql: `insert into workshop_announcements (workshop_id, body, by) values ($1, 'Hello', (select auth.uid()))
				      returning id`,
				params: (w) => [w.workshop],
				expect: everyone('denied')
			}
		],
		update: [
			{
				does: 'rewrite an announcement',
				sql: "update workshop_announcements set body = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase an announcement',
				sql: 'delete from workshop_announcements returning id',
				expect: nobody
			}
		]
	},
	boards: {
		select: [
			{
				does: "see team A's board",
				sql: 'select id from boards where id = $1',
				params: (w) => [w.boardA],
				expect: seesBoardA(1)
			}
		],
		insert: [
			{
				// Without `returning`: the select policy cannot see a board in its own statement.
				does: 'open a shared board',
				sql: "insert into boards (workshop_id, team_id, settings) values ($1, null, '{}')",
				params: (w) => [w.workshop],
				expect: only({ facilitator: 'ok' })
			}
		],
		update: [
			{
				does: "change team A's board directly",
				sql: 'update boards set updated_at = now() where id = $1 returning id',
				params: (w) => [w.boardA],
				expect: nobody
			}
		],
		delete: [
			{
				does: "delete team A's board",
				sql: 'delete from boards where id = $1 returning id',
				params: (w) => [w.boardA],
				expect: nobody
			}
		]
	},
	// The jury (issue 13): read through policies, written only by the jury_* functions ----
	jury_stages: {
		select: [
			{
				does: 'see the challenge’s jury stage',
				sql: 'select stage from jury_stages where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_stages (challenge_id, stage) values ($1, 'selection') returning stage",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: 'update jury_stages set consensus_opened_at = null returning stage',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_stages returning stage',
				expect: nobody
			}
		]
	},
	jury_members: {
		select: [
			{
				does: 'see the challenge’s jurors',
				sql: 'select id from jury_members where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_members (challenge_id, stage, email) values ($1, 'shortlisting', 'x@test.example') returning id",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: 'update jury_members set accepted_at = now() returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_members returning id',
				expect: nobody
			}
		]
	},
	jury_conflicts: {
		select: [
			{
				does: 'see the juror’s declarations',
				sql: 'select id from jury_conflicts where juror_id = $1',
				params: (w) => [w.jurorId],
				expect: only({ owner: 2, juror: 2 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: 'insert into jury_conflicts (juror_id, application_id, conflict) values ($1, $2, false) returning id',
				params: (w) => [w.jurorId, w.draftA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: 'update jury_conflicts set conflict = false returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_conflicts returning id',
				expect: nobody
			}
		]
	},
	jury_assignments: {
		select: [
			{
				does: 'see who scores appA',
				sql: 'select id from jury_assignments where application_id = $1',
				params: (w) => [w.appA.id],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: 'insert into jury_assignments (juror_id, application_id) values ($1, $2) returning id',
				params: (w) => [w.jurorId, w.appB.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: 'update jury_assignments set assigned_at = now() returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_assignments returning id',
				expect: nobody
			}
		]
	},
	jury_scores: {
		select: [
			{
				does: 'see the submitted score on appA',
				sql: 'select id from jury_scores where application_id = $1',
				params: (w) => [w.appA.id],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_scores (juror_id, application_id, criterion_id, points, justification) select $1, $2, criterion_id, 1, 'x' from jury_scores returning id",
				params: (w) => [w.jurorId, w.appB.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: 'update jury_scores set points = 10 returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_scores returning id',
				expect: nobody
			}
		]
	},
	jury_score_revisions: {
		select: [
			{
				does: 'see the revision of the score',
				sql: 'select id from jury_score_revisions where score_id = $1',
				params: (w) => [w.jurorScore],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_score_revisions (score_id, old_points, new_points, old_justification, new_justification, reason) values ($1, 1, 2, 'a', 'b', 'c') returning id",
				params: (w) => [w.jurorScore],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: "update jury_score_revisions set reason = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_score_revisions returning id',
				expect: nobody
			}
		]
	},
	decisions: {
		select: [
			{
				does: 'see the published shortlisting decision',
				sql: "select id from decisions where challenge_id = $1 and stage = 'shortlisting'",
				params: (w) => [w.challenge.id],
				expect: only({ owner: 1, member: 1, lead: 1, otherTeam: 1 })
			},
			{
				does: 'see the screening decisions (a team its own)',
				sql: "select id from decisions where challenge_id = $1 and stage = 'screening'",
				params: (w) => [w.challenge.id],
				expect: only({ owner: 2, member: 1, lead: 1, otherTeam: 1 })
			}
		],
		insert: [
			{
				does: 'decide past the decision functions',
				sql: "insert into decisions (challenge_id, stage) values ($1, 'selection') returning id",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change a decision',
				sql: "update decisions set rationale = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase a decision', sql: 'delete from decisions returning id', expect: nobody }
		]
	},
	decision_items: {
		select: [
			{
				does: 'see the items of the decision (a team its own)',
				sql: 'select id from decision_items where decision_id = $1',
				params: (w) => [w.decision],
				expect: only({ owner: 2, member: 1, lead: 1, otherTeam: 1 })
			}
		],
		insert: [
			{
				does: 'add an item past the decision functions',
				sql: "insert into decision_items (decision_id, application_id, chosen, reason) values ($1, $2, true, 'x') returning id",
				params: (w) => [w.decision, w.draftA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change an item',
				sql: 'update decision_items set chosen = true returning id',
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase an item', sql: 'delete from decision_items returning id', expect: nobody }
		]
	},
	decision_scores: {
		select: [
			{
				does: 'see the frozen score on appA with its justification',
				sql: 'select justification from decision_scores s join decision_items i on i.id = s.item_id where i.application_id = $1',
				params: (w) => [w.appA.id],
				expect: only({ owner: 1, member: 1, lead: 1 })
			}
		],
		insert: [
			{
				does: 'freeze a score past publication',
				sql: "insert into decision_scores (item_id, criterion_id, juror_ordinal, points, justification) select item_id, criterion_id, 2, 1, 'x' from decision_scores returning item_id",
				expect: nobody
			}
		],
		update: [
			{
				does: 'change a frozen score',
				sql: 'update decision_scores set points = 0 returning item_id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase a frozen score',
				sql: 'delete from decision_scores returning item_id',
				expect: nobody
			}
		]
	},
	// Concepts and final tenders (issue 14) --------------------------------------------------
	// Team A's concept on appA, tendered; the tenders are unsealed (access-world.ts).
	concepts: {
		select: [
			{
				does: "see team A's concept",
				sql: 'select id from concepts where id = $1',
				params: (w) => [w.concept],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'start a concept past the concept functions',
				sql: 'insert into concepts (challenge_id, team_id, application_id) values ($1, $2, $3) returning id',
				params: (w) => [w.challenge.id, w.teamB.id, w.appB.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite a concept past the concept functions',
				sql: "update concepts set title = 'x' returning id",
				expect: nobody
			}
		],
		delete: [{ does: 'erase a concept', sql: 'delete from concepts returning id', expect: nobody }]
	},
	concept_versions: {
		select: [
			{
				does: "see team A's concept's versions",
				sql: 'select version from concept_versions where concept_id = $1',
				params: (w) => [w.concept],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'add a version past the concept functions',
				sql: "insert into concept_versions (concept_id, version, title, summary, description, plan, budget) values ($1, 2, 'x', '', '', '', '[]') returning version",
				params: (w) => [w.concept],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite a saved version',
				sql: "update concept_versions set title = 'x' returning version",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase a saved version',
				sql: 'delete from concept_versions returning version',
				expect: nobody
			}
		]
	},
	concept_links: {
		select: [
			{
				does: "see what team A's concept builds on",
				sql: 'select label from concept_links where concept_id = $1',
				params: (w) => [w.concept],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'link an idea past the concept functions',
				sql: "insert into concept_links (concept_id, kind, application_id, idea_position, label) values ($1, 'idea', $2, 2, 'x') returning id",
				params: (w) => [w.concept, w.appA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite a link',
				sql: "update concept_links set label = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase a link', sql: 'delete from concept_links returning id', expect: nobody }
		]
	},
	concept_attachments: {
		select: [
			{
				does: "see team A's concept's files",
				sql: 'select file_name from concept_attachments where concept_id = $1',
				params: (w) => [w.concept],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'attach a file past the upload checks',
				sql: "insert into concept_attachments (concept_id, file_key, file_name, mime, size) values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id",
				params: (w) => [w.concept, PDF],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rename a file',
				sql: "update concept_attachments set file_name = 'x.pdf' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase a file',
				sql: 'delete from concept_attachments returning id',
				expect: nobody
			}
		]
	},
	final_tenders: {
		select: [
			{
				does: "see team A's final tender and its price",
				sql: 'select price_cents from final_tenders where id = $1',
				params: (w) => [w.finalTender],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'tender past the submission function',
				sql: "insert into final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest) values ($1, $2, $3, 1, '{}', $4) returning id",
				params: (w) => [w.concept, w.challenge.id, w.teamA.id, HEX],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change a price after submission',
				sql: 'update final_tenders set price_cents = 1 returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase a final tender',
				sql: 'delete from final_tenders returning id',
				expect: nobody
			}
		]
	},
	// Production and the result-based bonus (issue 14, helper bonus): the challenge's team
	// and the partner in production (team A) read; every write is a definer function's.
	outcome_categories: {
		select: [
			{
				does: "see the challenge's outcome category",
				sql: 'select id from outcome_categories where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write past the production functions',
				sql: "insert into outcome_categories (challenge_id, position, name, bonus_cents) values ($1, 9, '{}', 1) returning id",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change it past the production functions',
				sql: 'update outcome_categories set bonus_cents = 1 returning id',
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase it', sql: 'delete from outcome_categories returning id', expect: nobody }
		]
	},
	production_targets: {
		select: [
			{
				does: "see the challenge's targets",
				sql: 'select id from production_targets where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write past the production functions',
				sql: 'insert into production_targets (challenge_id, concept_id, clients_to_start) values ($1, $2, 1) returning id',
				params: (w) => [w.challenge.id, w.concept],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change it past the production functions',
				sql: 'update production_targets set clients_to_start = 1 returning id',
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase it', sql: 'delete from production_targets returning id', expect: nobody }
		]
	},
	outcome_reports: {
		select: [
			{
				does: "see team A's confirmed monthly report",
				sql: 'select id from outcome_reports where concept_id = $1',
				params: (w) => [w.concept],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write past the production functions',
				sql: "insert into outcome_reports (concept_id, challenge_id, month, version, clients_started, clients_progressed) values ($1, $2, '2020-01-01', 1, 1, 0) returning id",
				params: (w) => [w.concept, w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change it past the production functions',
				sql: 'update outcome_reports set clients_started = 99 returning id',
				expect: nobody
			}
		],
		delete: [{ does: 'erase it', sql: 'delete from outcome_reports returning id', expect: nobody }]
	},
	outcome_report_counts: {
		select: [
			{
				does: "see the counts of team A's report",
				sql: 'select count from outcome_report_counts where report_id = $1',
				params: (w) => [w.outcomeReport],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write past the production functions',
				sql: 'insert into outcome_report_counts (report_id, challenge_id, category_id, count) values ($1, $2, $3, 1) returning count',
				params: (w) => [w.outcomeReport, w.challenge.id, w.outcomeCategory],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change it past the production functions',
				sql: 'update outcome_report_counts set count = 99 returning count',
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase it', sql: 'delete from outcome_report_counts returning count', expect: nobody }
		]
	},
	outcome_report_reviews: {
		select: [
			{
				does: "see the owner's confirmation of team A's report",
				sql: 'select verdict from outcome_report_reviews where report_id = $1',
				params: (w) => [w.outcomeReport],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write past the production functions',
				sql: "insert into outcome_report_reviews (report_id, verdict) values ($1, 'confirmed') returning verdict",
				params: (w) => [w.outcomeReport],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change it past the production functions',
				sql: "update outcome_report_reviews set comment = 'x' returning verdict",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase it',
				sql: 'delete from outcome_report_reviews returning verdict',
				expect: nobody
			}
		]
	},
	// Selection (issue 13 leftovers, helper selection): withdrawn jury invitations.
	jury_invitation_withdrawals: {
		select: [
			{
				does: 'see the jury invitations the chair withdrew',
				sql: 'select id from jury_invitation_withdrawals where challenge_id = $1',
				params: (w) => [w.challenge.id],
				expect: only({ owner: 1 })
			},
			{
				does: 'read the hash of a withdrawn link',
				sql: 'select token_hash from jury_invitation_withdrawals',
				expect: everyone('denied')
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_invitation_withdrawals (challenge_id, stage, email, invited_at) values ($1, 'shortlisting', 'x@test.example', now()) returning id",
				params: (w) => [w.challenge.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite a withdrawal',
				sql: 'update jury_invitation_withdrawals set withdrawn_at = now() returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase a withdrawal',
				sql: 'delete from jury_invitation_withdrawals returning id',
				expect: nobody
			}
		]
	},
	// Proofs of concept (issue 14, poc: 20261207000400_proofs_of_concept.sql) ---------------
	proofs_of_concept: {
		select: [
			{
				does: "see team A's proof of concept",
				sql: 'select id from proofs_of_concept where id = $1',
				params: (w) => [w.proof],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'start one past poc_start',
				sql: 'insert into proofs_of_concept (challenge_id, concept_id) values ($1, $2) returning id',
				params: (w) => [w.challenge.id, w.concept],
				expect: nobody
			}
		],
		update: [
			{
				does: 'move its start',
				sql: 'update proofs_of_concept set started_at = now() returning id',
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase one', sql: 'delete from proofs_of_concept returning id', expect: nobody }
		]
	},
	poc_milestones: {
		select: [
			{
				does: "see team A's milestone",
				sql: 'select status from poc_milestones where id = $1',
				params: (w) => [w.milestone],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'plan one past poc_add_milestone',
				sql: "insert into poc_milestones (poc_id, title, due_on) values ($1, 'x', '2027-01-01') returning id",
				params: (w) => [w.proof],
				expect: nobody
			}
		],
		update: [
			{
				does: 'accept a milestone past the review function',
				sql: "update poc_milestones set status = 'accepted' returning id",
				expect: nobody
			}
		],
		delete: [
			{ does: 'erase a milestone', sql: 'delete from poc_milestones returning id', expect: nobody }
		]
	},
	poc_milestone_events: {
		select: [
			{
				does: "see the record of team A's milestone",
				sql: 'select step from poc_milestone_events where milestone_id = $1',
				params: (w) => [w.milestone],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'write a change that did not happen',
				sql: "insert into poc_milestone_events (milestone_id, step, from_status, to_status) values ($1, 'accept', 'delivered', 'accepted') returning id",
				params: (w) => [w.milestone],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rewrite the record',
				sql: "update poc_milestone_events set reason = 'x' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase the record',
				sql: 'delete from poc_milestone_events returning id',
				expect: nobody
			}
		]
	},
	// Milestone evidence files (20261208000200_poc_evidence_files.sql) ----------------------
	poc_evidence_files: {
		select: [
			{
				does: "see the files of team A's milestone",
				sql: 'select file_name from poc_evidence_files where milestone_id = $1',
				params: (w) => [w.milestone],
				expect: teamA(1, { owner: 1 })
			}
		],
		insert: [
			{
				does: 'attach a file past poc_attach_file',
				sql: "insert into poc_evidence_files (milestone_id, file_key, file_name, mime, size) values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id",
				params: (w) => [w.milestone, PDF],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rename an evidence file',
				sql: "update poc_evidence_files set file_name = 'x.pdf' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase an evidence file',
				sql: 'delete from poc_evidence_files returning id',
				expect: nobody
			}
		]
	},
	jury_comments: {
		select: [
			{
				does: 'read the consensus discussion of appA',
				sql: 'select id from jury_comments where application_id = $1',
				params: (w) => [w.appA.id],
				expect: only({ owner: 1, juror: 1 })
			}
		],
		insert: [
			{
				does: 'write past the jury functions',
				sql: "insert into jury_comments (juror_id, application_id, body) values ($1, $2, 'x') returning id",
				params: (w) => [w.jurorId, w.appA.id],
				expect: nobody
			}
		],
		update: [
			{
				does: 'change past the jury functions',
				sql: "update jury_comments set body = 'y' returning id",
				expect: nobody
			}
		],
		delete: [
			{
				does: 'erase past the jury functions',
				sql: 'delete from jury_comments returning id',
				expect: nobody
			}
		]
	},
	board_ops: {
		select: [
			{
				does: "read team A's board's op log",
				sql: 'select seq from board_ops where board_id = $1',
				params: (w) => [w.boardA],
				expect: only({ facilitator: 1 })
			}
		],
		insert: [
			{
				does: 'forge an op',
				sql: `insert into board_ops (board_id, seq, op_id, op) values ($1, 99, gen_random_uuid(), '{}') returning seq`,
				params: (w) => [w.boardA],
				expect: nobody
			}
		],
		update: [
			{ does: 'rewrite an op', sql: "update board_ops set op = '{}' returning seq", expect: nobody }
		],
		delete: [{ does: 'erase the log', sql: 'delete from board_ops returning seq', expect: nobody }]
	},
	board_notes: {
		select: [
			{
				does: "see team A's notes",
				sql: 'select id from board_notes where board_id = $1',
				params: (w) => [w.boardA],
				expect: seesBoardA(1)
			}
		],
		insert: [
			{
				does: 'add a note past the op path',
				sql: `insert into board_notes (board_id, id, body, colour, x, y, added_seq)
				      values ($1, gen_random_uuid(), 'x', 'yellow', 0, 0, 99) returning id`,
				params: (w) => [w.boardA],
				expect: nobody
			}
		],
		update: [
			{
				does: 'move a note past the op path',
				sql: 'update board_notes set x = 1 returning id',
				expect: nobody
			}
		],
		delete: [
			{
				does: 'remove notes past the op path',
				sql: 'delete from board_notes returning id',
				expect: nobody
			}
		]
	},
	board_clusters: {
		select: [
			{
				does: "see team A's clusters",
				sql: 'select id from board_clusters where board_id = $1',
				params: (w) => [w.boardA],
				expect: seesBoardA(1)
			}
		],
		insert: [
			{
				does: 'add a cluster past the op path',
				sql: `insert into board_clusters (board_id, id, name, added_seq) values ($1, gen_random_uuid(), 'x', 99)
				      returning id`,
				params: (w) => [w.boardA],
				expect: nobody
			}
		],
		update: [
			{
				does: 'rename a cluster',
				sql: "update board_clusters set name = 'y' returning id",
				expect: nobody
			}
		],
		delete: [
			{ does: 'remove clusters', sql: 'delete from board_clusters returning id', expect: nobody }
		]
	},
	board_votes: {
		select: [
			{
				does: "see the member's dot before the reveal",
				sql: 'select voter_id from board_votes where board_id = $1',
				params: (w) => [w.boardA],
				expect: only({ member: 1, facilitator: 1 })
			}
		],
		insert: [
			{
				does: 'vote past the op path',
				sql: `insert into board_votes (board_id, note_id, voter_id, dots) values ($1, $2, (select auth.uid()), 5)
				      returning dots`,
				params: (w) => [w.boardA, w.note],
				expect: nobody
			}
		],
		update: [
			{ does: 'change dots', sql: 'update board_votes set dots = 9 returning dots', expect: nobody }
		],
		delete: [{ does: 'remove dots', sql: 'delete from board_votes returning dots', expect: nobody }]
	}
};

/**
 * Tables outside the Data API's schemas that hold what nobody reaches directly: no
 * privilege at all for anon or authenticated (access-matrix.test.ts tries each action
 * as every role). Written only by the definer functions and the app's own role.
 */
export const PRIVATE_TABLES = [
	{ table: 'private.mail_outbox', column: 'template' },
	{ table: 'private.limit_rules', column: 'name' },
	{ table: 'private.limit_counters', column: 'name' },
	{ table: 'private.email_changes', column: 'new_email' }
];
