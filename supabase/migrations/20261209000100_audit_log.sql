-- The audit log (issue 15): who did what to what, when and from where, for the platform's
-- admins — sign-ins and failed sign-ins, role changes, decisions, data exports, erasures and
-- retention runs. It holds no secrets or tokens: `details` carries names of things and
-- counts, never a password, a token or its hash (private.record_audit refuses keys that
-- look like one).
--
-- Written only by private.record_audit: from definer functions and triggers (actor =
-- auth.uid()), and from the server's named jobs (sign-in) with the actor given. The
-- address is the request's, as Supabase's Data API passes it: the `x-forwarded-for`
-- entry of the `request.headers` setting (Database.as sets the same from the client
-- address the app trusts). Never changed; deleted only by a maintenance function that sets
-- talkoot.record_maintenance for its own transaction (the log's retention, erasure).

create table public.audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid references auth.users (id) on delete set null,
  action text not null check (action in (
    'sign_in', 'sign_in_failed', 'sign_out', 'password_change', 'email_change',
    'second_factor', 'role_change', 'decision', 'data_export', 'account_erasure',
    'retention_run', 'audit_purge')),
  -- What the action was about: a kind ('user', 'organisation', 'challenge', 'decision', …)
  -- and its id, or for a failed sign-in the address tried ('email').
  target_kind text check (target_kind ~ '^[a-z_]{1,40}$'),
  target_id text check (char_length(target_id) <= 320),
  address inet,
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object')
);
comment on table public.audit_log is
  'Security and record events for platform admins (private.record_audit). Never changed; purged after its retention time.';
create index audit_log_occurred_idx on public.audit_log (occurred_at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, occurred_at desc);
create index audit_log_action_idx on public.audit_log (action, occurred_at desc);
create index audit_log_target_idx on public.audit_log (target_kind, target_id);

alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;

create policy "platform admins read the audit log"
  on public.audit_log for select to authenticated
  using ((select private.is_platform_admin()));

-- Refuses every update and delete, except inside a maintenance function that says so for
-- its own transaction (set_config('talkoot.record_maintenance', 'on', true)).
create function private.guard_audit_log() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if coalesce(current_setting('talkoot.record_maintenance', true), '') = 'on' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception 'audit_log_locked' using errcode = '42501', hint = 'audit_log_locked';
end
$$;
revoke execute on function private.guard_audit_log() from public, anon, authenticated;
create trigger audit_log_guard before update or delete on public.audit_log
  for each row execute function private.guard_audit_log();

-- The request's client address: the first entry of `x-forwarded-for` in the
-- `request.headers` setting (PostgREST sets it on Supabase; Database.as sets it here), or
-- null when absent or not an address.
create function private.request_address() returns inet
language plpgsql stable security invoker set search_path = ''
as $$
declare
  forwarded text := nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-forwarded-for';
begin
  if forwarded is null then return null; end if;
  return pg_catalog.btrim(pg_catalog.split_part(forwarded, ',', 1))::inet;
exception when others then
  return null;
end
$$;
grant execute on function private.request_address() to authenticated, service_role;

-- Writes one audit entry and returns its id. `actor` defaults to the caller
-- (auth.uid()), `address` to the request's. Refuses (22023 audit_secret_in_details)
-- details whose keys name a secret: password, token, secret, hash, code, key.
create function private.record_audit(
  action text,
  target_kind text default null,
  target_id text default null,
  details jsonb default '{}'::jsonb,
  actor uuid default null,
  address inet default null
) returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  entry bigint;
begin
  if exists (select 1 from pg_catalog.jsonb_object_keys(coalesce(details, '{}'::jsonb)) k
             where k ~* '(password|token|secret|hash|code|key)') then
    raise exception 'audit_secret_in_details' using errcode = '22023', hint = 'audit_secret_in_details';
  end if;
  insert into public.audit_log (actor_id, action, target_kind, target_id, address, details)
    values (coalesce(actor, (select auth.uid())), action, target_kind, target_id,
            coalesce(address, private.request_address()), coalesce(details, '{}'::jsonb))
    returning id into entry;
  return entry;
end
$$;
revoke execute on function private.record_audit(text, text, text, jsonb, uuid, inet)
  from public, anon, authenticated;
