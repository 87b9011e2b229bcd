-- Issue 16 (every signed-in page): helpers that return a set (what the policies and the
-- owner's /manage page read) asked whether tenders or applications are unsealed with a
-- security-definer call per row: private.hidden_attention called
-- private.applications_unsealed once per challenge of the page (1.35 ms of /manage's
-- 50 challenges, 0.67 joined, in a loop on the bench database), and the jurors' and the
-- challenge team's helpers once per assignment or final tender. Each now joins the rule
-- instead, unchanged (as 20261210003100_screenable_without_per_row_calls.sql did):
-- applications are unsealed once the 'applications' stage has ended by the database
-- clock, or an open challenge opted out (private.applications_unsealed); final tenders
-- once the 'concepts' stage has ended (private.final_tenders_unsealed). challenge_stages'
-- key is (challenge_id, stage): a join adds at most one row. The db-lint rule
-- call-per-row holds it for new helpers.

create or replace function private.hidden_attention(challenges uuid[])
returns table (challenge_id uuid, followers integer, sealed integer)
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
  -- Who may count is who the policies' set helpers name (in the challenge scope, if set):
  -- the organisation's members, and of them the challenge team. Nothing about a challenge
  -- the caller has no part in, not even that it exists.
  return query
  select c.id,
    (select count(*)::int from public.challenge_followers f where f.challenge_id = c.id),
    case when c.id in (select private.my_team_challenge_ids())
      then case when (c.procedure = 'open_challenge' and c.applications_unsealed) or s.ends_at <= now()
        then 0
        else (select count(*)::int from public.applications a
              where a.challenge_id = c.id and a.status = 'submitted') end
    end
  from public.challenges c
  left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
  where c.id = any(challenges) and c.id in (select private.my_challenge_ids());
end
$$;

create or replace function private.my_owned_concept_ids() returns setof uuid
language plpgsql stable security definer rows 10
set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  return query
  select t.concept_id from public.final_tenders t
  join public.challenge_stages s
    on s.challenge_id = t.challenge_id and s.stage = 'concepts' and s.ends_at <= now()
  where t.challenge_id in (select private.my_team_challenge_ids());
end
$$;

create or replace function private.my_jury_application_ids() returns setof uuid
language plpgsql stable security definer rows 10
set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  return query select s.application_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.applications a on a.id = s.application_id and a.status = 'submitted'
  join public.challenges c on c.id = a.challenge_id
  left join public.challenge_stages st on st.challenge_id = c.id and st.stage = 'applications'
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts x
                where x.juror_id = s.juror_id and x.application_id = s.application_id and not x.conflict)
    and ((c.procedure = 'open_challenge' and c.applications_unsealed) or st.ends_at <= now());
end
$$;

create or replace function private.my_jury_final_tender_ids() returns setof uuid
language plpgsql stable security definer rows 10
set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  return query
  select s.final_tender_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.final_tenders t on t.id = s.final_tender_id and t.withdrawn_at is null
  join public.challenge_stages st
    on st.challenge_id = t.challenge_id and st.stage = 'concepts' and st.ends_at <= now()
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts c
                where c.juror_id = s.juror_id and c.item_id = s.item_id and not c.conflict);
end
$$;
