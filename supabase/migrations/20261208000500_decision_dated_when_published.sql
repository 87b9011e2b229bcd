-- A decision is dated the day it is made (Administrative Procedure Act 434/2003 §44: a
-- written decision states the day it was given). A draft carries the timetable's planned
-- decision day (public.prepare_decision); a decision published before that day was made on
-- the day of its publication, so publishing dates it then, never on a day still to come. A
-- day before the publication (a decision signed earlier, published now) stays as it is.
-- Found by the whole-chain e2e: a selection published on 1 December read "6 January 2027".
create function private.decision_dated_when_published() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  published_on date := (new.published_at at time zone 'Europe/Helsinki')::date;
begin
  if old.published_at is null and new.published_at is not null then
    new.decided_on := least(coalesce(new.decided_on, published_on), published_on);
  end if;
  return new;
end
$$;
revoke execute on function private.decision_dated_when_published() from public, anon, authenticated;
create trigger decisions_dated_when_published before update on public.decisions
  for each row execute function private.decision_dated_when_published();
