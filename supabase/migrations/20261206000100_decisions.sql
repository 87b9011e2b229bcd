-- Decisions (issue 13, "Decisions are one entity for every gate"): screening, shortlisting,
-- selection and later proof-of-concept go/no-go all record the same DECISION: the
-- challenge and stage, the items chosen and not chosen with a reason each, who prepared
-- it, who signs it and on which day, the rationale, a written justification where it
-- departs from the jury's ranking, when it was published, and — frozen at publication —
-- the jury's submitted scores it rests on.
--
-- The record rules of 20261130000300_record_guards.sql and 20261205000100_jury.sql hold:
-- anon gets nothing, authenticated only SELECT through one policy per table, every state
-- change is a security definer function below that checks the caller, and the authors and
-- times are set here. A PUBLISHED decision is never changed or deleted (the guard below
-- holds it also for the definer functions); a correction is a new decision whose
-- `replaces` names the published one, which stays as it was and reads as replaced.
--
-- Who reads what:
--   the challenge's team (and the owners of its organisation) every decision of the
--     challenge, drafts too, with every item and every frozen score;
--   a member of a team named in a PUBLISHED decision: the decision, their own item's row
--     (chosen, rank, reason, points) and their own item's frozen scores with the jurors'
--     justifications (jurors as 'Juror 1..n', never names); through public.decision_chosen
--     the names of the chosen teams; through public.decision_comparison every item's mean
--     points per criterion, only when the decision publishes the comparison (always in an
--     innovation partnership, the owner's choice in an open challenge) — never other
--     teams' justifications;
--   nobody else anything.
--
-- Refusals: SQLSTATE TK422 with the reason code as message and hint (decision_…), or
-- 42501 with hint decision_not_chair / decision_locked; src/lib/server/http/jury-refusals.ts
-- maps each to a status and words. A refusal aborts the call: nothing is changed.
--
-- The chair's rule for departing from the ranking is checkDecision in
-- src/lib/domain/jury/decision.ts (same codes): the top k by the stored ranks is the
-- proposal; choosing another set, fewer or k + 1 needs a written justification; more than
-- k + 1 is refused; so is choosing nobody.

-- Tables ---------------------------------------------------------------------------------

create table public.decisions (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  stage text not null check (stage in ('screening', 'shortlisting', 'selection', 'proof_of_concept')),
  -- 'decision' the first on its stage (or item, at screening); 'correction' replaces a
  -- published one; 'void' ends one without a new result (a screening whose submission
  -- the team withdrew).
  kind text not null default 'decision' check (kind in ('decision', 'correction', 'void')),
  -- How many the procedure selects: challenges.shortlist_count at shortlisting,
  -- partner_count at selection (read again at publication); null where no count applies.
  k int check (k between 1 and 1000),
  rationale text not null default '' check (char_length(rationale) <= 8000),
  -- Why the chosen set departs from the top k by rank; required when it does.
  deviation text not null default '' check (char_length(deviation) <= 4000),
  prepared_by uuid references auth.users (id) on delete set null,
  prepared_by_name text not null default '',
  prepared_at timestamptz not null default now(),
  signatory text not null default '' check (char_length(signatory) <= 200),
  decided_on date,
  published_at timestamptz,
  published_by uuid references auth.users (id) on delete set null,
  replaces uuid unique references public.decisions (id) on delete cascade,
  comparison_published boolean not null default false,
  appeal text not null default '' check (char_length(appeal) <= 8000),
  lang text not null default 'fi' check (lang in ('fi', 'sv', 'en')),
  check ((kind = 'decision') = (replaces is null)),
  check (published_at is null or decided_on is not null)
);
comment on table public.decisions is
  'One decision at a gate (issue 13): written by public.decision_prepare / decision_correct / decision_publish and, at screening, public.record_screening. Published rows are never changed.';
create index decisions_challenge_idx on public.decisions (challenge_id, stage);
create index decisions_prepared_by_idx on public.decisions (prepared_by);
create index decisions_published_by_idx on public.decisions (published_by);
-- One draft at a time per evaluated stage (screening decisions are published at once).
create unique index decisions_one_draft_idx on public.decisions (challenge_id, stage)
  where published_at is null and stage <> 'screening';

-- The items a decision names, each chosen or not with a reason. The item is a reference
-- like the jury's (item_kind, application_id): a concept or final tender adds its kind and
-- a nullable column beside application_id. team_name is the team's name when prepared.
create table public.decision_items (
  id uuid primary key default gen_random_uuid(),
  decision_id uuid not null references public.decisions (id) on delete cascade,
  item_kind text not null default 'application' check (item_kind in ('application')),
  application_id uuid references public.applications (id) on delete cascade,
  team_name text not null default '',
  chosen boolean not null,
  rank int check (rank between 1 and 100000),
  reason text not null default '' check (char_length(reason) <= 4000),
  quality_points numeric(9, 2) check (quality_points >= 0),
  price_points numeric(9, 2) check (price_points >= 0),
  total_points numeric(9, 2) check (total_points >= 0),
  check ((item_kind = 'application') = (application_id is not null)),
  unique (decision_id, application_id)
);
create index decision_items_application_idx on public.decision_items (application_id);

-- The submitted jury scores a decision rests on, copied at publication: per item,
-- criterion and juror (numbered 1..n in the decision, by appointment; never named to
-- teams). A juror who declared a conflict on the item is left out, even if they had
-- submitted before declaring it.
create table public.decision_scores (
  item_id uuid not null references public.decision_items (id) on delete cascade,
  criterion_id uuid not null references public.challenge_criteria (id),
  juror_ordinal int not null check (juror_ordinal >= 1),
  points numeric(7, 2) not null,
  justification text not null,
  primary key (item_id, criterion_id, juror_ordinal)
);
create index decision_scores_criterion_idx on public.decision_scores (criterion_id);

alter table public.decisions enable row level security;
alter table public.decision_items enable row level security;
alter table public.decision_scores enable row level security;
revoke all on public.decisions, public.decision_items, public.decision_scores from anon, authenticated;
grant select on public.decisions, public.decision_items, public.decision_scores to authenticated;

-- Who reads ---------------------------------------------------------------------------------

-- Challenges whose decisions the caller reads whole: on the challenge's team, or an owner
-- of its organisation (who may act as its chair: private.manages_challenge_team).
create function private.my_decision_challenge_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select private.my_team_challenge_ids()
  union
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid()) and m.role = 'owner'
$$;

