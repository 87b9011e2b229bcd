-- Erasing an account (issue 15, GDPR Art. 17). What is the person's own goes; what the
-- public record needs (a team's submitted application, a score in a published decision, a
-- board note, an answer) stays, de-identified: it then refers to the erased person's
-- stable placeholder, a new auth.users row with no email and a profile named
-- "Erased person <label>" (six hex digits of its id), so that a decision document still
-- tells its jurors apart. The column-by-column treatment is the personal data map
-- (src/lib/domain/personal-data.ts); tests/integration/erasure.test.ts proves that after
-- private.erase_account nothing holds the person's id, address or name.
--
-- Frozen snapshots and their digests (applications.snapshot/digest,
-- final_tenders.snapshot/digest): the digest column is kept as it is, the record of what
-- was submitted (it is what the team's receipt and application_events hold, and they are
-- never rewritten). The snapshot itself is de-identified in place (the erased person's id,
-- address and name replaced wherever they are a whole JSON string) and gains a top-level
-- "erasure" entry saying when and that the digest is of the text before it, so anyone
-- who compares sha256(snapshot.json) with the receipt sees why they differ. Recomputing
-- the digest would make the receipts a team holds unverifiable without saying why.
--
-- Guards: the record tables' guard triggers refuse every change after the fact. Rather
-- than redefine each guard function, their triggers are recreated here with a WHEN that
-- skips them only inside a maintenance transaction of a privileged role
-- (set_config('talkoot.record_maintenance', 'on', true), the pattern of
-- 20261209000100_audit_log.sql, while current_user is not anon/authenticated, so a
-- person's own session can never switch a guard off). Triggers recreated (same timing,
-- events and function as before, listed below): decisions_guard, jury_*_guard,
-- outcome_*_guard, poc_*_guard, challenge_amendments_never_change,
-- application_documents_draft.

do $$
declare
  t record;
