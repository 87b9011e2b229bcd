-- Issue 16 (every signed-in page): a page about one challenge — the owner's list of its
-- applications, every page under /manage/challenges/<id> — asked the policies' set helpers
-- for every challenge its reader works on, then kept the rows of one. For an owner of
-- 1,000 challenges that built 1,007 challenge ids, and from them the applications and
-- decisions of all of them, in every statement: about 8 of the list's 11 ms in Postgres.
--
-- A transaction may now say which challenge it is about: the setting
-- `talkoot.challenge_scope` (a challenge's id, set locally by the app's Database.scopedTo).
-- The three helpers that name the challenges a person reaches through their organisation
-- (its team, its members, its owners) then name that one at most, and every helper and
-- policy built on them narrows with them. A scope only narrows: it never adds a challenge
-- the person does not reach without it (tests/integration/challenge-scope.test.ts checks
-- every table of the access matrix, for every role, in the scope of every challenge and of
-- one that does not exist). Access through a team, a jury or a workshop is not narrowed.
-- Without the setting (or with it empty) every helper answers as before.

create function private.challenge_scope() returns uuid
language plpgsql stable set search_path = ''
as $$
begin
  return nullif(current_setting('talkoot.challenge_scope', true), '')::uuid;
end
$$;

revoke execute on function private.challenge_scope() from public, anon;
grant execute on function private.challenge_scope() to authenticated, service_role;

create or replace function private.my_team_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid := private.challenge_scope();
begin
  return query select t.challenge_id from public.challenge_team_members t
  join public.challenges c on c.id = t.challenge_id
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
  where t.user_id = (select auth.uid()) and (scope is null or t.challenge_id = scope);
end
$$;

create or replace function private.my_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid := private.challenge_scope();
begin
  return query
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and (scope is null or c.id = scope);
end
$$;

create or replace function private.my_decision_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  scope uuid := private.challenge_scope();
begin
  return query select private.my_team_challenge_ids()
  union
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and m.role = 'owner' and (scope is null or c.id = scope);
end
$$;