-- Items of PUBLISHED decisions that are the caller's team's own.
create function private.my_decision_item_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select i.id from public.decision_items i
  join public.decisions d on d.id = i.decision_id and d.published_at is not null
  where i.application_id in (select private.my_application_ids())
$$;

-- Decisions the caller reads: those of the challenges above, and published ones naming
-- the caller's team.
create function private.my_decision_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select d.id from public.decisions d where d.challenge_id in (select private.my_decision_challenge_ids())
  union
  select i.decision_id from public.decision_items i where i.id in (select private.my_decision_item_ids())
$$;

-- Items and scores the owner's side reads whole.
create function private.my_owned_decision_item_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select i.id from public.decision_items i join public.decisions d on d.id = i.decision_id
  where d.challenge_id in (select private.my_decision_challenge_ids())
$$;

revoke execute on function private.my_decision_challenge_ids(), private.my_decision_item_ids(),
  private.my_decision_ids(), private.my_owned_decision_item_ids() from public, anon;
grant execute on function private.my_decision_challenge_ids(), private.my_decision_item_ids(),
  private.my_decision_ids(), private.my_owned_decision_item_ids() to authenticated;

create policy "the challenge team reads its decisions; a team the published ones naming it"
  on public.decisions for select to authenticated
  using (id in (select private.my_decision_ids()));
create policy "the challenge team reads every item; a team its own, once published"
  on public.decision_items for select to authenticated
  using (id in (select private.my_owned_decision_item_ids()) or id in (select private.my_decision_item_ids()));
create policy "the challenge team reads the frozen scores; a team its own item's"
  on public.decision_scores for select to authenticated
  using (item_id in (select private.my_owned_decision_item_ids()) or item_id in (select private.my_decision_item_ids()));

-- Record guard -------------------------------------------------------------------------------

-- A published decision, its items and its frozen scores are never changed or deleted; a
-- draft's items are replaced by the definer functions, and a draft's scores are frozen
-- once, at publication. Holds for the definer functions too. A cascade (the challenge or
-- an application deleted) is let through.
create function private.guard_decision() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  published timestamptz;
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if tg_table_name = 'decisions' then
    published := old.published_at;
  elsif tg_table_name = 'decision_items' then
    select d.published_at into published from public.decisions d
      where d.id = case when tg_op = 'INSERT' then new.decision_id else old.decision_id end;
  else
    select d.published_at into published from public.decision_items i
      join public.decisions d on d.id = i.decision_id
      where i.id = case when tg_op = 'INSERT' then new.item_id else old.item_id end;
  end if;
  if published is not null then
    raise exception 'decision_locked' using errcode = '42501', hint = 'decision_locked';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end
