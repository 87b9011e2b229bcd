-- Team invitations speak the invitee's language and can be declined (issue 12, Solver).
--
-- Replaces: public.invite_to_team (last in 20261201000800_tokens.sql),
--           public.team_invitation_preview (20261125000100_applications.sql),
--           public.accept_team_invitation (last in 20261201000400_unique_by_insert.sql).
-- New:      public.decline_team_invitation, team_invitations.declined_at.

-- When the invitee said no. Set only by decline_team_invitation (security definer): the
-- API roles never write it, so it is an audit column out of their reach.
alter table public.team_invitations add column declined_at timestamptz;

-- The lead of `team` invites `email` (a new invitation to the same address replaces an
-- open or declined one). The link's token is made here (private.new_token) and exists
-- only in the mail; the table keeps its SHA-256. The mail speaks the invitee's language
-- when the address has an account with us (its profile's locale); otherwise we do not
-- know it, and the mail carries all three languages ('everyLanguage'), the inviter's
-- first. Counted against the inviter's 'invite' limit (TK429 over it). Answers 'invited',
-- 'already_member' or 'not_lead' (no such team, or the caller does not lead it); an
-- address that is not one raises 22023.
create or replace function public.invite_to_team(team uuid, email text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  team_name text;
  inviter public.profiles;
  invitee_locale text;
  token text := private.new_token();
begin
  if me is null or not (select private.is_team_lead(team)) then return 'not_lead'; end if;
  select t.name into team_name from public.teams t where t.id = team;
  if not found then return 'not_lead'; end if;
  if address !~ '^[^@\s]+@[^@\s]+$' or char_length(address) > 254 then
    raise exception 'not an email address' using errcode = '22023';
  end if;
  if exists (select 1 from public.team_members m join public.profiles p on p.id = m.user_id
             where m.team_id = team and p.email = address) then
    return 'already_member';
  end if;
  perform private.enforce_limit('invite', me::text);
  delete from public.team_invitations i
    where i.team_id = team and i.email = address and i.accepted_at is null;
  insert into public.team_invitations (team_id, email, token_hash, invited_by)
    values (team, address, encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex'), me);
  select * into inviter from public.profiles where id = me;
  select p.locale into invitee_locale from public.profiles p where p.email = address limit 1;
  perform private.enqueue_mail_to_address('team_invitation', address, '',
    coalesce(invitee_locale, inviter.locale),
    jsonb_build_object('team', team_name,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'everyLanguage', invitee_locale is null,
      'path', '/invitations/' || token));
  return 'invited';
end
$$;
revoke execute on function public.invite_to_team(uuid, text) from public, anon;
grant execute on function public.invite_to_team(uuid, text) to authenticated;

-- What the invitation page shows before the person signs in: the token (its hash) is the
-- secret. Status 'open', 'accepted', 'declined' or 'expired'.
create or replace function public.team_invitation_preview(token text)
returns table (team_name text, invited_email text, inviter_name text, status text)
language sql stable security definer set search_path = ''
as $$
  select t.name, i.email, coalesce(nullif(p.display_name, ''), p.email, ''),
    case when i.accepted_at is not null then 'accepted'
         when i.declined_at is not null then 'declined'
         when i.expires_at <= now() then 'expired'
         else 'open' end
  from public.team_invitations i
  join public.teams t on t.id = i.team_id
  left join public.profiles p on p.id = i.invited_by
  where i.token_hash = token
$$;

-- Accepting needs the invited address: a forwarded link does not let another person in.
-- A declined invitation stays declined (the lead invites again if both want).
-- Answers 'joined', 'already_member', 'wrong_account', 'expired', 'used', 'declined' or
-- 'unknown'. Two open invitations to one address, accepted at once, lock different rows:
-- the membership insert decides which one joined.
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
  if inv.declined_at is not null then return 'declined'; end if;
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

-- The invitee says no. Holding the mailed link is enough (the token is the secret, as for
-- the preview): someone without an account can decline without making one. The lead sees
-- the invitation as declined on the team page. Answers 'declined' (also when it already
-- was), 'used' (accepted), 'expired' or 'unknown'.
create function public.decline_team_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.team_invitations;
begin
  select * into inv from public.team_invitations where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.declined_at is not null then return 'declined'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  update public.team_invitations set declined_at = now() where id = inv.id;
  return 'declined';
end
$$;
revoke execute on function public.decline_team_invitation(text) from public;
grant execute on function public.decline_team_invitation(text) to anon, authenticated;
