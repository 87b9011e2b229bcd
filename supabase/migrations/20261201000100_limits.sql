-- Abuse limits in the database (issue 10, items 18 and 19): one count per limit and key
-- shared by every app instance and by every path, the app's forms and Supabase's Data
-- API alike. The app's limiter (src/lib/server/http/limits.ts) calls the functions below;
-- ask_question, accessibility feedback and team invitations call private.enforce_limit
-- themselves, so a direct call through the Data API is counted and refused the same way.
-- A refusal raises SQLSTATE TK429 with the wait in milliseconds as DETAIL and the limit's
-- name as HINT; the app answers it with 429, Retry-After and words.

-- The limits, with their reasons. Each allows `max_hits` per fixed window of
-- `window_seconds` per key (a user id, an address or an email).
create table private.limit_rules (
  name text primary key check (name ~ '^[a-zA-Z]{1,40}$'),
  max_hits integer not null check (max_hits > 0),
  window_seconds integer not null check (window_seconds > 0)
);
alter table private.limit_rules enable row level security;
revoke all on private.limit_rules from public, anon, authenticated, service_role;

insert into private.limit_rules (name, max_hits, window_seconds) values
  -- Failed sign-ins from one address, whatever the account: stops one machine trying
  -- passwords across many accounts. Only failures count, so an office of a hundred
  -- people behind one NAT address signing in correctly never hits it.
  ('signInAddress', 100, 15 * 60),
  -- A workshop's participants may all register from one office network in an hour.
  ('signUpAddress', 300, 3600),
  -- Each sign-up mails the address: no mail bombing of one person.
  ('signUpEmail', 3, 3600),
  ('resetAddress', 100, 3600),
  ('resetEmail', 3, 3600),
  -- A team lead invites a team (a handful of people), not a mailing list; each
  -- invitation mails a stranger with a team name the inviter chose.
  ('invite', 10, 3600),
  -- The market dialogue is public; ten questions an hour per person is a busy asker.
  ('question', 10, 3600),
  -- Accessibility feedback is open to visitors: per address (or user when signed in).
  ('feedback', 5, 3600),
  -- Cover images, evidence and application documents (at most 10 MB each).
  ('upload', 60, 3600);

-- One row per limit and key: the hits in the current window and when it ends. Sign-in
-- failures per (account, address) are kept here too, as limit 'signIn': `hits` failures,
-- the last at `last_at`, forgotten at `window_ends`.
create table private.limit_counters (
  name text not null check (name ~ '^[a-zA-Z]{1,40}$'),
  key text not null check (char_length(key) between 1 and 400),
  hits integer not null default 1 check (hits >= 0),
  window_ends timestamptz not null,
  last_at timestamptz not null default now(),
  primary key (name, key)
);
alter table private.limit_counters enable row level security;
revoke all on private.limit_counters from public, anon, authenticated, service_role;
create index limit_counters_window_ends_idx on private.limit_counters (window_ends);

comment on table private.limit_counters is
  'Abuse-limit counters shared by every app instance and the Data API; see private.hit_limit. '
  'Not accessible to anon or authenticated.';

-- Removes counters whose window ended (and sign-in failures past their forgetting time).
-- Returns how many. Called by hit_limit on about one hit in a hundred.
create function private.forget_expired_limits(p_at timestamptz default now()) returns integer
language plpgsql set search_path = ''
as $$
declare
  n integer;
begin
  delete from private.limit_counters where window_ends <= p_at;
  get diagnostics n = row_count;
  return n;
end
$$;

-- Counts one hit of limit `p_name` for `p_key` at `p_at`. Returns 0 when the hit is
-- allowed (and counted), else the milliseconds until the window ends (the hit is then
-- not counted). One upsert: concurrent hits of one key queue on its row, so every
-- instance sees one count. Unknown limit names raise 22023.
create function private.hit_limit(p_name text, p_key text, p_at timestamptz default now())
returns bigint
language plpgsql set search_path = ''
as $$
declare
  rule private.limit_rules;
  ends timestamptz;
begin
  select * into rule from private.limit_rules where name = p_name;
  if not found then
    raise exception 'unknown limit %', p_name using errcode = '22023';
  end if;
  insert into private.limit_counters as c (name, key, hits, window_ends, last_at)
    values (p_name, left(p_key, 400), 1, p_at + make_interval(secs => rule.window_seconds), p_at)
  on conflict (name, key) do update set
    hits = case when c.window_ends <= excluded.last_at then 1 else c.hits + 1 end,
    window_ends = case when c.window_ends <= excluded.last_at then excluded.window_ends
                       else c.window_ends end,
    last_at = excluded.last_at
  where c.window_ends <= excluded.last_at or c.hits < rule.max_hits
  returning c.window_ends into ends;
  if found then
    if random() < 0.01 then perform private.forget_expired_limits(p_at); end if;
    return 0;
  end if;
  select c.window_ends into ends from private.limit_counters c
    where c.name = p_name and c.key = left(p_key, 400);
  return greatest(1, ceil(extract(epoch from ends - p_at) * 1000))::bigint;
