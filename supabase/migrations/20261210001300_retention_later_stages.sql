-- Retention, the later stages (issue 15 review). 20261209004100_retention.sql (whose head
-- says when a challenge closes, who was selected and what is kept) purged the personal data
-- of a team not selected only in its application. The same team's concept, the concept's
-- saved versions and links, its attachments, its final tenders and a proof of concept it
-- may have begun hold the same kind of data (src/lib/domain/personal-data.ts, categories
-- 'concepts' and 'production'); they are purged by the same rule, for the concepts that
-- grew from an application not selected (concepts.application_id); and, of the
-- application itself, who tried to submit it late (late_submission_attempts.attempted_by
-- and attempted_by_name, missed before):
--   - concept_attachments and poc_evidence_files: the rows; their files are removed by the
--     job after the commit, where nothing else refers to them;
--   - who wrote, saved, linked, submitted, withdrew, started, planned, reviewed or reported
--     (the person columns of concepts, concept_versions, concept_links, final_tenders,
--     proofs_of_concept, poc_milestones, poc_milestone_events, production_targets,
--     outcome_reports, outcome_report_reviews): null, and copied names '';
--   - in final_tenders.snapshot: `submittedBy` (null) and `attachments` ([]: file names and
--     keys); `personalDataPurgedAt` is added, as in an application's snapshot.
-- KEPT: the rows themselves and their text (the concept's title, summary, description,
-- plan and budget; milestones, their evidence text and record), the tender's digest (the
-- digest of what was submitted) and the decisions. The list of purged columns in
-- TypeScript is RETENTION_PURGED_COLUMNS (src/lib/domain/retention.ts);
-- tests/integration/retention.test.ts checks both against each other and the map.
--
-- Maintenance by the token of 20261210001100_record_maintenance_token.sql. The function's
-- answer gains three counts (attachments, evidence_files, tenders), so it is recreated.

-- Whether the application's late submission attempts or the concept grown from it still
-- hold personal data this purge clears (an application is a candidate again while they do).
create function private.retention_later_holds(app uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.late_submission_attempts l
                 where l.application_id = app and (l.attempted_by is not null or l.attempted_by_name <> ''))
  or exists (
    select 1 from public.concepts c
    where c.application_id = app and (
      c.updated_by is not null
      or exists (select 1 from public.concept_versions v where v.concept_id = c.id and v.saved_by is not null)
      or exists (select 1 from public.concept_links l where l.concept_id = c.id and l.linked_by is not null)
      or exists (select 1 from public.concept_attachments a where a.concept_id = c.id)
      or exists (select 1 from public.final_tenders f where f.concept_id = c.id
                 and (f.submitted_by is not null or f.withdrawn_by is not null
                      or not f.snapshot ? 'personalDataPurgedAt'))
      or exists (select 1 from public.proofs_of_concept p where p.concept_id = c.id and p.started_by is not null)
      or exists (select 1 from public.proofs_of_concept p join public.poc_milestones m on m.poc_id = p.id
                 where p.concept_id = c.id
                   and (m.created_by is not null or m.updated_by is not null or m.reviewed_by is not null
                        or exists (select 1 from public.poc_milestone_events e
                                   where e.milestone_id = m.id and (e.by is not null or e.by_name <> ''))
                        or exists (select 1 from public.poc_evidence_files x where x.milestone_id = m.id)))
      or exists (select 1 from public.production_targets t where t.concept_id = c.id and t.updated_by is not null)
      or exists (select 1 from public.outcome_reports r where r.concept_id = c.id
                 and (r.submitted_by is not null or r.submitted_by_name <> ''
                      or exists (select 1 from public.outcome_report_reviews w where w.report_id = r.id
                                 and (w.reviewed_by is not null or w.reviewed_by_name <> ''))))))
$$;
revoke execute on function private.retention_later_holds(uuid) from public, anon, authenticated;

