-- Proofs of concept (issue 14, "Proof of concept / development phase"): for each partner
-- concept — a concept whose final tender the current selection decision chose,
-- private.partner_concept_ids(challenge) of 20261207000100_concepts.sql — one proof of
-- concept with milestones: a title, a due day, a status (planned, in progress, delivered,
-- accepted, rejected) and evidence (a text and links). The partner's team adds milestones
-- and re-plans them until the owner accepts them; the owner's challenge team accepts or
-- rejects a delivered one with a reason. Every change is a row of poc_milestone_events,
-- never changed or deleted: who, when, from which status to which, with what reason.
--
-- The go / no-go decision that ends the phase is the shared decision entity
-- (20261206000100_decisions.sql) at stage 'proof_of_concept', one item per partner
-- concept (item_kind 'concept', concept_id): chosen = continued into production, not
-- chosen = dropped, each with a reason — prepared, published and mailed by the decision
-- functions as 20261207000301_selection.sql generalised them to every item kind. Once it
-- is published the milestones are closed (private.poc_require_open).
--
-- The record rules hold (20261130000300_record_guards.sql, 20261205000100_jury.sql): anon
-- gets nothing, authenticated only SELECT through one policy per table, every change is a
-- security definer function below that checks the caller, authors and times are set here.
--
-- Who reads what: the partner's team its own proof of concept, milestones and record; the
-- challenge's team and the owners of its organisation (private.my_decision_challenge_ids)
-- every proof of concept of the challenge; nobody else anything.
--
-- The steps are the state machine of src/lib/domain/development-record.ts (milestoneAfter)
-- and the inputs the rule of src/lib/domain/proof-of-concept.ts (milestoneIssue), which
-- private.poc_milestone_issue repeats; tests/integration/proofs-of-concept.test.ts feeds
-- both the same cases. Refusals: SQLSTATE TK422 with the reason code as message and hint
-- (poc_…, private.jury_refuse); src/lib/server/http/poc-refusals.ts maps each to a status
-- and words. A refusal aborts the call: nothing is changed.

-- Tables ---------------------------------------------------------------------------------

create table public.proofs_of_concept (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  concept_id uuid not null unique references public.concepts (id) on delete cascade,
  started_at timestamptz not null default now(),
  started_by uuid references auth.users (id) on delete set null
);
comment on table public.proofs_of_concept is
  'One per partner concept (issue 14): started by public.poc_start or by the first milestone the partner plans.';
create index proofs_of_concept_challenge_idx on public.proofs_of_concept (challenge_id);
create index proofs_of_concept_started_by_idx on public.proofs_of_concept (started_by);

