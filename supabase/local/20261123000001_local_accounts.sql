-- Local accounts: password hashes, sessions and one-time email tokens. This schema
-- never exists on Supabase, where Supabase Auth does this work. Only the server's own
-- connection (db.service) reaches it: no grants to the API roles, RLS on, no policies.

create schema local_auth;

create table local_auth.credentials (
  user_id uuid primary key references auth.users (id) on delete cascade,
  password_hash text not null,
  updated_at timestamptz not null default now()
);
alter table local_auth.credentials enable row level security;

-- Only the SHA-256 of a session token is stored: a database leak yields no usable cookie.
create table local_auth.sessions (
  id text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
alter table local_auth.sessions enable row level security;
create index sessions_user_id_idx on local_auth.sessions (user_id);

create table local_auth.email_tokens (
  token_hash text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
alter table local_auth.email_tokens enable row level security;
create index email_tokens_user_id_idx on local_auth.email_tokens (user_id);
