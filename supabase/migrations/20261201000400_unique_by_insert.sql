-- Issue 11, item 2: check-then-insert races and unique keys hidden by row-level security
-- answered 500. The insert decides instead: a challenge's slug is made free here, by the
-- database, whatever the caller may see (an Aalto draft titled "X" no longer breaks a
-- Helsinki owner's "X", nor tells them it exists by failing), and joining a team through
-- two invitations at once is one membership. Applications take `on conflict` in the
-- server (src/lib/server/applications/editor.ts); any unique violation still left is a
-- 409 with words (src/lib/server/http/conflict.ts).

-- A new challenge gets the slug it asks for (made of its title by src/lib/domain/slug.ts)
-- or, when any challenge of any organisation has it, the next free one: slug-2, slug-3 …
-- Creations take their slug one at a time (the advisory lock is held until commit), so two
-- at once with one title get "x" and "x-2", never a unique violation.
create function private.free_challenge_slug() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  candidate text := new.slug;
  n int := 1;
begin
  perform pg_advisory_xact_lock(hashtext('public.challenges.slug'));
  while exists (select 1 from public.challenges where slug = candidate) loop
    n := n + 1;
    candidate := new.slug || '-' || n;
  end loop;
  new.slug := candidate;
  return new;
end
$$;
revoke execute on function private.free_challenge_slug() from public, anon, authenticated;
create trigger challenges_free_slug before insert on public.challenges
  for each row execute function private.free_challenge_slug();

-- Accepting needs the invited address: a forwarded link does not let another person in.
-- Answers 'joined', 'already_member', 'wrong_account', 'expired', 'used' or 'unknown'.
-- Two open invitations to one address, accepted at once, lock different rows: the
-- membership insert decides which one joined (it was a check, then an insert: 500).
create or replace function public.accept_team_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  inv public.team_invitations;
begin
  if me is null then
    raise exception 'sign in to accept' using errcode = '42501';
  end if;
  select * into inv from public.team_invitations where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  select lower(email) into my_email from auth.users where id = me;
  if my_email is distinct from inv.email then return 'wrong_account'; end if;
  update public.team_invitations set accepted_at = now(), accepted_by = me where id = inv.id;
  insert into public.team_members (team_id, user_id) values (inv.team_id, me)
    on conflict (team_id, user_id) do nothing;
  if not found then return 'already_member'; end if;
  return 'joined';
end
$$;
