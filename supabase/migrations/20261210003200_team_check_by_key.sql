-- Issue 16 (every signed-in page): private.is_on_challenge_team(challenge) read every
-- challenge of the caller's teams (private.my_team_challenge_ids(): a thousand rows for
-- an owner who chairs a thousand challenges) to find one; every manage page asks it.
-- The same rule, unchanged, looked up by the team member's key (challenge_id, user_id):
-- the caller is on the challenge's team and still a member of its organisation.
create or replace function private.is_on_challenge_team(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenge_team_members t
    join public.challenges c on c.id = t.challenge_id
    join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
    where t.challenge_id = challenge and t.user_id = (select auth.uid())
  )
$$;
