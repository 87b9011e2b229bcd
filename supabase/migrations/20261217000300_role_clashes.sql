-- Roles that must not be held together are refused whichever comes second (issue 16
-- leftovers). 20261216000300_invitation_capacity.sql refused them in one order only: a
-- chair invited as a juror, the facilitator or a taking-part team's member invited as a
-- workshop guest, a team added after its member became a guest. The other orders went
-- through: a juror appointed chair, a facilitator or juror joining a team that applied
-- to the challenge, a team applying while one of its members sits on the jury, a team
-- member scheduling a workshop of the challenge as its facilitator, a guest joining a
-- team of the workshop afterwards.
--
-- The pairs (DESIGN.md, "Who uses it"):
-- * who chairs a challenge's jury (a chair of its procurement team, or an owner of its
--   organisation) and a juror of it: the chair follows every juror's scores as they come
--   in and opens the consensus step, so could not score independently (jury_chair_invited
--   for the juror second, role_chair_is_juror for the chair second);
-- * a juror of a challenge and a member of a team that applied to it: a conflict of
--   interest no declaration per item cures, the juror scoring their own team's rivals
--   (role_juror_on_applicant_team);
-- * a workshop's facilitator and a member of a team that applied to its challenge: the
--   facilitator runs the workshop as a neutral third party and sees every team's board
--   (role_facilitator_on_applicant_team);
-- * a workshop's guest and a member of a team taking part in it (workshop_guest_on_team
--   for the guest second, role_workshop_guest_on_team now for the member second).
-- Refusals as SQLSTATE TK422 with the code as hint, through the jury's private.jury_refuse.
-- Triggers, so every writer (definer functions, the service, a direct insert) is held;
-- after the row, so a write row-level security refuses is refused as before, for its
-- own reason, and a clash only ever refuses a write that was allowed.


-- Whether `person` chairs `challenge`'s jury: private.manages_challenge_team's rule for
-- them, as public.jury_invite checks it for the invited address.
create function private.chairs_jury(challenge uuid, person uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
      select 1 from public.challenge_team_members t
      join public.challenges ch on ch.id = t.challenge_id
      join public.organisation_members om
        on om.organisation_id = ch.organisation_id and om.user_id = t.user_id
      where t.challenge_id = challenge and t.user_id = person and t.role = 'chair'
    ) or exists (
      select 1 from public.challenges ch
      join public.organisation_members om on om.organisation_id = ch.organisation_id
      where ch.id = challenge and om.user_id = person and om.role = 'owner'
    );
end
$$;
revoke execute on function private.chairs_jury(uuid, uuid) from public, anon, authenticated;

-- Whether `person` is a member of a team with an application (draft or sent) to `challenge`.
create function private.on_applicant_team(challenge uuid, person uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
      select 1 from public.applications a
      join public.team_members m on m.team_id = a.team_id
      where a.challenge_id = challenge and m.user_id = person
    );
end
$$;
revoke execute on function private.on_applicant_team(uuid, uuid) from public, anon, authenticated;

-- Whether `person` is a juror of `challenge` at any stage: accepted, or invited at the
-- address of their account.
create function private.is_juror_of(challenge uuid, person uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
      select 1 from public.jury_members j
      where j.challenge_id = challenge
        and (j.user_id = person
             or j.email = (select lower(p.email) from public.profiles p where p.id = person))
    );
end
$$;
revoke execute on function private.is_juror_of(uuid, uuid) from public, anon, authenticated;

-- A juror, invited or accepting: never who chairs the jury, nor a member of an applicant team.
create function private.jury_member_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  person uuid := coalesce(new.user_id,
    (select p.id from public.profiles p where lower(p.email) = new.email limit 1));
begin
  if person is null then return new; end if;
  if private.chairs_jury(new.challenge_id, person) then
    perform private.jury_refuse('jury_chair_invited');
  end if;
  if private.on_applicant_team(new.challenge_id, person) then
    perform private.jury_refuse('role_juror_on_applicant_team');
  end if;
  return new;
