-- Erasing an account, redefined (issue 15 review): private.erase_account of
-- 20261209003100_account_erasure.sql (whose head says what erasure does) with three changes.
--  - Maintenance by the token of 20261210001100_record_maintenance_token.sql instead of
--    the setting anyone could set.
--  - The three re-pointing loops (copied names, invited addresses, ids) are one table-driven
--    pass; what each entry does is said above it.
--  - The answer names the stored files of the rows it deleted ("files": the evidence of the
--    person's work history), so that the server removes them from storage after the commit
--    where no row refers to them any more (src/lib/server/erasure.ts, uploads.ts
--    removeUnusedFiles); a file a kept record still names (a submitted application's
--    snapshot) stays with that record.
-- Returns {"erased": true, "placeholder": id, "label": "A1B2C3", "files": [keys]}; the
-- refusals as before.
create or replace function private.erase_account(person uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who public.profiles;
  refusals text[];
  ph uuid := gen_random_uuid();
  label text := upper(substr(replace(ph::text, '-', ''), 1, 6));
  ph_name text := 'Erased person ' || label;
  ph_email text := 'erased-' || lower(label) || '-' || ph::text || '@erased.invalid';
  old_email text;
  old_name text;
  finds text[];
  repls text[];
  target text;
  parts text[];
  counted int;
  changed int := 0;
  removed int := 0;
  files text[];
begin
  select * into who from public.profiles where id = person for update;
  if not found then
    return jsonb_build_object('erased', false, 'refusals', jsonb_build_array('unknown'));
  end if;
  refusals := private.erasure_refusals(person);
  if cardinality(refusals) > 0 then
    return jsonb_build_object('erased', false, 'refusals', to_jsonb(refusals));
  end if;
  perform private.begin_record_maintenance('account erasure');
  old_email := lower(coalesce(nullif((select u.email from auth.users u where u.id = person), ''), who.email));
  old_name := who.display_name;
  finds := array[person::text, old_email, who.email, case when char_length(old_name) >= 2 then old_name else '' end];
  repls := array[ph::text, ph_email, ph_email, ph_name];

  -- The placeholder: an account nobody can sign in to (no email, no credentials).
  insert into auth.users (id, email, raw_user_meta_data)
    values (ph, null, jsonb_build_object('display_name', ph_name, 'erased', true));
  update public.profiles set display_name = ph_name, locale = who.locale where id = ph;

  -- The person's own rows (their work history's evidence files are removed from storage
  -- after the commit, by the server, where no row refers to them any more).
  files := array(select e.evidence_file from public.work_entries e
                 where e.user_id = person and e.evidence_file is not null order by 1);
  foreach target in array array[
    'work_entries', 'team_project_members', 'team_members', 'organisation_members',
    'challenge_team_members', 'challenge_followers', 'calendar_feeds', 'platform_admins',
    'platform_facilitators'
  ] loop
    execute format('delete from public.%I where user_id = $1', target) using person;
    get diagnostics counted = row_count;
    removed := removed + counted;
  end loop;
  delete from private.email_changes where user_id = person;
  delete from private.mail_outbox where lower(to_email) = old_email or lower(to_email) = lower(who.email);
  get diagnostics counted = row_count; removed := removed + counted;
  -- Rate-limit counters keyed by the person's id or address (short-lived, but theirs).
  delete from private.limit_counters
    where position(person::text in key) > 0 or position(old_email in lower(key)) > 0;
  if to_regclass('local_auth.reset_requests') is not null then
    execute 'delete from local_auth.reset_requests where lower(email) = $1' using old_email;
  end if;

  -- What the record keeps, pointed at the placeholder, in one pass (a copied name before
  -- the id it was copied for is re-pointed):
  --   'table:column'       an account id: the placeholder's id;
  --   'table:column=by'    a name copied next to the id in `by`: the placeholder's name;
  --   'table:column@'      an email address kept to say who was invited: the placeholder's.
  foreach target in array array[
    'late_submission_attempts:attempted_by_name=attempted_by',
    'question_wording_edits:edited_by_name=edited_by',
    'decisions:prepared_by_name=prepared_by',
    'screening_history:decided_by_name=decided_by',
    'challenge_amendments:author_name=author_id',
    'poc_milestone_events:by_name=by',
    'outcome_reports:submitted_by_name=submitted_by',
    'outcome_report_reviews:reviewed_by_name=reviewed_by',
    'jury_members:email@', 'jury_invitation_withdrawals:email@', 'team_invitations:email@',
    'organisation_invitations:email@',
    'stored_objects:owner_id',
    'teams:lead_id', 'team_projects:created_by', 'team_invitations:invited_by',
    'team_invitations:accepted_by',
    'applications:updated_by', 'applications:submitted_by', 'application_documents:uploaded_by',
    'application_events:by', 'late_submission_attempts:attempted_by',
    'workshops:facilitator_id', 'workshop_participants:user_id', 'workshop_announcements:by',
    'workshop_status_changes:by', 'board_notes:author_id', 'board_ops:actor_id',
    'board_votes:voter_id',
    'challenge_question_askers:asker_id', 'challenge_questions:answered_by',
    'question_answer_revisions:answered_by', 'question_answer_revisions:replaced_by',
    'question_wording_edits:edited_by',
    'jury_members:user_id', 'jury_members:invited_by', 'jury_invitation_withdrawals:invited_by',
    'jury_invitation_withdrawals:withdrawn_by', 'jury_score_revisions:revised_by',
    'jury_stages:consensus_opened_by',
    'decisions:prepared_by', 'decisions:published_by', 'screening_history:decided_by',
    'screening_history:ended_by', 'screening_marks:marked_by', 'challenges:created_by',
    'challenge_amendments:author_id', 'challenge_team_members:added_by',
    'concepts:updated_by', 'concept_versions:saved_by', 'concept_links:linked_by',
    'concept_attachments:uploaded_by', 'final_tenders:submitted_by', 'final_tenders:withdrawn_by',
    'proofs_of_concept:started_by', 'poc_milestones:created_by', 'poc_milestones:updated_by',
    'poc_milestones:reviewed_by', 'poc_milestone_events:by', 'poc_evidence_files:uploaded_by',
    'outcome_categories:created_by', 'outcome_categories:updated_by',
    'production_targets:updated_by', 'outcome_reports:submitted_by',
    'outcome_report_reviews:reviewed_by',
    'organisation_invitations:invited_by', 'organisation_invitations:accepted_by',
    'accessibility_feedback:user_id', 'accessibility_feedback:handler_id',
    'accessibility_feedback:replied_by', 'accessibility_feedback:updated_by',
    'audit_log:actor_id'
  ] loop
    parts := regexp_match(target, '^([a-z_]+):([a-z_]+)(=([a-z_]+)|@)?$');
    execute format('update public.%I set %I = %L where %I = %L', parts[1], parts[2],
      case when parts[3] = '@' then ph_email when parts[4] is not null then ph_name else ph::text end,
      coalesce(parts[4], parts[2]),
      case when parts[3] = '@' then old_email else person::text end);
    get diagnostics counted = row_count;
    changed := changed + counted;
  end loop;

  -- Free contact fields: emptied, they were the person's to give.
  update public.challenges set contact_name = '', contact_email = ''
    where lower(contact_email) = old_email
       or (char_length(old_name) >= 2 and contact_name = old_name and created_by = ph);
  update public.accessibility_feedback set contact_email = null
    where user_id = ph or lower(contact_email) = old_email;

  -- JSON: frozen snapshots (with a note, see the head of this file), board ops, screening
  -- marks, amendments' change lists, mails to others and audit details.
  update public.applications
    set snapshot = private.deidentify_json(snapshot, finds, repls)
                   || jsonb_build_object('erasure', jsonb_build_object(
                        'deidentifiedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        'digestIsOf', 'the snapshot as submitted, before de-identification'))
    where snapshot is not null and snapshot <> private.deidentify_json(snapshot, finds, repls);
  update public.final_tenders
    set snapshot = private.deidentify_json(snapshot, finds, repls)
                   || jsonb_build_object('erasure', jsonb_build_object(
                        'deidentifiedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        'digestIsOf', 'the snapshot as submitted, before de-identification'))
    where snapshot <> private.deidentify_json(snapshot, finds, repls);
  update public.board_ops set op = private.deidentify_json(op, finds, repls)
    where op::text like '%' || person::text || '%';
  update public.screening_history set marks = private.deidentify_json(marks, finds, repls)
    where marks::text like '%' || person::text || '%';
  update public.challenge_amendments set changes = private.deidentify_json(changes, finds, repls)
    where changes <> private.deidentify_json(changes, finds, repls);
  update private.mail_outbox set params = private.deidentify_json(params, finds, repls)
    where params <> private.deidentify_json(params, finds, repls);
  update public.audit_log
    set details = private.deidentify_json(details, finds, repls),
        target_id = case when target_id = person::text then ph::text
                         when lower(target_id) = old_email then ph_email else target_id end
    where target_id = person::text or lower(target_id) = old_email
       or details <> private.deidentify_json(details, finds, repls);

  perform private.record_audit('account_erasure', 'user', ph::text,
    jsonb_build_object('label', label, 'changed', changed, 'removed', removed), ph, null);

  delete from auth.users where id = person;
  perform private.end_record_maintenance();
  return jsonb_build_object('erased', true, 'placeholder', ph, 'label', label,
    'files', to_jsonb(files));
end
$$;
revoke execute on function private.erase_account(uuid) from public, anon, authenticated;
grant execute on function private.erase_account(uuid) to service_role;
