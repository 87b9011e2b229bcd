-- The record is held by the database, not only by the rows RLS shows (issue 10, items
-- 6, 8, 9, 10, 11, 12). Through the app and through Supabase's Data API alike:
--  * audit columns (`*_at`, `*_by`, `decided_by_name`, status, snapshot, digest) are set
--    by defaults, triggers and the functions below: `authenticated` may write only the
--    content columns granted here (column privileges);
--  * submitting, withdrawing, screening, answering and merging questions and announcing
--    happen only in `security definer` functions that check the caller first and write
--    the record entry in the same transaction;
--  * the submission snapshot and its digest are built inside submit_application from the
--    rows it locks; documents, ideas and answers are frozen with it; withdrawing voids
--    the screening of that submission, on record;
--  * profiles.email follows auth.users (a verified address), never the user's own write;
--  * an evidence key written to a row must have been uploaded by that row's owner.

-- Column privileges ------------------------------------------------------------------------

-- Profiles: a person changes their name and language; the address follows auth.users.
revoke insert, update, delete on public.profiles from anon, authenticated;
grant update (display_name, locale) on public.profiles to authenticated;

-- Teams are created by create_team, joined by accept_team_invitation.
revoke insert, update on public.teams from anon, authenticated;
grant update (name, description, home_organisations, lead_id) on public.teams to authenticated;
revoke insert, update on public.team_members from anon, authenticated;
revoke insert, update, delete on public.team_invitations from anon;
revoke insert, update on public.team_invitations from authenticated;
grant insert (team_id, email, token_hash) on public.team_invitations to authenticated;

-- Work history and common projects: content only; owner and times by the database.
revoke insert, update, delete on public.work_entries from anon;
revoke insert, update on public.work_entries from authenticated;
grant insert (area, organisation, role, start_month, end_month, description, evidence_url, evidence_file)
  on public.work_entries to authenticated;
grant update (area, organisation, role, start_month, end_month, description, evidence_url, evidence_file)
  on public.work_entries to authenticated;
revoke insert, update, delete on public.team_projects from anon;
revoke insert, update on public.team_projects from authenticated;
grant insert (team_id, title, start_month, end_month, description, evidence_url, evidence_file)
  on public.team_projects to authenticated;
grant update (title, start_month, end_month, description, evidence_url, evidence_file)
  on public.team_projects to authenticated;
revoke insert, update, delete on public.team_project_members from anon;
revoke update on public.team_project_members from authenticated;

-- Applications: a draft is started with its challenge and team; a save bumps `version`
-- (the trigger below sets it, and who and when). Status, snapshot, digest and the
-- submission columns change only in submit_application and withdraw_application.
revoke insert, update, delete on public.applications from anon;
revoke insert, update on public.applications from authenticated;
grant insert (challenge_id, team_id) on public.applications to authenticated;
grant update (version) on public.applications to authenticated;
revoke insert, update, delete on public.application_ideas from anon;
revoke insert, update on public.application_ideas from authenticated;
grant insert (application_id, position, title, problem, idea, value) on public.application_ideas to authenticated;
grant update (title, problem, idea, value) on public.application_ideas to authenticated;
revoke insert, update, delete on public.application_answers from anon;
revoke insert, update on public.application_answers from authenticated;
grant insert (application_id, requirement_id, meets, explanation) on public.application_answers to authenticated;
grant update (meets, explanation) on public.application_answers to authenticated;
revoke insert, update, delete on public.application_documents from anon;
revoke insert, update on public.application_documents from authenticated;
grant insert (application_id, requirement_id, file_key, file_name, mime, size)
  on public.application_documents to authenticated;
revoke insert, update, delete on public.application_work_entries from anon, authenticated;
revoke insert, update, delete on public.application_events from anon, authenticated;

-- Screening only through record_screening.
revoke insert, update, delete on public.screening_marks from anon, authenticated;
revoke insert, update, delete on public.screening_decisions from anon, authenticated;

