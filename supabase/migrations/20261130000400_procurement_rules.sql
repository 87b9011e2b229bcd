-- Procurement rules the database holds (issue 10, items 7, 8 (amendments), 22, 23, 24).
--
-- * A published challenge is never deleted or set back to draft. Publishing and every
--   change after publishing happen in `public.publish_challenge` and
--   `public.amend_challenge`, which write the amendment in the same transaction.
--   `status`, `published_at`, `created_by`, `created_at`, `updated_at` are not writable
--   by `authenticated`; the rows of a published challenge's stages, criteria and
--   requirements change only inside the amend function (a trigger refuses direct
--   writes by anon/authenticated: inside a definer function current_user is its owner).
-- * An amendment's author, author name and time are set by the database.
-- * Each challenge has its team on the owner's side (chair, members). Only the team
--   edits the challenge and sees its applications, screening and exports; the
--   organisation still sees its drafts. The creator becomes chair.
-- * Submitted applications are sealed until the applications deadline has passed; an
--   open challenge may opt out (`applications_unsealed`, shown on the challenge page).
-- * After publishing, the applications deadline may be extended, or shortened only to a
--   time at least `deadline_notice_days` ahead (default 7); the same rule is
--   `src/lib/domain/deadline-change.ts`, and a parity test feeds both the same cases.

-- Columns ------------------------------------------------------------------------------

alter table public.challenges
  add column applications_unsealed boolean not null default false,
  add column deadline_notice_days int not null default 7 check (deadline_notice_days between 1 and 60);

comment on column public.challenges.applications_unsealed is
  'An open challenge opts out of sealing: its team reads submitted applications before the deadline. Fixed once published; shown publicly.';
comment on column public.challenges.deadline_notice_days is
  'After publishing, the applications deadline is shortened only to at least this many days (x 24 h) ahead. Set by the platform, not by the organisation.';

-- The challenge team ---------------------------------------------------------------------

create table public.challenge_team_members (
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('chair', 'member')),
  added_by uuid references auth.users (id) on delete set null default auth.uid(),
  added_at timestamptz not null default now(),
  primary key (challenge_id, user_id)
);
alter table public.challenge_team_members enable row level security;
create index challenge_team_members_user_id_idx on public.challenge_team_members (user_id);
create index challenge_team_members_added_by_idx on public.challenge_team_members (added_by);
revoke all on public.challenge_team_members from anon;
revoke insert, update, delete, truncate, trigger, references on public.challenge_team_members from authenticated;
grant select on public.challenge_team_members to authenticated;

-- Challenges the caller is on the team of, while still a member of the organisation:
-- access is derived from current membership, never copied.
create function private.my_team_challenge_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.challenge_id from public.challenge_team_members t
  join public.challenges c on c.id = t.challenge_id
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
  where t.user_id = (select auth.uid())
$$;

