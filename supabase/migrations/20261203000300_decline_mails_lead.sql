-- A declined team invitation is mailed to the team's lead (issue 12, Solver: the lead
-- otherwise learns of it only by opening the team page).
--
-- Replaces: public.decline_team_invitation (20261202000400_invitation_language_decline.sql),
--           its body copied from there; new only the mail to the lead.

-- The invitee says no. Holding the mailed link is enough (the token is the secret, as for
-- the preview): someone without an account can decline without making one. The lead sees
-- the invitation as declined on the team page and gets a mail 'team_invitation_declined'
-- in the lead's own language (private.enqueue_mail reads the profile), in this
-- transaction, only when this call declined it (not again on a repeated decline).
-- Answers 'declined' (also when it already was), 'used' (accepted), 'expired' or 'unknown'.
create or replace function public.decline_team_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.team_invitations;
  team public.teams;
begin
  select * into inv from public.team_invitations where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.declined_at is not null then return 'declined'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  update public.team_invitations set declined_at = now() where id = inv.id;
  select * into team from public.teams t where t.id = inv.team_id;
  perform private.enqueue_mail('team_invitation_declined', array[team.lead_id],
    jsonb_build_object('team', team.name, 'email', inv.email, 'path', '/teams/' || team.id));
  return 'declined';
end
$$;
revoke execute on function public.decline_team_invitation(text) from public;
grant execute on function public.decline_team_invitation(text) to anon, authenticated;