-- Questions are asked with ask_question and answered or merged with answer_question and
-- merge_question; an unanswered question may still be removed by the owners (policy).
revoke insert, update on public.challenge_questions from anon, authenticated;
revoke delete on public.challenge_questions from anon;
revoke insert, update, delete on public.challenge_question_askers from anon, authenticated;

-- Announcements only through announce_to_workshop.
revoke insert, update, delete on public.workshop_announcements from anon, authenticated;

-- Feedback: the text and how to answer; who and when by the database.
revoke insert, update, delete on public.accessibility_feedback from anon, authenticated;
grant insert (page, message, contact_email, locale) on public.accessibility_feedback to anon, authenticated;

-- Times and authors set by the database --------------------------------------------------

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
revoke execute on function private.touch_updated_at() from public;

create trigger profiles_touch before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger work_entries_touch before update on public.work_entries
  for each row execute function private.touch_updated_at();

-- A draft save: one version up, by the caller, now. (The definer functions, running as
-- the owner, set the columns themselves.)
create function private.touch_application() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  if current_user in ('anon', 'authenticated') then
    new.version := old.version + 1;
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
revoke execute on function private.touch_application() from public;
create trigger applications_touch before update on public.applications
  for each row execute function private.touch_application();

-- profiles.email follows the account's address (changed only by a verified flow).
create function private.sync_profile_email() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.profiles set email = lower(coalesce(new.email, '')) where id = new.id;
  return new;
end
$$;
revoke execute on function private.sync_profile_email() from public;
create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function private.sync_profile_email();

-- Frozen with the submission -----------------------------------------------------------

-- Ideas, answers and documents change only while their application is a draft. The share
-- lock on the application row waits for a submit in flight (which holds it for update) and
-- then sees its status: an attach either lands before the snapshot (and is in it) or is
-- refused. Cascaded deletes (a discarded draft) are let through.
create function private.guard_draft_content() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  app uuid := case when tg_op = 'DELETE' then old.application_id else new.application_id end;
begin
  if pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  perform 1 from public.applications where id = app and status = 'draft' for share;
  if not found then
    raise exception 'permission denied: the application is submitted; withdraw it before changing it'
      using errcode = '55000';
  end if;
  if tg_op = 'UPDATE' and new.application_id <> old.application_id then
    raise exception 'content stays with its application' using errcode = '55000';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function private.guard_draft_content() from public;
create trigger application_ideas_draft before insert or update or delete on public.application_ideas
  for each row execute function private.guard_draft_content();
create trigger application_answers_draft before insert or update or delete on public.application_answers
  for each row execute function private.guard_draft_content();
create trigger application_documents_draft before insert or update or delete on public.application_documents
  for each row execute function private.guard_draft_content();

-- Stored files and who uploaded them -------------------------------------------------------

