-- Access derived, never copied (issue 10, items 16, 17, 25).
--
-- Until now a team was put in a workshop by copying its members into
-- workshop_participants when the workshop was scheduled, so a member removed from the
-- team kept joining and writing on the team's private board. From here on:
--   * a workshop holds its teams (public.workshop_teams); who belongs to a team is asked
--     of public.team_members at the time of asking;
--   * workshop_participants holds only individual guests: the owner's staff (who count
--     while they are still members of the challenge's organisation) and invited experts;
--   * the facilitator runs a workshop while they are still a platform facilitator;
--   * a team is put in a workshop only when it was found eligible at screening
--     (a trigger on workshop_teams, whatever the way in);
--   * in negotiation mode (a board per team) a team sees only its own people, the
--     facilitator and the buyer's side: in workshop_people and in workshop_teams' policy.

-- Eligibility -------------------------------------------------------------------------

-- Whether the team's submitted application to the challenge was found eligible at
-- screening. Later stages (workshops now, shortlisting later) take only such teams.
create function private.team_eligible(challenge uuid, team uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications a
    join public.screening_decisions d on d.application_id = a.id
    where a.challenge_id = challenge and a.team_id = team and a.status = 'submitted'
      and d.eligible
  )
$$;
revoke execute on function private.team_eligible(uuid, uuid) from public, anon, authenticated;

-- The teams of a workshop ----------------------------------------------------------------

create table public.workshop_teams (
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (workshop_id, team_id)
);
alter table public.workshop_teams enable row level security;
create index workshop_teams_team_id_idx on public.workshop_teams (team_id);
-- Written only by public.add_workshop_team (security definer): read-only to the API roles.
revoke all on public.workshop_teams from anon, authenticated;
grant select on public.workshop_teams to authenticated;

-- What was copied moves: every team that had members in a workshop, or a board of its
-- own, is in it; its members now come from team_members. Individually invited people
-- stay; a row without a team that defaulted to 'team' was an individual invitation.
insert into public.workshop_teams (workshop_id, team_id)
  select workshop_id, team_id from public.workshop_participants where team_id is not null
  union
  select workshop_id, team_id from public.boards where team_id is not null
  on conflict do nothing;
update public.workshop_participants set kind = 'expert' where kind = 'team' and team_id is null;
delete from public.workshop_participants where kind = 'team';
alter table public.workshop_participants alter column kind set default 'expert';
alter table public.workshop_participants
  add constraint workshop_participants_guests_only check (kind in ('owner', 'expert') and team_id is null);
comment on table public.workshop_participants is
  'Individual guests of a workshop (owner''s staff, invited experts); teams are in workshop_teams';

-- A team's board belongs to a team of the workshop.
alter table public.boards
  add constraint boards_team_in_workshop foreign key (workshop_id, team_id)
  references public.workshop_teams (workshop_id, team_id);

-- Only teams found eligible at screening, whoever inserts (existing rows moved above
-- are the record of what was scheduled and are not checked again).
create function private.workshop_team_eligible() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not private.team_eligible(
    (select w.challenge_id from public.workshops w where w.id = new.workshop_id), new.team_id
  ) then
    raise exception 'team % was not found eligible at screening for this challenge', new.team_id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
revoke execute on function private.workshop_team_eligible() from public, anon, authenticated;
create trigger workshop_teams_eligible before insert or update on public.workshop_teams
  for each row execute function private.workshop_team_eligible();

-- Roles, derived when asked -------------------------------------------------------------

-- Whether the caller is a guest of the workshop now: an invited expert, or one of the
-- owner's staff who is still a member of the challenge's organisation.
create function private.is_workshop_guest(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.workshop_participants p
    join public.workshops w on w.id = p.workshop_id
    where p.workshop_id = workshop and p.user_id = (select auth.uid())
      and (p.kind = 'expert' or exists (
        select 1 from public.challenges c
        join public.organisation_members m on m.organisation_id = c.organisation_id
        where c.id = w.challenge_id and m.user_id = p.user_id))
  )
$$;

-- Whether the caller is now a member of a team in the workshop.
create function private.in_workshop_team(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.workshop_teams t
    join public.team_members m on m.team_id = t.team_id
    where t.workshop_id = workshop and m.user_id = (select auth.uid())
  )
$$;

