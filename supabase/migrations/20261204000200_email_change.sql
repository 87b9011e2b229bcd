-- Email changes only through a verified flow (issue 10). profiles.email follows
-- auth.users.email (private.sync_profile_email, 20261130000300_record_guards.sql) and
-- `authenticated` cannot write either; until now nothing could change the address at all.
--
-- A signed-in person asks (their current password checked by the app first): nothing
-- changes yet; a pending change is kept here with the SHA-256 of a single-use token, the
-- link goes to the NEW address, and the OLD address is told. When the new address
-- already has an account, no link is made and that account's owner is told instead, as
-- sign-up does for a taken address, so the person asking learns nothing either way.
-- Opening the link shows the new address and asks (private.email_change_state changes
-- nothing: a mail scanner that fetches the link confirms nothing); the button confirms:
-- auth.users.email changes (profiles follow by the trigger), the token is used up. The
-- app then ends the person's other sessions (local_auth).
-- Both functions are private: only the app's own role (db.service) calls them.

create table private.email_changes (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  new_email text not null check (char_length(new_email) between 3 and 320),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
alter table private.email_changes enable row level security;
revoke all on private.email_changes from public, anon, authenticated, service_role;
create index email_changes_user_id_idx on private.email_changes (user_id);

comment on table private.email_changes is
  'Pending changes of an account''s email address: the SHA-256 of the mailed token, the '
  'new address, expiry and use. Written only by private.request_email_change and '
  'private.confirm_email_change. Not accessible to anon or authenticated.';

-- Each request mails two addresses, one of them a stranger's: a handful an hour.
insert into private.limit_rules (name, max_hits, window_seconds) values ('emailChange', 5, 3600);

-- Records a change of `p_user`'s address to `p_new_email` (canonical, see
-- src/lib/domain/email.ts) and enqueues its mails, in the caller's transaction:
--   'same'      the address is already theirs; nothing is recorded or mailed
--   'requested' otherwise, taken or not: a free address gets the confirmation link
--               (`p_path`, holding the token whose SHA-256 is `p_token_hash`, valid
--               `p_ttl_seconds`), a taken one's owner is told; the old address is told.
-- Counts the 'emailChange' limit per user (TK429 over it, which rolls back). Earlier
-- unused requests of the person stop working.
create function private.request_email_change(
  p_user uuid, p_new_email text, p_token_hash text, p_path text, p_ttl_seconds integer
) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me public.profiles;
  owner uuid;
begin
  select * into me from public.profiles where id = p_user for update;
  if not found then raise exception 'no such user' using errcode = '22023'; end if;
  if me.email = lower(p_new_email) then return 'same'; end if;
  perform private.enforce_limit('emailChange', p_user::text);
  delete from private.email_changes where user_id = p_user and used_at is null;
  select u.id into owner from auth.users u where lower(u.email) = lower(p_new_email);
  if owner is null then
    insert into private.email_changes (token_hash, user_id, new_email, expires_at)
      values (p_token_hash, p_user, lower(p_new_email),
              now() + make_interval(secs => p_ttl_seconds));
    perform private.enqueue_mail_to_address('email_change_confirm', lower(p_new_email),
      me.display_name, me.locale, jsonb_build_object('path', p_path));
  else
    perform private.enqueue_mail('email_change_taken', array[owner], '{}');
  end if;
  perform private.enqueue_mail('email_change_notice', array[p_user],
    jsonb_build_object('newEmail', lower(p_new_email)));
  return 'requested';
end
$$;
revoke execute on function private.request_email_change(uuid, text, text, text, integer)
  from public, anon, authenticated, service_role;

-- Confirms the pending change whose token hashes to `p_token_hash`. Returns the outcome
-- and the account:
--   'changed' auth.users.email is the new address (and confirmed), the token used up,
--             the person's other pending changes gone
--   'taken'   the address got an account since the request; the token is used up
--   'used' | 'expired' | 'unknown'   nothing changes
create function private.confirm_email_change(p_token_hash text)
returns table (outcome text, user_id uuid, new_email text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  change private.email_changes;
begin
  select * into change from private.email_changes c where c.token_hash = p_token_hash for update;
  if not found then return query select 'unknown', null::uuid, null::text; return; end if;
  if change.used_at is not null then
    return query select 'used', change.user_id, change.new_email; return;
  end if;
  if change.expires_at <= now() then
    return query select 'expired', change.user_id, change.new_email; return;
  end if;
  update private.email_changes c set used_at = now() where c.token_hash = p_token_hash;
  begin
    update auth.users u
      set email = change.new_email, email_confirmed_at = coalesce(u.email_confirmed_at, now()),
          updated_at = now()
      where u.id = change.user_id
        and not exists (select 1 from auth.users o
                        where lower(o.email) = change.new_email and o.id <> change.user_id);
    if not found then
      return query select 'taken', change.user_id, change.new_email; return;
    end if;
  exception when unique_violation then
    return query select 'taken', change.user_id, change.new_email; return;
  end;
  delete from private.email_changes c where c.user_id = change.user_id and c.used_at is null;
  return query select 'changed', change.user_id, change.new_email;
end
$$;
revoke execute on function private.confirm_email_change(text)
  from public, anon, authenticated, service_role;

-- What a mailed link stands for, changing nothing (the page before the confirm button):
-- 'pending' with the new address, or 'used' | 'expired' | 'unknown'.
create function private.email_change_state(p_token_hash text)
returns table (state text, new_email text)
language sql stable security definer set search_path = ''
as $$
  select coalesce((select case when c.used_at is not null then 'used'
                               when c.expires_at <= now() then 'expired'
                               else 'pending' end
                   from private.email_changes c where c.token_hash = p_token_hash), 'unknown'),
         (select c.new_email from private.email_changes c
           where c.token_hash = p_token_hash and c.used_at is null and c.expires_at > now())
$$;
revoke execute on function private.email_change_state(text)
  from public, anon, authenticated, service_role;
