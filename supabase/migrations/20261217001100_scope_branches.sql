-- Issue 16 (every signed-in page): the three helpers that name the challenges a person
-- reaches through their organisation (20261217000400_challenge_scope_many.sql) narrowed to
-- the challenge scope with `scope is null or c.id = any(scope)`. PL/pgSQL keeps one generic
-- plan for that statement, and a plan that must also serve `scope is null` cannot look the
-- scope's challenges up by index: it built every challenge the person reaches, then kept
-- the scope's. For the bench's owner of 1,000 challenges (bench:http, /manage, with
-- pg_stat_statements) private.my_team_challenge_ids ran three times a page at 1.3 ms each.
-- Each helper now has one statement for no scope and one for a scope, each planned for
-- itself. Same rules, same answers; ROWS 10 kept
-- (20261217000800_id_set_estimates.sql).

create or replace function private.my_team_challenge_ids() returns setof uuid
language plpgsql stable security definer rows 10 set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  if scope is null then
    return query select t.challenge_id from public.challenge_team_members t
    join public.challenges c on c.id = t.challenge_id
    join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
    where t.user_id = (select auth.uid());
  else
    -- Looked up for each of the scope's ids (the primary key; LIMIT keeps the lookup a
    -- nested loop): `t.challenge_id = any(scope)` tested each of the person's team places
    -- against every id of the scope.
    return query select s.id from (select distinct x from unnest(scope) x) s(id)
    cross join lateral (select from public.challenge_team_members t
      join public.challenges c on c.id = t.challenge_id
      join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
      where t.challenge_id = s.id and t.user_id = (select auth.uid()) limit 1) mine;
  end if;
end
$$;

create or replace function private.my_challenge_ids() returns setof uuid
language plpgsql stable security definer rows 10 set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  if scope is null then
    return query select c.id from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where m.user_id = (select auth.uid());
  else
    return query select c.id from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where m.user_id = (select auth.uid()) and c.id = any(scope);
  end if;
end
$$;

create or replace function private.my_decision_challenge_ids() returns setof uuid
language plpgsql stable security definer rows 10 set search_path = ''
as $$
declare
  scope uuid[] := private.challenge_scope();
begin
  if scope is null then
    return query select private.my_team_challenge_ids()
    union
    select c.id from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where m.user_id = (select auth.uid()) and m.role = 'owner';
  else
    return query select private.my_team_challenge_ids()
    union
    select c.id from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where m.user_id = (select auth.uid()) and m.role = 'owner' and c.id = any(scope);
  end if;
end
$$;
