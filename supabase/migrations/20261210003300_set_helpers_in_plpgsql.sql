-- Issue 16 (every signed-in page): the policies' set helpers below are SQL functions
-- that cannot be inlined (security definer), and such a function's query is parsed and
-- planned again in every statement that calls it, nested helpers each time too: an
-- owner's list of a challenge's applications planned nine of them per request. In
-- PL/pgSQL the same queries are planned once per connection and kept. Bodies, rules,
-- volatility, owner and grants are unchanged (create or replace keeps the grants).

create or replace function private.my_team_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select team_id from public.team_members where user_id = (select auth.uid());
end
$$;

create or replace function private.my_application_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select id from public.applications where team_id in (select private.my_team_ids());
end
$$;

create or replace function private.my_team_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select t.challenge_id from public.challenge_team_members t
  join public.challenges c on c.id = t.challenge_id
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
  where t.user_id = (select auth.uid());
end
$$;

create or replace function private.my_screenable_application_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select a.id from public.applications a
  join public.challenges c on c.id = a.challenge_id
  left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
  where a.status = 'submitted'
    and a.challenge_id in (select private.my_team_challenge_ids())
    and ((c.procedure = 'open_challenge' and c.applications_unsealed) or s.ends_at <= now());
end
$$;

create or replace function private.my_jury_application_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select s.application_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.applications a on a.id = s.application_id and a.status = 'submitted'
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts c
                where c.juror_id = s.juror_id and c.application_id = s.application_id and not c.conflict)
    and private.applications_unsealed(a.challenge_id);
end
$$;

create or replace function private.my_decision_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select private.my_team_challenge_ids()
  union
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and m.role = 'owner';
end
$$;

create or replace function private.my_decision_item_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select i.id from public.decision_items i
  join public.decisions d on d.id = i.decision_id and d.published_at is not null
  where i.application_id in (select private.my_application_ids())
     or i.final_tender_id in (select t.id from public.final_tenders t
                              where t.concept_id in (select private.my_concept_ids()))
     or i.concept_id in (select private.my_concept_ids());
end
$$;

create or replace function private.my_decision_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select d.id from public.decisions d where d.challenge_id in (select private.my_decision_challenge_ids())
  union
  select i.decision_id from public.decision_items i where i.id in (select private.my_decision_item_ids());
end
$$;

create or replace function private.my_owned_decision_item_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select i.id from public.decision_items i join public.decisions d on d.id = i.decision_id
  where d.challenge_id in (select private.my_decision_challenge_ids());
end
$$;
