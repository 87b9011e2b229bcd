-- private.workshop_open(workshop) told any signed-in caller whether any workshop id exists
-- and is open (issue 10: functions that answer about rows check visibility). Now a caller
-- with JWT claims (a person, through the Data API, db.as or the board op path, which sets
-- the person's claims in its transaction) learns it only for a workshop they have a role
-- in (facilitator, participant or observer); for any other id the answer is false, as for
-- an unknown one. A server job without claims (a service transaction: the op path before
-- it sets claims, tests, maintenance) is answered as before: `anon` and `authenticated`
-- always carry claims, so nobody reaches that branch through the API.
-- Started from the newest definition, 20261127000100_workshop_status.sql; the lock and the
-- answer are unchanged.
create or replace function private.workshop_open(workshop uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current text;
begin
  if (select auth.role()) is not null and private.workshop_role(workshop) is null then
    return false;
  end if;
  select w.status into current from public.workshops w where w.id = workshop for key share;
  return found and current <> 'ended';
end
$$;
