-- Who invites cannot invite themself, nor someone in a capacity that clashes with the one
-- they already have (issue 16, item 2): the jury's chair invited herself with no word.
-- Team and organisation invitations already answer 'already_member' (the lead and the
-- owner are members); the jury and the workshops are checked here.
--
-- The jury. A chair cannot appoint a chair as a juror. Whoever chairs the jury (manages the challenge's team: a chair of
-- its procurement team, or an owner of its organisation) follows every juror's progress
-- and reads their scores as they are submitted, and opens the consensus step; a score of
-- theirs would not be independent of the others', which the jury's record relies on
-- (DESIGN.md: jurors declare conflicts and score independently). The invitation is
-- refused with jury_chair_invited, whoever of the chairs is invited.
-- public.jury_invite is redefined from 20261206000500_jury_invite_limit.sql (its latest
-- definition) with that check added and, for issue 16's one name per stage
-- (20261216000100_stage_names.sql), the challenge's procedure in the invitation mail.
create or replace function public.jury_invite(challenge uuid, stage text, email text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  c public.challenges;
  inviter public.profiles;
  invitee_locale text;
  existing public.jury_members;
  token text := private.new_token();
  hash text;
begin
  perform private.jury_require_chair(challenge);
  if stage is null or stage not in ('shortlisting', 'selection') then
    perform private.jury_refuse('jury_unknown_stage');
  end if;
  if address !~ '^[^@\s]+@[^@\s]+$' or char_length(address) > 254 then
    perform private.jury_refuse('jury_bad_email');
  end if;
  -- Who manages the challenge's team (private.manages_challenge_team's rule, for the
  -- invited person: a chair of its procurement team still in the organisation, or an
  -- owner of the organisation) chairs the jury: sees every juror's progress and scores
  -- as they come in and opens the consensus step, so cannot also score independently.
  if exists (
    select 1 from public.profiles p
    where p.email = address and (
      exists (
        select 1 from public.challenge_team_members t
        join public.challenges ch on ch.id = t.challenge_id
        join public.organisation_members om
          on om.organisation_id = ch.organisation_id and om.user_id = t.user_id
        where t.challenge_id = challenge and t.user_id = p.id and t.role = 'chair'
      ) or exists (
        select 1 from public.challenges ch
        join public.organisation_members om on om.organisation_id = ch.organisation_id
        where ch.id = challenge and om.user_id = p.id and om.role = 'owner'
      )
    )
  ) then
    perform private.jury_refuse('jury_chair_invited');
  end if;
  select * into c from public.challenges where id = challenge for update;
  perform private.enforce_limit('juryInvite', me::text);
  insert into public.jury_stages (challenge_id, stage) values (challenge, stage) on conflict do nothing;
  select * into existing from public.jury_members m
    where m.challenge_id = challenge and m.stage = jury_invite.stage and m.email = address;
  if existing.accepted_at is not null then return 'already_juror'; end if;
  hash := encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex');
  if existing.id is null then
    insert into public.jury_members (challenge_id, stage, email, token_hash, invited_by)
      values (challenge, stage, address, hash, me);
  else
    update public.jury_members set token_hash = hash, invited_by = me, invited_at = now(),
      expires_at = now() + interval '14 days'
      where id = existing.id;
  end if;
  select * into inviter from public.profiles where id = me;
  select p.locale into invitee_locale from public.profiles p where p.email = address;
  perform private.enqueue_mail_to_address('jury_invitation', address, '',
    coalesce(invitee_locale, inviter.locale),
    jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale,
      'procedure', c.procedure, 'stage', stage,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/jury/invitations/' || token));
  return 'invited';
end
$$;

-- The workshops. A guest (the owner's staff or an invited expert) takes part in that one
-- capacity: the facilitator, who runs the workshop as a neutral third party, is never
-- also a guest (workshop_guest_facilitator), and a member of a team taking part is never
-- a guest (workshop_guest_on_team): an expert sees every team's board in negotiation mode
-- (private.can_see_board), which a competing team's member must not. Checked whoever
-- inserts, for guests and for teams added after them; refusals as SQLSTATE TK422 with the
-- code as hint, as the jury's are.
create function private.workshop_guest_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.workshops w
             where w.id = new.workshop_id and w.facilitator_id = new.user_id) then
    raise exception 'workshop_guest_facilitator' using errcode = 'TK422',
      hint = 'workshop_guest_facilitator';
  end if;
  if exists (select 1 from public.workshop_teams wt
             join public.team_members m on m.team_id = wt.team_id
             where wt.workshop_id = new.workshop_id and m.user_id = new.user_id) then
    raise exception 'workshop_guest_on_team' using errcode = 'TK422',
      hint = 'workshop_guest_on_team';
  end if;
  return new;
end
$$;
revoke execute on function private.workshop_guest_capacity() from public, anon, authenticated;
create trigger workshop_participants_capacity before insert or update on public.workshop_participants
  for each row execute function private.workshop_guest_capacity();

create function private.workshop_team_not_guests() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.workshop_participants p
             join public.team_members m on m.user_id = p.user_id
             where p.workshop_id = new.workshop_id and m.team_id = new.team_id) then
    raise exception 'workshop_guest_on_team' using errcode = 'TK422',
      hint = 'workshop_guest_on_team';
  end if;
  return new;
end
$$;
revoke execute on function private.workshop_team_not_guests() from public, anon, authenticated;
create trigger workshop_teams_not_guests before insert or update on public.workshop_teams
  for each row execute function private.workshop_team_not_guests();
