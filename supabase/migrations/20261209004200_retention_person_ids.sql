-- Retention, continued (issue 15): the purge also clears WHO wrote and submitted an
-- application of a team not selected — applications.updated_by and submitted_by, and
-- application_events.by (person ids of the personal data map, src/lib/domain/personal-data.ts);
-- the events keep their kind, time and digest. The snapshot's `submittedBy` was already
-- cleared, but the same id stayed on the row and its events. An application still holding
-- such an id is a candidate again, so a run after this migration finishes the ones purged
-- before it.
--
-- Redefines private.retention_purge from 20261209004100_retention.sql (whose head says
-- what is purged and kept); only the candidate condition and the two updates before the
-- snapshot's are new.

create or replace function private.retention_purge(months int, dry_run boolean default true)
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
         or a.updated_by is not null or a.submitted_by is not null
         or exists (select 1 from public.application_events e
                    where e.application_id = a.id and e.by is not null)
         or (a.snapshot is not null and not a.snapshot ? 'personalDataPurgedAt'));

  if not dry_run then
    perform set_config('talkoot.record_maintenance', 'on', true);
    delete from public.application_documents d
      using pg_temp.retention_due_rows r where d.application_id = r.application_id;
    delete from public.application_work_entries w
      using pg_temp.retention_due_rows r where w.application_id = r.application_id;
    update public.application_events e set by = null
      from pg_temp.retention_due_rows r where e.application_id = r.application_id and e.by is not null;
    update public.applications a set updated_by = null, submitted_by = null
      from pg_temp.retention_due_rows r where a.id = r.application_id;
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
