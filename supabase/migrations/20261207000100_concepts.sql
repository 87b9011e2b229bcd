-- Concepts and final tenders (issue 14, "From idea to proof of concept to production"),
-- the record's foundation: the tables, who reads them, and the references by which the
-- jury and decisions of issue 13 point at a final tender (selection) or a concept
-- (proof-of-concept go / no-go). The functions that write them come in later migrations.
--
-- The record rules of 20261130000300_record_guards.sql and 20261130000800_audit_columns.sql
-- hold: anon gets nothing, authenticated only SELECT through one policy per table, every
-- write is a security definer function, times and authors are the database's.
--
-- A CONCEPT is what a team shortlisted in a challenge builds from its preliminary ideas and
-- the workshops: one per shortlisted application. Its current text is on the row, and every
-- save appends a VERSION that is never changed. Its LINEAGE names the ideas, board notes
-- and clusters it builds on, with their text frozen when linked. Submitted before the
-- 'concepts' stage's deadline it becomes a FINAL TENDER: a frozen snapshot with its SHA-256,
-- and a price when the challenge has a price share. A team may withdraw it and submit again
-- until the deadline; at most one is in force per concept.

-- Tables ---------------------------------------------------------------------------------

create table public.concepts (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete cascade,
  application_id uuid not null unique references public.applications (id) on delete cascade,
  -- The latest saved version; 0 before the first save.
  version int not null default 0 check (version >= 0),
  title text not null default '' check (char_length(title) <= 200),
  summary text not null default '' check (char_length(summary) <= 1000),
  description text not null default '' check (char_length(description) <= 20000),
  plan text not null default '' check (char_length(plan) <= 10000),
  -- [{ "item": text, "cents": int >= 0 }], at most 50 lines (the functions check the shape).
  budget jsonb not null default '[]' check (jsonb_typeof(budget) = 'array' and jsonb_array_length(budget) <= 50),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null default auth.uid(),
  unique (challenge_id, team_id)
);
comment on table public.concepts is
  'A shortlisted team''s concept for a challenge (issue 14); its saves are public.concept_versions.';
create index concepts_team_idx on public.concepts (team_id);
create index concepts_updated_by_idx on public.concepts (updated_by);

create table public.concept_versions (
  concept_id uuid not null references public.concepts (id) on delete cascade,
  version int not null check (version >= 1),
  title text not null check (char_length(title) <= 200),
  summary text not null check (char_length(summary) <= 1000),
  description text not null check (char_length(description) <= 20000),
  plan text not null check (char_length(plan) <= 10000),
  budget jsonb not null check (jsonb_typeof(budget) = 'array'),
  saved_at timestamptz not null default now(),
  saved_by uuid references auth.users (id) on delete set null default auth.uid(),
  primary key (concept_id, version)
);
create index concept_versions_saved_by_idx on public.concept_versions (saved_by);

-- What a concept builds on. 'idea': one of the team's own preliminary ideas
-- (application_ideas by application and position); 'board_note' / 'board_cluster': an
-- element of a board of the challenge's workshops (its id in boards.state). The label is
-- the idea's title or the element's text when linked, so the lineage reads the same after
-- the board changes.
create table public.concept_links (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  kind text not null check (kind in ('idea', 'board_note', 'board_cluster')),
  application_id uuid references public.applications (id) on delete cascade,
  idea_position int check (idea_position between 1 and 10),
  board_id uuid references public.boards (id) on delete cascade,
  element_id text check (char_length(element_id) between 1 and 100),
  label text not null check (char_length(label) <= 2000),
  linked_at timestamptz not null default now(),
  linked_by uuid references auth.users (id) on delete set null default auth.uid(),
  check ((kind = 'idea') = (application_id is not null and idea_position is not null)),
  check ((kind <> 'idea') = (board_id is not null and element_id is not null)),
  unique nulls not distinct (concept_id, kind, application_id, idea_position, board_id, element_id)
);
create index concept_links_application_idx on public.concept_links (application_id, idea_position);
create index concept_links_board_idx on public.concept_links (board_id, element_id);
create index concept_links_linked_by_idx on public.concept_links (linked_by);

