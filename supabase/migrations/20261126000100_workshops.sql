-- Live facilitated workshops: a neutral facilitator leads teams, the owner's staff and
-- invited experts through an agenda of phases on realtime boards. Each board keeps
-- the ordered log of every op (the record) and its current state, folded by the same
-- reducer the browsers run (src/lib/domain/board.ts).

create table public.platform_facilitators (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
alter table public.platform_facilitators enable row level security;

create function private.is_facilitator() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.platform_facilitators where user_id = (select auth.uid()))
$$;

create table public.workshops (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  title text not null check (char_length(title) between 2 and 200),
  starts_at timestamptz not null,
  -- 'shared': one board for everybody; 'team_boards': a private board per team
  -- (negotiation mode), the facilitator and owners seeing all.
  mode text not null default 'shared' check (mode in ('shared', 'team_boards')),
  agenda jsonb not null check (jsonb_typeof(agenda) = 'array' and jsonb_array_length(agenda) between 1 and 30),
  facilitator_id uuid not null references auth.users (id) on delete restrict default auth.uid(),
  status text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended')),
  created_at timestamptz not null default now()
);
alter table public.workshops enable row level security;
create index workshops_challenge_id_idx on public.workshops (challenge_id);

create table public.workshop_participants (
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- The team a participant represents (null for the owner's staff and experts).
  team_id uuid references public.teams (id) on delete cascade,
  kind text not null default 'team' check (kind in ('team', 'owner', 'expert')),
  primary key (workshop_id, user_id)
);
alter table public.workshop_participants enable row level security;
create index workshop_participants_user_idx on public.workshop_participants (user_id);

create table public.boards (
  id uuid primary key default gen_random_uuid(),
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  -- null: the shared board; otherwise this team's private board.
  team_id uuid references public.teams (id) on delete cascade,
  seq bigint not null default 0,
  state jsonb not null,
  updated_at timestamptz not null default now(),
  unique nulls not distinct (workshop_id, team_id)
);
alter table public.boards enable row level security;

-- Never updated or deleted: the board's record, in order. op_id makes a retried op
-- (same id from the same client) a no-op that is simply acknowledged again.
create table public.board_ops (
  board_id uuid not null references public.boards (id) on delete cascade,
  seq bigint not null,
  op_id uuid not null,
  actor_id uuid references auth.users (id) on delete set null,
  at timestamptz not null default now(),
  op jsonb not null,
  primary key (board_id, seq),
  unique (board_id, op_id)
);
alter table public.board_ops enable row level security;

-- What the facilitator told everybody, when: in negotiation mode the record that every
-- team got the same information at the same time.
create table public.workshop_announcements (
  id uuid primary key default gen_random_uuid(),
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 2000),
  at timestamptz not null default now(),
  by uuid references auth.users (id) on delete set null default auth.uid()
);
alter table public.workshop_announcements enable row level security;
create index workshop_announcements_workshop_idx on public.workshop_announcements (workshop_id, at);

-- Policy helpers -------------------------------------------------------------------

