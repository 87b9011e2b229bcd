-- Issue 16: one name for each stage, everywhere. A stage's name depends on the
-- challenge's procedure (an innovation partnership's shortlisting is its "selection for
-- negotiations", src/lib/domain/stages.ts stageNameKey), so everything that hands the app
-- a stage to name hands it the procedure too: the mails about a stage (through
-- private.mail_challenge and public.jury_remind; public.jury_invite's invitation mail in
-- 20261216000300_invitation_capacity.sql, which redefines it once), the jury invitation
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
