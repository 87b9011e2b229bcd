-- A password-reset request does the same work whether or not the address has an account
-- (issue 10 item 20): the request stores the typed address and nothing else, one row
-- either way; the mail worker later resolves it (local_auth.resolve_reset_requests), off
-- the request, issuing a token and enqueueing the mail only when the address has an
-- account. Before, the request itself deleted old tokens, stored a new one and enqueued
-- the mail for a known address and wrote nothing for an unknown one: 9.7 against 6.9 ms
-- on PGlite, which told anyone timing the form who has an account.

create table local_auth.reset_requests (
  id bigint generated always as identity primary key,
  email text not null check (char_length(email) between 1 and 320),
  requested_at timestamptz not null default now()
);
alter table local_auth.reset_requests enable row level security;
revoke all on local_auth.reset_requests from public;

comment on table local_auth.reset_requests is
  'Password-reset requests waiting for the mail worker; written by the forgot-password '
  'form (src/lib/server/auth/accounts.ts), emptied by local_auth.resolve_reset_requests.';

-- Resolves up to p_limit waiting requests, oldest first, each once (skip locked: two
-- workers never take one row): for an address with an account, its earlier unused reset
-- tokens stop working, a new one valid for p_ttl_secs is stored (only its SHA-256) and
-- the reset mail with the link is enqueued; an address without one is dropped. Returns
-- how many requests were taken. plpgsql, so this local file may name private.* functions
-- that supabase/migrations create after it on a fresh database.
create function local_auth.resolve_reset_requests(p_limit integer, p_ttl_secs integer)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  req record;
  account record;
  token text;
  n integer := 0;
begin
  for req in
    delete from local_auth.reset_requests q
    where q.id in (select id from local_auth.reset_requests order by id limit p_limit
                   for update skip locked)
    returning q.email
  loop
    n := n + 1;
    for account in select u.id from auth.users u where u.email = req.email loop
      delete from local_auth.email_tokens t
        where t.user_id = account.id and t.purpose = 'reset_password' and t.used_at is null;
      token := private.new_token();
      insert into local_auth.email_tokens (token_hash, user_id, purpose, expires_at)
        values (encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex'), account.id,
                'reset_password', now() + make_interval(secs => p_ttl_secs));
      perform private.enqueue_mail('reset', array[account.id],
        jsonb_build_object('path', '/auth/reset?token=' || token));
    end loop;
  end loop;
  return n;
end
$$;
revoke execute on function local_auth.resolve_reset_requests(integer, integer) from public;
