-- The result-based bonus of the production phase (issue 14, after the City of Helsinki's
-- innovation partnership for employment training, shared/seeds): the owner's challenge
-- team defines OUTCOME CATEGORIES (names in fi/sv/en, a bonus in cents per result) and
-- TARGETS (clients to start, results to reach), for the challenge or one partner's
-- concept; each partner in production reports per MONTH the clients started, the clients
-- progressed and the results per category — counts only, never personal data of end
-- users; the owner's challenge team CONFIRMS or DISPUTES each month's report with a
-- comment. A disputed (or not yet reviewed) report is corrected by the partner as a new
-- version; a CONFIRMED month is locked. The bonus, progress and share are computed from
-- the version in force of each month by src/lib/domain/bonus.ts (bonusSummary).
--
-- Who is in production: the concepts the published go/no-go decision continued
-- (private.production_concept_ids: chosen items with concept_id of the current —
-- published, not replaced — decision of stage 'proof_of_concept').
--
-- The record rules of 20261130000300_record_guards.sql, 20261205000100_jury.sql and
-- 20261206000100_decisions.sql hold: anon gets nothing, authenticated only SELECT through
-- one policy per table, every state change is a security definer function below that
-- checks the caller, and the authors and times are set here. Reports, counts and reviews
-- are never changed or deleted, save a report's status going from submitted to confirmed
-- or disputed in the same transaction as its review (the guards hold for the definer
-- functions too).
--
-- Who reads what: the challenge's team and the owners of its organisation everything of
-- the challenge; a member of a partner team in production the challenge's categories and
-- targets and its own concept's reports, counts and reviews; nobody else anything.
--
-- Refusals: SQLSTATE TK422 with the reason code as message and hint (outcome_…), or
-- 42501 with hint outcome_not_owner / outcome_not_partner / outcome_locked;
-- src/lib/server/http/outcome-refusals.ts maps each to a status and words. A refusal
-- aborts the call: nothing is changed.

-- Tables ---------------------------------------------------------------------------------

create table public.outcome_categories (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  position int not null check (position between 1 and 1000),
  -- The name in fi/sv/en like challenge_criteria.name: {"fi": "…", "sv": "…", "en": "…"}.
  name jsonb not null check (jsonb_typeof(name) = 'object' and name - array['fi', 'sv', 'en'] = '{}'::jsonb),
  -- Euros per result, in cents; 0 counts the result without paying for it.
  bonus_cents bigint not null check (bonus_cents between 0 and 100000000),
  created_at timestamptz not null default now(),
  created_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  -- For the counts' reference: a count's category is of its report's challenge.
  unique (id, challenge_id)
);
comment on table public.outcome_categories is
  'Outcome categories of a challenge''s production phase (issue 14): written by public.outcome_category_save / outcome_category_delete.';
create index outcome_categories_challenge_idx on public.outcome_categories (challenge_id, position);
create index outcome_categories_created_by_idx on public.outcome_categories (created_by);
create index outcome_categories_updated_by_idx on public.outcome_categories (updated_by);

create table public.production_targets (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  -- Null: the challenge's targets, for every partner together; else one partner's concept.
  concept_id uuid references public.concepts (id) on delete cascade,
  clients_to_start int check (clients_to_start between 1 and 10000000),
  results_to_reach int check (results_to_reach between 1 and 10000000),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null
);
comment on table public.production_targets is
  'Targets of the production phase (issue 14): written by public.production_targets_save.';
