/**
 * THE PERSONAL DATA MAP (issue 15, GDPR): every column in the database that refers to a
 * person, what category of data it belongs to, and what erasing the person does to it.
 * One list for the data export (Art. 15 and 20), the erasure (Art. 17), retention and the
 * privacy notice (Art. 13), so that they cannot disagree. A test compares it with the
 * database catalogue: a new column that references auth.users, or holds an email address
 * or a person's name, fails until it is added here.
 */

/**
 * Categories of personal data as the privacy notice names them. Each has a purpose, a
 * legal basis (GDPR Art. 6(1)) and a retention time in the notice's messages.
 */
export const PERSONAL_DATA_CATEGORIES = [
	'account',
	'profile',
	'work_history',
	'teams',
	'applications',
	'workshops',
	'questions',
	'jury',
	'decisions',
	'concepts',
	'production',
	'organisations',
	'feedback',
	'communication',
	'security'
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

/**
 * What erasing the person does to a column:
 * - `delete`: the row is the person's own and goes with them (their work history, sessions);
 * - `placeholder`: the row is part of the record (a submitted application, a score in a
 *   published decision, a board note, an answer) and stays; the column then refers to the
 *   erased person's stable placeholder (an id, a name or an address that names nobody);
 * - `clear`: the row stays, the column is emptied (a contact address given in passing).
 */
export type Erasure = 'delete' | 'placeholder' | 'clear';

/** How a column refers to a person: by account id, by email address, by a copied name, or inside JSON. */
export type Reference = 'id' | 'email' | 'name' | 'json';

export interface PersonalColumn {
	/** `schema.table`; schema `local_auth` exists only in local mode (Supabase keeps its own). */
	table: string;
	column: string;
	refers: Reference;
	category: PersonalDataCategory;
	erasure: Erasure;
}

const col = (
	table: string,
	column: string,
	refers: Reference,
	category: PersonalDataCategory,
	erasure: Erasure
): PersonalColumn => ({
	table: table.includes('.') ? table : `public.${table}`,
	column,
	refers,
	category,
	erasure
});

/** Every column that refers to a person, grouped by category. */
export const PERSONAL_COLUMNS: readonly PersonalColumn[] = [
	// Account and sign-in (local mode; Supabase Auth keeps its own in schema auth).
	col('local_auth.credentials', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.sessions', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.email_tokens', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.totp', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.recovery_codes', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.sign_in_challenges', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.code_failures', 'user_id', 'id', 'account', 'delete'),
	col('local_auth.reset_requests', 'email', 'email', 'account', 'delete'),
	col('private.email_changes', 'user_id', 'id', 'account', 'delete'),
	col('private.email_changes', 'new_email', 'email', 'account', 'delete'),
	col('platform_admins', 'user_id', 'id', 'account', 'delete'),
	col('platform_facilitators', 'user_id', 'id', 'account', 'delete'),
	// Profile.
	col('profiles', 'id', 'id', 'profile', 'placeholder'),
	col('profiles', 'email', 'email', 'profile', 'placeholder'),
	col('profiles', 'display_name', 'name', 'profile', 'placeholder'),
	col('calendar_feeds', 'user_id', 'id', 'profile', 'delete'),
	col('challenge_followers', 'user_id', 'id', 'profile', 'delete'),
	// Work history and its evidence.
	col('work_entries', 'user_id', 'id', 'work_history', 'delete'),
	col('stored_objects', 'owner_id', 'id', 'work_history', 'placeholder'),
	// Teams.
	col('teams', 'lead_id', 'id', 'teams', 'placeholder'),
	col('team_members', 'user_id', 'id', 'teams', 'delete'),
	col('team_projects', 'created_by', 'id', 'teams', 'placeholder'),
	col('team_project_members', 'user_id', 'id', 'teams', 'delete'),
	col('team_invitations', 'email', 'email', 'teams', 'placeholder'),
	col('team_invitations', 'invited_by', 'id', 'teams', 'placeholder'),
	col('team_invitations', 'accepted_by', 'id', 'teams', 'placeholder'),
	// Applications.
	col('applications', 'updated_by', 'id', 'applications', 'placeholder'),
	col('applications', 'submitted_by', 'id', 'applications', 'placeholder'),
	col('applications', 'snapshot', 'json', 'applications', 'placeholder'),
	col('application_documents', 'uploaded_by', 'id', 'applications', 'placeholder'),
	col('application_events', 'by', 'id', 'applications', 'placeholder'),
	col('late_submission_attempts', 'attempted_by', 'id', 'applications', 'placeholder'),
	col('late_submission_attempts', 'attempted_by_name', 'name', 'applications', 'placeholder'),
	// Workshops.
	col('workshops', 'facilitator_id', 'id', 'workshops', 'placeholder'),
	col('workshop_participants', 'user_id', 'id', 'workshops', 'placeholder'),
	col('workshop_announcements', 'by', 'id', 'workshops', 'placeholder'),
	col('workshop_status_changes', 'by', 'id', 'workshops', 'placeholder'),
	col('board_notes', 'author_id', 'id', 'workshops', 'placeholder'),
	col('board_ops', 'actor_id', 'id', 'workshops', 'placeholder'),
	col('board_votes', 'voter_id', 'id', 'workshops', 'placeholder'),
	// Questions and answers on challenges.
	col('challenge_question_askers', 'asker_id', 'id', 'questions', 'placeholder'),
	col('challenge_questions', 'answered_by', 'id', 'questions', 'placeholder'),
	col('question_answer_revisions', 'answered_by', 'id', 'questions', 'placeholder'),
	col('question_answer_revisions', 'replaced_by', 'id', 'questions', 'placeholder'),
	col('question_wording_edits', 'edited_by', 'id', 'questions', 'placeholder'),
	col('question_wording_edits', 'edited_by_name', 'name', 'questions', 'placeholder'),
	// Jury.
	col('jury_members', 'user_id', 'id', 'jury', 'placeholder'),
	col('jury_members', 'email', 'email', 'jury', 'placeholder'),
	col('jury_members', 'invited_by', 'id', 'jury', 'placeholder'),
	col('jury_invitation_withdrawals', 'email', 'email', 'jury', 'placeholder'),
	col('jury_invitation_withdrawals', 'invited_by', 'id', 'jury', 'placeholder'),
	col('jury_invitation_withdrawals', 'withdrawn_by', 'id', 'jury', 'placeholder'),
	col('jury_score_revisions', 'revised_by', 'id', 'jury', 'placeholder'),
	col('jury_stages', 'consensus_opened_by', 'id', 'jury', 'placeholder'),
	// Decisions, screening and the challenge record.
	col('decisions', 'prepared_by', 'id', 'decisions', 'placeholder'),
	col('decisions', 'prepared_by_name', 'name', 'decisions', 'placeholder'),
	col('decisions', 'published_by', 'id', 'decisions', 'placeholder'),
	col('screening_history', 'decided_by', 'id', 'decisions', 'placeholder'),
	col('screening_history', 'decided_by_name', 'name', 'decisions', 'placeholder'),
	col('screening_history', 'ended_by', 'id', 'decisions', 'placeholder'),
	col('screening_marks', 'marked_by', 'id', 'decisions', 'placeholder'),
	col('challenges', 'created_by', 'id', 'decisions', 'placeholder'),
	col('challenges', 'contact_name', 'name', 'decisions', 'clear'),
	col('challenges', 'contact_email', 'email', 'decisions', 'clear'),
	col('challenge_amendments', 'author_id', 'id', 'decisions', 'placeholder'),
	col('challenge_amendments', 'author_name', 'name', 'decisions', 'placeholder'),
	col('challenge_team_members', 'user_id', 'id', 'decisions', 'delete'),
	col('challenge_team_members', 'added_by', 'id', 'decisions', 'placeholder'),
	// Concepts and final tenders.
	col('concepts', 'updated_by', 'id', 'concepts', 'placeholder'),
	col('concept_versions', 'saved_by', 'id', 'concepts', 'placeholder'),
	col('concept_links', 'linked_by', 'id', 'concepts', 'placeholder'),
	col('concept_attachments', 'uploaded_by', 'id', 'concepts', 'placeholder'),
	col('final_tenders', 'submitted_by', 'id', 'concepts', 'placeholder'),
	col('final_tenders', 'withdrawn_by', 'id', 'concepts', 'placeholder'),
	col('final_tenders', 'snapshot', 'json', 'concepts', 'placeholder'),
	// Proofs of concept and production.
	col('proofs_of_concept', 'started_by', 'id', 'production', 'placeholder'),
	col('poc_milestones', 'created_by', 'id', 'production', 'placeholder'),
	col('poc_milestones', 'updated_by', 'id', 'production', 'placeholder'),
	col('poc_milestones', 'reviewed_by', 'id', 'production', 'placeholder'),
	col('poc_milestone_events', 'by', 'id', 'production', 'placeholder'),
	col('poc_milestone_events', 'by_name', 'name', 'production', 'placeholder'),
	col('poc_evidence_files', 'uploaded_by', 'id', 'production', 'placeholder'),
	col('outcome_categories', 'created_by', 'id', 'production', 'placeholder'),
	col('outcome_categories', 'updated_by', 'id', 'production', 'placeholder'),
	col('production_targets', 'updated_by', 'id', 'production', 'placeholder'),
	col('outcome_reports', 'submitted_by', 'id', 'production', 'placeholder'),
	col('outcome_reports', 'submitted_by_name', 'name', 'production', 'placeholder'),
	col('outcome_report_reviews', 'reviewed_by', 'id', 'production', 'placeholder'),
	col('outcome_report_reviews', 'reviewed_by_name', 'name', 'production', 'placeholder'),
	// Organisations.
	col('organisation_members', 'user_id', 'id', 'organisations', 'delete'),
	col('organisation_invitations', 'email', 'email', 'organisations', 'placeholder'),
	col('organisation_invitations', 'invited_by', 'id', 'organisations', 'placeholder'),
	col('organisation_invitations', 'accepted_by', 'id', 'organisations', 'placeholder'),
	// Accessibility feedback.
	col('accessibility_feedback', 'user_id', 'id', 'feedback', 'placeholder'),
	col('accessibility_feedback', 'contact_email', 'email', 'feedback', 'clear'),
	col('accessibility_feedback', 'handler_id', 'id', 'feedback', 'placeholder'),
	col('accessibility_feedback', 'replied_by', 'id', 'feedback', 'placeholder'),
	col('accessibility_feedback', 'updated_by', 'id', 'feedback', 'placeholder'),
	// Mail sent to the person.
	col('private.mail_outbox', 'to_email', 'email', 'communication', 'delete'),
	col('private.mail_outbox', 'to_name', 'name', 'communication', 'delete'),
	// Rate-limit counters: the key holds the person's id or address (within a longer key).
	col('private.limit_counters', 'key', 'id', 'security', 'delete'),
	// Security record.
	col('audit_log', 'actor_id', 'id', 'security', 'placeholder'),
	// The subject of an entry: a user's id, or for a failed sign-in the address tried.
	col('audit_log', 'target_id', 'id', 'security', 'placeholder')
];

/** The categories that hold at least one column of the map, in the notice's order. */
export function categoriesInUse(columns: readonly PersonalColumn[] = PERSONAL_COLUMNS) {
	const used = new Set(columns.map((c) => c.category));
	return PERSONAL_DATA_CATEGORIES.filter((c) => used.has(c));
}

/** The map's columns of one table, e.g. for the export's file of that table. */
export function columnsOf(table: string, columns: readonly PersonalColumn[] = PERSONAL_COLUMNS) {
	const name = table.includes('.') ? table : `public.${table}`;
	return columns.filter((c) => c.table === name);
}
