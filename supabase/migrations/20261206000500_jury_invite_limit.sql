-- A jury has its own invitation limit (issue 13, found by the end-to-end run): the chair
-- appointing a jury counted against the 10 invitations an hour meant for team and
-- organisation invitations, so a chair inviting nine jurors to each of two stages was
-- refused half way. Jury invitations are counted on their own, 40 an hour per chair.
-- public.jury_invite is redefined from 20261205000100_jury.sql with only the limit's name
-- changed.
insert into private.limit_rules (name, max_hits, window_seconds) values ('juryInvite', 40, 3600);

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
    jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale, 'stage', stage,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/jury/invitations/' || token));
  return 'invited';
end
$$;