create function private.is_on_challenge_team(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select challenge in (select private.my_team_challenge_ids())
$$;

-- The chair of the challenge, or an owner of its organisation, manages its team.
create function private.manages_challenge_team(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenge_team_members t
    where t.challenge_id = challenge and t.user_id = (select auth.uid()) and t.role = 'chair'
      and (select private.is_on_challenge_team(challenge))
  ) or exists (
    select 1 from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where c.id = challenge and m.user_id = (select auth.uid()) and m.role = 'owner'
  )
$$;

revoke execute on function private.my_team_challenge_ids() from public, anon;
revoke execute on function private.is_on_challenge_team(uuid) from public, anon;
revoke execute on function private.manages_challenge_team(uuid) from public, anon;
grant execute on function private.my_team_challenge_ids() to authenticated;
grant execute on function private.is_on_challenge_team(uuid) to authenticated;
grant execute on function private.manages_challenge_team(uuid) to authenticated;

drop policy if exists "organisation members see their challenges' teams" on public.challenge_team_members;
create policy "organisation members see their challenges' teams" on public.challenge_team_members
  for select to authenticated
  using (challenge_id in (select private.my_challenge_ids()));

-- The creator becomes chair; a challenge created without one (seed, service) gets the
-- organisation's owners as chairs.
create function private.challenge_team_from_creator() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.challenge_team_members (challenge_id, user_id, role, added_by)
      values (new.id, new.created_by, 'chair', new.created_by)
      on conflict do nothing;
  else
    insert into public.challenge_team_members (challenge_id, user_id, role, added_by)
      select new.id, m.user_id, 'chair', null from public.organisation_members m
      where m.organisation_id = new.organisation_id and m.role = 'owner'
      on conflict do nothing;
  end if;
  return null;
end
$$;
revoke execute on function private.challenge_team_from_creator() from public, anon, authenticated;
create trigger challenges_team_from_creator after insert on public.challenges
  for each row execute function private.challenge_team_from_creator();

-- Backfill: the creator as chair (if still a member of the organisation), else the owners.
insert into public.challenge_team_members (challenge_id, user_id, role, added_by)
  select c.id, c.created_by, 'chair', null from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = c.created_by
  on conflict do nothing;
insert into public.challenge_team_members (challenge_id, user_id, role, added_by)
  select c.id, m.user_id, 'chair', null from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id and m.role = 'owner'
  where not exists (select 1 from public.challenge_team_members t where t.challenge_id = c.id)
  on conflict do nothing;

-- Adds a member of the organisation to the team, or changes their role. Answers 'added',
-- 'updated', 'unknown' (not the chair or an organisation owner), 'not_in_organisation'
-- or 'last_chair' (the only chair cannot become a member).
create function public.add_challenge_team_member(challenge uuid, member uuid, member_role text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  org uuid;
  current_role_ text;
begin
  if (select auth.uid()) is null or not (select private.manages_challenge_team(challenge)) then
    return 'unknown';
  end if;
  if member_role not in ('chair', 'member') then
    raise exception 'role must be chair or member' using errcode = '22023';
  end if;
  select organisation_id into org from public.challenges where id = challenge for update;
  if not exists (select 1 from public.organisation_members where organisation_id = org and user_id = member) then
    return 'not_in_organisation';
  end if;
  select role into current_role_ from public.challenge_team_members
    where challenge_id = challenge and user_id = member;
  if current_role_ is null then
    insert into public.challenge_team_members (challenge_id, user_id, role, added_by)
      values (challenge, member, member_role, (select auth.uid()));
    return 'added';
  end if;
  if current_role_ = 'chair' and member_role = 'member' and not exists (
    select 1 from public.challenge_team_members
    where challenge_id = challenge and role = 'chair' and user_id <> member
  ) then
    return 'last_chair';
  end if;
  update public.challenge_team_members set role = member_role
    where challenge_id = challenge and user_id = member;
  return 'updated';
end
$$;

-- Removes someone from the team. Answers 'removed', 'unknown', 'not_on_team' or
-- 'last_chair' (a team always keeps a chair).
create function public.remove_challenge_team_member(challenge uuid, member uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  removed_role text;
begin
  if (select auth.uid()) is null or not (select private.manages_challenge_team(challenge)) then
    return 'unknown';
  end if;
  perform 1 from public.challenges where id = challenge for update;
  select role into removed_role from public.challenge_team_members
    where challenge_id = challenge and user_id = member;
  if removed_role is null then return 'not_on_team'; end if;
  if removed_role = 'chair' and not exists (
    select 1 from public.challenge_team_members
    where challenge_id = challenge and role = 'chair' and user_id <> member
  ) then
    return 'last_chair';
  end if;
  delete from public.challenge_team_members where challenge_id = challenge and user_id = member;
  return 'removed';
end
$$;

revoke execute on function public.add_challenge_team_member(uuid, uuid, text) from public, anon;
revoke execute on function public.remove_challenge_team_member(uuid, uuid) from public, anon;
grant execute on function public.add_challenge_team_member(uuid, uuid, text) to authenticated;
grant execute on function public.remove_challenge_team_member(uuid, uuid) to authenticated;

-- Sealing -------------------------------------------------------------------------------

-- Whether the owner's side may read the challenge's submitted applications: the
-- applications deadline has passed (by the database clock), or an open challenge opted
-- out. Without an applications stage nothing can be submitted, and nothing is unsealed.
create function private.applications_unsealed(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenges c
    left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
    where c.id = challenge
      and ((c.procedure = 'open_challenge' and c.applications_unsealed) or s.ends_at <= now())
  )
$$;
revoke execute on function private.applications_unsealed(uuid) from public, anon;
grant execute on function private.applications_unsealed(uuid) to authenticated;

-- Redefined: submitted, unsealed, and the caller is on the challenge's team (was: any
-- member of the organisation, at any time).
create or replace function private.my_screenable_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.applications a
  where a.status = 'submitted'
    and a.challenge_id in (select private.my_team_challenge_ids())
    and private.applications_unsealed(a.challenge_id)
$$;

create or replace function private.is_screenable(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select application in (select private.my_screenable_application_ids())
$$;

-- How many submitted applications the caller's team cannot open yet; null for anyone
-- not on the team.
create function public.sealed_application_count(challenge uuid) returns int
language sql stable security definer set search_path = ''
as $$
  select case when (select private.is_on_challenge_team(challenge)) then (
    select count(*)::int from public.applications a
    where a.challenge_id = challenge and a.status = 'submitted'
      and not private.applications_unsealed(challenge)
  ) end
$$;
revoke execute on function public.sealed_application_count(uuid) from public, anon;
grant execute on function public.sealed_application_count(uuid) to authenticated;

-- Column privileges on challenges ----------------------------------------------------------

revoke insert, update on public.challenges from anon, authenticated;
grant insert (organisation_id, slug, primary_locale, title, summary, body, procedure, cover_image,
  contact_name, contact_email, competence_areas, lookback_years, min_team_size,
  require_common_history, idea_count, shortlist_count, partner_count, rewards, price_share,
  applications_unsealed) on public.challenges to authenticated;
grant update (primary_locale, title, summary, body, procedure, cover_image,
  contact_name, contact_email, competence_areas, lookback_years, min_team_size,
  require_common_history, idea_count, shortlist_count, partner_count, rewards, price_share,
  applications_unsealed) on public.challenges to authenticated;

-- Guards: direct writes by anon/authenticated touch only drafts, and only by the team.
-- Security invoker on purpose: current_user is the caller's role outside the definer
-- functions and their owner inside them.
create function private.guard_challenge_write() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'published' then
      raise exception 'permission denied: a published challenge is never deleted' using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status = 'published' and new.status = 'draft' then
    raise exception 'permission denied: a published challenge is never set back to draft' using errcode = '42501';
  end if;
  if current_user in ('anon', 'authenticated') then
    if old.status = 'published' then
      raise exception 'permission denied: a published challenge changes only by amendment (public.amend_challenge)'
        using errcode = '42501';
    end if;
    if not (select private.is_on_challenge_team(old.id)) then
      raise exception 'permission denied: only the challenge team edits the challenge' using errcode = '42501';
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;
revoke execute on function private.guard_challenge_write() from public, anon;
-- The guards below ask these as the writing role (security invoker triggers).
grant execute on function private.is_challenge_published(uuid) to authenticated;
create trigger challenges_guard_write before update or delete on public.challenges
  for each row execute function private.guard_challenge_write();

create function private.guard_challenge_part_write() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  challenge uuid := case when tg_op = 'DELETE' then old.challenge_id else new.challenge_id end;
begin
  if current_user in ('anon', 'authenticated') then
    if tg_op = 'UPDATE' and new.challenge_id <> old.challenge_id then
      raise exception 'permission denied: a row stays with its challenge' using errcode = '42501';
    end if;
    if (select private.is_challenge_published(challenge)) then
      raise exception 'permission denied: a published challenge changes only by amendment (public.amend_challenge)'
        using errcode = '42501';
    end if;
    if not (select private.is_on_challenge_team(challenge)) then
      raise exception 'permission denied: only the challenge team edits the challenge' using errcode = '42501';
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function private.guard_challenge_part_write() from public, anon;
create trigger challenge_stages_guard_write before insert or update or delete on public.challenge_stages
  for each row execute function private.guard_challenge_part_write();
create trigger challenge_criteria_guard_write before insert or update or delete on public.challenge_criteria
  for each row execute function private.guard_challenge_part_write();
create trigger challenge_requirements_guard_write before insert or update or delete on public.challenge_requirements
  for each row execute function private.guard_challenge_part_write();

-- Amendments: written only by amend_challenge; who and when set by the database ---------

drop policy if exists "organisation members record amendments in their own name" on public.challenge_amendments;
revoke insert, update, delete on public.challenge_amendments from anon, authenticated;

create function private.stamp_amendment() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- The seed (service role, no claims) keeps its historic entries as written.
  if (select auth.uid()) is not null then
    new.author_id := (select auth.uid());
    new.author_name := coalesce((
      select coalesce(nullif(p.display_name, ''), p.email) from public.profiles p where p.id = (select auth.uid())
    ), '');
    new.created_at := now();
  end if;
  return new;
end
$$;
revoke execute on function private.stamp_amendment() from public, anon, authenticated;
create trigger challenge_amendments_stamp before insert on public.challenge_amendments
  for each row execute function private.stamp_amendment();

create function private.refuse_amendment_change() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  raise exception 'permission denied: an amendment is never changed or deleted' using errcode = '42501';
end
$$;
revoke execute on function private.refuse_amendment_change() from public, anon;
create trigger challenge_amendments_never_change before update on public.challenge_amendments
  for each row execute function private.refuse_amendment_change();

-- The deadline rule (mirrors src/lib/domain/deadline-change.ts) ---------------------------

-- Classifies a change of the applications deadline after publishing: 'unchanged',
-- 'extended', 'shortened' (to at least min_notice_days x 24 h after `at`), 'set' (a
-- first deadline, as far ahead), 'removed' or 'too_soon'. The last two are refused.
create function private.deadline_change(previous timestamptz, next timestamptz, at timestamptz, min_notice_days int)
returns text
language sql immutable set search_path = ''
as $$
  select case
    when previous is not distinct from next then 'unchanged'
    when next is null then 'removed'
    when previous is not null and next > previous then 'extended'
    when next >= at + make_interval(hours => min_notice_days * 24) then
      case when previous is null then 'set' else 'shortened' end
    else 'too_soon'
  end
$$;
revoke execute on function private.deadline_change(timestamptz, timestamptz, timestamptz, int) from public, anon, authenticated;

-- Publish and amend -------------------------------------------------------------------------

-- What the public record of a challenge is: an amendment compares this before and after.
create function private.challenge_record(challenge uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'title', c.title, 'summary', c.summary, 'body', c.body, 'primary_locale', c.primary_locale,
    'procedure', c.procedure, 'contact_name', c.contact_name, 'contact_email', c.contact_email,
    'cover_image', c.cover_image, 'price_share', c.price_share,
    'competence_areas', c.competence_areas, 'lookback_years', c.lookback_years,
    'min_team_size', c.min_team_size, 'require_common_history', c.require_common_history,
    'idea_count', c.idea_count, 'shortlist_count', c.shortlist_count,
    'partner_count', c.partner_count, 'rewards', c.rewards,
    'applications_unsealed', c.applications_unsealed,
    'timetable', coalesce((select jsonb_agg(jsonb_build_object(
      'stage', s.stage, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
      'decision_on', s.decision_on, 'signatory', s.signatory) order by s.stage)
      from public.challenge_stages s where s.challenge_id = c.id), '[]'),
    'criteria', coalesce((select jsonb_agg(jsonb_build_object(
      'stage', k.stage, 'name', k.name, 'description', k.description, 'max_points', k.max_points)
      order by k.stage, k.position) from public.challenge_criteria k where k.challenge_id = c.id), '[]'),
    'requirements', coalesce((select jsonb_agg(r.statement order by r.position)
      from public.challenge_requirements r where r.challenge_id = c.id), '[]'))
  from public.challenges c where c.id = challenge
$$;
revoke execute on function private.challenge_record(uuid) from public, anon, authenticated;

-- Publishes a draft of the caller's challenge team. Answers 'published', 'already'
-- (published before) or 'unknown' (no such challenge, or the caller is not on its team).
-- Readiness (publishIssues in src/lib/domain/publish.ts) is checked by the app first;
-- the database requires at least an applications stage.
create function public.publish_challenge(challenge uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_status text;
begin
  if (select auth.uid()) is null or not (select private.is_on_challenge_team(challenge)) then
    return 'unknown';
  end if;
  select status into current_status from public.challenges where id = challenge for update;
  if current_status is null then return 'unknown'; end if;
  if current_status = 'published' then return 'already'; end if;
  if not exists (select 1 from public.challenge_stages where challenge_id = challenge and stage = 'applications') then
    return 'not_ready';
  end if;
  update public.challenges set status = 'published', published_at = now() where id = challenge;
  return 'published';
end
$$;
revoke execute on function public.publish_challenge(uuid) from public, anon;
grant execute on function public.publish_challenge(uuid) to authenticated;

-- Changes a challenge of the caller's team. `changes` may hold:
--   fields:       {column: value} of the editable columns (procedure and
--                 applications_unsealed only while a draft);
--   stages:       [{stage, starts_at, ends_at, decision_on, signatory}] replaces the timetable;
--   criteria:     [{stage, position, name, description, max_points}] replaces the criteria;
--   requirements: {remove: [id], update: [{id, position, statement}], insert: [{position, statement}]}
--                 (rows keep their ids: answers and marks hang on them).
-- On a published challenge every changed field of the record is written as one
-- amendment with the reason, in this transaction; the applications deadline follows
-- private.deadline_change. Answers {"result": r, "changes": [...], "deadline": d} where r is
-- 'saved' (draft), 'amended', 'unchanged', 'reason_required', 'too_soon', 'removed'
-- or 'unknown' (no such challenge, or not on its team); nothing is saved unless
-- r is 'saved' or 'amended'.
create function public.amend_challenge(challenge uuid, changes jsonb, reason text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.challenges;
  editable text[] := array['primary_locale', 'title', 'summary', 'body', 'cover_image',
    'contact_name', 'contact_email', 'competence_areas', 'lookback_years', 'min_team_size',
    'require_common_history', 'idea_count', 'shortlist_count', 'partner_count', 'rewards',
    'price_share'];
  fields jsonb := coalesce(changes -> 'fields', '{}');
  unknown_field text;
  old_deadline timestamptz;
  new_deadline timestamptz;
  verdict text := 'unchanged';
  before jsonb;
  after jsonb;
  diff jsonb;
  why text := btrim(coalesce(reason, ''));
begin
  if me is null or not (select private.is_on_challenge_team(challenge)) then
    return jsonb_build_object('result', 'unknown');
  end if;
  select * into c from public.challenges where id = challenge for update;
  if not found then return jsonb_build_object('result', 'unknown'); end if;
  if jsonb_typeof(changes) is distinct from 'object' or jsonb_typeof(fields) <> 'object' then
    raise exception 'changes must be an object' using errcode = '22023';
  end if;
  if c.status = 'draft' then
    editable := editable || array['procedure', 'applications_unsealed'];
  end if;
  select k into unknown_field from jsonb_object_keys(fields) k where k <> all (editable) limit 1;
  if unknown_field is not null then
    raise exception 'field % cannot be changed here', unknown_field using errcode = '42501';
  end if;

  if c.status = 'published' and changes ? 'stages' then
    select ends_at into old_deadline from public.challenge_stages
      where challenge_id = challenge and stage = 'applications';
    select (s ->> 'ends_at')::timestamptz into new_deadline
      from jsonb_array_elements(changes -> 'stages') s where s ->> 'stage' = 'applications';
    verdict := private.deadline_change(old_deadline, new_deadline, now(), c.deadline_notice_days);
    if verdict in ('too_soon', 'removed') then
      return jsonb_build_object('result', verdict, 'deadline', verdict);
    end if;
  end if;

  before := private.challenge_record(challenge);
  begin
    if fields <> '{}' then
      update public.challenges t set
        (primary_locale, title, summary, body, procedure, cover_image, contact_name, contact_email,
         competence_areas, lookback_years, min_team_size, require_common_history, idea_count,
         shortlist_count, partner_count, rewards, price_share, applications_unsealed) =
        (select r.primary_locale, r.title, r.summary, r.body, r.procedure, r.cover_image,
           r.contact_name, r.contact_email, r.competence_areas, r.lookback_years, r.min_team_size,
           r.require_common_history, r.idea_count, r.shortlist_count, r.partner_count, r.rewards,
           r.price_share, r.applications_unsealed
         from jsonb_populate_record(c, fields) r)
      where t.id = challenge;
    end if;
    if changes ? 'stages' then
      delete from public.challenge_stages where challenge_id = challenge;
      insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
        select challenge, r.stage, r.starts_at, r.ends_at, r.decision_on, r.signatory
        from jsonb_populate_recordset(null::public.challenge_stages, changes -> 'stages') r;
    end if;
    if changes ? 'criteria' then
      delete from public.challenge_criteria where challenge_id = challenge;
      insert into public.challenge_criteria (challenge_id, stage, position, name, description, max_points)
        select challenge, r.stage, r.position, r.name, coalesce(r.description, '{}'), r.max_points
        from jsonb_populate_recordset(null::public.challenge_criteria, changes -> 'criteria') r;
    end if;
    if changes ? 'requirements' then
      delete from public.challenge_requirements
        where challenge_id = challenge
          and id in (select (x #>> '{}')::uuid from jsonb_array_elements(changes -> 'requirements' -> 'remove') x);
      update public.challenge_requirements t set position = r.position, statement = r.statement
        from jsonb_populate_recordset(null::public.challenge_requirements, changes -> 'requirements' -> 'update') r
        where t.id = r.id and t.challenge_id = challenge;
      insert into public.challenge_requirements (challenge_id, position, statement)
        select challenge, r.position, r.statement
        from jsonb_populate_recordset(null::public.challenge_requirements, changes -> 'requirements' -> 'insert') r;
    end if;
    after := private.challenge_record(challenge);
    select coalesce(jsonb_agg(jsonb_build_object('field', k, 'before', before -> k, 'after', after -> k)
      order by k collate "C"), '[]')
      into diff
      from jsonb_object_keys(after) k where (before -> k) is distinct from (after -> k);
    if c.status = 'published' and jsonb_array_length(diff) > 0 and why = '' then
      raise exception 'reason required' using errcode = 'TK001';
    end if;
  exception when sqlstate 'TK001' then
    return jsonb_build_object('result', 'reason_required', 'changes', '[]'::jsonb);
  end;

  if c.status = 'draft' then
    return jsonb_build_object('result', 'saved', 'changes', diff, 'deadline', verdict);
  end if;
  if jsonb_array_length(diff) = 0 then
    return jsonb_build_object('result', 'unchanged', 'changes', diff, 'deadline', verdict);
  end if;
  insert into public.challenge_amendments (challenge_id, reason, changes) values (challenge, why, diff);
  return jsonb_build_object('result', 'amended', 'changes', diff, 'deadline', verdict);
end
$$;
revoke execute on function public.amend_challenge(uuid, jsonb, text) from public, anon;
grant execute on function public.amend_challenge(uuid, jsonb, text) to authenticated;
