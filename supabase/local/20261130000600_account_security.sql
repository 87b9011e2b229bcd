-- Account security for local accounts (ASVS L2): sessions a person can list and end,
-- and an optional TOTP second factor with recovery codes. Like the rest of local_auth,
-- none of this exists on Supabase (Supabase Auth has its own MFA), and only the server's
-- own connection reaches it: no grants to anon/authenticated, RLS on, no policies.

-- A session's handle for the sessions page: the id is the hash of the cookie's token and
-- is never sent to a page. The user agent (shortened) says which device it is.
alter table local_auth.sessions
  add column public_id uuid not null default gen_random_uuid(),
  add column user_agent text check (char_length(user_agent) <= 400);
create unique index sessions_public_id_idx on local_auth.sessions (public_id);

-- One TOTP secret per account (RFC 6238, SHA-1, 30 s, 6 digits). confirmed_at is null
-- while enrolment waits for the first code; last_counter is the time step of the last
-- code accepted, so a code works once (ASVS 2.8.4).
create table local_auth.totp (
  user_id uuid primary key references auth.users (id) on delete cascade,
  secret bytea not null check (octet_length(secret) = 20),
  confirmed_at timestamptz,
  last_counter bigint not null default -1,
  created_at timestamptz not null default now()
);
alter table local_auth.totp enable row level security;

-- Only the SHA-256 of each recovery code; each works once.
create table local_auth.recovery_codes (
  code_hash text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
alter table local_auth.recovery_codes enable row level security;
create index recovery_codes_user_id_idx on local_auth.recovery_codes (user_id);

-- A password accepted, the code still to come: the cookie holds the token, this its hash.
create table local_auth.sign_in_challenges (
  token_hash text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  user_agent text check (char_length(user_agent) <= 400),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts int not null default 0
);
alter table local_auth.sign_in_challenges enable row level security;
create index sign_in_challenges_user_id_idx on local_auth.sign_in_challenges (user_id);

-- Wrong codes, counted per account over a window whatever the challenge or page
-- (sign-in, enrolment, disabling), so guessing six digits stays hopeless.
create table local_auth.code_failures (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  at timestamptz not null default now()
);
alter table local_auth.code_failures enable row level security;
create index code_failures_user_id_at_idx on local_auth.code_failures (user_id, at);

-- Nothing granted to the API roles (said explicitly, whatever defaults may add later).
revoke all on local_auth.totp, local_auth.recovery_codes, local_auth.sign_in_challenges,
  local_auth.code_failures from public, anon, authenticated;
