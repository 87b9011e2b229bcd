-- Autosave in one statement (issue 16, bench:deadline). At a deadline every member's
-- editor saves every few seconds; the save was an UPDATE of the application and one
-- INSERT … ON CONFLICT per idea and per answer, each evaluated under RLS (the insert
-- check, the update's using and check, and the select policy: nine subplans per row).
-- This function does the same writes with one check of the same rule — a draft of the
-- caller's team, at the version the editor read — under the application's row lock.
-- Returns one row: the new version and its time, or no row when nothing was saved (the
-- caller then asks, under RLS, whether it is unknown, not a draft, or a conflict).
create function public.save_draft(
  application uuid, expected_version int, draft_lang text, ideas jsonb, answers jsonb
)
returns table (version int, updated_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  app public.applications;
begin
  update public.applications a
    set version = a.version + 1, lang = coalesce(draft_lang, a.lang)
    where a.id = application and a.version = expected_version and a.status = 'draft'
      and (select private.is_team_member(a.team_id))
    returning a.* into app;
  if not found then return; end if;
  insert into public.application_ideas (application_id, position, title, problem, idea, value)
    select application, i.position, i.title, i.problem, i.idea, i.value
    from jsonb_to_recordset(ideas) as i(position int, title text, problem text, idea text, value text)
    on conflict (application_id, position) do update set title = excluded.title,
      problem = excluded.problem, idea = excluded.idea, value = excluded.value;
  -- An answer to a requirement of another challenge is left out, as before.
  insert into public.application_answers (application_id, requirement_id, meets, explanation)
    select application, r.id, x.meets, coalesce(x.explanation, '')
    from jsonb_to_recordset(answers) as x("requirementId" uuid, meets boolean, explanation text)
    join public.challenge_requirements r
      on r.id = x."requirementId" and r.challenge_id = app.challenge_id
    on conflict (application_id, requirement_id) do update set meets = excluded.meets,
      explanation = excluded.explanation;
  return query select app.version, app.updated_at;
end
$$;
revoke execute on function public.save_draft(uuid, int, text, jsonb, jsonb) from public, anon;
grant execute on function public.save_draft(uuid, int, text, jsonb, jsonb) to authenticated;