-- Each stored private object, with the person who first wrote its key into a row in the
-- upload request (the app stores the file and writes the row in one request). Keys
-- already referenced are recorded here with the owner of the earliest row.
create table public.stored_objects (
  key text primary key check (key ~ '^[0-9a-f-]{36}\.[a-z0-9]{2,5}$'),
  owner_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
alter table public.stored_objects enable row level security;
create index stored_objects_owner_idx on public.stored_objects (owner_id);
revoke all on public.stored_objects from anon, authenticated;
grant select on public.stored_objects to anon, authenticated;

-- Seen by its owner and by whoever may see a row that points at it (RLS of those tables).
create policy "uploads are seen by their owner and with the rows that show them" on public.stored_objects
  for select to anon, authenticated
  using (
    owner_id = (select auth.uid())
    or key in (select w.evidence_file from public.work_entries w where w.evidence_file is not null)
    or key in (select p.evidence_file from public.team_projects p where p.evidence_file is not null)
    or key in (select d.file_key from public.application_documents d)
  );

insert into public.stored_objects (key, owner_id)
select distinct on (key) key, owner from (
  select evidence_file as key, user_id as owner, created_at from public.work_entries
    where evidence_file is not null
  union all
  select evidence_file, created_by, created_at from public.team_projects
    where evidence_file is not null and created_by is not null
  union all
  select file_key, uploaded_by, created_at from public.application_documents where uploaded_by is not null
) refs
order by key, created_at
on conflict (key) do nothing;

-- Records `owner` as the uploader of a key nobody has claimed; true when the key is theirs.
create function private.claim_stored_object(object_key text, owner uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if owner is null or object_key is null then return false; end if;
  insert into public.stored_objects (key, owner_id) values (object_key, owner)
    on conflict (key) do nothing;
  return exists (select 1 from public.stored_objects where key = object_key and owner_id = owner);
end
$$;
revoke execute on function private.claim_stored_object(text, uuid) from public;

-- A key written to a row must be the writer's own upload: work entries their owner's,
-- team projects a member's of the team, documents the uploader's.
create function private.check_evidence_key() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  key text;
  old_key text;
  writer uuid;
  ok boolean;
begin
  if tg_table_name = 'work_entries' then
    key := new.evidence_file;
    old_key := case when tg_op = 'UPDATE' then old.evidence_file end;
    writer := coalesce(auth.uid(), new.user_id);
    if key is null or key is not distinct from old_key then return new; end if;
    ok := writer = new.user_id and private.claim_stored_object(key, writer);
  elsif tg_table_name = 'team_projects' then
    key := new.evidence_file;
    old_key := case when tg_op = 'UPDATE' then old.evidence_file end;
    writer := coalesce(auth.uid(), new.created_by);
    if key is null or key is not distinct from old_key then return new; end if;
    ok := exists (select 1 from public.team_members m where m.team_id = new.team_id and m.user_id = writer)
          and private.claim_stored_object(key, writer);
  else
    key := new.file_key;
    writer := coalesce(auth.uid(), new.uploaded_by);
    ok := writer = new.uploaded_by and private.claim_stored_object(key, writer);
  end if;
  if not coalesce(ok, false) then
    raise exception 'permission denied: the file % was not uploaded by you', key using errcode = '42501';
  end if;
  return new;
end
$$;
revoke execute on function private.check_evidence_key() from public;
create trigger work_entries_evidence before insert or update of evidence_file on public.work_entries
  for each row execute function private.check_evidence_key();
create trigger team_projects_evidence before insert or update of evidence_file on public.team_projects
  for each row execute function private.check_evidence_key();
create trigger application_documents_file before insert or update of file_key on public.application_documents
  for each row execute function private.check_evidence_key();

-- Submission ---------------------------------------------------------------------------------

-- Everything the owners will judge, built from the rows as they stand: the challenge's
-- team rules and deadline, the team and its members, each member's work history in full,
-- the common projects, the ideas within the challenge's count, an answer per requirement,
-- the documents, and when and by whom it was submitted. Keys and ordering are fixed, so
-- the same rows give the same jsonb. Called only by submit_application.
create function private.application_snapshot(application uuid, submitted timestamptz, submitter uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'application', a.id,
    'challenge', jsonb_build_object('id', c.id, 'slug', c.slug),
    'deadline', (select to_char(s.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                 from public.challenge_stages s where s.challenge_id = c.id and s.stage = 'applications'),
    'rules', jsonb_build_object(
      'areas', to_jsonb(c.competence_areas), 'lookbackYears', c.lookback_years,
      'minTeamSize', c.min_team_size, 'requireCommonHistory', c.require_common_history),
    'submittedAt', to_char(submitted at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'submittedBy', submitter,
    'team', jsonb_build_object(
      'id', t.id, 'name', t.name, 'description', t.description,
      'homeOrganisations', to_jsonb(t.home_organisations),
      'members', coalesce((
        select jsonb_agg(jsonb_build_object('id', m.user_id,
                 'name', coalesce(nullif(p.display_name, ''), p.email, ''))
               order by m.joined_at, m.user_id)
        from public.team_members m left join public.profiles p on p.id = m.user_id
        where m.team_id = t.id), '[]'::jsonb)),
    'workHistory', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', e.id, 'memberId', e.user_id, 'area', e.area, 'organisation', e.organisation,
               'role', e.role, 'start', to_char(e.start_month, 'YYYY-MM'),
               'end', to_char(e.end_month, 'YYYY-MM'), 'description', e.description,
               'evidenceUrl', e.evidence_url, 'evidenceFile', e.evidence_file)
             order by e.user_id, e.start_month, e.id)
      from public.work_entries e
      join public.team_members m on m.user_id = e.user_id and m.team_id = t.id), '[]'::jsonb),
    'commonProjects', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', pr.id, 'title', pr.title, 'start', to_char(pr.start_month, 'YYYY-MM'),
               'end', to_char(pr.end_month, 'YYYY-MM'), 'description', pr.description,
               'evidenceUrl', pr.evidence_url, 'evidenceFile', pr.evidence_file,
               'memberIds', coalesce((select jsonb_agg(pm.user_id order by pm.user_id)
                                      from public.team_project_members pm where pm.project_id = pr.id),
                                     '[]'::jsonb))
             order by pr.start_month, pr.id)
      from public.team_projects pr where pr.team_id = t.id), '[]'::jsonb),
    'ideas', coalesce((
      select jsonb_agg(jsonb_build_object('position', i.position, 'title', i.title,
               'problem', i.problem, 'idea', i.idea, 'value', i.value) order by i.position)
      from public.application_ideas i
      where i.application_id = a.id and i.position <= c.idea_count), '[]'::jsonb),
    'answers', coalesce((
      select jsonb_agg(jsonb_build_object('requirementId', r.id, 'statement', r.statement,
               'meets', an.meets, 'explanation', coalesce(an.explanation, ''))
             order by r.position, r.id)
      from public.challenge_requirements r
      left join public.application_answers an on an.requirement_id = r.id and an.application_id = a.id
      where r.challenge_id = c.id), '[]'::jsonb),
    'documents', coalesce((
      select jsonb_agg(jsonb_build_object('requirementId', d.requirement_id, 'fileKey', d.file_key,
               'fileName', d.file_name, 'size', d.size) order by d.created_at, d.id)
      from public.application_documents d where d.application_id = a.id), '[]'::jsonb)
  )
  from public.applications a
  join public.challenges c on c.id = a.challenge_id
  join public.teams t on t.id = a.team_id
  where a.id = application