end
$$;
revoke execute on function private.jury_member_capacity() from public, anon, authenticated;
create trigger jury_members_capacity after insert or update of email, user_id on public.jury_members
  for each row execute function private.jury_member_capacity();

-- A chair of a challenge's procurement team chairs its jury: never one of its jurors.
create function private.challenge_chair_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.role = 'chair' and private.is_juror_of(new.challenge_id, new.user_id) then
    perform private.jury_refuse('role_chair_is_juror');
  end if;
  return new;
end
$$;
revoke execute on function private.challenge_chair_capacity() from public, anon, authenticated;
create trigger challenge_team_members_capacity
  after insert or update of role, user_id, challenge_id on public.challenge_team_members
  for each row execute function private.challenge_chair_capacity();

-- An owner of an organisation chairs the jury of each of its challenges.
create function private.organisation_owner_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.role = 'owner' and exists (
    select 1 from public.challenges ch
    where ch.organisation_id = new.organisation_id and private.is_juror_of(ch.id, new.user_id)
  ) then
    perform private.jury_refuse('role_chair_is_juror');
  end if;
  return new;
end
$$;
revoke execute on function private.organisation_owner_capacity() from public, anon, authenticated;
create trigger organisation_members_capacity
  after insert or update of role, user_id, organisation_id on public.organisation_members
  for each row execute function private.organisation_owner_capacity();

-- Whether `person` facilitates a workshop of `challenge`.
create function private.facilitates_for(challenge uuid, person uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
      select 1 from public.workshops w where w.challenge_id = challenge and w.facilitator_id = person
    );
end
$$;
revoke execute on function private.facilitates_for(uuid, uuid) from public, anon, authenticated;

-- Someone joining a team: not a juror nor a facilitator of a challenge it applied to, nor a
-- guest of a workshop it takes part in.
create function private.team_member_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.applications a
             where a.team_id = new.team_id and private.is_juror_of(a.challenge_id, new.user_id)) then
    perform private.jury_refuse('role_juror_on_applicant_team');
  end if;
  if exists (select 1 from public.applications a
             where a.team_id = new.team_id and private.facilitates_for(a.challenge_id, new.user_id)) then
    perform private.jury_refuse('role_facilitator_on_applicant_team');
  end if;
  if exists (select 1 from public.workshop_teams wt
             join public.workshop_participants p on p.workshop_id = wt.workshop_id
             where wt.team_id = new.team_id and p.user_id = new.user_id) then
    perform private.jury_refuse('role_workshop_guest_on_team');
  end if;
  return new;
end
$$;
revoke execute on function private.team_member_capacity() from public, anon, authenticated;
create trigger team_members_capacity after insert or update of team_id, user_id on public.team_members
  for each row execute function private.team_member_capacity();

-- A team applying: none of its members a juror or a facilitator of the challenge.
create function private.application_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.team_members m
             where m.team_id = new.team_id and private.is_juror_of(new.challenge_id, m.user_id)) then
    perform private.jury_refuse('role_juror_on_applicant_team');
  end if;
  if exists (select 1 from public.team_members m
             where m.team_id = new.team_id and private.facilitates_for(new.challenge_id, m.user_id)) then
    perform private.jury_refuse('role_facilitator_on_applicant_team');
  end if;
  return new;
end
$$;
revoke execute on function private.application_capacity() from public, anon, authenticated;
create trigger applications_capacity after insert or update of team_id, challenge_id on public.applications
  for each row execute function private.application_capacity();

-- A facilitator scheduling a workshop: not a member of a team that applied to its challenge.
create function private.workshop_facilitator_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if private.on_applicant_team(new.challenge_id, new.facilitator_id) then
    perform private.jury_refuse('role_facilitator_on_applicant_team');
  end if;
  return new;
end
$$;
revoke execute on function private.workshop_facilitator_capacity() from public, anon, authenticated;
create trigger workshops_facilitator_capacity
  after insert or update of facilitator_id, challenge_id on public.workshops
  for each row execute function private.workshop_facilitator_capacity();
