-- The selection stage on final tenders (issue 14 on the jury and decisions of issue 13):
-- after the 'concepts' stage's deadline the jury of the selection stage scores the final
-- tenders in force, reads each as it was frozen (final_tenders.snapshot), price points are
-- computed from their prices (src/lib/domain/jury/price.ts), and the selection decision
-- names final tenders; the concepts whose tenders it chose are the PARTNERS
-- (private.partner_concept_ids), and a proof-of-concept go / no-go decides on those concepts.
--
-- 20261207000100_concepts.sql gave every item table a final_tender_id beside
-- application_id (and decision_items a concept_id). The functions of the jury and the
-- decisions compared application_id with "the item" everywhere; rather than a branch per
-- kind in each of them, every item table gets ITEM_ID, the one set column of its kind
-- (generated, stored, unique where application_id was), and the functions below — the
-- same as in 20261205000100_jury.sql, 20261206000300_jury_chair.sql,
-- 20261206000100_decisions.sql, 20261206000400_draft_comparison.sql and
-- 20261206000600_jury_text_lang.sql with `application_id` read as `item_id` and the new
-- kind written into its own column — work for either kind. Their callers, refusals and
-- record rules are unchanged.
--
-- Sealing: final tenders are opened (by jurors, and counted as items of the stage) only
-- once the 'concepts' stage has ended by the database clock
-- (private.final_tenders_unsealed), as applications are after the applications deadline.

-- The item, whatever its kind -----------------------------------------------------------------

alter table public.jury_conflicts
  add column item_id uuid generated always as (coalesce(application_id, final_tender_id)) stored;
alter table public.jury_assignments
  add column item_id uuid generated always as (coalesce(application_id, final_tender_id)) stored;
alter table public.jury_scores
  add column item_id uuid generated always as (coalesce(application_id, final_tender_id)) stored;
alter table public.jury_comments
  add column item_id uuid generated always as (coalesce(application_id, final_tender_id)) stored;
alter table public.decision_items
  add column item_id uuid generated always as (coalesce(application_id, final_tender_id, concept_id)) stored;
comment on column public.jury_scores.item_id is
  'The scored item whatever its kind: application_id or final_tender_id (generated).';
comment on column public.decision_items.item_id is
  'The decided item whatever its kind: application_id, final_tender_id or concept_id (generated).';
create unique index jury_conflicts_juror_item_idx on public.jury_conflicts (juror_id, item_id);
create index jury_conflicts_item_idx on public.jury_conflicts (item_id);
create unique index jury_assignments_juror_item_idx on public.jury_assignments (juror_id, item_id);
create index jury_assignments_item_idx on public.jury_assignments (item_id);
create unique index jury_scores_juror_item_criterion_idx
  on public.jury_scores (juror_id, item_id, criterion_id);
create index jury_scores_item_idx on public.jury_scores (item_id);
create index jury_comments_item_idx on public.jury_comments (item_id, created_at);
create unique index decision_items_decision_item_idx on public.decision_items (decision_id, item_id);
create index decision_items_item_idx on public.decision_items (item_id);

-- The column of an item's kind, for the inserts below: `item` when `kind` is `want`.
create function private.item_of(kind text, want text, item uuid) returns uuid
language sql immutable set search_path = ''
as $$
  select case when kind = want then item end
$$;
revoke execute on function private.item_of(text, text, uuid) from public, anon, authenticated;

-- The kind of item a stage scores: applications at shortlisting, final tenders at selection.
create function private.jury_stage_kind(stage_ text) returns text
language sql immutable set search_path = ''
as $$
  select case stage_ when 'selection' then 'final_tender' else 'application' end
$$;
revoke execute on function private.jury_stage_kind(text) from public, anon, authenticated;

-- What an item is ------------------------------------------------------------------------------