create unique index production_targets_one_idx on public.production_targets
  (challenge_id, coalesce(concept_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index production_targets_concept_idx on public.production_targets (concept_id);
create index production_targets_updated_by_idx on public.production_targets (updated_by);

create table public.outcome_reports (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  -- The month reported, as its first day; never after the current month (Europe/Helsinki),
  -- judged by the database clock at submission.
  month date not null check (extract(day from month) = 1),
  -- 1 for the month's first report, then 2, 3 … for each correction.
  version int not null check (version between 1 and 1000),
  clients_started int not null check (clients_started between 0 and 10000000),
  clients_progressed int not null check (clients_progressed between 0 and 10000000),
  status text not null default 'submitted' check (status in ('submitted', 'confirmed', 'disputed')),
  submitted_at timestamptz not null default now(),
  submitted_by uuid references auth.users (id) on delete set null,
  submitted_by_name text not null default '',
  unique (concept_id, month, version),
  unique (id, challenge_id)
);
comment on table public.outcome_reports is
  'A partner''s report of one month (issue 14), one row per version: written by public.outcome_report_submit; status by public.outcome_report_review. Never deleted.';
create index outcome_reports_challenge_idx on public.outcome_reports (challenge_id, month);
create index outcome_reports_submitted_by_idx on public.outcome_reports (submitted_by);

create table public.outcome_report_counts (
  report_id uuid not null,
  challenge_id uuid not null,
  category_id uuid not null,
  count int not null check (count between 0 and 10000000),
  primary key (report_id, category_id),
  foreign key (report_id, challenge_id) references public.outcome_reports (id, challenge_id) on delete cascade,
  -- A category in use is never deleted (public.outcome_category_delete refuses it).
  foreign key (category_id, challenge_id) references public.outcome_categories (id, challenge_id)
);
comment on table public.outcome_report_counts is
  'Results per category of one report version (issue 14), written with it by public.outcome_report_submit. Never changed.';
create index outcome_report_counts_report_idx on public.outcome_report_counts (report_id, challenge_id);
create index outcome_report_counts_category_idx on public.outcome_report_counts (category_id, challenge_id);

create table public.outcome_report_reviews (
  report_id uuid primary key references public.outcome_reports (id) on delete cascade,
  verdict text not null check (verdict in ('confirmed', 'disputed')),
  comment text not null default '' check (char_length(comment) <= 4000),
  reviewed_at timestamptz not null default now(),
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_by_name text not null default '',
  check (verdict = 'confirmed' or comment <> '')
);
comment on table public.outcome_report_reviews is
  'The owner''s confirmation or dispute of one report version (issue 14), by public.outcome_report_review. Never changed.';
create index outcome_report_reviews_reviewed_by_idx on public.outcome_report_reviews (reviewed_by);

alter table public.outcome_categories enable row level security;
alter table public.production_targets enable row level security;
alter table public.outcome_reports enable row level security;
alter table public.outcome_report_counts enable row level security;
alter table public.outcome_report_reviews enable row level security;
revoke all on public.outcome_categories, public.production_targets, public.outcome_reports,
  public.outcome_report_counts, public.outcome_report_reviews from anon, authenticated;
grant select on public.outcome_categories, public.production_targets, public.outcome_reports,
  public.outcome_report_counts, public.outcome_report_reviews to authenticated;

-- Who is in production ----------------------------------------------------------------------

-- The concepts continued into production: chosen items (concept_id set) of the current
-- go/no-go decision — published, and not replaced by a published correction
-- (private.current_decision of stage 'proof_of_concept'). A dropped concept never counts.
create function private.production_concept_ids(challenge uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select i.concept_id from public.decision_items i
  where i.decision_id = private.current_decision(challenge, 'proof_of_concept')
    and i.chosen and i.concept_id is not null
$$;
revoke execute on function private.production_concept_ids(uuid) from public, anon, authenticated;

-- The caller's teams' concepts in production.
create function private.my_production_concept_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id from public.concepts c
  where c.team_id in (select private.my_team_ids())
    and c.id in (select private.production_concept_ids(c.challenge_id))
$$;

-- Challenges whose categories and targets the caller reads: the challenge's team and its
-- organisation's owners (private.my_decision_challenge_ids), and partners in production.
create function private.my_outcome_challenge_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select private.my_decision_challenge_ids()
  union
  select c.challenge_id from public.concepts c where c.id in (select private.my_production_concept_ids())
$$;

-- Reports the caller reads: every report of the challenges the caller's side owns; a
-- partner its own concept's.
create function private.my_outcome_report_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select r.id from public.outcome_reports r
  where r.challenge_id in (select private.my_decision_challenge_ids())
     or r.concept_id in (select private.my_production_concept_ids())
$$;

revoke execute on function private.my_production_concept_ids(), private.my_outcome_challenge_ids(),
  private.my_outcome_report_ids() from public, anon;
grant execute on function private.my_production_concept_ids(), private.my_outcome_challenge_ids(),
  private.my_outcome_report_ids() to authenticated;

create policy "the challenge team and its partners in production read the categories"
  on public.outcome_categories for select to authenticated
  using (challenge_id in (select private.my_outcome_challenge_ids()));
create policy "the challenge team and its partners in production read the targets"
  on public.production_targets for select to authenticated
  using (challenge_id in (select private.my_outcome_challenge_ids()));
create policy "the challenge team reads every report; a partner its own"
  on public.outcome_reports for select to authenticated
  using (id in (select private.my_outcome_report_ids()));
create policy "the challenge team reads every count; a partner its own reports'"
  on public.outcome_report_counts for select to authenticated
  using (report_id in (select private.my_outcome_report_ids()));
create policy "the challenge team reads every review; a partner those of its reports"
  on public.outcome_report_reviews for select to authenticated
  using (report_id in (select private.my_outcome_report_ids()));

-- Record guards ------------------------------------------------------------------------------

-- The current month in Helsinki, as its first day: the latest month a report may cover.
create function private.outcome_current_month() returns date
language sql stable set search_path = ''
as $$
  select date_trunc('month', now() at time zone 'Europe/Helsinki')::date
$$;
revoke execute on function private.outcome_current_month() from public, anon, authenticated;

-- A report is inserted as 'submitted', the month's next version, for a month not in the
-- future and not confirmed; afterwards only its status changes, once, from submitted to
-- confirmed or disputed. Never deleted, save by a cascade (the challenge or concept
-- deleted). Holds for the definer functions too.
create function private.guard_outcome_report() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if pg_catalog.pg_trigger_depth() > 1 then return old; end if;
    raise exception 'outcome_locked' using errcode = '42501', hint = 'outcome_locked';
  end if;
  if tg_op = 'INSERT' then
    if new.month > private.outcome_current_month() then
      perform private.jury_refuse('outcome_month_in_future');
    end if;
    if exists (select 1 from public.outcome_reports r where r.concept_id = new.concept_id
               and r.month = new.month and r.status = 'confirmed') then
      perform private.jury_refuse('outcome_month_confirmed');
    end if;
    if new.status <> 'submitted' or new.version <> 1 + coalesce((select max(r.version)
        from public.outcome_reports r where r.concept_id = new.concept_id and r.month = new.month), 0)
       or new.challenge_id is distinct from (select c.challenge_id from public.concepts c where c.id = new.concept_id) then
      raise exception 'outcome_locked' using errcode = '42501', hint = 'outcome_locked';
    end if;
    return new;
  end if;
  if old.status <> 'submitted' or new.status = 'submitted'
     or (new.id, new.concept_id, new.challenge_id, new.month, new.version, new.clients_started,
         new.clients_progressed, new.submitted_at, new.submitted_by, new.submitted_by_name)
        is distinct from
        (old.id, old.concept_id, old.challenge_id, old.month, old.version, old.clients_started,
         old.clients_progressed, old.submitted_at, old.submitted_by, old.submitted_by_name) then
    if old.status = 'confirmed' then perform private.jury_refuse('outcome_month_confirmed'); end if;
    raise exception 'outcome_locked' using errcode = '42501', hint = 'outcome_locked';
  end if;
  return new;
end
$$;
revoke execute on function private.guard_outcome_report() from public, anon, authenticated;
create trigger outcome_reports_guard before insert or update or delete on public.outcome_reports
  for each row execute function private.guard_outcome_report();

-- Counts are written with their report, while it is submitted, and never changed; reviews
-- are written once and never changed. A cascade is let through.
create function private.guard_outcome_record() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if tg_op = 'INSERT' and tg_table_name = 'outcome_report_counts' and exists (
       select 1 from public.outcome_reports r where r.id = new.report_id and r.status = 'submitted'
         and not exists (select 1 from public.outcome_report_reviews v where v.report_id = r.id)) then
    return new;
  end if;
  if tg_op = 'INSERT' and tg_table_name = 'outcome_report_reviews'
     and not exists (select 1 from public.outcome_report_reviews v where v.report_id = new.report_id) then
    return new;
  end if;
  raise exception 'outcome_locked' using errcode = '42501', hint = 'outcome_locked';
end
$$;
revoke execute on function private.guard_outcome_record() from public, anon, authenticated;
create trigger outcome_report_counts_guard before insert or update or delete on public.outcome_report_counts
  for each row execute function private.guard_outcome_record();
create trigger outcome_report_reviews_guard before insert or update or delete on public.outcome_report_reviews
  for each row execute function private.guard_outcome_record();

-- Helpers ----------------------------------------------------------------------------------

-- Refuses a caller who is not on the challenge's team (nor an owner of its organisation):
-- 42501 outcome_not_owner.
create function private.outcome_require_owner(challenge uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or challenge is null
     or not (private.is_on_challenge_team(challenge) or private.manages_challenge_team(challenge)) then
    raise exception 'outcome_not_owner' using errcode = '42501', hint = 'outcome_not_owner';
  end if;
end
$$;
revoke execute on function private.outcome_require_owner(uuid) from public, anon, authenticated;

-- A category's name from JSON: {"fi"?, "sv"?, "en"?} of trimmed strings up to 200
-- characters, blank ones dropped, at least one left (else TK422 outcome_name_missing;
-- other shapes outcome_bad_input).
create function private.outcome_name(j jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  out_ jsonb := '{}'::jsonb;
  k text;
  v jsonb;
begin
  if jsonb_typeof(j) is distinct from 'object' or j - array['fi', 'sv', 'en'] <> '{}'::jsonb then
    perform private.jury_refuse('outcome_bad_input');
  end if;
  for k, v in select key, value from jsonb_each(j) loop
    if jsonb_typeof(v) <> 'string' then perform private.jury_refuse('outcome_bad_input'); end if;
    if char_length(private.jury_trim(v #>> '{}')) > 200 then perform private.jury_refuse('outcome_name_too_long'); end if;
    if not private.is_blank(v #>> '{}') then
      out_ := out_ || jsonb_build_object(k, private.jury_trim(v #>> '{}'));
    end if;
  end loop;
  if out_ = '{}'::jsonb then perform private.jury_refuse('outcome_name_missing'); end if;
  return out_;
end
$$;
revoke execute on function private.outcome_name(jsonb) from public, anon, authenticated;

create function private.outcome_my_name() returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce((select coalesce(nullif(p.display_name, ''), p.email, '')
                   from public.profiles p where p.id = (select auth.uid())), '')
$$;
revoke execute on function private.outcome_my_name() from public, anon, authenticated;

-- State changes ------------------------------------------------------------------------------

-- Adds a category to the challenge (`category` null; it goes last) or changes one
-- (`category` its id): `name` {"fi", "sv", "en"} and the bonus per result in cents. The
-- challenge's team only (42501 outcome_not_owner). Refuses: an unknown category or one of
-- another challenge (TK422 outcome_unknown); a name of the wrong shape (outcome_bad_input),
-- blank in every language (outcome_name_missing) or over 200 characters
-- (outcome_name_too_long); a bonus below 0 or above 1 000 000 euros
-- (outcome_bonus_invalid); changing the bonus of a category reports already count
-- (outcome_category_in_use: a confirmed month's bonus never changes). Returns the id.
create function public.outcome_category_save(challenge uuid, category uuid, name jsonb, bonus_cents bigint)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  current_ public.outcome_categories;
  clean jsonb;
  id_ uuid;
begin
  perform private.outcome_require_owner(challenge);
  clean := private.outcome_name(name);
  if bonus_cents is null or bonus_cents not between 0 and 100000000 then
    perform private.jury_refuse('outcome_bonus_invalid');
  end if;
  if category is null then
    insert into public.outcome_categories (challenge_id, position, name, bonus_cents, created_by, updated_by)
      values (challenge, 1 + coalesce((select max(c.position) from public.outcome_categories c
                                       where c.challenge_id = outcome_category_save.challenge), 0),
              clean, bonus_cents, me, me)
      returning id into id_;
    return id_;
  end if;
  select * into current_ from public.outcome_categories c
    where c.id = category and c.challenge_id = outcome_category_save.challenge for update;
  if not found then perform private.jury_refuse('outcome_unknown'); end if;
  if current_.bonus_cents <> bonus_cents
     and exists (select 1 from public.outcome_report_counts n where n.category_id = category) then
    perform private.jury_refuse('outcome_category_in_use');
  end if;
  update public.outcome_categories set name = clean, bonus_cents = outcome_category_save.bonus_cents,
      updated_at = now(), updated_by = me
    where id = category;
  return category;
end
$$;

-- Removes a category no report counts (else TK422 outcome_category_in_use); the
-- challenge's team only (42501 outcome_not_owner); unknown: outcome_unknown.
create function public.outcome_category_delete(category uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  challenge uuid;
begin
  select c.challenge_id into challenge from public.outcome_categories c where c.id = category;
  if challenge is null then perform private.jury_refuse('outcome_unknown'); end if;
  perform private.outcome_require_owner(challenge);
  if exists (select 1 from public.outcome_report_counts n where n.category_id = category) then
    perform private.jury_refuse('outcome_category_in_use');
  end if;
  delete from public.outcome_categories where id = category;
end
$$;

-- Sets the targets of the challenge (`concept` null) or of one concept of it in
-- production: clients to start and results to reach, each null (none) or 1..10 000 000
-- (else TK422 outcome_target_invalid). The challenge's team only (42501
-- outcome_not_owner); a concept not of the challenge or not in production: outcome_unknown.
create function public.production_targets_save(challenge uuid, concept uuid,
  clients_to_start int, results_to_reach int)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  perform private.outcome_require_owner(challenge);
  if concept is not null and concept not in (select private.production_concept_ids(challenge)) then
    perform private.jury_refuse('outcome_unknown');
  end if;
  if clients_to_start not between 1 and 10000000 or results_to_reach not between 1 and 10000000 then
    perform private.jury_refuse('outcome_target_invalid');
  end if;
  insert into public.production_targets (challenge_id, concept_id, clients_to_start, results_to_reach, updated_by)
    values (challenge, concept, clients_to_start, results_to_reach, me)
    on conflict (challenge_id, coalesce(concept_id, '00000000-0000-0000-0000-000000000000'::uuid))
    do update set clients_to_start = excluded.clients_to_start,
                  results_to_reach = excluded.results_to_reach,
                  updated_at = now(), updated_by = me;
end
$$;

-- A partner's report of one month, or its correction (a new version): `month` the first
-- day of the month, the clients started and progressed, and `counts` {"<category id>":
-- n, …} — a category left out counts 0. A member of the concept's team, while the concept
-- is in production (42501 outcome_not_partner). Refuses (TK422; nothing changed): input of
-- the wrong shape (outcome_bad_input); a month that is not a first day
-- (outcome_month_not_first_day) or after the current month in Helsinki by the database
-- clock (outcome_month_in_future); a count below 0 (outcome_count_negative); a category
-- not of the concept's challenge (outcome_category_other_challenge); more results than
-- clients progressed (outcome_results_above_progressed); a month already confirmed
-- (outcome_month_confirmed). The same rules as validateOutcomeReport and canReport in
-- src/lib/domain/bonus.ts. Mails the challenge's team. Returns the new version's id.
create function public.outcome_report_submit(concept uuid, month date, clients_started int,
  clients_progressed int, counts jsonb)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.concepts;
  report uuid;
  v record;
  total bigint := 0;
begin
  select * into c from public.concepts x where x.id = concept;
  if me is null or c.id is null or c.team_id not in (select private.my_team_ids())
     or c.id not in (select private.production_concept_ids(c.challenge_id)) then
    raise exception 'outcome_not_partner' using errcode = '42501', hint = 'outcome_not_partner';
  end if;
  if month is null or clients_started is null or clients_progressed is null
     or jsonb_typeof(coalesce(counts, '{}'::jsonb)) <> 'object' then
    perform private.jury_refuse('outcome_bad_input');
  end if;
  if extract(day from month) <> 1 then perform private.jury_refuse('outcome_month_not_first_day'); end if;
  if month > private.outcome_current_month() then perform private.jury_refuse('outcome_month_in_future'); end if;
  if clients_started < 0 or clients_progressed < 0 then perform private.jury_refuse('outcome_count_negative'); end if;
  if clients_started > 10000000 or clients_progressed > 10000000 then
    perform private.jury_refuse('outcome_bad_input');
  end if;
  for v in select e.key, e.value from jsonb_each(coalesce(counts, '{}'::jsonb)) e loop
    if jsonb_typeof(v.value) <> 'number' or (v.value #>> '{}')::numeric <> trunc((v.value #>> '{}')::numeric)
       or abs((v.value #>> '{}')::numeric) > 10000000 then
      perform private.jury_refuse('outcome_bad_input');
    end if;
    if (v.value #>> '{}')::numeric < 0 then perform private.jury_refuse('outcome_count_negative'); end if;
    if private.decision_uuid(v.key) is null or not exists (
        select 1 from public.outcome_categories k where k.id = private.decision_uuid(v.key)
          and k.challenge_id = c.challenge_id) then
      perform private.jury_refuse('outcome_category_other_challenge');
    end if;
    total := total + (v.value #>> '{}')::bigint;
  end loop;
  if total > clients_progressed then perform private.jury_refuse('outcome_results_above_progressed'); end if;
  perform 1 from public.concepts x where x.id = concept for update;
  if exists (select 1 from public.outcome_reports r where r.concept_id = concept
             and r.month = outcome_report_submit.month and r.status = 'confirmed') then
    perform private.jury_refuse('outcome_month_confirmed');
  end if;
  insert into public.outcome_reports (concept_id, challenge_id, month, version, clients_started,
      clients_progressed, submitted_by, submitted_by_name)
    values (concept, c.challenge_id, month,
            1 + coalesce((select max(r.version) from public.outcome_reports r
                          where r.concept_id = concept and r.month = outcome_report_submit.month), 0),
            clients_started, clients_progressed, me, private.outcome_my_name())
    returning id into report;
  insert into public.outcome_report_counts (report_id, challenge_id, category_id, count)
    select report, c.challenge_id, private.decision_uuid(e.key), (e.value #>> '{}')::int
    from jsonb_each(coalesce(counts, '{}'::jsonb)) e;
  perform private.enqueue_mail('outcome_report_submitted',
    (select coalesce(array_agg(t.user_id), '{}') from public.challenge_team_members t
     where t.challenge_id = c.challenge_id),
    private.mail_challenge(c.challenge_id) || jsonb_build_object(
      'month', to_char(month, 'YYYY-MM'),
      'path', '/manage/challenges/' || c.challenge_id || '/production'));
  return report;
end
$$;

-- The owner's review of a report: `verdict` 'confirmed' (the month is locked from now on)
-- or 'disputed' with a `comment` saying what is wrong (the partner corrects it as a new
-- version). The challenge's team only (42501 outcome_not_owner). Refuses (TK422): an
-- unknown report (outcome_unknown); another verdict (outcome_bad_input); a dispute
-- without a comment (outcome_comment_missing); a comment over 4000 characters
-- (outcome_comment_too_long); a version a correction has replaced
-- (outcome_report_superseded); a report already confirmed or disputed
-- (outcome_report_reviewed). Mails the partner's team.
create function public.outcome_report_review(report uuid, verdict text, comment text default '')
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  r public.outcome_reports;
  note text := private.jury_trim(comment);
begin
  select * into r from public.outcome_reports x where x.id = report for update;
  perform private.outcome_require_owner(r.challenge_id);
  if r.id is null then perform private.jury_refuse('outcome_unknown'); end if;
  if verdict is null or verdict not in ('confirmed', 'disputed') then
    perform private.jury_refuse('outcome_bad_input');
  end if;
  if verdict = 'disputed' and note = '' then perform private.jury_refuse('outcome_comment_missing'); end if;
  if char_length(note) > 4000 then perform private.jury_refuse('outcome_comment_too_long'); end if;
  if exists (select 1 from public.outcome_reports x where x.concept_id = r.concept_id
             and x.month = r.month and x.version > r.version) then
    perform private.jury_refuse('outcome_report_superseded');
  end if;
  if r.status <> 'submitted' then perform private.jury_refuse('outcome_report_reviewed'); end if;
  insert into public.outcome_report_reviews (report_id, verdict, comment, reviewed_by, reviewed_by_name)
    values (report, verdict, note, (select auth.uid()), private.outcome_my_name());
  update public.outcome_reports set status = verdict where id = report;
  perform private.enqueue_mail('outcome_report_reviewed',
    private.team_user_ids((select c.team_id from public.concepts c where c.id = r.concept_id)),
    private.mail_challenge(r.challenge_id) || jsonb_build_object(
      'month', to_char(r.month, 'YYYY-MM'), 'verdict', verdict, 'comment', note,
      'path', '/production/' || r.concept_id));
end
$$;

-- Readers ----------------------------------------------------------------------------------

-- The partners in production of a challenge, for the owner's page and the partner's own:
-- each concept continued by the go/no-go decision with its team's name and the concept's
-- title. The challenge's team and its organisation's owners read every one; a partner
-- its own; nobody else anything.
create function public.production_partners(challenge uuid)
returns table (concept_id uuid, team_id uuid, team_name text, title text)
language sql stable security definer set search_path = ''
as $$
  select c.id, c.team_id, coalesce(t.name, ''), c.title
  from public.concepts c left join public.teams t on t.id = c.team_id
  where c.challenge_id = challenge
    and c.id in (select private.production_concept_ids(challenge))
    and (challenge in (select private.my_decision_challenge_ids())
         or c.id in (select private.my_production_concept_ids()))
  order by t.name, c.id
$$;

-- The challenge of a concept in production, for those who read its results (the
-- challenge's team and its organisation's owners, and the partner's team); null for
-- anyone else and for a concept not in production. The results page starts from it: the
-- owner's side may not read a concept row that was never tendered.
create function public.production_concept_challenge(concept uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select c.challenge_id from public.concepts c
  where c.id = concept
    and c.id in (select private.production_concept_ids(c.challenge_id))
    and (c.challenge_id in (select private.my_decision_challenge_ids())
         or c.id in (select private.my_production_concept_ids()))
$$;

revoke execute on function public.outcome_category_save(uuid, uuid, jsonb, bigint),
  public.outcome_category_delete(uuid), public.production_targets_save(uuid, uuid, int, int),
  public.outcome_report_submit(uuid, date, int, int, jsonb),
  public.outcome_report_review(uuid, text, text), public.production_partners(uuid),
  public.production_concept_challenge(uuid)
  from public, anon;
grant execute on function public.outcome_category_save(uuid, uuid, jsonb, bigint),
  public.outcome_category_delete(uuid), public.production_targets_save(uuid, uuid, int, int),
  public.outcome_report_submit(uuid, date, int, int, jsonb),
  public.outcome_report_review(uuid, text, text), public.production_partners(uuid),
  public.production_concept_challenge(uuid)
  to authenticated;
