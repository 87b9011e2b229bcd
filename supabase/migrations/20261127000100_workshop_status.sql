-- A workshop's life: scheduled → live → ended, one step at a time and never back. Who
-- started and who ended it, and when, is part of the challenge's record (in a negotiation
-- the procurement file must show when the teams' boards closed), so each step is a row
-- of its own. Once a workshop has ended its boards are read-only: the op path must ask
-- private.workshop_open() before storing an op.

create table public.workshop_status_changes (
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  -- The status entered: each is entered once, so the key is also the rule.
  status text not null check (status in ('live', 'ended')),
  at timestamptz not null default now(),
  by uuid references auth.users (id) on delete set null,
  primary key (workshop_id, status)
);
alter table public.workshop_status_changes enable row level security;

-- Written only by public.advance_workshop (security definer): no insert, update or
-- delete policy, so nobody can write or rewrite the record directly.
create policy "those taking part see when the workshop started and ended" on public.workshop_status_changes
  for select to authenticated using (workshop_id in (select private.my_workshop_ids()));

-- The facilitator's update policy on workshops would otherwise let them set any status,
-- backwards too. Nothing in the app edits a workshop yet; renaming and rescheduling are
-- what may be corrected by hand, so only those columns stay writable.
revoke update on public.workshops from anon, authenticated;
grant update (title, starts_at) on public.workshops to authenticated;

-- Moves the workshop one step forward as its facilitator and records the step.
-- Answers 'moved', 'forbidden' (not the facilitator, or no such workshop) or
-- 'out_of_order' (the workshop is not at the step before `next`: already moved, or a
-- step backwards or past one). The row lock makes two racing clicks one step, and waits
-- for ops in flight (see workshop_open); the time is read once the lock is held, so every
-- op stored before it carries an earlier time.
create function public.advance_workshop(workshop uuid, next text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  current text;
begin
  select w.status into current from public.workshops w
    where w.id = workshop and w.facilitator_id = me
    for update;
  if not found then return 'forbidden'; end if;
  if (current, next) not in (('scheduled', 'live'), ('live', 'ended')) then
    return 'out_of_order';
  end if;
  update public.workshops set status = next where id = workshop;
  insert into public.workshop_status_changes (workshop_id, status, at, by)
    values (workshop, next, clock_timestamp(), me);
  return 'moved';
end
$$;
revoke execute on function public.advance_workshop(uuid, text) from public, anon;
grant execute on function public.advance_workshop(uuid, text) to authenticated;

-- Whether the workshop's boards still take changes: until the workshop ends (a board is
-- open while scheduled so the facilitator can prepare it). Call it in the transaction
-- that stores an op: the key-share lock it takes makes advance_workshop's row lock wait
-- for ops in flight, and ops that come after the end see 'ended', so no op is stored
-- after the recorded end. Hence volatile, and not meant for policies.
create function private.workshop_open(workshop uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current text;
begin
  select w.status into current from public.workshops w where w.id = workshop for key share;
  return found and current <> 'ended';
end
$$;
revoke execute on function private.workshop_open(uuid) from public;
grant execute on function private.workshop_open(uuid) to authenticated;

-- Nothing more is announced in an ended workshop (the op path and the socket handler ask
-- workshop_open too; this keeps the record closed for any other way in).
drop policy "the facilitator announces" on public.workshop_announcements;
create policy "the facilitator announces until the end" on public.workshop_announcements
  for insert to authenticated
  with check ((select private.workshop_role(workshop_id)) = 'facilitator' and by = (select auth.uid())
              and exists (select 1 from public.workshops w
                          where w.id = workshop_id and w.status <> 'ended'));