-- 'facilitator' (runs it), 'observer' (the challenge's organisation: sees every board),
-- 'participant', or null.
create function private.workshop_role(workshop uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (select 1 from public.workshops w where w.id = workshop and w.facilitator_id = (select auth.uid()))
      then 'facilitator'
    when exists (select 1 from public.workshops w where w.id = workshop
                 and w.challenge_id in (select private.my_challenge_ids()))
      then 'observer'
    when exists (select 1 from public.workshop_participants p
                 where p.workshop_id = workshop and p.user_id = (select auth.uid()))
      then 'participant'
  end
$$;

-- Whether the caller may see a board: the facilitator and observers see all; a
-- participant sees the shared board, or in negotiation mode only their own team's.
create function private.can_see_board(board uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.boards b
    where b.id = board and (
      private.workshop_role(b.workshop_id) in ('facilitator', 'observer')
      or (private.workshop_role(b.workshop_id) = 'participant' and (
        b.team_id is null
        or exists (select 1 from public.workshop_participants p
                   where p.workshop_id = b.workshop_id and p.user_id = (select auth.uid())
                     and (p.team_id = b.team_id or p.kind <> 'team'))
      ))
    )
  )
$$;

create function private.my_workshop_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from public.workshops where facilitator_id = (select auth.uid())
  union select id from public.workshops where challenge_id in (select private.my_challenge_ids())
  union select workshop_id from public.workshop_participants where user_id = (select auth.uid())
$$;

-- Policies ---------------------------------------------------------------------------

create policy "facilitators see that they are" on public.platform_facilitators
  for select to authenticated using (user_id = (select auth.uid()));

create policy "those taking part see the workshop" on public.workshops
  for select to authenticated
  using (facilitator_id = (select auth.uid()) or id in (select private.my_workshop_ids()));
create policy "facilitators schedule workshops for published challenges" on public.workshops
  for insert to authenticated
  with check ((select private.is_facilitator()) and facilitator_id = (select auth.uid())
              and (select private.is_challenge_published(challenge_id)));
create policy "the facilitator runs the workshop" on public.workshops
  for update to authenticated
  using (facilitator_id = (select auth.uid())) with check (facilitator_id = (select auth.uid()));

create policy "those taking part see who takes part" on public.workshop_participants
  for select to authenticated using (workshop_id in (select private.my_workshop_ids()));
create policy "the facilitator invites participants" on public.workshop_participants
  for insert to authenticated
  with check ((select private.workshop_role(workshop_id)) = 'facilitator');
create policy "the facilitator removes participants" on public.workshop_participants
  for delete to authenticated
  using ((select private.workshop_role(workshop_id)) = 'facilitator');

create policy "boards are seen by those allowed; team boards only by their team" on public.boards
  for select to authenticated using ((select private.can_see_board(id)));
create policy "the facilitator opens boards" on public.boards
  for insert to authenticated
  with check ((select private.workshop_role(workshop_id)) = 'facilitator');

create policy "a board's record is seen with the board" on public.board_ops
  for select to authenticated using ((select private.can_see_board(board_id)));

create policy "announcements reach everyone taking part" on public.workshop_announcements
  for select to authenticated using (workshop_id in (select private.my_workshop_ids()));
create policy "the facilitator announces" on public.workshop_announcements
  for insert to authenticated
  with check ((select private.workshop_role(workshop_id)) = 'facilitator' and by = (select auth.uid()));

-- A team joins a workshop with all its members. Only the workshop's facilitator may add
-- one, and only a team that submitted an application to the workshop's challenge: the
-- facilitator does not otherwise see teams or their members.
create function public.add_workshop_team(workshop uuid, team uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select private.workshop_role(workshop)) is distinct from 'facilitator' then
    return false;
  end if;
  if not exists (
    select 1 from public.applications a join public.workshops w on w.challenge_id = a.challenge_id
    where w.id = workshop and a.team_id = team and a.status = 'submitted'
  ) then
    return false;
  end if;
  insert into public.workshop_participants (workshop_id, user_id, team_id, kind)
    select workshop, m.user_id, team, 'team' from public.team_members m where m.team_id = team
    on conflict do nothing;
  return true;
end
$$;
revoke execute on function public.add_workshop_team(uuid, uuid) from public, anon;
grant execute on function public.add_workshop_team(uuid, uuid) to authenticated;

-- What a facilitator needs to plan a workshop without seeing teams or people otherwise:
-- the teams that submitted an application to a published challenge, the staff of the
-- challenge's organisation, and the accounts behind invited experts' addresses. Each
-- answers nothing to anybody who is not a platform facilitator.
create function public.workshop_candidate_teams(challenge uuid)
returns table (team_id uuid, name text, members integer)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name, (select count(*)::int from public.team_members m where m.team_id = t.id)
  from public.teams t
  where (select private.is_facilitator()) and (select private.is_challenge_published(challenge))
    and exists (select 1 from public.applications a
                where a.team_id = t.id and a.challenge_id = challenge and a.status = 'submitted')
  order by t.name
$$;

create function public.workshop_owner_staff(challenge uuid)
returns table (user_id uuid, display_name text, email text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.display_name, p.email
  from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  join public.profiles p on p.id = m.user_id
  where c.id = challenge and (select private.is_facilitator()) and c.status = 'published'
  order by p.display_name, p.email
$$;

create function public.workshop_expert_accounts(emails text[])
returns table (user_id uuid, email text)
language sql stable security definer set search_path = ''
as $$
  select p.id, lower(p.email) from public.profiles p
  where (select private.is_facilitator()) and lower(p.email) = any (
    select lower(e) from unnest(emails) e)
$$;

-- The names of those in a workshop (the facilitator and every participant), for whoever
-- takes part in it: note authors and the participant list show names, not ids.
create function public.workshop_people(workshop uuid)
returns table (user_id uuid, display_name text, kind text, team_id uuid)
language sql stable security definer set search_path = ''
as $$
  select p.id, coalesce(nullif(p.display_name, ''), split_part(p.email, '@', 1)), x.kind, x.team_id
  from (
    select w.facilitator_id as user_id, 'facilitator'::text as kind, null::uuid as team_id
    from public.workshops w where w.id = workshop
    union all
    select wp.user_id, wp.kind, wp.team_id from public.workshop_participants wp
    where wp.workshop_id = workshop
  ) x join public.profiles p on p.id = x.user_id
  where (select private.workshop_role(workshop)) is not null
  order by x.kind, 2
$$;

revoke execute on function public.workshop_candidate_teams(uuid) from public, anon;
revoke execute on function public.workshop_owner_staff(uuid) from public, anon;
revoke execute on function public.workshop_expert_accounts(text[]) from public, anon;
revoke execute on function public.workshop_people(uuid) from public, anon;
grant execute on function public.workshop_candidate_teams(uuid) to authenticated;
grant execute on function public.workshop_owner_staff(uuid) to authenticated;
grant execute on function public.workshop_expert_accounts(text[]) to authenticated;
grant execute on function public.workshop_people(uuid) to authenticated;

-- The facilitator sees the names of the teams in their workshops (the board switcher).
create function private.facilitated_team_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.team_id from public.workshop_participants p
  join public.workshops w on w.id = p.workshop_id
  where w.facilitator_id = (select auth.uid()) and p.team_id is not null
$$;
create policy "facilitators see the teams in their workshops" on public.teams
  for select to authenticated using (id in (select private.facilitated_team_ids()));
