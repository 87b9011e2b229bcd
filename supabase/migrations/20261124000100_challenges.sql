-- Challenges in full: substance, timetable, weighted criteria, requirements, the
-- record of amendments, followers and the public market dialogue (questions).

alter table public.challenges
  add column body jsonb not null default '{}'::jsonb check (jsonb_typeof(body) = 'object'),
  add column cover_image text
    check (cover_image is null or cover_image ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif)$'),
  add column contact_name text not null default '' check (char_length(contact_name) <= 200),
  add column contact_email text not null default '' check (char_length(contact_email) <= 254),
  add column competence_areas text[] not null
    default array['software_development', 'service_design', 'business_design', 'project_management'],
  add column lookback_years int not null default 3 check (lookback_years between 1 and 10),
  add column min_team_size int not null default 2 check (min_team_size between 1 and 50),
  add column require_common_history boolean not null default true,
  add column idea_count int not null default 3 check (idea_count between 1 and 10),
  add column shortlist_count int check (shortlist_count between 1 and 1000),
  add column partner_count int check (partner_count between 1 and 1000),
  add column rewards jsonb not null default '{}'::jsonb check (jsonb_typeof(rewards) = 'object'),
  add column price_share int check (price_share between 0 and 99),
  add column updated_at timestamptz not null default now();

-- One vector for the three languages, each stemmed by its own configuration.
alter table public.challenges add column search tsvector generated always as (
  setweight(to_tsvector('finnish', coalesce(title ->> 'fi', '')), 'A')
  || setweight(to_tsvector('swedish', coalesce(title ->> 'sv', '')), 'A')
  || setweight(to_tsvector('english', coalesce(title ->> 'en', '')), 'A')
  || setweight(to_tsvector('finnish', coalesce(summary ->> 'fi', '') || ' ' || coalesce(body ->> 'fi', '')), 'B')
  || setweight(to_tsvector('swedish', coalesce(summary ->> 'sv', '') || ' ' || coalesce(body ->> 'sv', '')), 'B')
  || setweight(to_tsvector('english', coalesce(summary ->> 'en', '') || ' ' || coalesce(body ->> 'en', '')), 'B')
) stored;
create index challenges_search_idx on public.challenges using gin (search);