$$;
revoke execute on function private.application_snapshot(uuid, timestamptz, uuid) from public;

-- The digest a team can check: SHA-256 (hex) of the UTF-8 bytes of the snapshot as
-- Postgres prints jsonb (`snapshot::text`: keys ordered by length then bytes, ", " and
-- ": " between items). `/applications/<id>/snapshot.json` serves exactly that text, so
-- `sha256sum snapshot.json` gives the digest on the receipt.
create function public.snapshot_digest(snapshot jsonb) returns text
language sql immutable set search_path = ''
as $$
  select encode(pg_catalog.sha256(pg_catalog.convert_to(snapshot::text, 'UTF8')), 'hex')
$$;
revoke execute on function public.snapshot_digest(jsonb) from public;
grant execute on function public.snapshot_digest(jsonb) to authenticated;

drop function public.submit_application(uuid, int, jsonb, text);

-- Submitting: the deadline by the database's clock, the idea count, an answer to every
-- minimum requirement and an unchanged draft (expected version) are checked here; the
-- snapshot and its digest are built here from the rows locked (the application for
-- update: ideas, answers and documents wait for it; the team, its members, their work
-- history and common projects for share). Answers 'submitted', 'closed', 'stale',
-- 'not_draft', 'ideas', 'answers' or 'unknown'.
create function public.submit_application(application uuid, expected_version int)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  wanted int;
  snap jsonb;
  hash text;
