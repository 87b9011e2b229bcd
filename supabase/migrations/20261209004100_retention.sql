-- Retention (issue 15, GDPR Art. 5(1)(e) storage limitation): the personal data in the
-- applications of teams NOT SELECTED is purged a configurable number of months after
-- the challenge closes (RETENTION_MONTHS, default 24), and audit log entries older than
-- AUDIT_RETENTION_MONTHS (default 24) are deleted. The server's job
-- (src/lib/server/retention.ts: `npm run retention` and the daily schedule) calls the two
-- functions below in one service transaction; nobody else may (not granted to anon,
-- authenticated or service_role). The same rule in TypeScript is
-- src/lib/domain/retention.ts; tests/integration/retention.test.ts holds both to it.
--
-- WHEN a challenge closes (private.retention_closes_at): never while it is unpublished or
-- while a decision of it is still an unpublished draft (a gate is still open); otherwise at
-- the later of the end of its last timetable stage (max challenge_stages.ends_at) and the
-- publication of its last published decision (max decisions.published_at). The challenge
-- table has no 'closed' status: the timetable and the record are what say it is over.
--
-- WHEN it is due (private.retention_due): `months` calendar months after the close, counted
-- on the Helsinki wall clock (the close's wall-clock time plus the months, the day clamped
-- to the month's last, read back in Europe/Helsinki), at or before now.
--
-- WHO was selected (private.retention_selected): the applications chosen
-- (decision_items.chosen; an item that is a final tender or a concept stands for the
-- application its concept grew from, private.decision_item_team) in the challenge's last
-- published decision that chose teams: the current selection
-- decision, or the current shortlisting decision where there is no selection. "Current"
-- is a published decision of kind 'decision' or 'correction' that no published decision
-- replaces (as public.decision_reads does). A challenge with neither has selected nobody.
--
-- WHAT is purged, in every application (draft or submitted) of a closed challenge whose
-- team is not selected:
--   - application_documents: the rows; their files are removed by the job after the
--     commit, where nothing else refers to them (src/lib/server/uploads.ts fileInUse);
--   - application_work_entries: the links to members' work history (the entries
--     themselves are the members' own and stay in their profiles);
--   - in applications.snapshot: `submittedBy` (null), `team.members` ([]: ids and names),
--     `workHistory` ([]: members' employers, roles, periods, descriptions, evidence),
--     `commonProjects` ([]: members' ids and evidence) and `documents` ([]: file names);
--     `personalDataPurgedAt` is added (ISO 8601, UTC) so pages can say why it is empty.
-- KEPT, because the record needs it: the application row (team, status, submitted_at,
-- digest — now the digest of what was submitted, no longer of the stored snapshot), the
-- snapshot's team name, description, languages, home organisations, rules, deadline,
-- ideas and answers; application_events; screening marks and decisions; decisions and
-- their items (team_name, reasons, points) and frozen scores.
-- Nothing is changed twice: an application is a candidate only while it still holds
-- something of the above (documents, links, or a snapshot without personalDataPurgedAt).

-- Helsinki calendar months ------------------------------------------------------------------

-- Whether `months` calendar months have passed since `closes` at `at` (Europe/Helsinki).
-- Null `closes` never is. Mirrors retentionDue in src/lib/domain/retention.ts.
create function private.retention_due(closes timestamptz, months int, at timestamptz default now())
returns boolean
language sql stable security invoker set search_path = ''
as $$
  select closes is not null
     and ((closes at time zone 'Europe/Helsinki') + pg_catalog.make_interval(months => months))
         at time zone 'Europe/Helsinki' <= at
$$;
revoke execute on function private.retention_due(timestamptz, int, timestamptz) from public, anon, authenticated;

-- When the challenge closed (see the head of this file), or null while it has not.
create function private.retention_closes_at(challenge uuid) returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select case
    when c.status <> 'published' then null
    when exists (select 1 from public.decisions d
                 where d.challenge_id = c.id and d.published_at is null) then null
    else greatest(
      (select max(s.ends_at) from public.challenge_stages s where s.challenge_id = c.id),
      (select max(d.published_at) from public.decisions d where d.challenge_id = c.id))
  end
  from public.challenges c where c.id = challenge
$$;
revoke execute on function private.retention_closes_at(uuid) from public, anon, authenticated;

-- The applications the challenge's last published decision that chose teams chose.
create function private.retention_selected(challenge uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  with current_gate as (
    select d.id from public.decisions d
    where d.challenge_id = challenge and d.published_at is not null
      and d.stage in ('selection', 'shortlisting') and d.kind <> 'void'
      and not exists (select 1 from public.decisions r
                      where r.replaces = d.id and r.published_at is not null)
    order by (d.stage = 'selection') desc, d.published_at desc, d.id
    limit 1
  )
  select t.application_id from public.decision_items i
  join current_gate g on g.id = i.decision_id
  cross join lateral private.decision_item_team(i) t
  where i.chosen and t.application_id is not null
$$;
revoke execute on function private.retention_selected(uuid) from public, anon, authenticated;

-- The documents guard, narrowly opened for maintenance ------------------------------------

-- Redefined from 20261130000300_record_guards.sql: a maintenance function that sets
-- talkoot.record_maintenance = 'on' for its own transaction (retention, erasure) may delete
-- a submitted application's documents. Everything else is as before.
create or replace function private.guard_draft_content() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  app uuid := case when tg_op = 'DELETE' then old.application_id else new.application_id end;
begin
  if pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'DELETE' and coalesce(current_setting('talkoot.record_maintenance', true), '') = 'on' then
    return old;
  end if;
  perform 1 from public.applications where id = app and status = 'draft' for share;
  if not found then
    raise exception 'permission denied: the application is submitted; withdraw it before changing it'
      using errcode = '55000';
  end if;
  if tg_op = 'UPDATE' and new.application_id <> old.application_id then
    raise exception 'content stays with its application' using errcode = '55000';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function private.guard_draft_content() from public;

-- The purge -----------------------------------------------------------------------------

-- One row per application whose personal data is due (see the head of this file): which
-- challenge and team, and how much goes — counts and file keys, never the data. With
-- `dry_run` nothing is changed and nothing recorded; otherwise the data is purged and
-- one 'retention_run' audit entry records the counts and the applications' ids. Refuses
-- (22023 retention_months) months below 1.
create function private.retention_purge(months int, dry_run boolean default true)
returns table (
  challenge_id uuid,
  challenge_slug text,
  team_id uuid,
  team_name text,
  application_id uuid,
  status text,
  documents int,
  work_entries int,
  members int,
  work_history int,
  common_projects int,
  files text[]
)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  stamp text := to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
begin
  if months is null or months < 1 then
    raise exception 'retention_months' using errcode = '22023', hint = 'retention_months';
  end if;
  create temporary table if not exists pg_temp.retention_due_rows (
    challenge_id uuid, challenge_slug text, team_id uuid, team_name text,
    application_id uuid, status text, documents int, work_entries int, members int,
    work_history int, common_projects int, files text[]
  ) on commit drop;
  truncate pg_temp.retention_due_rows;

  insert into pg_temp.retention_due_rows
  select c.id, c.slug, t.id, t.name, a.id, a.status,
    (select count(*)::int from public.application_documents d where d.application_id = a.id),
    (select count(*)::int from public.application_work_entries w where w.application_id = a.id),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'team' -> 'members'), 0),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'workHistory'), 0),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'commonProjects'), 0),
    array(
      select d.file_key from public.application_documents d where d.application_id = a.id
      union
      select k from (
        select x ->> 'fileKey' as k from pg_catalog.jsonb_array_elements(
          case when pg_catalog.jsonb_typeof(a.snapshot -> 'documents') = 'array'
               then a.snapshot -> 'documents' else '[]'::jsonb end) x
        union all
        select x ->> 'evidenceFile' from pg_catalog.jsonb_array_elements(
          case when pg_catalog.jsonb_typeof(a.snapshot -> 'workHistory') = 'array'
               then a.snapshot -> 'workHistory' else '[]'::jsonb end) x
        union all
        select x ->> 'evidenceFile' from pg_catalog.jsonb_array_elements(
          case when pg_catalog.jsonb_typeof(a.snapshot -> 'commonProjects') = 'array'
               then a.snapshot -> 'commonProjects' else '[]'::jsonb end) x
      ) keys where k is not null
      order by 1)
  from public.challenges c
  join public.applications a on a.challenge_id = c.id
  join public.teams t on t.id = a.team_id
  where private.retention_due(private.retention_closes_at(c.id), months)
    and a.id not in (select private.retention_selected(c.id))
    and (exists (select 1 from public.application_documents d where d.application_id = a.id)
         or exists (select 1 from public.application_work_entries w where w.application_id = a.id)
         or (a.snapshot is not null and not a.snapshot ? 'personalDataPurgedAt'));

  if not dry_run then
    perform set_config('talkoot.record_maintenance', 'on', true);
    delete from public.application_documents d
      using pg_temp.retention_due_rows r where d.application_id = r.application_id;
    delete from public.application_work_entries w
      using pg_temp.retention_due_rows r where w.application_id = r.application_id;
    update public.applications a
      set snapshot = a.snapshot
        || pg_catalog.jsonb_build_object(
             'submittedBy', null, 'workHistory', '[]'::jsonb, 'commonProjects', '[]'::jsonb,
             'documents', '[]'::jsonb, 'personalDataPurgedAt', stamp,
             'team', coalesce(a.snapshot -> 'team', '{}'::jsonb)
                     || pg_catalog.jsonb_build_object('members', '[]'::jsonb))
      from pg_temp.retention_due_rows r
      where a.id = r.application_id and a.snapshot is not null
        and not a.snapshot ? 'personalDataPurgedAt';
    perform set_config('talkoot.record_maintenance', 'off', true);
    perform private.record_audit('retention_run', 'retention', null, (
      select pg_catalog.jsonb_build_object(
        'months', months,
        'applications', count(*),
        'documents', coalesce(sum(r.documents), 0),
        'workEntryLinks', coalesce(sum(r.work_entries), 0),
        'snapshotMembers', coalesce(sum(r.members), 0),
        'snapshotWorkHistory', coalesce(sum(r.work_history), 0),
        'snapshotCommonProjects', coalesce(sum(r.common_projects), 0),
        'challenges', count(distinct r.challenge_id),
        'applicationIds', coalesce(pg_catalog.jsonb_agg(r.application_id order by r.application_id), '[]'::jsonb))
      from pg_temp.retention_due_rows r));
  end if;

  return query select r.* from pg_temp.retention_due_rows r
    order by r.challenge_slug, r.team_name, r.application_id;