create or replace function private.jury_item(kind text, item uuid, out challenge_id uuid, out stage text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if kind = 'application' then
    select a.challenge_id, 'shortlisting' into challenge_id, stage
      from public.applications a where a.id = item and a.status = 'submitted';
  elsif kind = 'final_tender' then
    select t.challenge_id, 'selection' into challenge_id, stage
      from public.final_tenders t where t.id = item and t.withdrawn_at is null;
  end if;
  if challenge_id is null then perform private.jury_refuse('jury_unknown_item'); end if;
end
$$;

-- The items a stage scores: at shortlisting the submitted applications that screening
-- found eligible; at selection the final tenders in force, once the 'concepts' stage has
-- ended (sealed before: nothing to score, nothing to declare on).
create or replace function private.jury_stage_items(challenge uuid, stage_ text)
returns table (item_kind text, item_id uuid)
language sql stable security definer set search_path = ''
as $$
  select 'application', a.id from public.applications a
  join public.screening_decisions d on d.application_id = a.id and d.eligible
  where stage_ = 'shortlisting' and a.challenge_id = challenge and a.status = 'submitted'
  union all
  select 'final_tender', t.id from public.final_tenders t
  where stage_ = 'selection' and t.challenge_id = challenge and t.withdrawn_at is null
    and private.final_tenders_unsealed(challenge)
$$;

-- Final tenders the caller may open as a juror: assigned, declared free of conflict, in
-- force and unsealed. A juror who declared a conflict (or has not declared) never gets
-- the tender this way.
create function private.my_jury_final_tender_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.final_tender_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.final_tenders t on t.id = s.final_tender_id and t.withdrawn_at is null
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts c
                where c.juror_id = s.juror_id and c.item_id = s.item_id and not c.conflict)
    and private.final_tenders_unsealed(t.challenge_id)
$$;

-- Every item the caller may open as a juror, whatever its kind.
create function private.my_jury_item_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select private.my_jury_application_ids()
  union all
  select private.my_jury_final_tender_ids()
$$;

-- Items whose consensus discussion the caller reads: the team's challenges' items and,
-- once the consensus step of their stage is open, a juror's own items.
create function private.my_jury_discussion_item_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select private.my_jury_discussion_application_ids()
  union all
  select t.id from public.final_tenders t
  where t.challenge_id in (select private.my_team_challenge_ids())
  union all
  select i.id from private.my_jury_final_tender_ids() i(id)
  join public.final_tenders t on t.id = i.id
  join public.jury_stages g on g.challenge_id = t.challenge_id and g.stage = 'selection'
  where g.consensus_opened_at is not null
$$;

revoke execute on function private.my_jury_final_tender_ids(), private.my_jury_item_ids(),
  private.my_jury_discussion_item_ids() from public, anon;
grant execute on function private.my_jury_final_tender_ids(), private.my_jury_item_ids(),
  private.my_jury_discussion_item_ids() to authenticated;

-- Policies: the consensus discussion of either kind; a juror reads the final tenders they
-- score (the frozen snapshot is on the row), as they read the applications.
drop policy "the consensus discussion is seen by the team and the item's jurors" on public.jury_comments;
create policy "the consensus discussion is seen by the team and the item's jurors" on public.jury_comments
  for select to authenticated
  using (item_id in (select private.my_jury_discussion_item_ids()));

drop policy "a team reads its final tenders; the challenge team those unsealed" on public.final_tenders;
create policy "a team reads its final tenders; the challenge team those unsealed; jurors theirs"
  on public.final_tenders for select to authenticated
  using (concept_id in (select private.my_concept_ids())
         or (challenge_id in (select private.my_team_challenge_ids())
             and private.final_tenders_unsealed(challenge_id))
         or id in (select private.my_jury_final_tender_ids()));

-- The jury's functions, item by item_id ---------------------------------------------------------

create or replace function private.jury_done(juror uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select not exists (
    select 1 from public.jury_members j
    join public.jury_assignments s on s.juror_id = j.id
    join public.challenge_criteria k on k.challenge_id = j.challenge_id and k.stage = j.stage
    where j.id = juror
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = j.id and c.item_id = s.item_id and c.conflict)
      and not exists (select 1 from public.jury_scores x
                      where x.juror_id = j.id and x.item_id = s.item_id
                        and x.criterion_id = k.id and x.state = 'submitted')
  )
$$;

create or replace function private.my_visible_jury_score_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select x.id from public.jury_scores x
  join public.jury_members j on j.id = x.juror_id
  where x.state = 'submitted' and j.challenge_id in (select private.my_team_challenge_ids())
  union
  select x.id from public.jury_scores x
  join public.jury_members me on me.user_id = (select auth.uid()) and me.accepted_at is not null
  join public.jury_members j on j.id = x.juror_id
    and j.challenge_id = me.challenge_id and j.stage = me.stage
  join public.jury_stages g on g.challenge_id = me.challenge_id and g.stage = me.stage
  where x.state = 'submitted'
    and x.item_id in (select private.my_jury_item_ids())
    and (g.consensus_opened_at is not null or private.jury_done(me.id))
