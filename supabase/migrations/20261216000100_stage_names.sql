-- Issue 16: one name for each stage, everywhere. A stage's name depends on the
-- challenge's procedure (an innovation partnership's shortlisting is its "selection for
-- negotiations", src/lib/domain/stages.ts stageNameKey), so everything that hands the app
-- a stage to name hands it the procedure too: the mails about a stage (through
-- private.mail_challenge, public.jury_invite and public.jury_remind), the jury invitation
-- page before sign-in (public.jury_invitation_preview) and the audit log's decision
-- targets (public.audit_target). Each function is its latest definition with only the
-- procedure added.

-- From 20261201000110_mail_from_the_record.sql; every mail built on it (decision_published
-- among them) now also carries the procedure.
create or replace function private.mail_challenge(challenge uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale,
                            'procedure', c.procedure, 'path', '/challenges/' || c.slug)
  from public.challenges c where c.id = challenge
$$;

-- From 20261206000500_jury_invite_limit.sql.
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
    jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale,
      'procedure', c.procedure, 'stage', stage,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/jury/invitations/' || token));
  return 'invited';
end
$$;

-- From 20261206000300_jury_chair.sql.
create or replace function public.jury_remind(challenge uuid, stage text) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.challenges;
  j record;
  n int := 0;
begin
  perform private.jury_require_chair(challenge);
  if not exists (select 1 from public.jury_stages g
                 where g.challenge_id = challenge and g.stage = jury_remind.stage) then
    perform private.jury_refuse('jury_unknown_stage');
  end if;
  perform private.enforce_limit('juryReminder', 'jury:' || challenge::text || ':' || stage);
  select * into c from public.challenges where id = challenge;
  for j in select m.user_id, x.declarations, x.scores
           from public.jury_members m
           cross join lateral private.jury_missing(m.id) x
           where m.challenge_id = challenge and m.stage = jury_remind.stage
             and m.accepted_at is not null and (x.declarations > 0 or x.scores > 0)
           order by m.email loop
    n := n + private.enqueue_mail('jury_reminder', array[j.user_id],
      jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale,
        'procedure', c.procedure, 'stage', stage,
        'declarations', j.declarations, 'scores', j.scores));
  end loop;
  return n;
end
$$;

-- From 20261213000200_public_functions_planned_once.sql, with the procedure as a new last
-- column (a changed result type needs the function dropped first; the grants of
-- 20261205000100_jury.sql are given again).
drop function public.jury_invitation_preview(text);
create function public.jury_invitation_preview(token text) returns table (title jsonb, primary_locale text, stage text, invited_email text, inviter_name text, status text, procedure text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select c.title, c.primary_locale, j.stage, j.email,
      coalesce(nullif(p.display_name, ''), p.email, ''),
      case when j.accepted_at is not null then 'accepted'
           when j.expires_at <= now() then 'expired'
           else 'open' end,
      c.procedure
    from public.jury_members j
    join public.challenges c on c.id = j.challenge_id
    left join public.profiles p on p.id = j.invited_by
    where j.token_hash = token
    union all
    (select c.title, c.primary_locale, w.stage, w.email,
       coalesce(nullif(p.display_name, ''), p.email, ''), 'withdrawn', c.procedure
     from public.jury_invitation_withdrawals w
     join public.challenges c on c.id = w.challenge_id
     left join public.profiles p on p.id = w.invited_by
     where w.token_hash = token
       and not exists (select 1 from public.jury_members j where j.token_hash = token)
     order by w.withdrawn_at desc
     limit 1);
end
$$;
revoke execute on function public.jury_invitation_preview(text) from public;
grant execute on function public.jury_invitation_preview(text) to anon, authenticated;

-- From 20261209001100_audit_events.sql: a decision's target names its challenge's
-- procedure with its stage.
create or replace function public.audit_target(kind text, id text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  ident uuid;
begin
  if not (select private.is_platform_admin()) then
    return null;
  end if;
  if id is null or id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  ident := id::uuid;
  return case kind
    when 'user' then
      (select jsonb_build_object('name', p.display_name, 'email', p.email)
       from public.profiles p where p.id = ident)
    when 'organisation' then
      (select jsonb_build_object('names', o.names, 'primary', o.primary_locale)
       from public.organisations o where o.id = ident)
    when 'challenge' then
      (select jsonb_build_object('names', c.title, 'primary', c.primary_locale)
       from public.challenges c where c.id = ident)
    when 'decision' then
      (select jsonb_build_object('names', c.title, 'primary', c.primary_locale, 'stage', d.stage,
                                 'procedure', c.procedure)
       from public.decisions d join public.challenges c on c.id = d.challenge_id
       where d.id = ident)
  end;
end
$$;