begin
  select * into app from public.applications where id = application for update;
  if not found or me is null or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    return 'unknown';
  end if;
  if app.status <> 'draft' then return 'not_draft'; end if;
  if not (select private.applications_open(app.challenge_id)) then return 'closed'; end if;
  if app.version <> expected_version then return 'stale'; end if;
  perform 1 from public.teams where id = app.team_id for share;
  perform 1 from public.team_members where team_id = app.team_id for share;
  perform 1 from public.work_entries e
    where e.user_id in (select user_id from public.team_members where team_id = app.team_id) for share;
  perform 1 from public.team_projects where team_id = app.team_id for share;
  select idea_count into wanted from public.challenges where id = app.challenge_id;
  if (select count(*) from public.application_ideas
      where application_id = application and position <= wanted
        and title <> '' and problem <> '' and idea <> '' and value <> '') <> wanted
     or exists (select 1 from public.application_ideas
                where application_id = application and position > wanted
                  and (title <> '' or problem <> '' or idea <> '' or value <> ''))
  then
    return 'ideas';
  end if;
  if exists (
    select 1 from public.challenge_requirements r
    left join public.application_answers a on a.requirement_id = r.id and a.application_id = application
    where r.challenge_id = app.challenge_id and a.meets is null
  ) then
    return 'answers';
  end if;
  snap := private.application_snapshot(application, now(), me);
  hash := public.snapshot_digest(snap);
  update public.applications
    set status = 'submitted', submitted_at = now(), submitted_by = me, digest = hash,
        snapshot = snap, version = version + 1, updated_at = now(), updated_by = me
    where id = application;
  delete from public.application_work_entries where application_id = application;
  insert into public.application_work_entries (application_id, entry_id)
    select application, e.id from public.work_entries e
    join public.team_members m on m.user_id = e.user_id and m.team_id = app.team_id;
  insert into public.application_events (application_id, kind, at, by, digest)
    values (application, 'submitted', now(), me, hash);
  return 'submitted';
end
$$;
revoke execute on function public.submit_application(uuid, int) from public, anon;
grant execute on function public.submit_application(uuid, int) to authenticated;

-- Screening: decisions as they were, never lost --------------------------------------------

-- A decision that was revised, or voided because the team withdrew the submission it was
-- made on, with the marks it stood on. Written only by record_screening and
-- withdraw_application; never updated or deleted.
create table public.screening_history (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.applications (id) on delete cascade,
  submission_digest text,
  eligible boolean,
  justification text,
  decided_by uuid references auth.users (id) on delete set null,
  decided_by_name text not null default '',
  decided_at timestamptz,
  marks jsonb not null default '[]'::jsonb,
  ended text not null check (ended in ('revised', 'voided')),
  ended_at timestamptz not null default now(),
  ended_by uuid references auth.users (id) on delete set null
);
alter table public.screening_history enable row level security;
create index screening_history_application_idx on public.screening_history (application_id, ended_at);
create index screening_history_decided_by_idx on public.screening_history (decided_by);
create index screening_history_ended_by_idx on public.screening_history (ended_by);
revoke all on public.screening_history from anon, authenticated;
grant select on public.screening_history to authenticated;
create policy "owners and the team see earlier screening" on public.screening_history
  for select to authenticated
  using ((select private.is_screenable(application_id))
         or application_id in (select private.my_application_ids()));

-- Records the owner's marks and, when `decision` is given ({"eligible": bool,
-- "justification": text}), the decision, both in the caller's name and at the database's
-- time. Only for an application private.is_screenable() lets the caller screen (so any
-- sealing applies here too), while it is submitted. `marks` is an array of
-- {"requirementId", "met", "reason"}; marks for requirements of other challenges are
-- ignored. A revised decision keeps the earlier one in screening_history.
-- Answers 'saved', 'decided' or 'unknown'.
create function public.record_screening(application uuid, marks jsonb, decision jsonb)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  my_name text;
  earlier public.screening_decisions;