$$;

create or replace function private.jury_scoring_juror(item_kind text, item uuid,
  out juror uuid, out challenge uuid, out stage text, out step numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  declared boolean;
begin
  select i.challenge_id, i.stage into challenge, stage from private.jury_item(item_kind, item) i;
  juror := private.my_juror(challenge, stage);
  select c.conflict into declared from public.jury_conflicts c
    where c.juror_id = juror and c.item_id = item;
  if declared then perform private.jury_refuse('jury_conflicted'); end if;
  if not exists (select 1 from public.jury_assignments s where s.juror_id = juror and s.item_id = item)
     or item not in (select private.my_jury_item_ids()) and declared is not null then
    perform private.jury_refuse('jury_not_assigned');
  end if;
  if declared is null then perform private.jury_refuse('jury_not_declared'); end if;
  select g.score_step into step from public.jury_stages g
    where g.challenge_id = challenge and g.stage = jury_scoring_juror.stage;
end
$$;

create or replace function public.jury_save_scores(item_kind text, item uuid, scores jsonb) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  s record;
  problem text;
  n int := 0;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if jsonb_typeof(scores) is distinct from 'array' then perform private.jury_refuse('jury_bad_input'); end if;
  for s in select (x ->> 'criterion')::uuid as criterion,
                  case when jsonb_typeof(x -> 'points') = 'number' then (x ->> 'points')::numeric end as points,
                  jsonb_typeof(x -> 'points') as points_type,
                  coalesce(x ->> 'justification', '') as justification
           from jsonb_array_elements(scores) x loop
    if s.points_type not in ('number', 'null') and s.points_type is not null then
      perform private.jury_refuse('jury_score_missing');
    end if;
    select private.jury_score_problem(s.points, k.max_points, who.step, s.justification, false)
      into problem
      from public.challenge_criteria k
      where k.id = s.criterion and k.challenge_id = who.challenge and k.stage = who.stage;
    if not found then perform private.jury_refuse('jury_unknown_criterion'); end if;
    if problem is not null then perform private.jury_refuse(problem); end if;
    if exists (select 1 from public.jury_scores x where x.juror_id = who.juror
               and x.item_id = item and x.criterion_id = s.criterion and x.state = 'submitted') then
      perform private.jury_refuse('jury_already_submitted');
    end if;
    insert into public.jury_scores (juror_id, item_kind, application_id, final_tender_id, criterion_id,
        points, justification)
      values (who.juror, item_kind, private.item_of(item_kind, 'application', item),
        private.item_of(item_kind, 'final_tender', item), s.criterion, s.points,
        private.jury_trim(s.justification))
      on conflict (juror_id, item_id, criterion_id) do update
        set points = excluded.points, justification = excluded.justification;
    n := n + 1;
  end loop;
  return n;
end
$$;

create or replace function public.jury_submit_scores(item_kind text, item uuid, scores jsonb default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  problem text;
  n int;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if exists (select 1 from public.jury_scores x
             where x.juror_id = who.juror and x.item_id = item and x.state = 'submitted') then
    perform private.jury_refuse('jury_already_submitted');
  end if;
  if scores is not null then perform public.jury_save_scores(item_kind, item, scores); end if;
  select private.jury_score_problem(x.points, k.max_points, who.step, x.justification, true)
    into problem
    from public.challenge_criteria k
    left join public.jury_scores x on x.criterion_id = k.id and x.juror_id = who.juror
      and x.item_id = item
    where k.challenge_id = who.challenge and k.stage = who.stage
      and private.jury_score_problem(x.points, k.max_points, who.step, x.justification, true) is not null
    order by k.position, k.id
    limit 1;
  if problem is not null then perform private.jury_refuse(problem); end if;
  update public.jury_scores x set state = 'submitted', submitted_at = now()
    from public.challenge_criteria k
    where x.juror_id = who.juror and x.item_id = item and k.id = x.criterion_id
      and k.challenge_id = who.challenge and k.stage = who.stage;
  get diagnostics n = row_count;
  if n = 0 then perform private.jury_refuse('jury_score_missing'); end if;
  return n;
end
$$;

create or replace function public.jury_revise_score(score uuid, points numeric, justification text, reason text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  x public.jury_scores;
  who record;
  max_points int;
  problem text;
  why text := private.jury_trim(reason);
  revision uuid;
begin
  select * into x from public.jury_scores s
    where s.id = score and s.juror_id in (select private.my_juror_ids()) for update;
  if not found then
    raise exception 'jury_not_juror' using errcode = '42501', hint = 'jury_not_juror';
  end if;
  select * into who from private.jury_scoring_juror(x.item_kind, x.item_id);
  if x.state <> 'submitted' then perform private.jury_refuse('jury_not_submitted'); end if;
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if why = '' then perform private.jury_refuse('jury_reason_missing'); end if;
  if char_length(why) > 2000 then perform private.jury_refuse('jury_reason_too_long'); end if;
  select k.max_points into max_points from public.challenge_criteria k where k.id = x.criterion_id;
  problem := private.jury_score_problem(points, max_points, who.step, justification, true);
  if problem is not null then perform private.jury_refuse(problem); end if;
  insert into public.jury_score_revisions
      (score_id, old_points, new_points, old_justification, new_justification, reason, revised_by)
    values (x.id, x.points, points, x.justification, private.jury_trim(justification), why,
      (select auth.uid()))
    returning id into revision;
  update public.jury_scores s set points = jury_revise_score.points,
      justification = private.jury_trim(jury_revise_score.justification)
    where s.id = x.id;
  return revision;
end
$$;

create or replace function public.jury_comment(item_kind text, item uuid, body text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  text_ text := private.jury_trim(body);
  id_ uuid;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if text_ = '' then perform private.jury_refuse('jury_comment_blank'); end if;
  if char_length(text_) > 4000 then perform private.jury_refuse('jury_comment_too_long'); end if;
  insert into public.jury_comments (juror_id, item_kind, application_id, final_tender_id, body)
    values (who.juror, item_kind, private.item_of(item_kind, 'application', item),
      private.item_of(item_kind, 'final_tender', item), text_)
    returning id into id_;
  return id_;
end
$$;

create or replace function public.jury_conflict_candidates(challenge uuid, stage text)
returns table (item_kind text, item uuid, team_name text, organisations text[], conflict boolean,
  declared_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  juror uuid := private.my_juror(challenge, stage);
begin
  return query
    select i.item_kind, i.item_id, t.name,
      coalesce((select array_agg(distinct w.organisation order by w.organisation)
                from public.team_members m join public.work_entries w on w.user_id = m.user_id
                where m.team_id = t.id and w.organisation <> ''), '{}'),
      c.conflict, c.declared_at
    from private.jury_stage_items(challenge, stage) i
    left join public.applications a on a.id = i.item_id and i.item_kind = 'application'
    left join public.final_tenders f on f.id = i.item_id and i.item_kind = 'final_tender'
    join public.teams t on t.id = coalesce(a.team_id, f.team_id)
    left join public.jury_conflicts c on c.juror_id = juror and c.item_id = i.item_id
    order by t.name, i.item_id;
end
$$;

create or replace function public.jury_declare_conflicts(challenge uuid, stage text, declarations jsonb)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  juror uuid := private.my_juror(challenge, stage);
  d record;
  prior boolean;
  n int := 0;
begin
  if jsonb_typeof(declarations) is distinct from 'array' then
    perform private.jury_refuse('jury_bad_input');
  end if;
  for d in select coalesce(x ->> 'itemKind', private.jury_stage_kind(stage)) as kind, (x ->> 'item')::uuid as item,
                  (x ->> 'conflict')::boolean as conflict
           from jsonb_array_elements(declarations) x loop
    if d.conflict is null or not exists (
      select 1 from private.jury_stage_items(challenge, stage) i
      where i.item_kind = d.kind and i.item_id = d.item) then
      perform private.jury_refuse('jury_unknown_item');
    end if;
    select c.conflict into prior from public.jury_conflicts c
      where c.juror_id = juror and c.item_id = d.item for update;
    if prior is null then
      insert into public.jury_conflicts (juror_id, item_kind, application_id, final_tender_id, conflict)
        values (juror, d.kind, private.item_of(d.kind, 'application', d.item),
          private.item_of(d.kind, 'final_tender', d.item), d.conflict);
      n := n + 1;
    elsif prior and not d.conflict then
      perform private.jury_refuse('jury_conflict_final');
    elsif not prior and d.conflict then
      update public.jury_conflicts set conflict = true, declared_at = now()
        where juror_id = juror and item_id = d.item;
      n := n + 1;
    end if;
  end loop;
  return n;
end
$$;

create or replace function public.jury_assign(challenge uuid, stage text, pairs jsonb, per_item int default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p record;
  n int := 0;
  jurors uuid[];
  items uuid[];
begin
  perform private.jury_require_chair(challenge);
  if jsonb_typeof(pairs) is distinct from 'array' then perform private.jury_refuse('jury_bad_input'); end if;
  if per_item is not null and (per_item < 1 or per_item > 100) then
    perform private.jury_refuse('jury_bad_input');
  end if;
  update public.jury_stages g set jurors_per_item = per_item
    where g.challenge_id = challenge and g.stage = jury_assign.stage;
  if not found then perform private.jury_refuse('jury_unknown_stage'); end if;
  select coalesce(array_agg((x ->> 'juror')::uuid), '{}'), coalesce(array_agg((x ->> 'item')::uuid), '{}')
    into jurors, items from jsonb_array_elements(pairs) x;
  for p in select distinct (x ->> 'juror')::uuid as juror, coalesce(x ->> 'itemKind', private.jury_stage_kind(stage)) as kind,
                  (x ->> 'item')::uuid as item
           from jsonb_array_elements(pairs) x loop
    if not exists (select 1 from public.jury_members j where j.id = p.juror and j.challenge_id = challenge
                   and j.stage = jury_assign.stage and j.accepted_at is not null) then
      perform private.jury_refuse('jury_unknown_juror');
    end if;
    if not exists (select 1 from private.jury_stage_items(challenge, stage) i
                   where i.item_kind = p.kind and i.item_id = p.item) then
      perform private.jury_refuse('jury_unknown_item');
    end if;
    if exists (select 1 from public.jury_conflicts c
               where c.juror_id = p.juror and c.item_id = p.item and c.conflict) then
      perform private.jury_refuse('jury_conflicted_pair');
    end if;
    insert into public.jury_assignments (juror_id, item_kind, application_id, final_tender_id)
      values (p.juror, p.kind, private.item_of(p.kind, 'application', p.item),
        private.item_of(p.kind, 'final_tender', p.item)) on conflict do nothing;
    n := n + 1;
  end loop;
  if exists (
    select 1 from public.jury_assignments s join public.jury_members j on j.id = s.juror_id
    where j.challenge_id = challenge and j.stage = jury_assign.stage
      and not exists (select 1 from unnest(jurors, items) x(juror, item)
                      where x.juror = s.juror_id and x.item = s.item_id)
      and exists (select 1 from public.jury_scores sc
                  where sc.juror_id = s.juror_id and sc.item_id = s.item_id)) then
    perform private.jury_refuse('jury_assignment_has_scores');
  end if;
  delete from public.jury_assignments s using public.jury_members j
    where j.id = s.juror_id and j.challenge_id = challenge and j.stage = jury_assign.stage
      and not exists (select 1 from unnest(jurors, items) x(juror, item)
                      where x.juror = s.juror_id and x.item = s.item_id);
  return n;
end
$$;

-- The guards name every item column (a BEFORE trigger sees no generated value).
create or replace function private.guard_jury_score() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    -- A cascade (the challenge, application or account deleted) takes the scores along.
    if old.state = 'submitted' and pg_catalog.pg_trigger_depth() = 1 then
      raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
    end if;
    return old;
  end if;
  if new.juror_id <> old.juror_id or new.application_id is distinct from old.application_id
     or new.final_tender_id is distinct from old.final_tender_id
     or new.criterion_id <> old.criterion_id or new.item_kind <> old.item_kind then
    raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
  end if;
  if old.state = 'submitted' then
    if new.state <> 'submitted' or new.submitted_at <> old.submitted_at
       or ((new.points, new.justification) is distinct from (old.points, old.justification)
           and not exists (
             select 1 from public.jury_score_revisions r
             where r.score_id = old.id and r.revised_at = now()
               and r.old_points = old.points and r.new_points = new.points
               and r.old_justification = old.justification
               and r.new_justification = new.justification)) then
      raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
    end if;
  end if;
  new.saved_at := now();
  return new;
end
$$;

create or replace function private.guard_jury_record() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if tg_table_name = 'jury_conflicts' and tg_op = 'UPDATE'
     and not old.conflict and new.conflict
     and (new.juror_id, new.application_id, new.final_tender_id)
         is not distinct from (old.juror_id, old.application_id, old.final_tender_id) then
    return new;
  end if;
  raise exception 'jury_record_locked' using errcode = '42501', hint = 'jury_record_locked';
end
$$;

-- The chair's readers --------------------------------------------------------------------------

create or replace function private.jury_missing(juror uuid, out declarations int, out scores int)
language sql stable security definer set search_path = ''
as $$
  select
    (select count(*)::int from public.jury_members j
       cross join lateral private.jury_stage_items(j.challenge_id, j.stage) i
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.item_id = i.item_id)),
    (select count(*)::int from public.jury_members j
       join public.jury_assignments s on s.juror_id = j.id
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.item_id = s.item_id and c.conflict)
         and exists (select 1 from public.challenge_criteria k
                     where k.challenge_id = j.challenge_id and k.stage = j.stage
                       and not exists (select 1 from public.jury_scores x
                                       where x.juror_id = j.id and x.item_id = s.item_id
                                         and x.criterion_id = k.id and x.state = 'submitted')))
$$;

-- The items a stage scores (private.jury_stage_items), each with its team's name (as frozen
-- in the application; a final tender's team's current name), when it was submitted (the
-- ranking's third tie-break) and, for a final tender, its price in cents (null where none
-- was asked). For the challenge's team and whoever manages it (42501 jury_not_chair).
-- Redefined from 20261206000300_jury_chair.sql with the price added.
drop function public.jury_items(uuid, text);
create function public.jury_items(challenge uuid, stage text)
returns table (item_kind text, item uuid, team_name text, submitted_at timestamptz, price_cents bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.jury_require_team(challenge);
  return query
    select i.item_kind, i.item_id, coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
      coalesce(a.submitted_at, f.submitted_at), f.price_cents
    from private.jury_stage_items(challenge, stage) i
    left join public.applications a on a.id = i.item_id and i.item_kind = 'application'
    left join public.final_tenders f on f.id = i.item_id and i.item_kind = 'final_tender'
    left join public.teams t on t.id = coalesce(a.team_id, f.team_id)
    where i.item_kind <> 'application' or private.applications_unsealed(challenge)
    order by 4, i.item_id;
end
$$;
revoke execute on function public.jury_items(uuid, text) from public, anon;
grant execute on function public.jury_items(uuid, text) to authenticated;

create or replace function public.jury_progress(challenge uuid, stage text)
returns table (juror uuid, item uuid, assigned boolean, conflict boolean, scores text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  criteria int;
begin
  perform private.jury_require_team(challenge);
  select count(*)::int into criteria from public.challenge_criteria k
    where k.challenge_id = challenge and k.stage = jury_progress.stage;
  return query
    with pairs as (
      select s.juror_id, s.item_id from public.jury_assignments s
        join public.jury_members m on m.id = s.juror_id
        where m.challenge_id = challenge and m.stage = jury_progress.stage
      union
      select c.juror_id, c.item_id from public.jury_conflicts c
        join public.jury_members m on m.id = c.juror_id
        where m.challenge_id = challenge and m.stage = jury_progress.stage
    ), counts as (
      select x.juror_id, x.item_id, count(*) filter (where x.state = 'submitted') as submitted,
        count(*) as saved
      from public.jury_scores x join public.jury_members m on m.id = x.juror_id
      where m.challenge_id = challenge and m.stage = jury_progress.stage
      group by x.juror_id, x.item_id
    )
    select p.juror_id, p.item_id,
      exists (select 1 from public.jury_assignments s
              where s.juror_id = p.juror_id and s.item_id = p.item_id),
      c.conflict,
      case when n.submitted >= criteria and criteria > 0 then 'submitted'
           when n.saved > 0 then 'draft' else 'none' end
    from pairs p
    left join public.jury_conflicts c on c.juror_id = p.juror_id and c.item_id = p.item_id
    left join counts n on n.juror_id = p.juror_id and n.item_id = p.item_id;
end
$$;

create or replace function public.jury_scorecards(challenge uuid, stage text)
returns table (juror uuid, item uuid, points float8[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  criteria int;
begin
  perform private.jury_require_team(challenge);
  select count(*)::int into criteria from public.challenge_criteria k
    where k.challenge_id = challenge and k.stage = jury_scorecards.stage;
  return query
    select s.juror_id, s.item_id,
      case when count(x.criterion_id) = criteria and criteria > 0
           then array_agg(x.points::float8 order by x.position, x.criterion_id) end
    from public.jury_members m
    join public.jury_assignments s on s.juror_id = m.id
    left join (select y.juror_id, y.item_id, y.criterion_id, y.points, k.position
               from public.jury_scores y
               join public.challenge_criteria k on k.id = y.criterion_id
                 and k.challenge_id = challenge and k.stage = jury_scorecards.stage
               where y.state = 'submitted') x
      on x.juror_id = s.juror_id and x.item_id = s.item_id
    where m.challenge_id = challenge and m.stage = jury_scorecards.stage
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = s.juror_id and c.item_id = s.item_id
                        and c.conflict)
    group by s.juror_id, s.item_id;
end
$$;

-- Decisions ---------------------------------------------------------------------------------

-- Items of PUBLISHED decisions that are the caller's team's own: its application, its
-- final tender, or its concept.
create or replace function private.my_decision_item_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select i.id from public.decision_items i
  join public.decisions d on d.id = i.decision_id and d.published_at is not null
  where i.application_id in (select private.my_application_ids())
     or i.final_tender_id in (select t.id from public.final_tenders t
                              where t.concept_id in (select private.my_concept_ids()))
     or i.concept_id in (select private.my_concept_ids())
$$;

-- The items a stage decides on: at shortlisting the applications the jury scores (found
-- eligible at screening); at selection the final tenders the jury scores (in force, after
-- the concepts deadline); at proof of concept the partners' concepts (those whose final
-- tender the current selection decision chose).
create or replace function private.decision_stage_items(challenge uuid, stage_ text)
returns table (item_kind text, item_id uuid)
language sql stable security definer set search_path = ''
as $$
  select i.item_kind, i.item_id from private.jury_stage_items(challenge, stage_) i
  where stage_ in ('shortlisting', 'selection')
  union all
  select 'concept', p.id from private.partner_concept_ids(challenge) p(id)
  where stage_ = 'proof_of_concept'
$$;

-- The concepts whose final tender the challenge's current selection decision chose: its
-- partners. Current: published, not void, not replaced by a published correction
-- (private.current_decision). Redefined from 20261207000100_concepts.sql, which did not
-- leave out a void decision.
create or replace function private.partner_concept_ids(challenge uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.concept_id from public.decision_items i
  join public.final_tenders t on t.id = i.final_tender_id
  where i.decision_id = private.current_decision(challenge, 'selection') and i.chosen
$$;

create or replace function private.decision_write_draft(challenge uuid, stage_ text, replaced uuid,
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
  for x in select coalesce(e ->> 'itemKind',
                    case stage_ when 'selection' then 'final_tender' when 'proof_of_concept' then 'concept'
                    else 'application' end) as kind,
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
    if exists (select 1 from public.decision_items i where i.decision_id = draft and i.item_id = x.item) then
      perform private.jury_refuse('decision_duplicate');
    end if;
    if char_length(private.jury_trim(x.reason #>> '{}')) > 4000 then
      perform private.jury_refuse('decision_reason_too_long');
    end if;
    insert into public.decision_items (decision_id, item_kind, application_id, final_tender_id,
        concept_id, team_name, chosen, rank, reason, quality_points, price_points, total_points)
      select draft, x.kind, private.item_of(x.kind, 'application', x.item),
        private.item_of(x.kind, 'final_tender', x.item), private.item_of(x.kind, 'concept', x.item),
        coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
        (x.chosen #>> '{}')::boolean, private.decision_number(x.rank)::int,
        private.jury_trim(x.reason #>> '{}'), round(private.decision_number(x.quality), 2),
        round(private.decision_number(x.price), 2), round(private.decision_number(x.total), 2)
      from (select x.item) i
      left join public.applications a on a.id = i.item and x.kind = 'application'
      left join public.final_tenders f on f.id = i.item and x.kind = 'final_tender'
      left join public.concepts k on k.id = i.item and x.kind = 'concept'
      left join public.teams t on t.id = coalesce(a.team_id, f.team_id, k.team_id);
  end loop;
  return draft;
end
$$;

-- The team an item belongs to, and the application page where its members read the
-- result: the application itself, or the shortlisted application the concept (of the
-- final tender) grew from.
create function private.decision_item_team(i public.decision_items,
  out team_id uuid, out application_id uuid)
language sql stable security definer set search_path = ''
as $$
  select coalesce(a.team_id, k.team_id), coalesce(a.id, k.application_id)
  from (select 1) one
  left join public.applications a on a.id = i.application_id
  left join public.final_tenders f on f.id = i.final_tender_id
  left join public.concepts k on k.id = coalesce(i.concept_id, f.concept_id)
$$;
revoke execute on function private.decision_item_team(public.decision_items)
  from public, anon, authenticated;

create or replace function private.decision_mark_published(decision uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.decisions;
  x record;
begin
  select * into d from public.decisions where id = decision;
  insert into public.decision_scores (item_id, criterion_id, juror_ordinal, points, justification, lang)
    select i.id, s.criterion_id, o.ordinal, s.points, s.justification, s.lang
    from public.decision_items i
    join public.jury_scores s on s.item_id = i.item_id and s.state = 'submitted'
    join public.challenge_criteria k on k.id = s.criterion_id and k.challenge_id = d.challenge_id
      and k.stage = d.stage
    join (select j.id, row_number() over (order by j.invited_at, j.id)::int as ordinal
          from public.jury_members j
          where j.challenge_id = d.challenge_id and j.stage = d.stage
            and exists (select 1 from public.jury_scores z where z.juror_id = j.id and z.state = 'submitted')
         ) o on o.id = s.juror_id
    where i.decision_id = decision
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = s.juror_id and c.item_id = i.item_id and c.conflict);
  update public.decisions set
      k = case when stage = 'screening' then k else private.decision_k(challenge_id, stage) end,
      decided_on = coalesce(decided_on, (now() at time zone 'Europe/Helsinki')::date),
      published_at = now(),
      published_by = (select auth.uid())
    where id = decision;
  if (select auth.uid()) is null then return; end if;
  for x in select o.application_id, i.chosen, i.team_name, o.team_id
           from public.decision_items i cross join lateral private.decision_item_team(i) o
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

create or replace function public.decision_publish(decision uuid) returns timestamptz
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
                             where s.item_kind = i.item_kind and s.item_id = i.item_id)) then
    perform private.jury_refuse('decision_unknown_item');
  end if;
  if exists (select 1 from private.decision_stage_items(d.challenge_id, d.stage) s
             where not exists (select 1 from public.decision_items i where i.decision_id = decision
                               and i.item_kind = s.item_kind and i.item_id = s.item_id)) then
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

create or replace function public.decision_comparison(decision uuid)
returns table (item_id uuid, team_name text, chosen boolean, rank int, criterion_id uuid,
  mean_points numeric, quality_points numeric, price_points numeric, total_points numeric)
language sql stable security definer set search_path = ''
as $$
  with d as (
    select x.* from public.decisions x
    where x.id = decision
      and (x.challenge_id in (select private.my_decision_challenge_ids())
           or (x.comparison_published and x.id in (select private.my_decision_ids())))
  ), points as (
    select s.item_id, s.criterion_id, s.points
    from d join public.decision_items i on i.decision_id = d.id
    join public.decision_scores s on s.item_id = i.id
    where d.published_at is not null
    union all
    select i.id, x.criterion_id, x.points
    from d join public.decision_items i on i.decision_id = d.id
    join public.jury_scores x on x.item_id = i.item_id and x.state = 'submitted'
    join public.jury_members j on j.id = x.juror_id and j.challenge_id = d.challenge_id
      and j.stage = d.stage
    where d.published_at is null
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = x.juror_id and c.item_id = i.item_id
                        and c.conflict)
  )
  select i.id, i.team_name, i.chosen, i.rank, p.criterion_id, round(avg(p.points), 2),
    i.quality_points, i.price_points, i.total_points
  from d join public.decision_items i on i.decision_id = d.id
  left join points p on p.item_id = i.id
  group by i.id, p.criterion_id
  order by i.rank nulls last, i.team_name, i.id, p.criterion_id
$$;

-- A juror opens the files of the final tenders they score, as they open an application's
-- documents (20261206000200_juror_reads.sql): the attachment rows of the tender's concept
-- open to the juror who may open the tender (assigned, declared free of conflict, in
-- force, unsealed), and to no other juror; the file route serves a file only when its row
-- is seen. One select policy on concept_attachments, replaced with the jury path or-ed in.
create function private.my_jury_concept_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.concept_id from public.final_tenders t
  where t.id in (select private.my_jury_final_tender_ids())
$$;
revoke execute on function private.my_jury_concept_ids() from public, anon;
grant execute on function private.my_jury_concept_ids() to authenticated;

drop policy "whoever reads the concept reads its attachments" on public.concept_attachments;
create policy "whoever reads the concept reads its attachments; jurors those of their tenders"
  on public.concept_attachments for select to authenticated
  using (concept_id in (select private.my_concept_ids())
         or concept_id in (select private.my_owned_concept_ids())
         or concept_id in (select private.my_jury_concept_ids()));
