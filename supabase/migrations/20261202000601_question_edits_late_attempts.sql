-- Owner's side of issue 12: question wording edited on the record, and submissions refused
-- after the deadline kept as late attempts.

-- Question wording edits ----------------------------------------------------------------

-- A question's wording as the dialogue's team edited it before answering (to remove a
-- name or a business secret): the original is kept here with who edited and when; the
-- question itself carries the edited wording, which is what the public reads. Seen only by
-- those who run the challenge's dialogue (private.runs_dialogue): the original may hold
-- exactly what was removed.
create table public.question_wording_edits (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references public.challenge_questions (id) on delete cascade,
  original text not null,
  edited text not null check (char_length(edited) between 1 and 2000),
  edited_at timestamptz not null default now(),
  edited_by uuid references auth.users (id) on delete set null,
  edited_by_name text not null default ''
);
alter table public.question_wording_edits enable row level security;
create index question_wording_edits_question_idx on public.question_wording_edits (question_id, edited_at);
create index question_wording_edits_edited_by_idx on public.question_wording_edits (edited_by);
revoke all on public.question_wording_edits from public, anon, authenticated;
grant select on public.question_wording_edits to authenticated;
create policy "the dialogue's team sees wording edits" on public.question_wording_edits
  for select to authenticated
  using (question_id in (select q.id from public.challenge_questions q
                         where (select private.runs_dialogue(q.challenge_id))));

-- Edits the wording of an unanswered question of `challenge` as one who runs its dialogue.
-- Takes the new wording (1–2000 characters, not blank); keeps the old one with the editor
-- and the database's time in question_wording_edits. Answers 'edited', 'unchanged' (same
-- wording), 'invalid' (blank or too long), 'answered' (an answered question is public
-- already: its wording stays), 'merged', or 'unknown' (not the caller's challenge, or not
-- a question of it), each before anything is written.
create function public.edit_question_wording(challenge uuid, question uuid, wording text)
returns text
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
  if q.answer is not null then return 'answered'; end if;
  if wording is null or private.is_blank(wording) or char_length(wording) > 2000 then
    return 'invalid';
  end if;
  if wording = q.body then return 'unchanged'; end if;
  insert into public.question_wording_edits (question_id, original, edited, edited_by, edited_by_name)
    select q.id, q.body, wording, me, coalesce(nullif(p.display_name, ''), p.email, '')
    from (select 1) one left join public.profiles p on p.id = me;
  update public.challenge_questions set body = wording where id = q.id;
  return 'edited';
end
$$;
revoke execute on function public.edit_question_wording(uuid, uuid, text) from public, anon;
grant execute on function public.edit_question_wording(uuid, uuid, text) to authenticated;

-- Late attempts --------------------------------------------------------------------------

-- A submission refused because the applications deadline had passed, by the database's
-- clock: who tried, when, and the deadline (how late = attempted_at - deadline). Kept
-- when the draft or the team is later removed (names are copied). Seen by the challenge's
-- team (the owner's applications list) and by the team that tried. Written only by
-- public.submit_application.
create table public.late_submission_attempts (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  application_id uuid references public.applications (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  team_name text not null,
  attempted_by uuid references auth.users (id) on delete set null,
  attempted_by_name text not null,
  attempted_at timestamptz not null default now(),
  deadline timestamptz not null,
  check (attempted_at > deadline)
);
alter table public.late_submission_attempts enable row level security;
create index late_submission_attempts_challenge_idx on public.late_submission_attempts (challenge_id, attempted_at);
create index late_submission_attempts_application_idx on public.late_submission_attempts (application_id);
create index late_submission_attempts_team_idx on public.late_submission_attempts (team_id);
create index late_submission_attempts_attempted_by_idx on public.late_submission_attempts (attempted_by);
revoke all on public.late_submission_attempts from public, anon, authenticated;
grant select on public.late_submission_attempts to authenticated;
create policy "the challenge team and the team that tried see late attempts" on public.late_submission_attempts
  for select to authenticated
  using (challenge_id in (select private.my_team_challenge_ids())
         or team_id in (select private.my_team_ids()));

-- Redefined from 20261201000700_one_rule_each.sql: a submission refused as 'closed' after
-- the applications deadline is recorded in late_submission_attempts (the function answers
-- the outcome instead of raising, so the record commits with the refusal); repeated tries
-- by the same person within a minute are one attempt. Before the period opens 'closed'
-- records nothing. Nothing else changed.
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
  if not (select private.applications_open(app.challenge_id)) then
    insert into public.late_submission_attempts
      (challenge_id, application_id, team_id, team_name, attempted_by, attempted_by_name, deadline)
      select app.challenge_id, app.id, app.team_id, t.name, me,
             coalesce(nullif(p.display_name, ''), p.email, ''), s.ends_at
      from public.challenge_stages s
      join public.teams t on t.id = app.team_id
      left join public.profiles p on p.id = me
      where s.challenge_id = app.challenge_id and s.stage = 'applications' and s.ends_at < now()
        and not exists (select 1 from public.late_submission_attempts l
                        where l.application_id = app.id and l.attempted_by = me
                          and l.attempted_at > now() - interval '1 minute');
    return 'closed';
  end if;
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
