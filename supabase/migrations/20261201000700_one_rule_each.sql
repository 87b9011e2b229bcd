-- One rule, one meaning in TypeScript and SQL (issue 11, item 8).
--
-- Three ideas whose fields were all spaces: the page listed every field as missing
-- (submissionProblems trims), but public.submit_application compared with '' and
-- answered 'submitted'. "Blank" now has one definition on each side, the same one:
-- private.is_blank below and isBlank in src/lib/domain/text.ts strip exactly the
-- characters JavaScript's String.prototype.trim strips (ECMAScript WhiteSpace and
-- LineTerminator). tests/integration/rule-parity.test.ts feeds both the same cases.

-- Whether a text is empty once the whitespace JavaScript's trim() removes is removed:
-- TAB, LF, VT, FF, CR, SPACE, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
-- U+205F, U+3000 and U+FEFF. (Postgres btrim() alone strips only spaces.)
create function private.is_blank(t text) returns boolean
language sql immutable set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(t, ''),
    E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF') = ''
$$;
revoke execute on function private.is_blank(text) from public, anon, authenticated;

-- What keeps a draft from being submitted, as the page says it (submissionProblems in
-- src/lib/domain/application-schemas.ts): 'ideas' unless ideas 1..wanted have no blank
-- field and no idea after them has any text; then 'answers' unless every requirement in
-- requirement_ids has a yes/no answer; else null. `ideas` is a JSON array of
-- {position, title, problem, idea, value}; `answers` of {requirementId, meets}.
create function private.submission_problem(ideas jsonb, wanted int, answers jsonb, requirement_ids uuid[])
returns text
language sql immutable set search_path = ''
as $$
  select case
    when (select count(*) from jsonb_array_elements(ideas) i
          where (i ->> 'position')::int between 1 and wanted
            and not private.is_blank(i ->> 'title') and not private.is_blank(i ->> 'problem')
            and not private.is_blank(i ->> 'idea') and not private.is_blank(i ->> 'value')) <> wanted
      or exists (select 1 from jsonb_array_elements(ideas) i
                 where (i ->> 'position')::int > wanted
                   and not (private.is_blank(i ->> 'title') and private.is_blank(i ->> 'problem')
                            and private.is_blank(i ->> 'idea') and private.is_blank(i ->> 'value')))
      then 'ideas'
    when exists (select 1 from unnest(coalesce(requirement_ids, '{}')) r(id)
                 where not exists (select 1 from jsonb_array_elements(answers) a
                                   where (a ->> 'requirementId')::uuid = r.id
                                     and jsonb_typeof(a -> 'meets') = 'boolean'))
      then 'answers'
  end
$$;
revoke execute on function private.submission_problem(jsonb, int, jsonb, uuid[]) from public, anon, authenticated;

-- Redefined from 20261130000300_record_guards.sql: the ideas and answers checks are
-- private.submission_problem (blank fields are missing, as on the page); nothing else
-- changed.
create or replace function public.submit_application(application uuid, expected_version int)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  wanted int;
  problem text;
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
  problem := private.submission_problem(
    coalesce((select jsonb_agg(jsonb_build_object('position', i.position, 'title', i.title,
                'problem', i.problem, 'idea', i.idea, 'value', i.value))
              from public.application_ideas i where i.application_id = application), '[]'),
    wanted,
    coalesce((select jsonb_agg(jsonb_build_object('requirementId', a.requirement_id, 'meets', a.meets))
              from public.application_answers a where a.application_id = application), '[]'),
    array(select r.id from public.challenge_requirements r where r.challenge_id = app.challenge_id));
  if problem is not null then return problem; end if;
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

-- The owner's screening (parseScreening in src/lib/domain/application-schemas.ts): a
-- mark "not met" needs a reason; a decision needs every requirement marked and a
-- justification; an application failing a requirement cannot be found eligible. The
-- page refuses such a form with words; public.record_screening now refuses it too (it
-- took any marks and decision before). `marks` is [{requirementId, met, reason}],
-- `decision` {eligible, justification} or null; marks of other requirements are ignored.
create function private.screening_refused(marks jsonb, decision jsonb, requirement_ids uuid[])
returns boolean
language sql immutable set search_path = ''
as $$
  with m as (
    select (x ->> 'requirementId')::uuid as id, x -> 'met' as met, x ->> 'reason' as reason
    from jsonb_array_elements(coalesce(marks, '[]')) x
    where jsonb_typeof(x -> 'met') = 'boolean'
  ), mine as (
    select * from m where id = any (coalesce(requirement_ids, '{}'))
  )
  select exists (select 1 from mine where met = 'false' and private.is_blank(reason))
    or (jsonb_typeof(decision) = 'object' and (
         private.is_blank(decision ->> 'justification')
         or exists (select 1 from unnest(coalesce(requirement_ids, '{}')) r(id)
                    where r.id not in (select id from mine))
         or (decision -> 'eligible' = 'true' and exists (select 1 from mine where met = 'false'))))
$$;
revoke execute on function private.screening_refused(jsonb, jsonb, uuid[]) from public, anon, authenticated;

-- Redefined from 20261130000300_record_guards.sql: refuses what parseScreening refuses
-- (private.screening_refused); nothing else changed.
create or replace function public.record_screening(application uuid, marks jsonb, decision jsonb)
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
  if private.screening_refused(marks, decision, array(
       select r.id from public.challenge_requirements r where r.challenge_id = app.challenge_id)) then
    raise exception 'screening refused: a requirement not met needs a reason; a decision needs every requirement marked and a justification; an application that fails a requirement is not eligible'
      using errcode = '22023';
  end if;
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
