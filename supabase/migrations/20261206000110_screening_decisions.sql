-- Screening decisions move onto the one decision entity (issue 13, "Decisions are one
-- entity for every gate"; 20261206000100_decisions.sql). Each screening decision is a
-- published decision of stage 'screening' naming one application: chosen = eligible, the
-- item's reason = the justification. None is lost:
--   every current row of public.screening_decisions becomes such a decision;
--   every decision screening_history kept as 'revised' becomes one too, REPLACED by the
--     decision that followed it on the same application (a 'correction');
--   every decision kept as 'voided' (the team withdrew the submission it was made on)
--     becomes one, replaced by a 'void' decision published when it was voided.
-- screening_history stays as it was (with the marks a voided decision stood on).
--
-- public.screening_decisions is then a view (security_invoker: the decisions' policies
-- decide who reads it) with the same columns, over the current screening decisions, so
-- its readers — private.application_decided, private.team_eligible,
-- private.jury_stage_items, the dashboards, the screening pages and exports — read as
-- before. Redefined here: public.record_screening (writes a decision instead of the row;
-- a revision is a correction of the current one) and public.withdraw_application (voids
-- the current one with a 'void' decision instead of deleting the row). The screening mail
-- (screening_result, to the team) is enqueued at publication by
-- private.decision_mark_published, as the trigger on the table did: only for a change made
-- by a signed-in user. An insert into the view (the migrating role's fixtures) records a
-- decision the same way.

-- Every screening decision there is, oldest first per application --------------------------

create temporary table screening_moves as
select gen_random_uuid() as id, h.application_id, h.eligible, h.justification, h.decided_by,
  h.decided_by_name, coalesce(h.decided_at, h.ended_at) as decided_at, h.ended, h.ended_at, h.ended_by,
  null::text as lang
from public.screening_history h
where h.eligible is not null and h.justification is not null
union all
select gen_random_uuid(), d.application_id, d.eligible, d.justification, d.decided_by,
  d.decided_by_name, d.decided_at, null, null, null, d.lang
from public.screening_decisions d;

-- What each replaces: a decision follows the one revised before it on the same application.
create temporary table screening_chain as
select m.*, case when m.previous_ended = 'revised' then m.previous end as replaces
from (select s.*, lag(s.id) over w as previous, lag(s.ended) over w as previous_ended
      from screening_moves s
      window w as (partition by s.application_id order by s.decided_at, s.ended_at nulls last, s.id)) m;

-- The voids: one per voided decision, made when it was voided.
create temporary table screening_voids as
select gen_random_uuid() as id, c.id as replaces, c.application_id, c.ended_at, c.ended_by
from screening_chain c where c.ended = 'voided';

insert into public.decisions (id, challenge_id, stage, kind, replaces, rationale, prepared_by,
    prepared_by_name, prepared_at, signatory, decided_on, lang)
select c.id, a.challenge_id, 'screening', case when c.replaces is null then 'decision' else 'correction' end,
  c.replaces, '', c.decided_by, coalesce(c.decided_by_name, ''), c.decided_at, coalesce(t.signatory, ''),
  (c.decided_at at time zone 'Europe/Helsinki')::date, coalesce(c.lang, ch.primary_locale)
from screening_chain c
join public.applications a on a.id = c.application_id
join public.challenges ch on ch.id = a.challenge_id
left join public.challenge_stages t on t.challenge_id = a.challenge_id and t.stage = 'screening'
union all
select v.id, a.challenge_id, 'screening', 'void', v.replaces, '', v.ended_by,
  coalesce((select coalesce(nullif(p.display_name, ''), p.email, '') from public.profiles p where p.id = v.ended_by), ''),
  v.ended_at, '', (v.ended_at at time zone 'Europe/Helsinki')::date, ch.primary_locale
from screening_voids v
join public.applications a on a.id = v.application_id
join public.challenges ch on ch.id = a.challenge_id;

insert into public.decision_items (decision_id, item_kind, application_id, team_name, chosen, reason)
select c.id, 'application', c.application_id, coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
  c.eligible, c.justification
from screening_chain c join public.applications a on a.id = c.application_id
left join public.teams t on t.id = a.team_id
union all
select v.id, 'application', v.application_id, coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
  false, 'withdrawn'
from screening_voids v join public.applications a on a.id = v.application_id
left join public.teams t on t.id = a.team_id;

-- Published as they were: by who decided (or voided), when.
update public.decisions d set published_at = d.prepared_at, published_by = d.prepared_by
where d.id in (select id from screening_chain union all select id from screening_voids);

drop table screening_voids;
drop table screening_chain;
drop table screening_moves;

-- The table becomes a view over the entity ------------------------------------------------

drop table public.screening_decisions;
drop function private.mail_screening();

-- The current screening decision of each application: published, not a void, and not
-- replaced by a published decision. Read with the caller's rights (security_invoker): the
-- challenge's team reads its challenges' decisions, a team its own.
create view public.screening_decisions with (security_invoker = true) as
select i.application_id, i.chosen as eligible, i.reason as justification,
  d.prepared_by as decided_by, d.prepared_by_name as decided_by_name,
  d.published_at as decided_at, d.lang
from public.decisions d
join public.decision_items i on i.decision_id = d.id
where d.stage = 'screening' and d.published_at is not null and d.kind <> 'void'
  and not exists (select 1 from public.decisions r where r.replaces = d.id and r.published_at is not null);
comment on view public.screening_decisions is
  'The current screening decision per application, over public.decisions (20261206000110). Written only through public.record_screening.';
revoke all on public.screening_decisions from anon, authenticated;
grant select on public.screening_decisions to authenticated;

-- Records one screening decision on an application, in `by`'s name and the database's
-- time, replacing the current one (a correction) or, with `void`, ending it (a 'void'
-- decision, as a withdrawal does). Published at once; mailed (screening_result) only when
-- made by a signed-in user and not a void. Returns the decision's id, or null for a void
-- with nothing to end.
create function private.screening_record(application uuid, eligible boolean, justification text,
  by uuid, lang text, void boolean default false)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
  current uuid;
  decision uuid;
  by_name text;
begin
  select * into app from public.applications where id = application;
  select d.id into current from public.decisions d
    join public.decision_items i on i.decision_id = d.id and i.application_id = application
    where d.stage = 'screening' and d.published_at is not null and d.kind <> 'void'
      and not exists (select 1 from public.decisions r where r.replaces = d.id and r.published_at is not null)
    order by d.published_at desc, d.id
    limit 1;
  if void and current is null then return null; end if;
  select coalesce(nullif(p.display_name, ''), p.email, '') into by_name from public.profiles p where p.id = by;
  insert into public.decisions (challenge_id, stage, kind, replaces, prepared_by, prepared_by_name,
      signatory, decided_on, lang)
    values (app.challenge_id, 'screening',
      case when void then 'void' when current is null then 'decision' else 'correction' end,
      current, by, coalesce(by_name, ''),
      coalesce((select s.signatory from public.challenge_stages s
                where s.challenge_id = app.challenge_id and s.stage = 'screening'), ''),
      (now() at time zone 'Europe/Helsinki')::date,
      coalesce(screening_record.lang, (select c.primary_locale from public.challenges c where c.id = app.challenge_id)))
    returning id into decision;
  insert into public.decision_items (decision_id, item_kind, application_id, team_name, chosen, reason)
    select decision, 'application', application, coalesce(app.snapshot -> 'team' ->> 'name', t.name, ''),
      case when void then false else eligible end,
      case when void then 'withdrawn' else justification end
    from public.teams t where t.id = app.team_id;
  if void then
    update public.decisions set published_at = now(), published_by = by where id = decision;
  else
    perform private.decision_mark_published(decision);
  end if;
  return decision;
end
$$;
revoke execute on function private.screening_record(uuid, boolean, text, uuid, text, boolean)
  from public, anon, authenticated;

-- An insert into the view (the migrating role's fixtures and seeds) records a decision
-- as record_screening would, in the name of decided_by. Not for authenticated (no grant).
create function private.screening_decisions_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.justification is null or char_length(new.justification) not between 1 and 4000
     or new.eligible is null then
    raise exception 'a screening decision needs eligible and a justification of 1 to 4000 characters'
      using errcode = '23514';
  end if;
  perform private.screening_record(new.application_id, new.eligible, new.justification,
    coalesce(new.decided_by, (select auth.uid())), new.lang);
  return new;
end
$$;
revoke execute on function private.screening_decisions_insert() from public, anon, authenticated;
create trigger screening_decisions_insert instead of insert on public.screening_decisions
  for each row execute function private.screening_decisions_insert();

-- A screening decision is never updated or deleted: it is corrected (record_screening) or
-- voided (withdraw_application). Without grants authenticated is refused before this.
create function private.screening_decisions_locked() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  raise exception 'decision_locked' using errcode = '42501', hint = 'decision_locked';
end
$$;
revoke execute on function private.screening_decisions_locked() from public, anon, authenticated;
create trigger screening_decisions_locked instead of update or delete on public.screening_decisions
  for each row execute function private.screening_decisions_locked();

-- Redefined from 20261204000300_user_text_lang.sql: the decision is recorded on the
-- decision entity (private.screening_record: a revision corrects the current decision;
-- the earlier one stays, replaced, and is still kept in screening_history as before). The
-- application is locked for the change, so two screeners do not both correct one
-- decision. Nothing else changed.
create or replace function public.record_screening(application uuid, marks jsonb, decision jsonb)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  my_name text;
  earlier record;
  my_lang text := coalesce(
    case when jsonb_typeof(decision) = 'object' then decision ->> 'lang' end,
    private.caller_locale());
begin
  if me is null or not (select private.is_screenable(application)) then return 'unknown'; end if;
  select * into app from public.applications where id = application and status = 'submitted'
    for no key update;
  if not found then return 'unknown'; end if;
  if private.screening_refused(marks, decision, array(
       select r.id from public.challenge_requirements r where r.challenge_id = app.challenge_id)) then
    raise exception 'screening refused: a requirement not met needs a reason; a decision needs every requirement marked and a justification; an application that fails a requirement is not eligible'
      using errcode = '22023';
  end if;
  insert into public.screening_marks (application_id, requirement_id, met, reason, marked_by, marked_at, lang)
    select application, r.id, (m ->> 'met')::boolean, coalesce(m ->> 'reason', ''), me, now(),
           coalesce(m ->> 'lang', my_lang)
    from jsonb_array_elements(coalesce(marks, '[]'::jsonb)) m
    join public.challenge_requirements r
      on r.id = (m ->> 'requirementId')::uuid and r.challenge_id = app.challenge_id
    where m ->> 'met' is not null
    on conflict (application_id, requirement_id) do update set met = excluded.met,
      reason = excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at,
      lang = excluded.lang;
  if decision is null or jsonb_typeof(decision) <> 'object' then return 'saved'; end if;
  select * into earlier from public.screening_decisions where application_id = application;
  if found then
    insert into public.screening_history (application_id, submission_digest, eligible, justification,
        decided_by, decided_by_name, decided_at, marks, ended, ended_by)
      values (application, app.digest, earlier.eligible, earlier.justification, earlier.decided_by,
              earlier.decided_by_name, earlier.decided_at, '[]'::jsonb, 'revised', me);
  end if;
  perform private.screening_record(application, (decision ->> 'eligible')::boolean,
    decision ->> 'justification', me, my_lang);
  return 'decided';
end
$$;

-- Redefined from 20261130000300_record_guards.sql: the current screening decision is
-- voided on the decision entity (a 'void' decision replaces it; private.screening_record)
-- instead of deleted; screening_history keeps it with its marks as before. Nothing else
-- changed.
create or replace function public.withdraw_application(application uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  decided record;
  marked jsonb;
begin
  select * into app from public.applications where id = application for update;
  if not found or me is null or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    return 'unknown';
  end if;
  if app.status <> 'submitted' then return 'not_submitted'; end if;
  if not (select private.applications_open(app.challenge_id)) then return 'closed'; end if;
  select coalesce(jsonb_agg(jsonb_build_object('requirementId', requirement_id, 'met', met,
           'reason', reason, 'markedBy', marked_by, 'markedAt', marked_at) order by requirement_id), '[]'::jsonb)
    into marked from public.screening_marks where application_id = application;
  select * into decided from public.screening_decisions where application_id = application;
  if found or marked <> '[]'::jsonb then
    insert into public.screening_history (application_id, submission_digest, eligible, justification,
        decided_by, decided_by_name, decided_at, marks, ended, ended_by)
      values (application, app.digest, decided.eligible, decided.justification, decided.decided_by,
              coalesce(decided.decided_by_name, ''), decided.decided_at, marked, 'voided', me);
  end if;
  perform private.screening_record(application, null, null, me, null, true);
  delete from public.screening_marks where application_id = application;
  update public.applications
    set status = 'draft', submitted_at = null, submitted_by = null, digest = null, snapshot = null,
        version = version + 1, updated_at = now(), updated_by = me
    where id = application;
  delete from public.application_work_entries where application_id = application;
  insert into public.application_events (application_id, kind, at, by, digest)
    values (application, 'withdrawn', now(), me, app.digest);
  return 'withdrawn';
end
$$;
