-- Issue 12, admin: adding an organisation member needed an existing account; removal
-- took one click; a role could only be changed by adding the person again.
-- Now an owner (or a platform admin) invites by email as team leads do
-- (public.invite_to_team): the mailed link is accepted only by the invited address
-- (public.accept_organisation_invitation); a role is changed in place and a member
-- removed through one function each, which keep at least one owner.

-- Only the SHA-256 of the mailed token is stored, as with team invitations.
create table public.organisation_invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) between 3 and 254),
  role text not null default 'member' check (role in ('owner', 'member')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
alter table public.organisation_invitations enable row level security;
create index organisation_invitations_organisation_id_idx
  on public.organisation_invitations (organisation_id);
create index organisation_invitations_invited_by_idx on public.organisation_invitations (invited_by);
create index organisation_invitations_accepted_by_idx on public.organisation_invitations (accepted_by);

revoke all on public.organisation_invitations from anon, authenticated;
grant select, delete on public.organisation_invitations to authenticated;
create policy "owners and platform admins see invitations" on public.organisation_invitations
  for select to authenticated
  using ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id)));
create policy "owners and platform admins withdraw open invitations" on public.organisation_invitations
  for delete to authenticated
  using (accepted_at is null
    and ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id))));

-- Invites `email` to the organisation with `role`. Answers 'invited', 'already_member'
-- or 'forbidden' (not an owner of it nor a platform admin); refuses a malformed address
-- (22023) and more invitations than the 'invite' limit (TK429). A new invitation to the
-- same address replaces the open one. The mail goes in the invitee's language when they
-- have an account, else in the inviter's; it names the organisation in that language.
create function public.invite_to_organisation(organisation uuid, email text, role text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  org public.organisations;
  inviter public.profiles;
  invitee_locale text;
  token text := private.new_token();
begin
  if me is null
     or not ((select private.is_platform_admin()) or (select private.is_org_owner(organisation))) then
    return 'forbidden';
  end if;
  select * into org from public.organisations o where o.id = organisation;
  if not found then return 'forbidden'; end if;
  if role is null or role not in ('owner', 'member') then
    raise exception 'role is owner or member' using errcode = '22023';
  end if;
  if address !~ '^[^@\s]+@[^@\s]+$' or char_length(address) > 254 then
    raise exception 'not an email address' using errcode = '22023';
  end if;
  if exists (select 1 from public.organisation_members m join public.profiles p on p.id = m.user_id
             where m.organisation_id = organisation and p.email = address) then
    return 'already_member';
  end if;
  perform private.enforce_limit('invite', me::text);
  delete from public.organisation_invitations i
    where i.organisation_id = organisation and i.email = address and i.accepted_at is null;
  insert into public.organisation_invitations (organisation_id, email, role, token_hash, invited_by)
    values (organisation, address, role,
      encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex'), me);
  select * into inviter from public.profiles where id = me;
  select p.locale into invitee_locale from public.profiles p where p.email = address;
  perform private.enqueue_mail_to_address('organisation_invitation', address, '',
    coalesce(invitee_locale, inviter.locale),
    jsonb_build_object('names', org.names, 'primaryLocale', org.primary_locale, 'role', role,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/organisations/invitations/' || token));
  return 'invited';
end
$$;
revoke execute on function public.invite_to_organisation(uuid, text, text) from public, anon;
grant execute on function public.invite_to_organisation(uuid, text, text) to authenticated;

-- What the invitation page shows before the person signs in: the token (its hash) is the secret.
create function public.organisation_invitation_preview(token text)
returns table (slug text, names jsonb, primary_locale text, invited_email text,
  inviter_name text, role text, status text)
language sql stable security definer set search_path = ''
as $$
  select o.slug, o.names, o.primary_locale, i.email,
    coalesce(nullif(p.display_name, ''), p.email, ''), i.role,
    case when i.accepted_at is not null then 'accepted'
         when i.expires_at <= now() then 'expired'
         else 'open' end
  from public.organisation_invitations i
  join public.organisations o on o.id = i.organisation_id
  left join public.profiles p on p.id = i.invited_by
  where i.token_hash = token
$$;
revoke execute on function public.organisation_invitation_preview(text) from public;
grant execute on function public.organisation_invitation_preview(text) to anon, authenticated;

-- Accepting needs the invited address: a forwarded link does not let another person in.
-- Answers 'joined', 'already_member', 'wrong_account', 'expired', 'used' or 'unknown'.
create function public.accept_organisation_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  inv public.organisation_invitations;
begin
  if me is null then
    raise exception 'sign in to accept' using errcode = '42501';
  end if;
  select * into inv from public.organisation_invitations where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  select lower(email) into my_email from auth.users where id = me;
  if my_email is distinct from inv.email then return 'wrong_account'; end if;
  update public.organisation_invitations set accepted_at = now(), accepted_by = me where id = inv.id;
  insert into public.organisation_members (organisation_id, user_id, role)
    values (inv.organisation_id, me, inv.role)
    on conflict (organisation_id, user_id) do nothing;
  if not found then return 'already_member'; end if;
  return 'joined';
end
$$;
revoke execute on function public.accept_organisation_invitation(text) from public, anon;
grant execute on function public.accept_organisation_invitation(text) to authenticated;

-- Changes a member's role in place. Answers 'changed', 'unchanged', 'not_member',
-- 'last_owner' (the only owner cannot step down: someone must manage the members) or
-- 'forbidden' (not an owner of it nor a platform admin).
create function public.set_organisation_member_role(organisation uuid, member uuid, role text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  had_role text;
begin
  if (select auth.uid()) is null
     or not ((select private.is_platform_admin()) or (select private.is_org_owner(organisation))) then
    return 'forbidden';
  end if;
  if role is null or role not in ('owner', 'member') then
    raise exception 'role is owner or member' using errcode = '22023';
  end if;
  -- One change at a time per organisation, so two owners demoting each other keep one.
  perform 1 from public.organisations o where o.id = organisation for update;
  select m.role into had_role from public.organisation_members m
    where m.organisation_id = organisation and m.user_id = member;
  if not found then return 'not_member'; end if;
  if had_role = role then return 'unchanged'; end if;
  if had_role = 'owner' and not exists (
    select 1 from public.organisation_members m
    where m.organisation_id = organisation and m.role = 'owner' and m.user_id <> member) then
    return 'last_owner';
  end if;
  update public.organisation_members m set role = set_organisation_member_role.role
    where m.organisation_id = organisation and m.user_id = member;
  return 'changed';
end
$$;
revoke execute on function public.set_organisation_member_role(uuid, uuid, text) from public, anon;
grant execute on function public.set_organisation_member_role(uuid, uuid, text) to authenticated;

-- Removes a member. Answers 'removed', 'not_member', 'last_owner' or 'forbidden', as above.
create function public.remove_organisation_member(organisation uuid, member uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  had_role text;
begin
  if (select auth.uid()) is null
     or not ((select private.is_platform_admin()) or (select private.is_org_owner(organisation))) then
    return 'forbidden';
  end if;
  perform 1 from public.organisations o where o.id = organisation for update;
  select m.role into had_role from public.organisation_members m
    where m.organisation_id = organisation and m.user_id = member;
  if not found then return 'not_member'; end if;
  if had_role = 'owner' and not exists (
    select 1 from public.organisation_members m
    where m.organisation_id = organisation and m.role = 'owner' and m.user_id <> member) then
    return 'last_owner';
  end if;
  delete from public.organisation_members m
    where m.organisation_id = organisation and m.user_id = member;
  return 'removed';
end
$$;
revoke execute on function public.remove_organisation_member(uuid, uuid) from public, anon;
grant execute on function public.remove_organisation_member(uuid, uuid) to authenticated;
