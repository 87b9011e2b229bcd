-- Issue 16 (a signed-in workshop page): `public.workshop_people` asked
-- `private.sees_workshop_team` for each team of the workshop, and that asked
-- `private.workshop_role` (four lookups) again each time: 11.6 ms under load for a workshop of
-- 21 teams. Whether the caller sees every team depends on the workshop only, so it is one
-- helper, `private.sees_all_workshop_teams`, decided once per call; a participant who does
-- not see every team still sees their own. `private.sees_workshop_team` (the policy on
-- workshop_teams) is the same rule written with it. Called only from these security-definer
-- functions, the new helper is granted to nobody.

create function private.sees_all_workshop_teams(workshop uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return case private.workshop_role(workshop)
    when 'facilitator' then true
    when 'observer' then true
    when 'participant' then
      (select w.mode = 'shared' from public.workshops w where w.id = workshop)
      or private.is_workshop_guest(workshop)
    else false
  end;
end
$$;
revoke execute on function private.sees_all_workshop_teams(uuid) from public, anon, authenticated;

create or replace function private.sees_workshop_team(workshop uuid, team uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return private.sees_all_workshop_teams(workshop)
    or (private.workshop_role(workshop) = 'participant'
        and exists (select 1 from public.team_members m
                    where m.team_id = team and m.user_id = (select auth.uid())));
end
$$;

create or replace function public.workshop_people(workshop uuid)
returns table(user_id uuid, display_name text, kind text, team_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  all_teams boolean;
begin
  -- Nobody outside the workshop learns who is in it.
  if private.workshop_role(workshop) is null then
    return;
  end if;
  all_teams := private.sees_all_workshop_teams(workshop);
  return query
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
    where t.workshop_id = workshop
      and (all_teams or exists (select 1 from public.team_members me
                                where me.team_id = t.team_id and me.user_id = (select auth.uid())))
  ) x join public.profiles p on p.id = x.user_id
  order by x.kind, 2;
end
$$;