begin
  if me is null or not (select private.is_screenable(application)) then return 'unknown'; end if;
  select * into app from public.applications where id = application and status = 'submitted' for share;
  if not found then return 'unknown'; end if;
  insert into public.screening_marks (application_id, requirement_id, met, reason, marked_by, marked_at)
    select application, r.id, (m ->> 'met')::boolean, coalesce(m ->> 'reason', ''), me, now()
    from jsonb_array_elements(coalesce(marks, '[]'::jsonb)) m
    join public.challenge_requirements r
      on r.id = (m ->> 'requirementId')::uuid and r.challenge_id = app.challenge_id
    where m ->> 'met' is not null
    on conflict (application_id, requirement_id) do update set met = excluded.met,
      reason = excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at;
  if decision is null or jsonb_typeof(decision) <> 'object' then return 'saved'; end if;
  select coalesce(nullif(display_name, ''), email, '') into my_name from public.profiles where id = me;
  select * into earlier from public.screening_decisions where application_id = application for update;
  if found then
    insert into public.screening_history (application_id, submission_digest, eligible, justification,
        decided_by, decided_by_name, decided_at, marks, ended, ended_by)
      values (application, app.digest, earlier.eligible, earlier.justification, earlier.decided_by,
              earlier.decided_by_name, earlier.decided_at, '[]'::jsonb, 'revised', me);
  end if;
  insert into public.screening_decisions (application_id, eligible, justification, decided_by, decided_by_name, decided_at)
    values (application, (decision ->> 'eligible')::boolean, decision ->> 'justification', me,
            coalesce(my_name, ''), now())
    on conflict (application_id) do update set eligible = excluded.eligible,
      justification = excluded.justification, decided_by = excluded.decided_by,
      decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at;
  return 'decided';
end
$$;
revoke execute on function public.record_screening(uuid, jsonb, jsonb) from public, anon;
grant execute on function public.record_screening(uuid, jsonb, jsonb) to authenticated;

