-- Issue 16 (every signed-in page): public.challenge_attention, which counts what needs
-- attention for a page of an owner's challenges (/manage: 50, the dashboard: 20), called two
-- security-definer functions for each challenge of the page, public.challenge_follower_count
-- and public.sealed_application_count, each with its own access check: about 100 PL/pgSQL
-- calls, some 4 of the statement's 9 ms for an owner of 1,000 challenges (bench:http).
--
-- private.hidden_attention(ids) counts both for every challenge of `ids` in one statement,
-- with the rules of those two functions, which now ask it for their one challenge: the
-- followers of a challenge for the members of its organisation (null for anyone else), and
-- its submitted applications still sealed for its challenge team, whose members belong to
-- the organisation (0 once unsealed, null for anyone else: the sealing rule of
-- 20261130000400_procurement_rules.sql, which lets the team see how many, not which). Who
-- is who comes from the policies' own set helpers, not restated here.

create function private.hidden_attention(challenges uuid[])
returns table (challenge_id uuid, followers integer, sealed integer)
language plpgsql stable security definer set search_path = ''
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
      then case when private.applications_unsealed(c.id) then 0
        else (select count(*)::int from public.applications a
              where a.challenge_id = c.id and a.status = 'submitted') end
    end
  from public.challenges c
  where c.id = any(challenges) and c.id in (select private.my_challenge_ids());
end
$$;

revoke execute on function private.hidden_attention(uuid[]) from public, anon;
grant execute on function private.hidden_attention(uuid[]) to authenticated, service_role;

create or replace function public.challenge_follower_count(challenge uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select h.followers from private.hidden_attention(array[challenge]) h);
end
$$;

create or replace function public.sealed_application_count(challenge uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select h.sealed from private.hidden_attention(array[challenge]) h);
end
$$;

create or replace function public.challenge_attention(challenges uuid[])
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
    coalesce(h.followers, 0),
    coalesce(w.n, 0),
    coalesce(s.n, 0) + coalesce(h.sealed, 0),
    coalesce(s.unscreened, 0)
  from public.challenges c
  left join submitted s on s.challenge_id = c.id
  left join waiting w on w.challenge_id = c.id
  left join private.hidden_attention(narrowed) h on h.challenge_id = c.id
  where c.id = any(narrowed);
  perform set_config('talkoot.challenge_scope', outer_scope, true);
end
$$;
