-- Issue 16 (every signed-in page): the owner's list of their challenges (/manage, the
-- dashboard) asked, for the 50 challenges of a page, how many followers, waiting questions,
-- submitted and unscreened applications each has, under row-level security. The policies'
-- set helpers built every challenge, application and decision the owner reaches (for an
-- owner of 1,000 challenges: 386 applications twice, and every decision and item) before
-- keeping the page's: about 9 of the statement's 16 ms.
--
-- The scope of 20261214000100_challenge_scope.sql may now name several challenges: the
-- setting `talkoot.challenge_scope` holds an array of challenge ids (`{id,id}`), and
-- private.challenge_scope() returns it as uuid[] (null: no scope; empty: none). The three
-- helpers that name the challenges a person reaches through their organisation name those
-- at most. public.challenge_attention(ids) counts what needs attention for the challenges
-- `ids`, as the caller sees them (security invoker: row-level security decides), with the
-- scope narrowed to those ids for the count and restored before it returns. A scope still
-- only narrows: the narrowed scope is the ids within the scope already set.

drop function private.challenge_scope();
create function private.challenge_scope() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return nullif(current_setting('talkoot.challenge_scope', true), '')::uuid[];
end
$$;

revoke execute on function private.challenge_scope() from public, anon;
grant execute on function private.challenge_scope() to authenticated, service_role;

create or replace function private.my_team_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  return query select t.challenge_id from public.challenge_team_members t
  join public.challenges c on c.id = t.challenge_id
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
  where t.user_id = (select auth.uid()) and (scope is null or t.challenge_id = any(scope));
end
$$;

create or replace function private.my_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  return query
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and (scope is null or c.id = any(scope));
end
$$;

create or replace function private.my_decision_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  return query select private.my_team_challenge_ids()
  union
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and m.role = 'owner' and (scope is null or c.id = any(scope));
end
$$;

-- What needs attention in each of `challenges` (ids; those the caller does not see are left
-- out), as the caller sees it: followers (members only), questions waiting for an answer,
-- submitted applications (sealed ones counted, not shown), and submitted ones without a
-- screening decision. Sealed counts: public.sealed_application_count.
create function public.challenge_attention(challenges uuid[])
returns table (challenge_id uuid, followers integer, waiting_questions integer,
  submitted_applications integer, unscreened_applications integer)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  outer_scope text := coalesce(current_setting('talkoot.challenge_scope', true), '');
  scope uuid[] := private.challenge_scope();
  narrowed uuid[] := array(select x from unnest(challenges) x where scope is null or x = any(scope));
begin
  perform set_config('talkoot.challenge_scope', narrowed::text, true);
  return query
  with submitted as (
    select a.challenge_id, count(*)::int as n,
      count(*) filter (where not exists (
        select 1 from public.screening_decisions d where d.application_id = a.id))::int as unscreened
    from public.applications a
    where a.challenge_id = any(narrowed) and a.status = 'submitted'
    group by a.challenge_id
  ), waiting as (
    select q.challenge_id, count(*)::int as n from public.challenge_questions q
    where q.challenge_id = any(narrowed) and q.answer is null and q.merged_into is null
    group by q.challenge_id
  )
  select c.id,
    coalesce(public.challenge_follower_count(c.id), 0),
    coalesce(w.n, 0),
    coalesce(s.n, 0) + coalesce(public.sealed_application_count(c.id), 0),
    coalesce(s.unscreened, 0)
  from public.challenges c
  left join submitted s on s.challenge_id = c.id
  left join waiting w on w.challenge_id = c.id
  where c.id = any(narrowed);
  perform set_config('talkoot.challenge_scope', outer_scope, true);
end
$$;

revoke execute on function public.challenge_attention(uuid[]) from public, anon;
grant execute on function public.challenge_attention(uuid[]) to authenticated, service_role;