$$;
revoke execute on function private.guard_decision() from public, anon, authenticated;
create trigger decisions_guard before update or delete on public.decisions
  for each row execute function private.guard_decision();
create trigger decision_items_guard before insert or update or delete on public.decision_items
  for each row execute function private.guard_decision();
create trigger decision_scores_guard before insert or update or delete on public.decision_scores
  for each row execute function private.guard_decision();

-- Helpers ----------------------------------------------------------------------------------

-- Refuses a caller who does not manage the challenge's team (its chair or an owner of its
-- organisation): 42501 decision_not_chair.
create function private.decision_require_chair(challenge uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not (select private.manages_challenge_team(challenge)) then
    raise exception 'decision_not_chair' using errcode = '42501', hint = 'decision_not_chair';
  end if;
end
$$;
revoke execute on function private.decision_require_chair(uuid) from public, anon, authenticated;

-- The current decision of an evaluated stage: published and not replaced by a published one.
create function private.current_decision(challenge uuid, stage_ text) returns uuid
language sql stable security definer set search_path = ''
as $$
  select d.id from public.decisions d
  where d.challenge_id = challenge and d.stage = stage_ and d.published_at is not null
    and d.kind <> 'void'
    and not exists (select 1 from public.decisions r where r.replaces = d.id and r.published_at is not null)
  order by d.published_at desc, d.id
  limit 1
$$;
revoke execute on function private.current_decision(uuid, text) from public, anon, authenticated;

-- The items a stage decides on: at shortlisting the applications the jury scores (found
-- eligible at screening); at selection those the jury scores there and those the current
-- shortlisting decision chose; at proof of concept those the current selection chose.
create function private.decision_stage_items(challenge uuid, stage_ text)
returns table (item_kind text, item_id uuid)
language sql stable security definer set search_path = ''
as $$
  select i.item_kind, i.item_id from private.jury_stage_items(challenge, stage_) i
  where stage_ in ('shortlisting', 'selection')
  union
  select x.item_kind, x.application_id from public.decision_items x
  where x.chosen and x.decision_id = private.current_decision(challenge,
    case stage_ when 'selection' then 'shortlisting' when 'proof_of_concept' then 'selection' end)
$$;
revoke execute on function private.decision_stage_items(uuid, text) from public, anon, authenticated;

-- How many the procedure selects at a stage (null where no count applies).
create function private.decision_k(challenge uuid, stage_ text) returns int
language sql stable security definer set search_path = ''
as $$
  select case stage_ when 'shortlisting' then c.shortlist_count when 'selection' then c.partner_count end
  from public.challenges c where c.id = challenge
$$;
revoke execute on function private.decision_k(uuid, text) from public, anon, authenticated;

-- The default appeal instructions, in the challenge's primary language: a Finnish
-- procurement decision states how to seek its correction (Act 1397/2016 §132) and to
-- appeal to the Market Court (§146–147); the owner may write their own.
create function private.decision_default_appeal(locale text) returns text
language sql immutable set search_path = ''
as $$
  select case locale
    when 'sv' then 'Den som berörs av beslutet kan begära upphandlingsrättelse hos den upphandlande enheten eller söka ändring hos marknadsdomstolen inom 14 dagar från det att hen fått del av beslutet. Anvisningar fås av kontaktpersonen för utmaningen.'
    when 'en' then 'Anyone affected by this decision may request a procurement correction from the contracting entity, or appeal to the Market Court, within 14 days of being notified of it. The challenge''s contact person gives instructions.'
    else 'Päätökseen tyytymätön asianosainen voi vaatia hankintaoikaisua hankintayksiköltä tai hakea muutosta markkinaoikeudelta 14 päivän kuluessa päätöksen tiedoksisaannista. Ohjeita antaa haasteen yhteyshenkilö.'
  end
$$;
revoke execute on function private.decision_default_appeal(text) from public, anon, authenticated;

-- A uuid from text, or null when it is not one.
create function private.decision_uuid(t text) returns uuid
language sql immutable set search_path = ''
as $$
  select case when t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then t::uuid end
$$;
revoke execute on function private.decision_uuid(text) from public, anon, authenticated;

-- A JSON number as numeric; null for anything else.
create function private.decision_number(j jsonb) returns numeric
language sql immutable set search_path = ''
as $$
  select case when jsonb_typeof(j) = 'number' then (j #>> '{}')::numeric end
$$;
revoke execute on function private.decision_number(jsonb) from public, anon, authenticated;

-- Writes a draft (new, or the stage's draft replaced): `items` is [{itemKind?, item,
-- chosen, rank?, reason?, quality?, price?, total?}] and `details` {rationale?, deviation?,
-- signatory?, decidedOn? ('YYYY-MM-DD'), comparisonPublished?, appeal?, lang?}. Refuses
-- input that is not of that shape (TK422 decision_bad_input), an item the stage does not
-- decide on (decision_unknown_item), an item twice (decision_duplicate), a reason over
-- 4000 characters (decision_reason_too_long), a justification over 4000
-- (decision_justification_too_long) and other text over its length (decision_text_too_long).
-- Defaults: the signatory and date of the timetable's stage, the appeal text in the
-- challenge's primary language, the comparison published in an innovation partnership
-- (always) and not in an open challenge (the owner's choice). Returns the draft's id.
create function private.decision_write_draft(challenge uuid, stage_ text, replaced uuid,
  items jsonb, details jsonb)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.challenges;
  timetable public.challenge_stages;
  d jsonb := coalesce(details, '{}'::jsonb);
  draft uuid;
  day date;
  x record;
  lang_ text;
  key text;
begin
  select * into c from public.challenges where id = challenge;
  if jsonb_typeof(items) is distinct from 'array' or jsonb_typeof(d) <> 'object'
     or (d ? 'comparisonPublished' and jsonb_typeof(d -> 'comparisonPublished') <> 'boolean') then
    perform private.jury_refuse('decision_bad_input');
  end if;
  foreach key in array array['rationale', 'deviation', 'signatory', 'appeal', 'lang', 'decidedOn'] loop
    if d ? key and jsonb_typeof(d -> key) not in ('string', 'null') then
      perform private.jury_refuse('decision_bad_input');
    end if;
  end loop;
  lang_ := coalesce(d ->> 'lang', c.primary_locale);
  if lang_ not in ('fi', 'sv', 'en') then perform private.jury_refuse('decision_bad_input'); end if;
  if char_length(private.jury_trim(d ->> 'deviation')) > 4000 then
    perform private.jury_refuse('decision_justification_too_long');
  end if;
  if char_length(private.jury_trim(d ->> 'rationale')) > 8000
     or char_length(private.jury_trim(d ->> 'appeal')) > 8000
     or char_length(private.jury_trim(d ->> 'signatory')) > 200 then
    perform private.jury_refuse('decision_text_too_long');
  end if;
  if d ->> 'decidedOn' is not null then
    if d ->> 'decidedOn' !~ '^\d{4}-\d{2}-\d{2}$' then perform private.jury_refuse('decision_bad_input'); end if;
    begin
      day := (d ->> 'decidedOn')::date;
    exception when others then
      perform private.jury_refuse('decision_bad_input');
    end;
  end if;
  select * into timetable from public.challenge_stages s where s.challenge_id = challenge and s.stage = stage_;

  select id into draft from public.decisions
    where challenge_id = challenge and stage = stage_ and published_at is null for update;
  if draft is null then
    insert into public.decisions (challenge_id, stage, kind, replaces, prepared_by)
      values (challenge, stage_, case when replaced is null then 'decision' else 'correction' end,
              replaced, me)
      returning id into draft;
  end if;
  update public.decisions set
      kind = case when replaced is null then 'decision' else 'correction' end,
      replaces = replaced,
      k = private.decision_k(challenge, stage_),
      rationale = private.jury_trim(d ->> 'rationale'),
      deviation = private.jury_trim(d ->> 'deviation'),
      signatory = coalesce(nullif(private.jury_trim(d ->> 'signatory'), ''), timetable.signatory, ''),
      decided_on = coalesce(day, timetable.decision_on),
      comparison_published = c.procedure = 'innovation_partnership'
        or coalesce((d ->> 'comparisonPublished')::boolean, false),
      appeal = coalesce(nullif(private.jury_trim(d ->> 'appeal'), ''),
                        private.decision_default_appeal(c.primary_locale)),
      lang = lang_,
      prepared_by = me,
      prepared_by_name = coalesce((select coalesce(nullif(p.display_name, ''), p.email, '')
                                   from public.profiles p where p.id = me), ''),
      prepared_at = now()
    where id = draft;

  delete from public.decision_items where decision_id = draft;
  for x in select coalesce(e ->> 'itemKind', 'application') as kind,
                  private.decision_uuid(e ->> 'item') as item,
                  e -> 'chosen' as chosen, e -> 'rank' as rank, e -> 'reason' as reason,
                  e -> 'quality' as quality, e -> 'price' as price, e -> 'total' as total
           from jsonb_array_elements(items) e loop
    if jsonb_typeof(x.chosen) is distinct from 'boolean'
       or coalesce(jsonb_typeof(x.reason), 'null') not in ('string', 'null')
       or exists (select 1 from (values (x.rank, 1, 100000), (x.quality, 0, 9999999), (x.price, 0, 9999999),
                                        (x.total, 0, 9999999)) v(p, lo, hi)
                  where coalesce(jsonb_typeof(v.p), 'null') <> 'null'
                    and private.decision_number(v.p) is null
                     or private.decision_number(v.p) not between v.lo and v.hi)
       or private.decision_number(x.rank) <> trunc(private.decision_number(x.rank)) then
      perform private.jury_refuse('decision_bad_input');
    end if;
    if x.item is null or not exists (select 1 from private.decision_stage_items(challenge, stage_) i
                                     where i.item_kind = x.kind and i.item_id = x.item) then
      perform private.jury_refuse('decision_unknown_item');
    end if;
    if exists (select 1 from public.decision_items i where i.decision_id = draft and i.application_id = x.item) then
      perform private.jury_refuse('decision_duplicate');
    end if;
    if char_length(private.jury_trim(x.reason #>> '{}')) > 4000 then
      perform private.jury_refuse('decision_reason_too_long');
    end if;
    insert into public.decision_items (decision_id, item_kind, application_id, team_name, chosen, rank,
        reason, quality_points, price_points, total_points)
      select draft, x.kind, x.item, coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
        (x.chosen #>> '{}')::boolean, private.decision_number(x.rank)::int,
        private.jury_trim(x.reason #>> '{}'), round(private.decision_number(x.quality), 2),
        round(private.decision_number(x.price), 2), round(private.decision_number(x.total), 2)
      from public.applications a left join public.teams t on t.id = a.team_id
      where a.id = x.item;
  end loop;
  return draft;
end
$$;
revoke execute on function private.decision_write_draft(uuid, text, uuid, jsonb, jsonb)
  from public, anon, authenticated;

-- Freezes the scores, fills what publication fixes (k, the day) and publishes, in the
-- caller's name; then mails every member of every named team (decision_published, or
-- screening_result at screening) in their own language. No checks: the callers check.
create function private.decision_mark_published(decision uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.decisions;
  x record;
begin
  select * into d from public.decisions where id = decision;
  insert into public.decision_scores (item_id, criterion_id, juror_ordinal, points, justification)
    select i.id, s.criterion_id, o.ordinal, s.points, s.justification
    from public.decision_items i
    join public.jury_scores s on s.application_id = i.application_id and s.state = 'submitted'
    join public.challenge_criteria k on k.id = s.criterion_id and k.challenge_id = d.challenge_id
      and k.stage = d.stage
    join (select j.id, row_number() over (order by j.invited_at, j.id)::int as ordinal
          from public.jury_members j
          where j.challenge_id = d.challenge_id and j.stage = d.stage
            and exists (select 1 from public.jury_scores z where z.juror_id = j.id and z.state = 'submitted')
         ) o on o.id = s.juror_id
    where i.decision_id = decision
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = s.juror_id and c.application_id = i.application_id and c.conflict);
  update public.decisions set
      k = case when stage = 'screening' then k else private.decision_k(challenge_id, stage) end,
      decided_on = coalesce(decided_on, (now() at time zone 'Europe/Helsinki')::date),
      published_at = now(),
      published_by = (select auth.uid())
    where id = decision;
  if (select auth.uid()) is null then return; end if;
  for x in select i.application_id, i.chosen, i.team_name, a.team_id
           from public.decision_items i join public.applications a on a.id = i.application_id
           where i.decision_id = decision loop
    perform private.enqueue_mail(
      case when d.stage = 'screening' then 'screening_result' else 'decision_published' end,
      private.team_user_ids(x.team_id),
      private.mail_challenge(d.challenge_id) || case when d.stage = 'screening'
        then jsonb_build_object('team', x.team_name, 'eligible', x.chosen,
                                'path', '/applications/' || x.application_id)
        else jsonb_build_object('team', x.team_name, 'chosen', x.chosen, 'stage', d.stage,
                                'correction', d.kind = 'correction',
                                'path', '/applications/' || x.application_id)
      end);
  end loop;
end
$$;
revoke execute on function private.decision_mark_published(uuid) from public, anon, authenticated;

-- State changes ------------------------------------------------------------------------------

-- Prepares the decision of an evaluated stage (`stage`: shortlisting, selection or
-- proof_of_concept; else TK422 decision_unknown_stage) as a draft, or replaces the stage's
-- draft: see private.decision_write_draft for `items`, `details`, defaults and refusals.
-- The chair only (42501 decision_not_chair). Once the stage has a published decision it
-- is changed only by a correction (TK422 decision_already_published: use
-- public.decision_correct); a draft correction in progress is replaced, still naming the
-- decision it corrects. Returns the draft's id.
create function public.decision_prepare(challenge uuid, stage text, items jsonb, details jsonb default '{}')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  replaced uuid;
begin
  perform private.decision_require_chair(challenge);
  if stage is null or stage not in ('shortlisting', 'selection', 'proof_of_concept') then
    perform private.jury_refuse('decision_unknown_stage');
  end if;
  select d.replaces into replaced from public.decisions d
    where d.challenge_id = challenge and d.stage = decision_prepare.stage and d.published_at is null;
  if replaced is null and private.current_decision(challenge, stage) is not null then
    perform private.jury_refuse('decision_already_published');
  end if;
  return private.decision_write_draft(challenge, stage, replaced, items, details);
end
$$;

-- Prepares a correction of a published decision (`decision`): a new draft that names it
-- in `replaces`, with `items` and `details` as public.decision_prepare takes them; the
-- stage's draft, if any, becomes this correction. Publishing it leaves the corrected
-- decision unchanged and marks it replaced. Refuses: an unknown decision (TK422
-- decision_unknown), anyone but the chair (42501 decision_not_chair), a draft
-- (decision_not_published), a screening decision (decision_unknown_stage: screening is
-- revised through public.record_screening) and one already replaced (decision_replaced).
-- Returns the correction's id.
create function public.decision_correct(decision uuid, items jsonb, details jsonb default '{}')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.decisions;
begin
  select * into d from public.decisions where id = decision;
  if not found then perform private.jury_refuse('decision_unknown'); end if;
  perform private.decision_require_chair(d.challenge_id);
  if d.stage = 'screening' then perform private.jury_refuse('decision_unknown_stage'); end if;
  if d.published_at is null then perform private.jury_refuse('decision_not_published'); end if;
  if d.kind = 'void' or exists (select 1 from public.decisions r where r.replaces = d.id and r.published_at is not null) then
    perform private.jury_refuse('decision_replaced');
  end if;
  return private.decision_write_draft(d.challenge_id, d.stage, d.id, items, details);
end
$$;

-- Publishes a draft decision: from now on it never changes. Refuses (nothing changed):
-- an unknown decision (TK422 decision_unknown); anyone but the chair (42501
-- decision_not_chair); a published one (decision_already_published); a corrected decision
-- replaced meanwhile (decision_replaced); the stage's count not set on the challenge
-- (decision_count_unset); no items or nobody chosen (decision_empty); an item the stage
-- no longer decides on (decision_unknown_item); an item of the stage left out
-- (decision_items_incomplete: every candidate is chosen or not, with a reason); an item
-- without a reason (decision_reason_missing); more than k + 1 chosen (decision_too_many);
-- a chosen set that is not the top k by the stored ranks — another set, fewer, or k + 1 —
-- without a written justification (decision_justification_missing). At publication the
-- submitted jury scores of the named items are frozen into decision_scores (not those of
-- a juror who declared a conflict on the item), and every member of every named team is
-- mailed (decision_published) in their own language. Returns the publication time.
create function public.decision_publish(decision uuid) returns timestamptz
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.decisions;
  k_ int;
  n_chosen int;
  departs boolean;
begin
  select * into d from public.decisions where id = decision for update;
  if not found then perform private.jury_refuse('decision_unknown'); end if;
  perform private.decision_require_chair(d.challenge_id);
  if d.published_at is not null then perform private.jury_refuse('decision_already_published'); end if;
  if d.stage = 'screening' then perform private.jury_refuse('decision_unknown_stage'); end if;
  if d.replaces is not null and exists (select 1 from public.decisions r
      where r.replaces = d.replaces and r.id <> d.id and r.published_at is not null) then
    perform private.jury_refuse('decision_replaced');
  end if;
  if d.replaces is null and private.current_decision(d.challenge_id, d.stage) is not null then
    perform private.jury_refuse('decision_already_published');
  end if;
  k_ := private.decision_k(d.challenge_id, d.stage);
  if k_ is null and d.stage in ('shortlisting', 'selection') then
    perform private.jury_refuse('decision_count_unset');
  end if;
  select count(*) filter (where i.chosen) into n_chosen from public.decision_items i where i.decision_id = decision;
  if coalesce(n_chosen, 0) = 0 then perform private.jury_refuse('decision_empty'); end if;
  if exists (select 1 from public.decision_items i where i.decision_id = decision
             and not exists (select 1 from private.decision_stage_items(d.challenge_id, d.stage) s
                             where s.item_kind = i.item_kind and s.item_id = i.application_id)) then
    perform private.jury_refuse('decision_unknown_item');
  end if;
  if exists (select 1 from private.decision_stage_items(d.challenge_id, d.stage) s
             where not exists (select 1 from public.decision_items i where i.decision_id = decision
                               and i.item_kind = s.item_kind and i.application_id = s.item_id)) then
    perform private.jury_refuse('decision_items_incomplete');
  end if;
  if exists (select 1 from public.decision_items i where i.decision_id = decision and private.is_blank(i.reason)) then
    perform private.jury_refuse('decision_reason_missing');
  end if;
  if k_ is not null then
    if n_chosen > k_ + 1 then perform private.jury_refuse('decision_too_many'); end if;
    departs := exists (select 1 from public.decision_items i where i.decision_id = decision
                       and i.chosen is distinct from coalesce(i.rank <= k_, false));
    if departs and private.is_blank(d.deviation) then
      perform private.jury_refuse('decision_justification_missing');
    end if;
  end if;
  perform private.decision_mark_published(decision);
  return now();
end
$$;

-- Readers beyond the caller's own rows --------------------------------------------------------

-- The chosen items of a decision the caller reads (policy of public.decisions), best rank
-- first: the team names a team sees in its result. Nothing for anyone else.
create function public.decision_chosen(decision uuid)
returns table (team_name text, rank int)
language sql stable security definer set search_path = ''
as $$
  select i.team_name, i.rank from public.decision_items i
  where i.decision_id = decision and i.chosen and decision in (select private.my_decision_ids())
  order by i.rank nulls last, i.team_name, i.id
$$;

-- The comparison table of a decision: per item and criterion the mean of the frozen
-- scores, with the item's rank, chosen and points. The challenge's team reads it always; a
-- team named in the published decision only when it publishes the comparison. Never the
-- justifications. Nothing for anyone else.
create function public.decision_comparison(decision uuid)
returns table (item_id uuid, team_name text, chosen boolean, rank int, criterion_id uuid,
  mean_points numeric, quality_points numeric, price_points numeric, total_points numeric)
language sql stable security definer set search_path = ''
as $$
  select i.id, i.team_name, i.chosen, i.rank, s.criterion_id, round(avg(s.points), 2),
    i.quality_points, i.price_points, i.total_points
  from public.decisions d
  join public.decision_items i on i.decision_id = d.id
  left join public.decision_scores s on s.item_id = i.id
  where d.id = decision
    and (d.challenge_id in (select private.my_decision_challenge_ids())
         or (d.comparison_published and d.id in (select private.my_decision_ids())))
  group by i.id, s.criterion_id
  order by i.rank nulls last, i.team_name, i.id, s.criterion_id
$$;

revoke execute on function public.decision_prepare(uuid, text, jsonb, jsonb),
  public.decision_correct(uuid, jsonb, jsonb), public.decision_publish(uuid),
  public.decision_chosen(uuid), public.decision_comparison(uuid)
  from public, anon;
grant execute on function public.decision_prepare(uuid, text, jsonb, jsonb),
  public.decision_correct(uuid, jsonb, jsonb), public.decision_publish(uuid),
  public.decision_chosen(uuid), public.decision_comparison(uuid)
  to authenticated;
