-- Issue 16, found by tests/integration/helper-oracles.test.ts: three helpers a signed-in
-- user may call answered about rows row-level security hides from that user, each an
-- oracle for anyone who learns a row's id (ids travel in links, mails and exports):
-- - private.decision_replaced(decision): whether a published correction replaces any
--   decision. Whether a decision has been replaced is now a fact on the decision's own row,
--   decisions.replaced_by, set by the database when the correction is published, so the
--   screening decisions view reads it with the row its policies let through, and the helper
--   is gone.
-- - private.application_shortlisted(application): whether any application was chosen at
--   shortlisting. It now answers false unless the caller is a member of its team or on the
--   challenge team once it may be screened (what the applications policy lets them read;
--   its callers are the team's pages and public.concept_start).
-- - private.jury_member_challenge(juror): any juror's challenge. It now answers null unless
--   the caller may read the jury member (the juror, or the challenge team: the jury_members
--   policy), which is all the jury policies asked of it.

-- The published correction that replaces a decision --------------------------------------

alter table public.decisions add column replaced_by uuid unique references public.decisions (id);
comment on column public.decisions.replaced_by is
  'The published correction or void that replaces this decision, set by the database when that one is published (private.decision_note_replaced); the only column of a published decision that changes, once.';

-- The record guard as before (20261206000100_decisions.sql), letting through the one change
-- to a published decision: replaced_by set, once, to a published decision replacing it.
create or replace function private.guard_decision() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  published timestamptz;
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if tg_table_name = 'decisions' then
    published := old.published_at;
    if tg_op = 'UPDATE' and published is not null and old.replaced_by is null
       and to_jsonb(new) - 'replaced_by' = to_jsonb(old) - 'replaced_by'
       and exists (select 1 from public.decisions r
                   where r.id = new.replaced_by and r.replaces = old.id and r.published_at is not null) then
      return new;
    end if;
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

-- When a correction or a void is published (inserted published, as screening's are, or
-- published later), the decision it replaces is marked. A second publication replacing the
-- same decision is refused by the guard (decision_locked) under the row's lock.
create function private.decision_note_replaced() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  update public.decisions set replaced_by = new.id where id = new.replaces;
  return null;
end
$$;
revoke execute on function private.decision_note_replaced() from public, anon, authenticated;
create trigger decisions_note_replaced_on_insert after insert on public.decisions
  for each row when (new.published_at is not null and new.replaces is not null)
  execute function private.decision_note_replaced();
create trigger decisions_note_replaced_on_publish after update of published_at on public.decisions
  for each row when (old.published_at is null and new.published_at is not null and new.replaces is not null)
  execute function private.decision_note_replaced();

update public.decisions o set replaced_by = r.id
  from public.decisions r
  where r.replaces = o.id and r.published_at is not null;

create or replace view public.screening_decisions with (security_invoker = true) as
select i.application_id, i.chosen as eligible, i.reason as justification,
  d.prepared_by as decided_by, d.prepared_by_name as decided_by_name,
  d.published_at as decided_at, d.lang
from public.decisions d
join public.decision_items i on i.decision_id = d.id
where d.stage = 'screening' and d.published_at is not null and d.kind <> 'void'
  and d.replaced_by is null;

drop function private.decision_replaced(uuid);

create or replace function private.current_decision(challenge uuid, stage_ text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select d.id from public.decisions d
  where d.challenge_id = challenge and d.stage = stage_ and d.published_at is not null
    and d.kind <> 'void' and d.replaced_by is null
  order by d.published_at desc, d.id
  limit 1
  into result;
  return result;
end
$$;

-- Shortlisted: asked only of an application the caller reads ---------------------------

create or replace function private.application_shortlisted(application uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  app record;
begin
  select a.team_id, a.challenge_id into app from public.applications a where a.id = application;
  if not found then return false; end if;
  if not private.is_team_member(app.team_id) then
    if not private.is_screenable(application) then return false; end if;
  end if;
  return exists (
    select 1 from public.decision_items i
    where i.application_id = application and i.chosen
      and i.decision_id = private.current_decision(app.challenge_id, 'shortlisting')
  );
end
$$;

-- A juror's challenge: asked only of a jury member the caller reads ----------------------

create or replace function private.jury_member_challenge(juror uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select j.challenge_id from public.jury_members j
  where j.id = juror
    and (j.user_id = (select auth.uid()) or private.is_on_challenge_team(j.challenge_id))
  into result;
  return result;
end
$$;