-- 'facilitator' (runs it, while a platform facilitator), 'participant' (a member of one
-- of its teams now, or a guest), 'observer' (the challenge's organisation), or null.
create or replace function private.workshop_role(workshop uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (select 1 from public.workshops w where w.id = workshop and w.facilitator_id = (select auth.uid()))
         and private.is_facilitator()
      then 'facilitator'
    when private.in_workshop_team(workshop) or private.is_workshop_guest(workshop)
      then 'participant'
    when exists (select 1 from public.workshops w where w.id = workshop
                 and w.challenge_id in (select private.my_challenge_ids()))
      then 'observer'
  end
$$;

-- The facilitator and observers see every board; a participant sees the shared board,
-- and of the teams' boards their own team's (guests, the buyer's side, see all).
create or replace function private.can_see_board(board uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.boards b
    where b.id = board and (
      private.workshop_role(b.workshop_id) in ('facilitator', 'observer')
      or (private.workshop_role(b.workshop_id) = 'participant' and (
        b.team_id is null
        or exists (select 1 from public.team_members m
                   where m.team_id = b.team_id and m.user_id = (select auth.uid()))
        or private.is_workshop_guest(b.workshop_id)
      ))
    )
  )
$$;

create or replace function private.my_workshop_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from public.workshops
    where facilitator_id = (select auth.uid()) and private.is_facilitator()
  union select id from public.workshops where challenge_id in (select private.my_challenge_ids())
  union select t.workshop_id from public.workshop_teams t
    join public.team_members m on m.team_id = t.team_id where m.user_id = (select auth.uid())
  union select p.workshop_id from public.workshop_participants p
    where p.user_id = (select auth.uid()) and private.is_workshop_guest(p.workshop_id)
$$;

-- Whether the caller may know that this team is in the workshop: everybody taking part
-- in a shared workshop; in negotiation mode only the team itself, the facilitator and
-- the buyer's side (observers and guests).
create function private.sees_workshop_team(workshop uuid, team uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case private.workshop_role(workshop)
    when 'facilitator' then true
    when 'observer' then true
    when 'participant' then
      (select w.mode = 'shared' from public.workshops w where w.id = workshop)
      or private.is_workshop_guest(workshop)
      or exists (select 1 from public.team_members m
                 where m.team_id = team and m.user_id = (select auth.uid()))
    else false
  end
$$;

create or replace function private.facilitated_team_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.team_id from public.workshop_teams t
  join public.workshops w on w.id = t.workshop_id
  where w.facilitator_id = (select auth.uid()) and private.is_facilitator()
$$;

revoke execute on function private.is_workshop_guest(uuid) from public, anon;
revoke execute on function private.in_workshop_team(uuid) from public, anon;
revoke execute on function private.sees_workshop_team(uuid, uuid) from public, anon;
revoke execute on function private.workshop_role(uuid) from public, anon;
revoke execute on function private.can_see_board(uuid) from public, anon;
revoke execute on function private.my_workshop_ids() from public, anon;
revoke execute on function private.facilitated_team_ids() from public, anon;
grant execute on function private.is_workshop_guest(uuid) to authenticated;
grant execute on function private.in_workshop_team(uuid) to authenticated;
grant execute on function private.sees_workshop_team(uuid, uuid) to authenticated;
grant execute on function private.workshop_role(uuid) to authenticated;
grant execute on function private.can_see_board(uuid) to authenticated;
grant execute on function private.my_workshop_ids() to authenticated;
grant execute on function private.facilitated_team_ids() to authenticated;

create policy "those taking part see the teams; in negotiation a team only itself" on public.workshop_teams
  for select to authenticated
  using ((select private.sees_workshop_team(workshop_id, team_id)));

-- Putting teams in a workshop ----------------------------------------------------------

-- A team joins a workshop (its members are whoever is in it when asked). Only the
-- workshop's facilitator may add one, and only a team whose submitted application to
-- the workshop's challenge was found eligible at screening (the trigger holds the same
-- rule for any other way in). False when refused.
create or replace function public.add_workshop_team(workshop uuid, team uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select private.workshop_role(workshop)) is distinct from 'facilitator' then
    return false;
  end if;
  if not private.team_eligible((select w.challenge_id from public.workshops w where w.id = workshop), team) then
    return false;
  end if;
  insert into public.workshop_teams (workshop_id, team_id) values (workshop, team)
    on conflict do nothing;
  return true;
end
$$;
revoke execute on function public.add_workshop_team(uuid, uuid) from public, anon;
grant execute on function public.add_workshop_team(uuid, uuid) to authenticated;

-- The teams a facilitator may invite: those found eligible at screening.
create or replace function public.workshop_candidate_teams(challenge uuid)
returns table (team_id uuid, name text, members integer)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name, (select count(*)::int from public.team_members m where m.team_id = t.id)
  from public.teams t
  where (select private.is_facilitator()) and (select private.is_challenge_published(challenge))
    and private.team_eligible(challenge, t.id)
  order by t.name
$$;
revoke execute on function public.workshop_candidate_teams(uuid) from public, anon;
grant execute on function public.workshop_candidate_teams(uuid) to authenticated;

-- The names of those in a workshop, for whoever takes part in it: the facilitator, the
-- guests who count now, and the members of its teams now. In negotiation mode a team's
-- member sees only their own team's people besides the facilitator and the buyer's side.
create or replace function public.workshop_people(workshop uuid)
returns table (user_id uuid, display_name text, kind text, team_id uuid)
language sql stable security definer set search_path = ''
as $$
  select p.id, coalesce(nullif(p.display_name, ''), split_part(p.email, '@', 1)), x.kind, x.team_id
  from (
    select w.facilitator_id as user_id, 'facilitator'::text as kind, null::uuid as team_id
    from public.workshops w where w.id = workshop
    union all
    select wp.user_id, wp.kind, null::uuid from public.workshop_participants wp
    join public.workshops w on w.id = wp.workshop_id
    where wp.workshop_id = workshop
      and (wp.kind = 'expert' or exists (
        select 1 from public.challenges c
        join public.organisation_members m on m.organisation_id = c.organisation_id
        where c.id = w.challenge_id and m.user_id = wp.user_id))
    union all
    select m.user_id, 'team'::text, t.team_id from public.workshop_teams t
    join public.team_members m on m.team_id = t.team_id
    where t.workshop_id = workshop and private.sees_workshop_team(workshop, t.team_id)
  ) x join public.profiles p on p.id = x.user_id
  where (select private.workshop_role(workshop)) is not null
  order by x.kind, 2
$$;
revoke execute on function public.workshop_people(uuid) from public, anon;
grant execute on function public.workshop_people(uuid) to authenticated;
