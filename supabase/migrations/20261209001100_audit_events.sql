-- What the database records in the audit log by itself (issue 15, "Audit log"): every
-- change of a role and every step of a decision, whichever path made it — a definer
-- function called by the app, the Data API, the demo seed or an operator's psql. The
-- triggers below call private.record_audit (20261209000100_audit_log.sql) with the
-- caller as actor (auth.uid(), null for the server's own jobs) and the request's address.
-- Sign-ins, sign-outs and account changes are recorded by the server
-- (src/lib/server/auth/*), which is where they happen.
--
-- The demo seed's own grants are recorded too: they are few (a handful of memberships and
-- roles), they did happen in this database, and skipping writes by a setting the seed sets
-- would be a hole anyone with a service connection could use.
--
-- For the admin view, public.audit_target names what an entry was about, in words.

-- Roles ------------------------------------------------------------------------------------

-- One entry per change of a person's role: `details` says the scope (platform,
-- organisation, challenge team, jury), the ids of where, and from_role → to_role (null
-- for none: granted or removed). A change that leaves the role as it was records nothing.
-- tg_argv[0] names the scope: platform_admin, platform_facilitator, organisation,
-- challenge_team, jury.
create function private.audit_role_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  scope text := tg_argv[0];
  before jsonb := case when tg_op <> 'INSERT' then pg_catalog.to_jsonb(old) end;
  after jsonb := case when tg_op <> 'DELETE' then pg_catalog.to_jsonb(new) end;
  subject text;
  from_role text;
  to_role text;
  place jsonb;
begin
  if scope in ('platform_admin', 'platform_facilitator') then
    from_role := case when before is not null then scope end;
    to_role := case when after is not null then scope end;
    place := jsonb_build_object('scope', 'platform');
  elsif scope = 'organisation' then
    from_role := before ->> 'role';
    to_role := after ->> 'role';
    place := jsonb_build_object('scope', scope, 'organisation_id',
                                coalesce(after, before) ->> 'organisation_id');
  elsif scope = 'challenge_team' then
    from_role := before ->> 'role';
    to_role := after ->> 'role';
    place := jsonb_build_object('scope', scope, 'challenge_id',
                                coalesce(after, before) ->> 'challenge_id');
  elsif scope = 'jury' then
    -- An invitation is no role yet: a juror is one from acceptance (user_id set) on.
    from_role := case when before ->> 'user_id' is not null then 'juror' end;
    to_role := case when after ->> 'user_id' is not null then 'juror' end;
    place := jsonb_build_object('scope', scope, 'challenge_id',
                                coalesce(after, before) ->> 'challenge_id',
                                'stage', coalesce(after, before) ->> 'stage');
  end if;
  if from_role is not distinct from to_role then
    return null;
  end if;
  subject := coalesce(after ->> 'user_id', before ->> 'user_id');
  perform private.record_audit('role_change', 'user', subject,
    place || jsonb_build_object('from_role', from_role, 'to_role', to_role));
  return null;
end
$$;
revoke execute on function private.audit_role_change() from public, anon, authenticated;

create trigger audit_platform_admins after insert or delete on public.platform_admins
  for each row execute function private.audit_role_change('platform_admin');
create trigger audit_platform_facilitators after insert or delete on public.platform_facilitators
  for each row execute function private.audit_role_change('platform_facilitator');
create trigger audit_organisation_members after insert or update or delete on public.organisation_members
  for each row execute function private.audit_role_change('organisation');
create trigger audit_challenge_team_members after insert or update or delete on public.challenge_team_members
  for each row execute function private.audit_role_change('challenge_team');
create trigger audit_jury_members after insert or update or delete on public.jury_members
  for each row execute function private.audit_role_change('jury');

-- Decisions --------------------------------------------------------------------------------

-- One entry per step of a decision (20261206000100_decisions.sql): 'prepared' (a new
-- draft, or a correction naming the published one it replaces), 'revised' (the draft
-- changed), 'published' (signed and published: signatory and day), 'discarded' (a draft
-- deleted). Target: the decision.
create function private.audit_decision() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  d public.decisions;
  step text;
begin
  if tg_op = 'DELETE' then d := old; else d := new; end if;
  if tg_op = 'INSERT' then
    step := case when new.published_at is not null then 'published' else 'prepared' end;
  elsif tg_op = 'UPDATE' then
    if old.published_at is null and new.published_at is not null then
      step := 'published';
    elsif new.published_at is null then
      step := 'revised';
    else
      return null;
    end if;
  elsif old.published_at is null then
    step := 'discarded';
  else
    return null;
  end if;
  perform private.record_audit('decision', 'decision', d.id::text,
    jsonb_strip_nulls(jsonb_build_object(
      'step', step, 'kind', d.kind, 'stage', d.stage, 'challenge_id', d.challenge_id,
      'replaces', d.replaces,
      'signatory', case when step = 'published' then nullif(d.signatory, '') end,
      'decided_on', case when step = 'published' then d.decided_on end)));
  return null;
end
$$;
revoke execute on function private.audit_decision() from public, anon, authenticated;

create trigger audit_decisions after insert or update or delete on public.decisions
  for each row execute function private.audit_decision();

-- Words for the admin view -------------------------------------------------------------------

-- What an audit entry's target is, for a platform admin (with the second factor) and
-- nobody else (null otherwise, or when the thing is gone): a user's name and address,
-- an organisation's names, a challenge's title, a decision's stage with its challenge's
-- title. Definer, because an admin does not read every draft challenge or decision; it
-- tells an admin only names, never content.
create function public.audit_target(kind text, id text) returns jsonb
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
      (select jsonb_build_object('names', c.title, 'primary', c.primary_locale, 'stage', d.stage)
       from public.decisions d join public.challenges c on c.id = d.challenge_id
       where d.id = ident)
  end;
end
$$;
revoke execute on function public.audit_target(text, text) from public, anon;
grant execute on function public.audit_target(text, text) to authenticated;