-- Files of a concept, through the same upload checks as an application's documents.
create table public.concept_attachments (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  file_key text not null check (file_key ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'),
  file_name text not null check (char_length(file_name) between 1 and 255),
  mime text not null,
  size int not null check (size > 0),
  uploaded_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
create index concept_attachments_concept_idx on public.concept_attachments (concept_id);
create index concept_attachments_uploaded_by_idx on public.concept_attachments (uploaded_by);

-- A concept submitted as a final tender: frozen, digested, priced where the procedure
-- scores price (challenges.price_share > 0; money in whole cents, never 0 or less).
create table public.final_tenders (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete cascade,
  version int not null check (version >= 1),
  snapshot jsonb not null,
  digest text not null check (digest ~ '^[0-9a-f]{64}$'),
  price_cents bigint check (price_cents > 0),
  submitted_at timestamptz not null default now(),
  submitted_by uuid references auth.users (id) on delete set null default auth.uid(),
  withdrawn_at timestamptz,
  withdrawn_by uuid references auth.users (id) on delete set null,
  check (withdrawn_at is null or withdrawn_at >= submitted_at),
  check ((withdrawn_by is not null) <= (withdrawn_at is not null))
);
comment on table public.final_tenders is
  'Final tenders (issue 14): frozen at submission with a SHA-256 digest; at most one in force (withdrawn_at is null) per concept.';
create unique index final_tenders_in_force_idx on public.final_tenders (concept_id) where withdrawn_at is null;
create index final_tenders_concept_idx on public.final_tenders (concept_id);
create index final_tenders_challenge_idx on public.final_tenders (challenge_id);
create index final_tenders_team_idx on public.final_tenders (team_id);
create index final_tenders_submitted_by_idx on public.final_tenders (submitted_by);
create index final_tenders_withdrawn_by_idx on public.final_tenders (withdrawn_by);

alter table public.concepts enable row level security;
alter table public.concept_versions enable row level security;
alter table public.concept_links enable row level security;
alter table public.concept_attachments enable row level security;
alter table public.final_tenders enable row level security;

-- Read only: every write is a definer function.
revoke all on public.concepts, public.concept_versions, public.concept_links,
  public.concept_attachments, public.final_tenders from anon, authenticated;
grant select on public.concepts, public.concept_versions, public.concept_links,
  public.concept_attachments, public.final_tenders to authenticated;

-- Items the jury and decisions reference ----------------------------------------------------

-- At selection the jury scores a final tender; a proof-of-concept go / no-go decides on a
-- concept. Each item table gets the column of the new kind, and "exactly the column of its
-- kind is set" covers it.
alter table public.jury_conflicts
  drop constraint jury_conflicts_item_kind_check,
  drop constraint jury_conflicts_check,
  add column final_tender_id uuid references public.final_tenders (id) on delete cascade,
  add constraint jury_conflicts_item_kind_check check (item_kind in ('application', 'final_tender')),
  add constraint jury_conflicts_check check (
    (item_kind = 'application') = (application_id is not null)
    and (item_kind = 'final_tender') = (final_tender_id is not null)),
  add unique (juror_id, final_tender_id);
create index jury_conflicts_final_tender_idx on public.jury_conflicts (final_tender_id);

alter table public.jury_assignments
  drop constraint jury_assignments_item_kind_check,
  drop constraint jury_assignments_check,
  add column final_tender_id uuid references public.final_tenders (id) on delete cascade,
  add constraint jury_assignments_item_kind_check check (item_kind in ('application', 'final_tender')),
  add constraint jury_assignments_check check (
    (item_kind = 'application') = (application_id is not null)
    and (item_kind = 'final_tender') = (final_tender_id is not null)),
  add unique (juror_id, final_tender_id);
create index jury_assignments_final_tender_idx on public.jury_assignments (final_tender_id);

alter table public.jury_scores
  drop constraint jury_scores_item_kind_check,
  drop constraint jury_scores_check,
  add column final_tender_id uuid references public.final_tenders (id) on delete cascade,
  add constraint jury_scores_item_kind_check check (item_kind in ('application', 'final_tender')),
  add constraint jury_scores_check check (
    (item_kind = 'application') = (application_id is not null)
    and (item_kind = 'final_tender') = (final_tender_id is not null)),
  add unique (juror_id, final_tender_id, criterion_id);
create index jury_scores_final_tender_idx on public.jury_scores (final_tender_id);

alter table public.jury_comments
  drop constraint jury_comments_item_kind_check,
  drop constraint jury_comments_check,
  add column final_tender_id uuid references public.final_tenders (id) on delete cascade,
  add constraint jury_comments_item_kind_check check (item_kind in ('application', 'final_tender')),
  add constraint jury_comments_check check (
    (item_kind = 'application') = (application_id is not null)
    and (item_kind = 'final_tender') = (final_tender_id is not null));
create index jury_comments_final_tender_idx on public.jury_comments (final_tender_id, created_at);

alter table public.decision_items
  drop constraint decision_items_item_kind_check,
  drop constraint decision_items_check,
  add column final_tender_id uuid references public.final_tenders (id) on delete cascade,
  add column concept_id uuid references public.concepts (id) on delete cascade,
  add constraint decision_items_item_kind_check
    check (item_kind in ('application', 'final_tender', 'concept')),
  add constraint decision_items_check check (
    (item_kind = 'application') = (application_id is not null)
    and (item_kind = 'final_tender') = (final_tender_id is not null)
    and (item_kind = 'concept') = (concept_id is not null)),
  add unique (decision_id, final_tender_id),
  add unique (decision_id, concept_id);
create index decision_items_final_tender_idx on public.decision_items (final_tender_id);
create index decision_items_concept_idx on public.decision_items (concept_id);

-- Predicates -------------------------------------------------------------------------------

-- Whether the final tenders of a challenge may be opened: the 'concepts' stage has ended
-- by the database clock (sealed tenders: before it only their number is known).
create function private.final_tenders_unsealed(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenge_stages s
    where s.challenge_id = challenge and s.stage = 'concepts' and s.ends_at <= now()
  )
$$;
revoke execute on function private.final_tenders_unsealed(uuid) from public, anon;
grant execute on function private.final_tenders_unsealed(uuid) to authenticated;

-- The concepts whose final tender the challenge's selection decision chose: its partners.
-- The decision in force is the latest published one at selection (a correction replaces
-- the one it names).
create function private.partner_concept_ids(challenge uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.concept_id from public.decisions d
  join public.decision_items i on i.decision_id = d.id and i.chosen
  join public.final_tenders t on t.id = i.final_tender_id
  where d.id = (select x.id from public.decisions x
                where x.challenge_id = challenge and x.stage = 'selection' and x.published_at is not null
                  and not exists (select 1 from public.decisions y
                                  where y.replaces = x.id and y.published_at is not null)
                order by x.published_at desc limit 1)
$$;
revoke execute on function private.partner_concept_ids(uuid) from public, anon, authenticated;

-- Concepts the caller's teams build.
create function private.my_concept_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id from public.concepts c where c.team_id in (select private.my_team_ids())
$$;

-- Concepts the caller may read as the challenge's team: those with a final tender once
-- the tenders are unsealed, and every partner's (the development phase follows them).
create function private.my_owned_concept_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.concept_id from public.final_tenders t
  where t.challenge_id in (select private.my_team_challenge_ids())
    and private.final_tenders_unsealed(t.challenge_id)
$$;
revoke execute on function private.my_concept_ids(), private.my_owned_concept_ids() from public, anon;
grant execute on function private.my_concept_ids(), private.my_owned_concept_ids() to authenticated;

-- Policies ---------------------------------------------------------------------------------

create policy "a team reads its concepts; the challenge team those tendered, once unsealed"
  on public.concepts for select to authenticated
  using (id in (select private.my_concept_ids()) or id in (select private.my_owned_concept_ids()));
create policy "whoever reads the concept reads its versions"
  on public.concept_versions for select to authenticated
  using (concept_id in (select private.my_concept_ids()) or concept_id in (select private.my_owned_concept_ids()));
create policy "whoever reads the concept reads its lineage"
  on public.concept_links for select to authenticated
  using (concept_id in (select private.my_concept_ids()) or concept_id in (select private.my_owned_concept_ids()));
create policy "whoever reads the concept reads its attachments"
  on public.concept_attachments for select to authenticated
  using (concept_id in (select private.my_concept_ids()) or concept_id in (select private.my_owned_concept_ids()));
create policy "a team reads its final tenders; the challenge team those unsealed"
  on public.final_tenders for select to authenticated
  using (concept_id in (select private.my_concept_ids())
         or (challenge_id in (select private.my_team_challenge_ids())
             and private.final_tenders_unsealed(challenge_id)));