create table public.challenge_stages (
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  stage text not null check (stage in ('market_dialogue', 'applications', 'screening',
    'shortlisting', 'workshops', 'concepts', 'selection', 'proof_of_concept', 'production')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  decision_on timestamptz,
  signatory text check (signatory is null or char_length(signatory) <= 200),
  primary key (challenge_id, stage),
  check (ends_at > starts_at)
);
alter table public.challenge_stages enable row level security;

create table public.challenge_criteria (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  stage text not null check (stage in ('shortlisting', 'selection')),
  position int not null,
  name jsonb not null check (jsonb_typeof(name) = 'object'),
  description jsonb not null default '{}'::jsonb check (jsonb_typeof(description) = 'object'),
  max_points int not null check (max_points between 1 and 1000)
);
alter table public.challenge_criteria enable row level security;
create index challenge_criteria_challenge_idx on public.challenge_criteria (challenge_id, stage, position);

create table public.challenge_requirements (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  position int not null,
  statement jsonb not null check (jsonb_typeof(statement) = 'object')
);
alter table public.challenge_requirements enable row level security;
create index challenge_requirements_challenge_idx on public.challenge_requirements (challenge_id, position);

-- The public record of every change made after publishing: never updated, never deleted.
create table public.challenge_amendments (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  created_at timestamptz not null default now(),
  author_id uuid references auth.users (id) on delete set null default auth.uid(),
  author_name text not null default '',
  reason text not null check (char_length(reason) between 1 and 2000),
  changes jsonb not null check (jsonb_typeof(changes) = 'array')
);
alter table public.challenge_amendments enable row level security;
create index challenge_amendments_challenge_idx on public.challenge_amendments (challenge_id, created_at);

create table public.challenge_followers (
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  created_at timestamptz not null default now(),
  primary key (challenge_id, user_id)
);
alter table public.challenge_followers enable row level security;
create index challenge_followers_user_idx on public.challenge_followers (user_id);

-- Questions carry no asker: who asked lives apart, so an answered question can be
-- public while its asker stays known only to themselves and the owners.
create table public.challenge_questions (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default now(),
  answer text check (answer is null or char_length(answer) between 1 and 5000),
  answered_at timestamptz,
  answered_by uuid references auth.users (id) on delete set null,
  merged_into uuid references public.challenge_questions (id) on delete set null,
  check ((answer is null) = (answered_at is null)),
  check (merged_into is null or merged_into <> id)
);
alter table public.challenge_questions enable row level security;
create index challenge_questions_challenge_idx on public.challenge_questions (challenge_id, created_at);

create table public.challenge_question_askers (
  question_id uuid primary key references public.challenge_questions (id) on delete cascade,
  asker_id uuid not null references auth.users (id) on delete cascade
);
alter table public.challenge_question_askers enable row level security;
create index challenge_question_askers_asker_idx on public.challenge_question_askers (asker_id);

-- Policy helpers --------------------------------------------------------------------

create function private.is_challenge_member(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where c.id = challenge and m.user_id = (select auth.uid())
  )
$$;

create function private.is_challenge_published(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.challenges where id = challenge and status = 'published')
$$;

-- Questions are open while the market dialogue runs; without one, until applications close.
create function private.questions_open(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select private.is_challenge_published(challenge)) and now() < coalesce(
    (select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'market_dialogue'),
    (select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'applications'),
    'infinity'::timestamptz
  )
$$;

create function private.question_challenge(question uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select challenge_id from public.challenge_questions where id = question
$$;

-- Sets evaluated once per query, for the policies of the larger tables.
create function private.my_challenge_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid())
$$;

create function private.my_question_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select question_id from public.challenge_question_askers where asker_id = (select auth.uid())
$$;

-- Owners see how many follow their challenge, never who.
create function public.challenge_follower_count(challenge uuid) returns int
language sql stable security definer set search_path = ''
as $$
  select case when (select private.is_challenge_member(challenge))
    then (select count(*)::int from public.challenge_followers where challenge_id = challenge)
  end
$$;

-- Asking stores the question and its asker together; the deadline is checked here, by
-- the database clock, so no client can ask late. Null means the questions are closed
-- (an answer, not an error, so the caller's transaction stays usable).
create function public.ask_question(challenge uuid, question text) returns uuid
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
  insert into public.challenge_questions (challenge_id, body) values (challenge, question)
    returning id into new_id;
  insert into public.challenge_question_askers (question_id, asker_id) values (new_id, asker);
  return new_id;
end
$$;

-- The private predicates answer only about the caller, so anyone may call them; the
-- two public functions act, so only signed-in users may.
revoke execute on function public.ask_question(uuid, text) from public, anon;
revoke execute on function public.challenge_follower_count(uuid) from public, anon;
grant execute on function public.ask_question(uuid, text) to authenticated;
grant execute on function public.challenge_follower_count(uuid) to authenticated;

-- Policies ----------------------------------------------------------------------

create policy "timetables are visible with their challenge" on public.challenge_stages
  for select to anon, authenticated
  using (exists (select 1 from public.challenges c where c.id = challenge_id));
create policy "organisation members set timetables" on public.challenge_stages
  for all to authenticated
  using ((select private.is_challenge_member(challenge_id)))
  with check ((select private.is_challenge_member(challenge_id)));

create policy "criteria are visible with their challenge" on public.challenge_criteria
  for select to anon, authenticated
  using (exists (select 1 from public.challenges c where c.id = challenge_id));
create policy "organisation members set criteria" on public.challenge_criteria
  for all to authenticated
  using ((select private.is_challenge_member(challenge_id)))
  with check ((select private.is_challenge_member(challenge_id)));

create policy "requirements are visible with their challenge" on public.challenge_requirements
  for select to anon, authenticated
  using (exists (select 1 from public.challenges c where c.id = challenge_id));
create policy "organisation members set requirements" on public.challenge_requirements
  for all to authenticated
  using ((select private.is_challenge_member(challenge_id)))
  with check ((select private.is_challenge_member(challenge_id)));

create policy "amendments are public once published" on public.challenge_amendments
  for select to anon, authenticated
  using (exists (select 1 from public.challenges c where c.id = challenge_id));
create policy "organisation members record amendments in their own name" on public.challenge_amendments
  for insert to authenticated
  with check ((select private.is_challenge_member(challenge_id)) and author_id = (select auth.uid()));

create policy "people see what they follow" on public.challenge_followers
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people follow published challenges" on public.challenge_followers
  for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_challenge_published(challenge_id)));
create policy "people unfollow" on public.challenge_followers
  for delete to authenticated using (user_id = (select auth.uid()));

create policy "answered questions are public; askers and owners see the rest" on public.challenge_questions
  for select to anon, authenticated
  using (
    (answer is not null and merged_into is null
      and exists (select 1 from public.challenges c where c.id = challenge_id and c.status = 'published'))
    or id in (select private.my_question_ids())
    or challenge_id in (select private.my_challenge_ids())
  );
create policy "organisation members answer and merge questions" on public.challenge_questions
  for update to authenticated
  using ((select private.is_challenge_member(challenge_id)))
  with check ((select private.is_challenge_member(challenge_id)));
create policy "organisation members remove unanswered questions" on public.challenge_questions
  for delete to authenticated
  using (answer is null and (select private.is_challenge_member(challenge_id)));

create policy "askers and owners see who asked" on public.challenge_question_askers
  for select to authenticated
  using (
    asker_id = (select auth.uid())
    or (select private.question_challenge(question_id)) in (select private.my_challenge_ids())
  );

-- A personal calendar feed: calendar apps cannot sign in, so the address carries a
-- secret token. It reveals only which challenges the person follows.
create table public.calendar_feeds (
  user_id uuid primary key references auth.users (id) on delete cascade default auth.uid(),
  token text not null unique check (token ~ '^[a-z2-7]{32}$'),
  created_at timestamptz not null default now()
);
alter table public.calendar_feeds enable row level security;

create policy "people see their own calendar feed" on public.calendar_feeds
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people create their own calendar feed" on public.calendar_feeds
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "people renew their own calendar feed" on public.calendar_feeds
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