create table public.poc_milestones (
  id uuid primary key default gen_random_uuid(),
  poc_id uuid not null references public.proofs_of_concept (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  due_on date not null check (due_on between '2000-01-01' and '2100-12-31'),
  status text not null default 'planned'
    check (status in ('planned', 'in_progress', 'delivered', 'accepted', 'rejected')),
  evidence text not null default '' check (char_length(evidence) <= 8000),
  links text[] not null default '{}' check (cardinality(links) <= 10),
  -- The owner's word on the latest delivery: the reason for accepting or rejecting it.
  review_reason text not null default '' check (char_length(review_reason) <= 4000),
  reviewed_at timestamptz,
  reviewed_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  created_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  -- The language the partner wrote the title and evidence in (private.caller_locale).
  lang text not null default 'fi' check (lang in ('fi', 'sv', 'en'))
);
create index poc_milestones_poc_idx on public.poc_milestones (poc_id, due_on);
create index poc_milestones_reviewed_by_idx on public.poc_milestones (reviewed_by);
create index poc_milestones_created_by_idx on public.poc_milestones (created_by);
create index poc_milestones_updated_by_idx on public.poc_milestones (updated_by);

-- Every change of a milestone: the step, from which status to which, what it set (the
-- plan's title and day, the evidence) and why, by whom and when. Never changed.
create table public.poc_milestone_events (
  id uuid primary key default gen_random_uuid(),
  -- The order of the record: several changes in one transaction share now().
  seq bigint generated always as identity unique,
  milestone_id uuid not null references public.poc_milestones (id) on delete cascade,
  step text not null check (step in ('plan', 'replan', 'start', 'deliver', 'accept', 'reject')),
  from_status text check (from_status in ('planned', 'in_progress', 'delivered', 'accepted', 'rejected')),
  to_status text not null check (to_status in ('planned', 'in_progress', 'delivered', 'accepted', 'rejected')),
  title text,
  due_on date,
  evidence text,
  links text[],
  reason text not null default '' check (char_length(reason) <= 4000),
  at timestamptz not null default clock_timestamp(),
  by uuid references auth.users (id) on delete set null,
  by_name text not null default '',
  lang text not null default 'fi' check (lang in ('fi', 'sv', 'en')),
  check ((step = 'plan') = (from_status is null))
);
create index poc_milestone_events_milestone_idx on public.poc_milestone_events (milestone_id, seq);
create index poc_milestone_events_by_idx on public.poc_milestone_events (by);

alter table public.proofs_of_concept enable row level security;
alter table public.poc_milestones enable row level security;
alter table public.poc_milestone_events enable row level security;
revoke all on public.proofs_of_concept, public.poc_milestones, public.poc_milestone_events
  from anon, authenticated;
grant select on public.proofs_of_concept, public.poc_milestones, public.poc_milestone_events
  to authenticated;

-- Who reads ---------------------------------------------------------------------------------

-- Proofs of concept the caller reads: those of the challenges whose decisions they read
-- whole (the challenge's team, the organisation's owners), and their own team's.
create function private.my_poc_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id from public.proofs_of_concept p
  where p.challenge_id in (select private.my_decision_challenge_ids())
  union
  select p.id from public.proofs_of_concept p join public.concepts c on c.id = p.concept_id
  where c.team_id in (select private.my_team_ids())
$$;

create function private.my_poc_milestone_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.id from public.poc_milestones m where m.poc_id in (select private.my_poc_ids())
$$;

revoke execute on function private.my_poc_ids(), private.my_poc_milestone_ids() from public, anon;
grant execute on function private.my_poc_ids(), private.my_poc_milestone_ids() to authenticated;

create policy "partner and challenge team read the proof of concept"
  on public.proofs_of_concept for select to authenticated
  using (id in (select private.my_poc_ids()));
create policy "partner and challenge team read the milestones"
  on public.poc_milestones for select to authenticated
  using (poc_id in (select private.my_poc_ids()));
create policy "partner and challenge team read the milestones' record"
  on public.poc_milestone_events for select to authenticated
  using (milestone_id in (select private.my_poc_milestone_ids()));

-- Record guard -------------------------------------------------------------------------------

-- The record of a milestone is never changed or deleted, not even by the definer
-- functions; a cascade (the challenge or the concept deleted) is let through.
create function private.guard_poc_event() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  raise exception 'poc_record_locked' using errcode = '42501', hint = 'poc_record_locked';
end
$$;
revoke execute on function private.guard_poc_event() from public, anon, authenticated;
create trigger poc_milestone_events_guard before update or delete on public.poc_milestone_events
  for each row execute function private.guard_poc_event();

-- An accepted milestone never changes again (issue 14: "until the owner accepts them"),
-- and is never deleted but by a cascade. Holds for the definer functions too.
create function private.guard_poc_milestone() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if old.status = 'accepted' or tg_op = 'DELETE' then
    raise exception 'poc_accepted' using errcode = 'TK422', hint = 'poc_accepted';
  end if;
  return new;
end
$$;
revoke execute on function private.guard_poc_milestone() from public, anon, authenticated;
create trigger poc_milestones_guard before update or delete on public.poc_milestones
  for each row execute function private.guard_poc_milestone();

-- Rules ----------------------------------------------------------------------------------------

-- The status a milestone step leads to from `status` when taken by `actor` ('partner' or
-- 'owner'), or null when not allowed: milestoneAfter of src/lib/domain/development-record.ts.
create function private.poc_milestone_after(status text, step text, actor text) returns text
language sql immutable set search_path = ''
as $$
  select case
    when step = 'start' and actor = 'partner' and status = 'planned' then 'in_progress'
    when step = 'deliver' and actor = 'partner' and status in ('planned', 'in_progress') then 'delivered'
    when step = 'replan' and actor = 'partner'
      and status in ('planned', 'in_progress', 'delivered', 'rejected') then 'planned'
    when step = 'accept' and actor = 'owner' and status = 'delivered' then 'accepted'
    when step = 'reject' and actor = 'owner' and status = 'delivered' then 'rejected'
  end
$$;
revoke execute on function private.poc_milestone_after(text, text, text) from public, anon, authenticated;

-- The first reason a step's inputs are refused, or null: milestoneIssue of
-- src/lib/domain/proof-of-concept.ts (the same codes, the same order). Texts are counted
-- after trimming (private.jury_trim), in characters.
create function private.poc_milestone_issue(step text, title text, due_on text, evidence text,
  links text[], reason text)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  day date;
begin
  if step in ('plan', 'replan') then
    if private.jury_trim(title) = '' then return 'poc_title_missing'; end if;
    if char_length(private.jury_trim(title)) > 200 then return 'poc_title_too_long'; end if;
    if due_on is null or due_on !~ '^\d{4}-\d{2}-\d{2}$' then return 'poc_due_invalid'; end if;
    begin
      day := due_on::date;
    exception when others then
      return 'poc_due_invalid';
    end;
    if day::text <> due_on or day < date '2000-01-01' or day > date '2100-12-31' then
      return 'poc_due_invalid';
    end if;
  end if;
  if step in ('start', 'deliver') then
    if char_length(private.jury_trim(evidence)) > 8000 then return 'poc_evidence_too_long'; end if;
    if coalesce(cardinality(links), 0) > 10 then return 'poc_too_many_links'; end if;
    if exists (select 1 from unnest(coalesce(links, '{}')) l
               where l is null or char_length(l) > 2000
                  or l !~* '^https?://[A-Za-z0-9._~%-]+(:[0-9]{1,5})?([/?#][!-~]*)?$') then
      return 'poc_link_invalid';
    end if;
    if step = 'deliver' and private.jury_trim(evidence) = '' and coalesce(cardinality(links), 0) = 0 then
      return 'poc_evidence_missing';
    end if;
  end if;
  if step in ('accept', 'reject') and private.jury_trim(reason) = '' then return 'poc_reason_missing'; end if;
  if char_length(private.jury_trim(reason)) > 4000 then return 'poc_reason_too_long'; end if;
  return null;
end
$$;
revoke execute on function private.poc_milestone_issue(text, text, text, text, text[], text)
  from public, anon, authenticated;

-- Helpers ----------------------------------------------------------------------------------

-- Whether the caller is on the concept's team (the partner, when the concept is one).
create function private.poc_is_partner_member(concept uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.concepts c join public.team_members m on m.team_id = c.team_id
                 where c.id = concept and m.user_id = (select auth.uid()))
$$;
revoke execute on function private.poc_is_partner_member(uuid) from public, anon, authenticated;

-- Whether the caller decides on the challenge's milestones: on its team or managing it
-- (its chair, an owner of its organisation) — and not on the partner's team.
create function private.poc_is_owner_side(challenge uuid, concept uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select auth.uid()) is not null
    and ((select private.is_on_challenge_team(challenge)) or (select private.manages_challenge_team(challenge)))
    and not private.poc_is_partner_member(concept)
$$;
revoke execute on function private.poc_is_owner_side(uuid, uuid) from public, anon, authenticated;

-- Refuses a change when the go / no-go decision is published: the phase has ended.
create function private.poc_require_open(challenge uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if private.current_decision(challenge, 'proof_of_concept') is not null then
    perform private.jury_refuse('poc_closed');
  end if;
end
$$;
revoke execute on function private.poc_require_open(uuid) from public, anon, authenticated;

-- The proof of concept of a partner concept, started now (in the caller's name) if it has
-- none. Refuses an unknown concept (poc_unknown) and one that is not a partner's
-- (poc_not_partner_concept: its final tender is not chosen in the current selection).
create function private.poc_ensure(concept uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
  poc uuid;
begin
  select * into c from public.concepts where id = concept;
  if not found then perform private.jury_refuse('poc_unknown'); end if;
  select id into poc from public.proofs_of_concept where concept_id = concept;
  if poc is not null then return poc; end if;
  if concept not in (select private.partner_concept_ids(c.challenge_id)) then
    perform private.jury_refuse('poc_not_partner_concept');
  end if;
  insert into public.proofs_of_concept (challenge_id, concept_id, started_by)
    values (c.challenge_id, concept, (select auth.uid()))
    on conflict (concept_id) do nothing
    returning id into poc;
  if poc is null then
    select id into poc from public.proofs_of_concept where concept_id = concept;
  end if;
  return poc;
end
$$;
revoke execute on function private.poc_ensure(uuid) from public, anon, authenticated;

-- The caller's display name for the record.
create function private.poc_caller_name() returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce((select coalesce(nullif(p.display_name, ''), p.email, '') from public.profiles p
                   where p.id = (select auth.uid())), '')
$$;
revoke execute on function private.poc_caller_name() from public, anon, authenticated;

-- State changes ------------------------------------------------------------------------------

-- Starts the proof of concept of a partner concept (issue 14: "for each selected concept, a
-- proof of concept"): the owner's challenge team, or the partner's team (which also starts
-- it by planning its first milestone). Returns its id; starting one already started
-- returns the same. Refuses: not signed in or neither side (TK422 poc_not_allowed), an
-- unknown concept (poc_unknown), a concept that is not a partner's (poc_not_partner_concept).
create function public.poc_start(concept uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
begin
  select * into c from public.concepts where id = concept;
  if not found then perform private.jury_refuse('poc_unknown'); end if;
  if (select auth.uid()) is null
     or not (private.poc_is_partner_member(concept) or private.poc_is_owner_side(c.challenge_id, concept)) then
    perform private.jury_refuse('poc_not_allowed');
  end if;
  return private.poc_ensure(concept);
end
$$;

-- Adds a milestone to a partner concept's proof of concept (started now if it was not):
-- `title` and `due_on` ('YYYY-MM-DD'), and optionally why. The partner's team only
-- (TK422 poc_not_partner); refuses what private.poc_milestone_issue refuses, more than 50
-- milestones (poc_too_many_milestones), a concept that is not a partner's
-- (poc_not_partner_concept), and any change after the go / no-go decision (poc_closed).
-- Recorded as a 'plan' event. Returns the milestone's id.
create function public.poc_add_milestone(concept uuid, title text, due_on text, reason text default '')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
  poc uuid;
  issue text;
  milestone uuid;
  me uuid := (select auth.uid());
  my_lang text := private.caller_locale();
begin
  select * into c from public.concepts where id = concept;
  if not found then perform private.jury_refuse('poc_unknown'); end if;
  if me is null or not private.poc_is_partner_member(concept) then
    perform private.jury_refuse('poc_not_partner');
  end if;
  perform private.poc_require_open(c.challenge_id);
  issue := private.poc_milestone_issue('plan', title, due_on, null, null, reason);
  if issue is not null then perform private.jury_refuse(issue); end if;
  poc := private.poc_ensure(concept);
  perform 1 from public.proofs_of_concept where id = poc for update;
  if (select count(*) from public.poc_milestones m where m.poc_id = poc) >= 50 then
    perform private.jury_refuse('poc_too_many_milestones');
  end if;
  insert into public.poc_milestones (poc_id, title, due_on, created_by, updated_by, lang)
    values (poc, private.jury_trim(title), due_on::date, me, me, my_lang)
    returning id into milestone;
  insert into public.poc_milestone_events (milestone_id, step, from_status, to_status, title, due_on,
      reason, by, by_name, lang)
    values (milestone, 'plan', null, 'planned', private.jury_trim(title), due_on::date,
      private.jury_trim(reason), me, private.poc_caller_name(), my_lang);
  return milestone;
end
$$;

-- One step on a milestone (src/lib/domain/development-record.ts): the partner's team
-- re-plans ('replan': a new `title` and `due_on`, back to planned — also after a
-- rejection), starts ('start') or delivers ('deliver', with `evidence` and/or `links`);
-- the owner's challenge team accepts ('accept') or rejects ('reject') a delivered one
-- with a `reason`. Every step is recorded as an event with who, when, from, to and why.
-- Refuses (nothing changed): an unknown milestone (TK422 poc_unknown); a step of the other
-- side or of nobody — a partner accepting, anyone but the owner's team deciding
-- (poc_not_owner), anyone but the partner's team planning (poc_not_partner); an accepted
-- milestone (poc_accepted); a step the status does not allow (poc_bad_step); the inputs
-- private.poc_milestone_issue refuses; any change after the go / no-go decision
-- (poc_closed). Returns the new status.
create function public.poc_milestone_step(milestone uuid, step text, title text default null,
  due_on text default null, evidence text default null, links text[] default null,
  reason text default '')
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.poc_milestones;
  p public.proofs_of_concept;
  actor text;
  new_status text;
  issue text;
  me uuid := (select auth.uid());
  my_lang text := private.caller_locale();
  clean_links text[];
begin
  select * into m from public.poc_milestones where id = milestone for update;
  if not found or me is null then perform private.jury_refuse('poc_unknown'); end if;
  select * into p from public.proofs_of_concept where id = m.poc_id;
  if step is null or step not in ('replan', 'start', 'deliver', 'accept', 'reject') then
    perform private.jury_refuse('poc_bad_step');
  end if;
  actor := case when step in ('accept', 'reject') then 'owner' else 'partner' end;
  if actor = 'owner' and not private.poc_is_owner_side(p.challenge_id, p.concept_id) then
    if not (p.id in (select private.my_poc_ids())) then perform private.jury_refuse('poc_unknown'); end if;
    perform private.jury_refuse('poc_not_owner');
  end if;
  if actor = 'partner' and not private.poc_is_partner_member(p.concept_id) then
    if not (p.id in (select private.my_poc_ids())) then perform private.jury_refuse('poc_unknown'); end if;
    perform private.jury_refuse('poc_not_partner');
  end if;
  perform private.poc_require_open(p.challenge_id);
  if m.status = 'accepted' then perform private.jury_refuse('poc_accepted'); end if;
  new_status := private.poc_milestone_after(m.status, step, actor);
  if new_status is null then perform private.jury_refuse('poc_bad_step'); end if;
  issue := private.poc_milestone_issue(step, title, due_on, evidence, links, reason);
  if issue is not null then perform private.jury_refuse(issue); end if;
  clean_links := coalesce(links, '{}');

  if step = 'replan' then
    update public.poc_milestones set status = new_status, title = private.jury_trim(poc_milestone_step.title),
        due_on = poc_milestone_step.due_on::date, updated_at = now(), updated_by = me, lang = my_lang
      where id = milestone;
  elsif step in ('start', 'deliver') then
    update public.poc_milestones set status = new_status,
        evidence = case when step = 'deliver' or private.jury_trim(poc_milestone_step.evidence) <> ''
                          or cardinality(clean_links) > 0
                        then private.jury_trim(poc_milestone_step.evidence) else poc_milestones.evidence end,
        links = case when step = 'deliver' or private.jury_trim(poc_milestone_step.evidence) <> ''
                       or cardinality(clean_links) > 0
                     then clean_links else poc_milestones.links end,
        updated_at = now(), updated_by = me, lang = my_lang
      where id = milestone;
  else
    update public.poc_milestones set status = new_status, review_reason = private.jury_trim(reason),
        reviewed_at = now(), reviewed_by = me
      where id = milestone;
  end if;

  insert into public.poc_milestone_events (milestone_id, step, from_status, to_status, title, due_on,
      evidence, links, reason, by, by_name, lang)
    values (milestone, step, m.status, new_status,
      case when step = 'replan' then private.jury_trim(poc_milestone_step.title) end,
      case when step = 'replan' then poc_milestone_step.due_on::date end,
      case when step in ('start', 'deliver') then private.jury_trim(poc_milestone_step.evidence) end,
      case when step in ('start', 'deliver') then clean_links end,
      private.jury_trim(reason), me, private.poc_caller_name(), my_lang);
  return new_status;
end
$$;

-- The partner concepts of a challenge (private.partner_concept_ids), for the owner's
-- page: only to the challenge's team and its organisation's owners; nothing for others.
create function public.poc_partner_concepts(challenge uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p from private.partner_concept_ids(challenge) p
  where challenge in (select private.my_decision_challenge_ids())
$$;

revoke execute on function public.poc_start(uuid), public.poc_add_milestone(uuid, text, text, text),
  public.poc_milestone_step(uuid, text, text, text, text, text[], text), public.poc_partner_concepts(uuid)
  from public, anon;
grant execute on function public.poc_start(uuid), public.poc_add_milestone(uuid, text, text, text),
  public.poc_milestone_step(uuid, text, text, text, text, text[], text), public.poc_partner_concepts(uuid)
  to authenticated;