-- Withdrawing, until the deadline, turns the application back into an editable draft and
-- voids the screening made on that submission: the decision and marks move to
-- screening_history ('voided'), so a resubmission is screened afresh.
-- Answers 'withdrawn', 'closed', 'not_submitted' or 'unknown'.
create or replace function public.withdraw_application(application uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  decided public.screening_decisions;
  marked jsonb;
begin
  select * into app from public.applications where id = application for update;
  if not found or me is null or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    return 'unknown';
  end if;
  if app.status <> 'submitted' then return 'not_submitted'; end if;
  if not (select private.applications_open(app.challenge_id)) then return 'closed'; end if;
  select coalesce(jsonb_agg(jsonb_build_object('requirementId', requirement_id, 'met', met,
           'reason', reason, 'markedBy', marked_by, 'markedAt', marked_at) order by requirement_id), '[]'::jsonb)
    into marked from public.screening_marks where application_id = application;
  select * into decided from public.screening_decisions where application_id = application;
  if found or marked <> '[]'::jsonb then
    insert into public.screening_history (application_id, submission_digest, eligible, justification,
        decided_by, decided_by_name, decided_at, marks, ended, ended_by)
      values (application, app.digest, decided.eligible, decided.justification, decided.decided_by,
              coalesce(decided.decided_by_name, ''), decided.decided_at, marked, 'voided', me);
  end if;
  delete from public.screening_decisions where application_id = application;
  delete from public.screening_marks where application_id = application;
  update public.applications
    set status = 'draft', submitted_at = null, submitted_by = null, digest = null, snapshot = null,
        version = version + 1, updated_at = now(), updated_by = me
    where id = application;
  delete from public.application_work_entries where application_id = application;
  insert into public.application_events (application_id, kind, at, by, digest)
    values (application, 'withdrawn', now(), me, app.digest);
  return 'withdrawn';
end
$$;

-- Questions: answered and merged on the record ---------------------------------------------

-- An answer that was replaced, with who replaced it and when. Seen with its question.
create table public.question_answer_revisions (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references public.challenge_questions (id) on delete cascade,
  answer text not null,
  answered_at timestamptz not null,
  answered_by uuid references auth.users (id) on delete set null,
  replaced_at timestamptz not null default now(),
  replaced_by uuid references auth.users (id) on delete set null
);
alter table public.question_answer_revisions enable row level security;
create index question_answer_revisions_question_idx on public.question_answer_revisions (question_id, replaced_at);
create index question_answer_revisions_answered_by_idx on public.question_answer_revisions (answered_by);
create index question_answer_revisions_replaced_by_idx on public.question_answer_revisions (replaced_by);
revoke all on public.question_answer_revisions from anon, authenticated;
grant select on public.question_answer_revisions to anon, authenticated;
create policy "earlier answers are seen with their question" on public.question_answer_revisions
  for select to anon, authenticated
  using (question_id in (select q.id from public.challenge_questions q));

-- Whether the caller runs the challenge's market dialogue: answers, revises, merges and
-- removes its questions and sees who asked. The one place of that rule (the procurement
-- rules narrow it to the challenge team in 20261130000900_team_answers.sql).
create function private.runs_dialogue(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select private.is_challenge_member(challenge))
$$;
revoke execute on function private.runs_dialogue(uuid) from public, anon;
grant execute on function private.runs_dialogue(uuid) to authenticated;

-- Answers (or corrects the answer of) a question of `challenge` as one who runs its
-- dialogue (private.runs_dialogue). A question of another challenge, a merged one or one the
-- caller may not answer is refused before anything is written. A corrected answer keeps
-- the earlier one in question_answer_revisions and takes the new time.
-- Answers 'answered', 'revised', 'merged' or 'unknown'.
create function public.answer_question(challenge uuid, question uuid, answer text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  q public.challenge_questions;
begin
  if me is null or not (select private.runs_dialogue(challenge)) then return 'unknown'; end if;
  select * into q from public.challenge_questions where id = question and challenge_id = challenge for update;
  if not found then return 'unknown'; end if;
  if q.merged_into is not null then return 'merged'; end if;
  if q.answer is not null then
    insert into public.question_answer_revisions (question_id, answer, answered_at, answered_by, replaced_by)
      values (q.id, q.answer, q.answered_at, q.answered_by, me);
  end if;
  update public.challenge_questions
    set answer = answer_question.answer, answered_at = now(), answered_by = me
    where id = q.id;
  return case when q.answer is null then 'answered' else 'revised' end;
end
$$;
revoke execute on function public.answer_question(uuid, uuid, text) from public, anon;
grant execute on function public.answer_question(uuid, uuid, text) to authenticated;

-- Merges an unanswered question into another, unmerged question of the same challenge.
-- Answers 'merged', 'invalid' (same question, answered, or the target is not there) or
-- 'unknown' (not the caller's challenge, or not a question of it).
create function public.merge_question(challenge uuid, question uuid, into_question uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  q public.challenge_questions;
begin
  if (select auth.uid()) is null or not (select private.runs_dialogue(challenge)) then
    return 'unknown';
  end if;
  select * into q from public.challenge_questions where id = question and challenge_id = challenge for update;
  if not found then return 'unknown'; end if;
  if question = into_question or q.answer is not null or q.merged_into is not null
     or not exists (select 1 from public.challenge_questions t
                    where t.id = into_question and t.challenge_id = challenge and t.merged_into is null)
  then
    return 'invalid';
  end if;
  update public.challenge_questions set merged_into = into_question where id = question;
  return 'merged';
end
$$;
revoke execute on function public.merge_question(uuid, uuid, uuid) from public, anon;
grant execute on function public.merge_question(uuid, uuid, uuid) to authenticated;

-- Announcements ---------------------------------------------------------------------------

-- The facilitator tells everybody in the workshop something, at the database's time, in
-- their own name, until the workshop ends. Refused (42501) for anyone else or after the end.
create function public.announce_to_workshop(workshop uuid, body text)
returns table (id uuid, at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  perform 1 from public.workshops w
    where w.id = workshop and w.facilitator_id = me and w.status <> 'ended' for key share;
  if me is null or not found then
    raise exception 'permission denied: only the facilitator announces, until the workshop ends'
      using errcode = '42501';
  end if;
  return query
    insert into public.workshop_announcements as a (workshop_id, body, at, by)
      values (workshop, announce_to_workshop.body, now(), me)
      returning a.id, a.at;
end
$$;
revoke execute on function public.announce_to_workshop(uuid, text) from public, anon;
grant execute on function public.announce_to_workshop(uuid, text) to authenticated;
