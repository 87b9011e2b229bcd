-- Two findings of an outside tester on decisions: their day (below) and the language of
-- their fixed wording (the grant at the end).
--
-- A decision's day lies in a sane window (found by an outside tester: a decision dated
-- 1 January 1900 was published, and a day after its publication was accepted). The day a
-- decision is dated is the day it is signed (Administrative Procedure Act 434/2003 §44):
--   - never before the Helsinki day the challenge was published (created, if it never
--     was): a decision closes a stage of the published challenge;
--   - as a draft, never after today or the day the timetable plans for the stage's
--     decision (challenge_stages.decision_on), whichever is later;
--   - when published, never after today. The timetable's planned day, still to come, is
--     the one exception: publishing dates it the day of publication, as
--     20261208000500_decision_dated_when_published.sql rules.
-- The same rule is decisionDayIssue in src/lib/domain/jury/decision-day.ts (where the
-- window comes from is written there); tests/integration/rule-parity-decision-day.test.ts
-- feeds both the same cases. Screening decisions are left out: nobody types their day.
-- The database decides: the check sits in the trigger every write of a decision goes
-- through (public.decision_prepare, decision_correct and decision_publish, and a direct
-- update through the Data API alike), before the publication dates it.

-- Why `day` cannot date the decision, or null: 'decision_day_before_challenge' or
-- 'decision_day_in_future'. Days compare as dates.
create function private.decision_day_issue(day date, challenge_from date, today date,
  planned date, publishing boolean) returns text
language sql immutable set search_path = ''
as $$
  select case
    when day < challenge_from then 'decision_day_before_challenge'
    when publishing and day > today and day is distinct from planned then 'decision_day_in_future'
    when not publishing and day > greatest(today, planned) then 'decision_day_in_future'
  end
$$;
revoke execute on function private.decision_day_issue(date, date, date, date, boolean)
  from public, anon, authenticated;

-- Replaces the trigger function of 20261208000500: first the window (a day the preparer
-- or the Data API set), then the dating at publication as before.
create or replace function private.decision_dated_when_published() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  published_on date := (new.published_at at time zone 'Europe/Helsinki')::date;
  publishing boolean := old.published_at is null and new.published_at is not null;
  today date := (now() at time zone 'Europe/Helsinki')::date;
  issue text;
begin
  if new.stage <> 'screening' and new.decided_on is not null
     and (publishing or (new.published_at is null and new.decided_on is distinct from old.decided_on)) then
    select private.decision_day_issue(new.decided_on,
             (coalesce(c.published_at, c.created_at) at time zone 'Europe/Helsinki')::date,
             today,
             (select s.decision_on from public.challenge_stages s
              where s.challenge_id = new.challenge_id and s.stage = new.stage),
             publishing)
      into issue
      from public.challenges c where c.id = new.challenge_id;
    if issue is not null then perform private.jury_refuse(issue); end if;
  end if;
  if publishing then
    new.decided_on := least(coalesce(new.decided_on, published_on), published_on);
  end if;
  return new;
end
$$;

-- The decision's fixed wording follows its reader (found by the same tester: a Finnish
-- team read "Organiser", "Chosen" and the standard appeal instructions in English). The
-- record keeps the standard instructions in the challenge's primary language, as the
-- form promises; a page tells them apart from the owner's own by asking this function,
-- and shows them in its reader's language (message decision_doc_standard_appeal, held to
-- these words by tests/integration/decision-language.test.ts).
grant execute on function private.decision_default_appeal(text) to authenticated;
