-- The juror's side of the jury (issue 13, "Jurors can"): what a juror opens besides the
-- application row of 20261205000100_jury.sql.
--
-- A juror reads an item as it was frozen: the application's snapshot already carries its
-- team, ideas, answers, work history, common projects and the names and keys of its
-- documents, so application_ideas and application_answers stay closed to jurors (the page
-- renders the snapshot). What the snapshot cannot carry are the uploaded files themselves:
-- the evidence route (src/lib/server/evidence.ts, canReadEvidence) serves a file only when
-- a row the reader sees under RLS points at it. So the rows that point at the files of an
-- item open to the juror who may open the item (private.my_jury_application_ids: assigned,
-- declared free of conflict, unsealed), and to no other juror: application_documents,
-- application_work_entries with the work_entries they attach, and the applicant team's
-- team_projects. Each table keeps one select policy, replaced here with the jury path
-- or-ed in.
--
-- public.jury_scoring_item answers the item page: the item's challenge, stage and score
-- step when the caller may score it, else the refusal in words (the same checks as
-- scoring: private.jury_scoring_juror).

-- The teams whose applications the caller may open as a juror.
create function private.my_jury_team_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.team_id from public.applications a
  where a.id in (select private.my_jury_application_ids())
$$;
revoke execute on function private.my_jury_team_ids() from public, anon;
grant execute on function private.my_jury_team_ids() to authenticated;

drop policy "documents are seen with their application" on public.application_documents;
create policy "documents are seen with their application" on public.application_documents
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids())
         or application_id in (select private.my_jury_application_ids()));

drop policy "the attached work history is seen with its application" on public.application_work_entries;
create policy "the attached work history is seen with its application" on public.application_work_entries
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids())
         or application_id in (select private.my_jury_application_ids()));

drop policy "people see their own work history; owners the work history submitted to them"
  on public.work_entries;
create policy "people see their own work history; owners and jurors the work history submitted"
  on public.work_entries for select to authenticated
  using (
    user_id = (select auth.uid())
    or id in (
      select entry_id from public.application_work_entries
      where application_id in (select private.my_screenable_application_ids())
         or application_id in (select private.my_jury_application_ids()))
  );

drop policy "members see their team's projects; owners those of applicant teams" on public.team_projects;
create policy "members see their team's projects; owners and jurors those of applicant teams"
  on public.team_projects for select to authenticated
  using (team_id in (select private.my_team_ids())
         or team_id in (select private.my_applicant_team_ids())
         or team_id in (select private.my_jury_team_ids()));

-- The item a juror is about to open: its challenge, stage and the stage's score step,
-- when the caller may score it; else what private.jury_scoring_juror refuses (TK422
-- jury_unknown_item, 42501 jury_not_juror, jury_conflicted, jury_not_assigned — also for
-- an item still sealed — and jury_not_declared). Reads only; the page calls it before
-- showing anything of the item, so a refused juror sees words and nothing else.
create function public.jury_scoring_item(item_kind text, item uuid)
returns table (challenge_id uuid, stage text, score_step numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  who record;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  return query select who.challenge, who.stage, who.step;
end
$$;
revoke execute on function public.jury_scoring_item(text, uuid) from public, anon;
grant execute on function public.jury_scoring_item(text, uuid) to authenticated;
