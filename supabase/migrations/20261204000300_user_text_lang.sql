-- Issue 12 (WCAG 3.1.2): the language of text people type. A tender is written in a
-- language the buyer accepts (fi, sv or en), so the record keeps which one:
--   work_entries.lang          the language a person wrote a work entry in; by default
--                              their interface language, chosen in the entry form;
--   teams.lang                 the team's working language: its description and common
--                              projects; by default the creator's interface language,
--                              changed by the lead on the team page;
--   applications.lang          the language of the application (ideas, answers, and the
--                              work history it declares); by default the team's, chosen
--                              in the application form, frozen into the snapshot;
--   screening_decisions.lang,  the language of the screener's justification and reasons:
--   screening_marks.lang       the screener's interface language when recording them.
-- These are values people choose, not audit columns: the team lead and the members of a
-- draft may write them (column grants below), the checks keep them to fi, sv and en.

-- The caller's interface language (profiles.locale follows the language switcher), 'fi'
-- for nobody. A default of columns people write: it answers only about the caller.
create function private.caller_locale() returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce((select p.locale from public.profiles p where p.id = (select auth.uid())), 'fi')
$$;
revoke execute on function private.caller_locale() from public, anon;
grant execute on function private.caller_locale() to authenticated;

-- Work history -----------------------------------------------------------------------------

alter table public.work_entries add column lang text not null default 'fi'
  check (lang in ('fi', 'sv', 'en'));
update public.work_entries e set lang = p.locale from public.profiles p where p.id = e.user_id;
alter table public.work_entries alter column lang set default private.caller_locale();
grant insert (lang), update (lang) on public.work_entries to authenticated;

-- Teams ------------------------------------------------------------------------------------

alter table public.teams add column lang text not null default 'fi'
  check (lang in ('fi', 'sv', 'en'));
update public.teams t set lang = p.locale from public.profiles p where p.id = t.lead_id;
alter table public.teams alter column lang set default private.caller_locale();
grant update (lang) on public.teams to authenticated;

-- Applications -----------------------------------------------------------------------------

alter table public.applications add column lang text check (lang in ('fi', 'sv', 'en'));
update public.applications a set lang = t.lang from public.teams t where t.id = a.team_id;
alter table public.applications alter column lang set not null;

-- A new application is in its team's language unless the insert names one.
create function private.application_lang() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.lang is null then
    new.lang := coalesce((select t.lang from public.teams t where t.id = new.team_id), 'fi');
  end if;
  return new;
end
$$;
revoke execute on function private.application_lang() from public, anon, authenticated;
create trigger applications_lang before insert on public.applications
  for each row execute function private.application_lang();
-- Written with the draft (the update policy keeps it to drafts of the caller's team).
grant insert (lang) on public.applications to authenticated;
grant update (lang) on public.applications to authenticated;

-- Screening --------------------------------------------------------------------------------

alter table public.screening_decisions add column lang text not null default 'fi'
  check (lang in ('fi', 'sv', 'en'));
alter table public.screening_marks add column lang text not null default 'fi'
  check (lang in ('fi', 'sv', 'en'));

-- Redefined from 20261130000300_record_guards.sql: the snapshot also holds the
-- application's language (`lang`), the team's working language (`team.lang`) and each
-- work entry's (`workHistory[].lang`), read from the rows submit_application has locked.
-- Nothing else changed.
create or replace function private.application_snapshot(application uuid, submitted timestamptz, submitter uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'application', a.id,
    'lang', a.lang,
    'challenge', jsonb_build_object('id', c.id, 'slug', c.slug),
    'deadline', (select to_char(s.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                 from public.challenge_stages s where s.challenge_id = c.id and s.stage = 'applications'),
    'rules', jsonb_build_object(
      'areas', to_jsonb(c.competence_areas), 'lookbackYears', c.lookback_years,
      'minTeamSize', c.min_team_size, 'requireCommonHistory', c.require_common_history),
    'submittedAt', to_char(submitted at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'submittedBy', submitter,
    'team', jsonb_build_object(
      'id', t.id, 'name', t.name, 'description', t.description, 'lang', t.lang,
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
               'evidenceUrl', e.evidence_url, 'evidenceFile', e.evidence_file, 'lang', e.lang)
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

-- Redefined from 20261201000700_one_rule_each.sql: stores the language of the reasons and
-- the justification with the marks and the decision: `lang` of each mark, else of the
-- decision, else the screener's interface language (private.caller_locale()); a value
-- other than fi, sv or en is refused by the tables' checks. Nothing else changed.
create or replace function public.record_screening(application uuid, marks jsonb, decision jsonb)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  my_name text;
  earlier public.screening_decisions;
  my_lang text := coalesce(
    case when jsonb_typeof(decision) = 'object' then decision ->> 'lang' end,
    private.caller_locale());
begin
  if me is null or not (select private.is_screenable(application)) then return 'unknown'; end if;
  select * into app from public.applications where id = application and status = 'submitted' for share;
  if not found then return 'unknown'; end if;
  if private.screening_refused(marks, decision, array(
       select r.id from public.challenge_requirements r where r.challenge_id = app.challenge_id)) then
    raise exception 'screening refused: a requirement not met needs a reason; a decision needs every requirement marked and a justification; an application that fails a requirement is not eligible'
      using errcode = '22023';
  end if;
  insert into public.screening_marks (application_id, requirement_id, met, reason, marked_by, marked_at, lang)
    select application, r.id, (m ->> 'met')::boolean, coalesce(m ->> 'reason', ''), me, now(),
           coalesce(m ->> 'lang', my_lang)
    from jsonb_array_elements(coalesce(marks, '[]'::jsonb)) m
    join public.challenge_requirements r
      on r.id = (m ->> 'requirementId')::uuid and r.challenge_id = app.challenge_id
    where m ->> 'met' is not null
    on conflict (application_id, requirement_id) do update set met = excluded.met,
      reason = excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at,
      lang = excluded.lang;
  if decision is null or jsonb_typeof(decision) <> 'object' then return 'saved'; end if;
  select coalesce(nullif(display_name, ''), email, '') into my_name from public.profiles where id = me;
  select * into earlier from public.screening_decisions where application_id = application for update;
  if found then
    insert into public.screening_history (application_id, submission_digest, eligible, justification,
        decided_by, decided_by_name, decided_at, marks, ended, ended_by)
      values (application, app.digest, earlier.eligible, earlier.justification, earlier.decided_by,
              earlier.decided_by_name, earlier.decided_at, '[]'::jsonb, 'revised', me);
  end if;
  insert into public.screening_decisions (application_id, eligible, justification, decided_by, decided_by_name, decided_at, lang)
    values (application, (decision ->> 'eligible')::boolean, decision ->> 'justification', me,
            coalesce(my_name, ''), now(), my_lang)
    on conflict (application_id) do update set eligible = excluded.eligible,
      justification = excluded.justification, decided_by = excluded.decided_by,
      decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at,
      lang = excluded.lang;
  return 'decided';
end
$$;
