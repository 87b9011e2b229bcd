-- The mail outbox (issue 10): every mail is a row written in the same transaction as
-- the change that causes it; a worker in the app process delivers it with retries and
-- exponential backoff, so no request waits on SMTP and a rolled-back change mails no one.
--
-- The table lives in schema private, which Supabase's Data API does not expose, and
-- grants nothing to anon or authenticated (RLS on and no policies besides): only the
-- table owner (the migrating role, which the app's worker and the enqueue functions run
-- as) reads or writes it. A row holds what the mail is rendered from in the
-- recipient's language (template + params), not rendered text, so links are built from
-- the configured ORIGIN at delivery. Params of link mails (verify, reset, invitation)
-- carry a live token; the worker removes it once the mail is delivered or given up.

create table private.mail_outbox (
  id bigint generated always as identity primary key,
  template text not null check (template ~ '^[a-z][a-z0-9_]{0,62}$'),
  to_email text not null check (char_length(to_email) between 3 and 320),
  to_name text not null default '',
  locale text not null check (locale in ('fi', 'sv', 'en')),
  params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object'),
  created_at timestamptz not null default now(),
  -- Deliveries tried so far; the worker bumps it when it claims the row.
  attempts integer not null default 0 check (attempts >= 0),
  -- When the row may next be claimed: now for a new row, the end of the worker's lease
  -- while it is being sent, now + backoff after a failure.
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  -- Set when the worker gave up (after its attempt limit, or a mail it cannot render).
  failed_at timestamptz,
  last_error text
);
alter table private.mail_outbox enable row level security;
revoke all on private.mail_outbox from public, anon, authenticated, service_role;

create index mail_outbox_due_idx on private.mail_outbox (next_attempt_at, id)
  where sent_at is null and failed_at is null;

comment on table private.mail_outbox is
  'Mail waiting for or done with delivery. Written only by private.enqueue_mail* (from '
  'security definer functions) and the app (src/lib/server/mail/outbox.ts); read by the '
  'mail worker. Not accessible to anon or authenticated.';

-- Enqueues one mail of `template` to each of the given users (their profile's address,
-- name and language). Returns how many were enqueued (unknown ids are skipped).
-- Private: not executable by anon/authenticated; call it from security definer
-- functions, e.g. perform private.enqueue_mail('deadline_changed', array[...], jsonb_build_object(...)).
create function private.enqueue_mail(p_template text, p_user_ids uuid[], p_params jsonb default '{}')
returns integer
language plpgsql
set search_path = ''
as $$
declare
  n integer;
begin
  insert into private.mail_outbox (template, to_email, to_name, locale, params)
  select p_template, p.email, p.display_name, p.locale, coalesce(p_params, '{}'::jsonb)
  from public.profiles p
  where p.id = any (p_user_ids);
  get diagnostics n = row_count;
  return n;
end;
$$;

-- Enqueues one mail to an address that may have no account (a team invitation).
-- Returns the outbox row's id. Private like the above.
create function private.enqueue_mail_to_address(
  p_template text, p_email text, p_name text, p_locale text, p_params jsonb default '{}'
)
returns bigint
language sql
set search_path = ''
as $$
  insert into private.mail_outbox (template, to_email, to_name, locale, params)
  values (p_template, p_email, coalesce(p_name, ''), p_locale, coalesce(p_params, '{}'::jsonb))
  returning id;
$$;

revoke execute on function private.enqueue_mail(text, uuid[], jsonb) from public, anon, authenticated;
revoke execute on function private.enqueue_mail_to_address(text, text, text, text, jsonb)
  from public, anon, authenticated;