end
$$;

-- Milliseconds `p_name` for `p_key` is still refused at `p_at`, without counting (0: free).
create function private.limit_wait(p_name text, p_key text, p_at timestamptz default now())
returns bigint
language sql stable set search_path = ''
as $$
  select coalesce((
    select greatest(1, ceil(extract(epoch from c.window_ends - p_at) * 1000))::bigint
    from private.limit_counters c join private.limit_rules r on r.name = c.name
    where c.name = p_name and c.key = left(p_key, 400)
      and c.window_ends > p_at and c.hits >= r.max_hits), 0)
$$;

-- For SQL callers: counts a hit and, over the limit, raises TK429 (DETAIL: milliseconds
-- to wait, HINT: the limit's name), which rolls back whatever the caller did.
create function private.enforce_limit(p_name text, p_key text) returns void
language plpgsql set search_path = ''
as $$
declare
  wait bigint := private.hit_limit(p_name, p_key);
begin
  if wait > 0 then
    raise exception 'too many requests (%): try again in % s', p_name, ceil(wait / 1000.0)
      using errcode = 'TK429', detail = wait::text, hint = p_name;
  end if;
end
$$;

-- The key of whoever calls through the Data API or the app: the signed-in user, else the
-- client address the app put in talkoot.client_address, else the first address of the
-- X-Forwarded-For header PostgREST passes in request.headers, else 'anon'.
create function private.limit_key() returns text
language sql stable set search_path = ''
as $$
  select coalesce(
    'user:' || (select auth.uid())::text,
    'address:' || nullif(current_setting('talkoot.client_address', true), ''),
    'address:' || nullif(btrim(split_part(
      (nullif(current_setting('request.headers', true), '')::jsonb) ->> 'x-forwarded-for', ',', 1)), ''),
    'anon')
$$;

-- Sign-in failures per (account, address): counts one attempt as a failure at `p_at`
-- (forgotten `p_forget_seconds` after the last), returns the failures so far.
create function private.count_sign_in_failure(p_key text, p_forget_seconds integer, p_at timestamptz default now())
returns integer
language sql set search_path = ''
as $$
  insert into private.limit_counters as c (name, key, hits, window_ends, last_at)
    values ('signIn', left(p_key, 400), 1, p_at + make_interval(secs => p_forget_seconds), p_at)
  on conflict (name, key) do update set
    hits = case when c.window_ends <= excluded.last_at then 1 else c.hits + 1 end,
    window_ends = excluded.window_ends,
    last_at = excluded.last_at
  returning hits
$$;

revoke execute on function private.forget_expired_limits(timestamptz) from public, anon, authenticated;
revoke execute on function private.hit_limit(text, text, timestamptz) from public, anon, authenticated;
revoke execute on function private.limit_wait(text, text, timestamptz) from public, anon, authenticated;
revoke execute on function private.enforce_limit(text, text) from public, anon, authenticated;
revoke execute on function private.limit_key() from public, anon, authenticated;
revoke execute on function private.count_sign_in_failure(text, integer, timestamptz) from public, anon, authenticated;

-- Questions through the Data API are counted like the app's form (the newest
-- ask_question, from 20261124000100_challenges.sql, with the limit added).
create or replace function public.ask_question(challenge uuid, question text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  asker uuid := (select auth.uid());
  new_id uuid;
begin
  if asker is null then
    raise exception 'sign in to ask' using errcode = '42501';
  end if;
  if not (select private.questions_open(challenge)) then
    return null;
  end if;
  perform private.enforce_limit('question', asker::text);
  insert into public.challenge_questions (challenge_id, body) values (challenge, question)
    returning id into new_id;
  insert into public.challenge_question_askers (question_id, asker_id) values (new_id, asker);
  return new_id;
end
$$;

-- Accessibility feedback, by anyone: counted per user or address before it is stored.
create function private.limit_feedback() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.enforce_limit('feedback', private.limit_key());
  return new;
end
$$;
revoke execute on function private.limit_feedback() from public, anon, authenticated;
create trigger accessibility_feedback_limit before insert on public.accessibility_feedback
  for each row execute function private.limit_feedback();