begin
  for t in select * from (values
    ('decisions', 'decisions_guard', 'update or delete', 'guard_decision'),
    ('jury_invitation_withdrawals', 'jury_invitation_withdrawals_guard', 'update or delete', 'guard_jury_record'),
    ('jury_score_revisions', 'jury_score_revisions_guard', 'update or delete', 'guard_jury_record'),
    ('outcome_reports', 'outcome_reports_guard', 'insert or update or delete', 'guard_outcome_report'),
    ('outcome_report_reviews', 'outcome_report_reviews_guard', 'insert or update or delete', 'guard_outcome_record'),
    ('poc_evidence_files', 'poc_evidence_files_guard', 'insert or update or delete', 'guard_poc_evidence_file'),
    ('poc_milestone_events', 'poc_milestone_events_guard', 'update or delete', 'guard_poc_event'),
    ('poc_milestones', 'poc_milestones_guard', 'update or delete', 'guard_poc_milestone'),
    ('challenge_amendments', 'challenge_amendments_never_change', 'update', 'refuse_amendment_change'),
    ('application_documents', 'application_documents_draft', 'insert or update or delete', 'guard_draft_content')
  ) as g (tbl, name, events, fn) loop
    execute format('drop trigger if exists %I on public.%I', t.name, t.tbl);
    execute format(
      'create trigger %I before %s on public.%I for each row '
      'when (current_user in (''anon'', ''authenticated'') '
      'or coalesce(current_setting(''talkoot.record_maintenance'', true), '''') <> ''on'') '
      'execute function private.%I()',
      t.name, t.events, t.tbl, t.fn);
  end loop;
end
$$;

-- JSON de-identification: every string value of `doc` equal to one of `find` (compared
-- case-insensitively when it looks like an email address) is replaced by the value at the
-- same position of `replace`; objects' keys and other values are kept. Empty strings in
-- `find` match nothing. The same rule as deidentifyJson in src/lib/domain/erasure.ts
-- (tests/integration/erasure.test.ts feeds both the same cases).
create function private.deidentify_json(doc jsonb, find text[], replace text[]) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  i int;
  s text;
begin
  case pg_catalog.jsonb_typeof(doc)
    when 'object' then
      return coalesce((select pg_catalog.jsonb_object_agg(k, private.deidentify_json(v, find, replace))
                       from pg_catalog.jsonb_each(doc) as e(k, v)), '{}'::jsonb);
    when 'array' then
      return coalesce((select pg_catalog.jsonb_agg(private.deidentify_json(v, find, replace) order by n)
                       from pg_catalog.jsonb_array_elements(doc) with ordinality as e(v, n)), '[]'::jsonb);
    when 'string' then
      s := doc #>> '{}';
      for i in 1 .. coalesce(pg_catalog.array_length(find, 1), 0) loop
        if find[i] <> '' and (s = find[i] or (find[i] like '%@%' and pg_catalog.lower(s) = pg_catalog.lower(find[i]))) then
          return pg_catalog.to_jsonb(replace[i]);
        end if;
      end loop;
      return doc;
    else
      return doc;
  end case;
end
$$;
revoke execute on function private.deidentify_json(jsonb, text[], text[]) from public, anon, authenticated;

-- Why the person may not be erased now, as codes the page explains (empty: they may be):
--  'sole_owner': they are the only owner of an organisation that has challenges (another
--    owner must be named first: the organisation's challenges need someone to answer for them);
--  'team_lead': they lead a team that has other members (they hand the lead to one first).
create function private.erasure_refusals(person uuid) returns text[]
language sql stable security definer set search_path = ''
as $$
  select array_remove(array[
    case when exists (
      select 1 from public.organisation_members m
      where m.user_id = person and m.role = 'owner'
        and exists (select 1 from public.challenges c where c.organisation_id = m.organisation_id)
        and not exists (select 1 from public.organisation_members o
                        where o.organisation_id = m.organisation_id and o.role = 'owner'
                          and o.user_id <> person)) then 'sole_owner' end,
    case when exists (
      select 1 from public.teams t
      where t.lead_id = person
        and exists (select 1 from public.team_members x where x.team_id = t.id and x.user_id <> person))
      then 'team_lead' end
  ], null)
$$;
revoke execute on function private.erasure_refusals(uuid) from public, anon, authenticated;
grant execute on function private.erasure_refusals(uuid) to service_role;

-- Erases the person in one transaction and returns {"erased": true, "placeholder": id,
-- "label": "A1B2C3"}, or {"erased": false, "refusals": [...]} (private.erasure_refusals)
-- without changing anything, or {"erased": false, "refusals": ["unknown"]} when there is
-- no such account. Called by the server's named job 'account erasure' after it has
-- checked the person's password (and second factor): never granted to authenticated, so
-- a stolen session token alone cannot erase an account through the Data API.
-- Steps: placeholder; copied names and emails next to their ids; ids re-pointed; the
-- person's own rows deleted; free contact fields cleared; JSON de-identified; the audit
-- entry (target: the placeholder); the auth.users row deleted (its local_auth rows and
-- profile go with it by cascade).
create function private.erase_account(person uuid) returns jsonb
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
begin
  select * into who from public.profiles where id = person for update;
  if not found then
    return jsonb_build_object('erased', false, 'refusals', jsonb_build_array('unknown'));
  end if;
  refusals := private.erasure_refusals(person);
  if cardinality(refusals) > 0 then
    return jsonb_build_object('erased', false, 'refusals', to_jsonb(refusals));
  end if;
  perform set_config('talkoot.record_maintenance', 'on', true);
  old_email := lower(coalesce(nullif((select u.email from auth.users u where u.id = person), ''), who.email));
  old_name := who.display_name;
  finds := array[person::text, old_email, who.email, case when char_length(old_name) >= 2 then old_name else '' end];
  repls := array[ph::text, ph_email, ph_email, ph_name];

  -- The placeholder: an account nobody can sign in to (no email, no credentials).
  insert into auth.users (id, email, raw_user_meta_data)
    values (ph, null, jsonb_build_object('display_name', ph_name, 'erased', true));
  update public.profiles set display_name = ph_name, locale = who.locale where id = ph;

  -- Copied names, next to the id they were copied for.
  foreach target in array array[
    'late_submission_attempts:attempted_by:attempted_by_name',
    'question_wording_edits:edited_by:edited_by_name',
    'decisions:prepared_by:prepared_by_name',
    'screening_history:decided_by:decided_by_name',
    'challenge_amendments:author_id:author_name',
    'poc_milestone_events:by:by_name',
    'outcome_reports:submitted_by:submitted_by_name',
    'outcome_report_reviews:reviewed_by:reviewed_by_name'
  ] loop
    parts := string_to_array(target, ':');
    execute format('update public.%I set %I = $1 where %I = $2', parts[1], parts[3], parts[2])
      using ph_name, person;
    get diagnostics counted = row_count;
    changed := changed + counted;
  end loop;

  -- Email addresses the record keeps (who was invited): the placeholder's, which names nobody.
  foreach target in array array[
    'jury_members:email', 'jury_invitation_withdrawals:email', 'team_invitations:email',
    'organisation_invitations:email'
  ] loop
    parts := string_to_array(target, ':');
    execute format('update public.%I set %I = $1 where %I = $2', parts[1], parts[2], parts[2])
      using ph_email, old_email;
    get diagnostics counted = row_count;
    changed := changed + counted;
  end loop;

  -- The person's own rows.
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

  -- Ids the record keeps: re-pointed at the placeholder.
  foreach target in array array[
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
    parts := string_to_array(target, ':');
    execute format('update public.%I set %I = $1 where %I = $2', parts[1], parts[2], parts[2])
      using ph, person;
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
  return jsonb_build_object('erased', true, 'placeholder', ph, 'label', label);
end
$$;
revoke execute on function private.erase_account(uuid) from public, anon, authenticated;
grant execute on function private.erase_account(uuid) to service_role;