-- Keys of the stored files the application and the concept grown from it refer to: its
-- documents, its snapshot's documents and evidence, the concept's attachments, its final
-- tenders' attachments and its proof of concept's evidence files.
create function private.retention_files(app uuid) returns text[]
language sql stable security definer set search_path = ''
as $$
  with json_keys as (
    select a.snapshot -> 'documents' as list, 'fileKey' as field from public.applications a where a.id = app
    union all select a.snapshot -> 'workHistory', 'evidenceFile' from public.applications a where a.id = app
    union all select a.snapshot -> 'commonProjects', 'evidenceFile' from public.applications a where a.id = app
    union all
    select f.snapshot -> 'attachments', 'fileKey' from public.final_tenders f
    join public.concepts c on c.id = f.concept_id where c.application_id = app
  )
  select array(
    select d.file_key from public.application_documents d where d.application_id = app
    union
    select x.file_key from public.concept_attachments x
      join public.concepts c on c.id = x.concept_id where c.application_id = app
    union
    select x.file_key from public.poc_evidence_files x
      join public.poc_milestones m on m.id = x.milestone_id
      join public.proofs_of_concept p on p.id = m.poc_id
      join public.concepts c on c.id = p.concept_id where c.application_id = app
    union
    select e ->> j.field from json_keys j
      cross join lateral pg_catalog.jsonb_array_elements(
        case when pg_catalog.jsonb_typeof(j.list) = 'array' then j.list else '[]'::jsonb end) e
      where e ->> j.field is not null
    order by 1)
$$;
revoke execute on function private.retention_files(uuid) from public, anon, authenticated;

drop function private.retention_purge(int, boolean);