end
$$;
revoke execute on function private.retention_purge(int, boolean) from public, anon, authenticated;

-- Deletes the audit log's entries `months` Helsinki calendar months old or older (with
-- `dry_run` only counts them) and answers how many. A real run records one 'audit_purge'
-- entry with the count, after the deletion (so it stays). Refuses (22023
-- retention_months) months below 1.
create function private.audit_purge(months int, dry_run boolean default true) returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  purged bigint;
begin
  if months is null or months < 1 then
    raise exception 'retention_months' using errcode = '22023', hint = 'retention_months';
  end if;
  -- The index narrows to a superset (month lengths and clamping differ by under 4 days);
  -- private.retention_due decides.
  if dry_run then
    select count(*) into purged from public.audit_log l
    where l.occurred_at < now() - pg_catalog.make_interval(months => months) + interval '4 days'
      and private.retention_due(l.occurred_at, months);
    return purged;
  end if;
  perform set_config('talkoot.record_maintenance', 'on', true);
  delete from public.audit_log l
  where l.occurred_at < now() - pg_catalog.make_interval(months => months) + interval '4 days'
    and private.retention_due(l.occurred_at, months);
  get diagnostics purged = row_count;
  perform set_config('talkoot.record_maintenance', 'off', true);
  perform private.record_audit('audit_purge', 'audit_log', null,
    pg_catalog.jsonb_build_object('months', months, 'entries', purged));
  return purged;
end
$$;
revoke execute on function private.audit_purge(int, boolean) from public, anon, authenticated;
