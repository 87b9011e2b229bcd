-- Issue 16 (every signed-in page): the owner's list of a challenge's applications spent
-- most of its time in the applications policy's private.my_screenable_application_ids(),
-- which called the security-definer private.applications_unsealed() once per submitted
-- application in the whole database (a function call with its own search_path each).
-- The same rule, unchanged, as one join: an application is screenable when it is
-- submitted, the caller is on its challenge's team, and its challenge is unsealed (the
-- applications stage has ended by the database clock, or an open challenge opted out;
-- without an applications stage only the opt-out counts, as the left join in
-- private.applications_unsealed has it). challenge_stages' key is (challenge_id, stage),
-- so the left join adds at most one row per application.
create or replace function private.my_screenable_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.applications a
  join public.challenges c on c.id = a.challenge_id
  left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
  where a.status = 'submitted'
    and a.challenge_id in (select private.my_team_challenge_ids())
    and ((c.procedure = 'open_challenge' and c.applications_unsealed) or s.ends_at <= now())
$$;