-- One row per application whose personal data is due: which challenge and team, and how
-- much goes — counts and file keys, never the data. With `dry_run` nothing is changed and
-- nothing recorded; otherwise the data is purged and one 'retention_run' audit entry
-- records the counts and the applications' ids. Refuses (22023 retention_months) months
-- below 1.
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
  attachments int,
  evidence_files int,
  tenders int,
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
  create temporary table if not exists pg_temp.retention_due_apps (
    challenge_id uuid, challenge_slug text, team_id uuid, team_name text,
    application_id uuid, status text, documents int, work_entries int, members int,
    work_history int, common_projects int, attachments int, evidence_files int, tenders int,
    files text[]
  ) on commit drop;
  truncate pg_temp.retention_due_apps;

  insert into pg_temp.retention_due_apps
  select c.id, c.slug, t.id, t.name, a.id, a.status,
    (select count(*)::int from public.application_documents d where d.application_id = a.id),
    (select count(*)::int from public.application_work_entries w where w.application_id = a.id),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'team' -> 'members'), 0),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'workHistory'), 0),
    coalesce(pg_catalog.jsonb_array_length(a.snapshot -> 'commonProjects'), 0),
    (select count(*)::int from public.concept_attachments x
       join public.concepts k on k.id = x.concept_id where k.application_id = a.id),
    (select count(*)::int from public.poc_evidence_files x
       join public.poc_milestones m on m.id = x.milestone_id
       join public.proofs_of_concept p on p.id = m.poc_id
       join public.concepts k on k.id = p.concept_id where k.application_id = a.id),
    (select count(*)::int from public.final_tenders f
       join public.concepts k on k.id = f.concept_id
       where k.application_id = a.id and not f.snapshot ? 'personalDataPurgedAt'),
    private.retention_files(a.id)
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
         or (a.snapshot is not null and not a.snapshot ? 'personalDataPurgedAt')
         or private.retention_later_holds(a.id));

  if not dry_run then
    perform private.begin_record_maintenance('retention');
    create temporary table if not exists pg_temp.retention_due_concepts (id uuid primary key)
      on commit drop;
    truncate pg_temp.retention_due_concepts;
    insert into pg_temp.retention_due_concepts
      select k.id from public.concepts k join pg_temp.retention_due_apps r on r.application_id = k.application_id;

    -- The application (as 20261209004200_retention_person_ids.sql, and its late attempts).
    delete from public.application_documents d
      using pg_temp.retention_due_apps r where d.application_id = r.application_id;
    delete from public.application_work_entries w
      using pg_temp.retention_due_apps r where w.application_id = r.application_id;
    update public.application_events e set by = null
      from pg_temp.retention_due_apps r where e.application_id = r.application_id and e.by is not null;
    update public.applications a set updated_by = null, submitted_by = null
      from pg_temp.retention_due_apps r where a.id = r.application_id;
    update public.late_submission_attempts l set attempted_by = null, attempted_by_name = ''
      from pg_temp.retention_due_apps r
      where l.application_id = r.application_id and (l.attempted_by is not null or l.attempted_by_name <> '');
    update public.applications a
      set snapshot = a.snapshot
        || pg_catalog.jsonb_build_object(
             'submittedBy', null, 'workHistory', '[]'::jsonb, 'commonProjects', '[]'::jsonb,
             'documents', '[]'::jsonb, 'personalDataPurgedAt', stamp,
             'team', coalesce(a.snapshot -> 'team', '{}'::jsonb)
                     || pg_catalog.jsonb_build_object('members', '[]'::jsonb))
      from pg_temp.retention_due_apps r
      where a.id = r.application_id and a.snapshot is not null
        and not a.snapshot ? 'personalDataPurgedAt';

    -- The concept grown from it, its tenders and its proof of concept.
    delete from public.concept_attachments x using pg_temp.retention_due_concepts k where x.concept_id = k.id;
    delete from public.poc_evidence_files x
      using public.poc_milestones m, public.proofs_of_concept p, pg_temp.retention_due_concepts k
      where x.milestone_id = m.id and m.poc_id = p.id and p.concept_id = k.id;
    update public.concepts c set updated_by = null
      from pg_temp.retention_due_concepts k where c.id = k.id and c.updated_by is not null;
    update public.concept_versions v set saved_by = null
      from pg_temp.retention_due_concepts k where v.concept_id = k.id and v.saved_by is not null;
    update public.concept_links l set linked_by = null
      from pg_temp.retention_due_concepts k where l.concept_id = k.id and l.linked_by is not null;
    update public.final_tenders f
      set submitted_by = null, withdrawn_by = null,
          snapshot = case when f.snapshot ? 'personalDataPurgedAt' then f.snapshot
                          else f.snapshot || pg_catalog.jsonb_build_object(
                            'submittedBy', null, 'attachments', '[]'::jsonb,
                            'personalDataPurgedAt', stamp) end
      from pg_temp.retention_due_concepts k where f.concept_id = k.id;
    update public.proofs_of_concept p set started_by = null
      from pg_temp.retention_due_concepts k where p.concept_id = k.id and p.started_by is not null;
    update public.poc_milestones m set created_by = null, updated_by = null, reviewed_by = null
      from public.proofs_of_concept p, pg_temp.retention_due_concepts k
      where m.poc_id = p.id and p.concept_id = k.id
        and (m.created_by is not null or m.updated_by is not null or m.reviewed_by is not null);
    update public.poc_milestone_events e set by = null, by_name = ''
      from public.poc_milestones m, public.proofs_of_concept p, pg_temp.retention_due_concepts k
      where e.milestone_id = m.id and m.poc_id = p.id and p.concept_id = k.id
        and (e.by is not null or e.by_name <> '');
    update public.production_targets t set updated_by = null
      from pg_temp.retention_due_concepts k where t.concept_id = k.id and t.updated_by is not null;
    update public.outcome_report_reviews w set reviewed_by = null, reviewed_by_name = ''
      from public.outcome_reports r, pg_temp.retention_due_concepts k
      where w.report_id = r.id and r.concept_id = k.id
        and (w.reviewed_by is not null or w.reviewed_by_name <> '');
    update public.outcome_reports r set submitted_by = null, submitted_by_name = ''
      from pg_temp.retention_due_concepts k
      where r.concept_id = k.id and (r.submitted_by is not null or r.submitted_by_name <> '');
    perform private.end_record_maintenance();

    perform private.record_audit('retention_run', 'retention', null, (
      select pg_catalog.jsonb_build_object(
        'months', months,
        'applications', count(*),
        'documents', coalesce(sum(r.documents), 0),
        'workEntryLinks', coalesce(sum(r.work_entries), 0),
        'snapshotMembers', coalesce(sum(r.members), 0),
        'snapshotWorkHistory', coalesce(sum(r.work_history), 0),
        'snapshotCommonProjects', coalesce(sum(r.common_projects), 0),
        'conceptAttachments', coalesce(sum(r.attachments), 0),
        'evidenceFiles', coalesce(sum(r.evidence_files), 0),
        'finalTenders', coalesce(sum(r.tenders), 0),
        'challenges', count(distinct r.challenge_id),
        'applicationIds', coalesce(pg_catalog.jsonb_agg(r.application_id order by r.application_id), '[]'::jsonb))
      from pg_temp.retention_due_apps r));
  end if;

  return query select r.* from pg_temp.retention_due_apps r
    order by r.challenge_slug, r.team_name, r.application_id;
end
$$;
revoke execute on function private.retention_purge(int, boolean) from public, anon, authenticated;
