-- Issue 16 (every signed-in page), the rest of 20261210003300_set_helpers_in_plpgsql: every
-- stable security-definer helper of the policies and definer functions, in PL/pgSQL.
-- A SQL function that cannot be inlined (security definer) has its query parsed and planned
-- again in every statement that calls it; and when one helper calls another, the inner one
-- is planned again on each call of the outer one, so a helper called per row plans its
-- nested helpers per row. On a signed-in challenge page the workshops query took 5.7 ms
-- under load, nearly all of it planning `private.my_workshop_ids()` and the helpers it calls
-- (1.1 ms in PL/pgSQL); a workshop page's list of people 35 ms, planning
-- `private.workshop_role` and its helpers again for each of 21 teams. PL/pgSQL makes a
-- body's plans once per connection and keeps them.
--
-- Bodies, volatility, security, search_path and grants are unchanged (create or replace
-- keeps the grants and the owner). `#variable_conflict use_column` keeps SQL's rule that a
-- column name wins over a parameter's; a scalar helper's `select … into result` keeps the
-- first row, as a SQL function returns its first row. Set helpers first, then the others.
-- tests/integration/db-lint.test.ts ('planned-once') keeps new helpers in PL/pgSQL.

create or replace function private.facilitated_team_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select t.team_id from public.workshop_teams t
  join public.workshops w on w.id = t.workshop_id
  where w.facilitator_id = (select auth.uid()) and private.is_facilitator();
end
$$;

create or replace function private.my_applicant_team_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select a.team_id from public.applications a
  where a.id in (select private.my_screenable_application_ids());
end
$$;

create or replace function private.my_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select c.id from public.challenges c
  join public.organisation_members m on m.organisation_id = c.organisation_id
  where m.user_id = (select auth.uid());
end
$$;

create or replace function private.my_concept_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select c.id from public.concepts c where c.team_id in (select private.my_team_ids());
end
$$;

create or replace function private.my_juror_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select id from public.jury_members where user_id = (select auth.uid()) and accepted_at is not null;
end
$$;

create or replace function private.my_jury_concept_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select t.concept_id from public.final_tenders t
  where t.id in (select private.my_jury_final_tender_ids());
end
$$;

create or replace function private.my_jury_discussion_application_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select a.id from public.applications a
  where a.challenge_id in (select private.my_team_challenge_ids())
  union
  select i.id from private.my_jury_application_ids() i(id)
  join public.applications a on a.id = i.id
  join public.jury_stages g on g.challenge_id = a.challenge_id and g.stage = 'shortlisting'
  where g.consensus_opened_at is not null;
end
$$;

create or replace function private.my_jury_discussion_item_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select private.my_jury_discussion_application_ids()
  union all
  select t.id from public.final_tenders t
  where t.challenge_id in (select private.my_team_challenge_ids())
  union all
  select i.id from private.my_jury_final_tender_ids() i(id)
  join public.final_tenders t on t.id = i.id
  join public.jury_stages g on g.challenge_id = t.challenge_id and g.stage = 'selection'
  where g.consensus_opened_at is not null;
end
$$;

create or replace function private.my_jury_final_tender_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select s.final_tender_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.final_tenders t on t.id = s.final_tender_id and t.withdrawn_at is null
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts c
                where c.juror_id = s.juror_id and c.item_id = s.item_id and not c.conflict)
    and private.final_tenders_unsealed(t.challenge_id);
end
$$;

create or replace function private.my_jury_item_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select private.my_jury_application_ids()
  union all
  select private.my_jury_final_tender_ids();
end
$$;

create or replace function private.my_jury_score_ids_with_revisions() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select x.id from public.jury_scores x where x.juror_id in (select private.my_juror_ids())
  union
  select private.my_visible_jury_score_ids();
end
$$;

create or replace function private.my_jury_stage_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select private.my_team_challenge_ids()
  union
  select challenge_id from public.jury_members where user_id = (select auth.uid()) and accepted_at is not null;
end
$$;

create or replace function private.my_jury_team_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select a.team_id from public.applications a
  where a.id in (select private.my_jury_application_ids());
end
$$;

create or replace function private.my_organisation_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select organisation_id from public.organisation_members where user_id = (select auth.uid());
end
$$;

create or replace function private.my_outcome_challenge_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select private.my_decision_challenge_ids()
  union
  select c.challenge_id from public.concepts c where c.id in (select private.my_production_concept_ids());
end
$$;

create or replace function private.my_outcome_report_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select r.id from public.outcome_reports r
  where r.challenge_id in (select private.my_decision_challenge_ids())
     or r.concept_id in (select private.my_production_concept_ids());
end
$$;

create or replace function private.my_owned_concept_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select t.concept_id from public.final_tenders t
  where t.challenge_id in (select private.my_team_challenge_ids())
    and private.final_tenders_unsealed(t.challenge_id);
end
$$;

create or replace function private.my_poc_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select p.id from public.proofs_of_concept p
  where p.challenge_id in (select private.my_decision_challenge_ids())
  union
  select p.id from public.proofs_of_concept p join public.concepts c on c.id = p.concept_id
  where c.team_id in (select private.my_team_ids());
end
$$;

create or replace function private.my_poc_milestone_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.id from public.poc_milestones m where m.poc_id in (select private.my_poc_ids());
end
$$;

create or replace function private.my_production_concept_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select c.id from public.concepts c
  where c.team_id in (select private.my_team_ids())
    and c.id in (select private.production_concept_ids(c.challenge_id));
end
$$;

create or replace function private.my_question_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select question_id from public.challenge_question_askers where asker_id = (select auth.uid());
end
$$;

create or replace function private.my_visible_jury_score_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select x.id from public.jury_scores x
  join public.jury_members j on j.id = x.juror_id
  where x.state = 'submitted' and j.challenge_id in (select private.my_team_challenge_ids())
  union
  select x.id from public.jury_scores x
  join public.jury_members me on me.user_id = (select auth.uid()) and me.accepted_at is not null
  join public.jury_members j on j.id = x.juror_id
    and j.challenge_id = me.challenge_id and j.stage = me.stage
  join public.jury_stages g on g.challenge_id = me.challenge_id and g.stage = me.stage
  where x.state = 'submitted'
    and x.item_id in (select private.my_jury_item_ids())
    and (g.consensus_opened_at is not null or private.jury_done(me.id));
end
$$;

create or replace function private.my_workshop_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select id from public.workshops
    where facilitator_id = (select auth.uid()) and private.is_facilitator()
  union select id from public.workshops where challenge_id in (select private.my_challenge_ids())
  union select t.workshop_id from public.workshop_teams t
    join public.team_members m on m.team_id = t.team_id where m.user_id = (select auth.uid())
  union select p.workshop_id from public.workshop_participants p
    where p.user_id = (select auth.uid()) and private.is_workshop_guest(p.workshop_id);
end
$$;

create or replace function private.decision_stage_items(challenge uuid, stage_ text) returns table(item_kind text, item_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select i.item_kind, i.item_id from private.jury_stage_items(challenge, stage_) i
  where stage_ in ('shortlisting', 'selection')
  union all
  select 'concept', p.id from private.partner_concept_ids(challenge) p(id)
  where stage_ = 'proof_of_concept';
end
$$;

create or replace function private.email_change_state(p_token_hash text) returns table(state text, new_email text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select coalesce((select case when c.used_at is not null then 'used'
                               when c.expires_at <= now() then 'expired'
                               else 'pending' end
                   from private.email_changes c where c.token_hash = p_token_hash), 'unknown'),
         (select c.new_email from private.email_changes c
           where c.token_hash = p_token_hash and c.used_at is null and c.expires_at > now());
end
$$;

create or replace function private.jury_stage_items(challenge uuid, stage_ text) returns table(item_kind text, item_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select 'application', a.id from public.applications a
  join public.screening_decisions d on d.application_id = a.id and d.eligible
  where stage_ = 'shortlisting' and a.challenge_id = challenge and a.status = 'submitted'
  union all
  select 'final_tender', t.id from public.final_tenders t
  where stage_ = 'selection' and t.challenge_id = challenge and t.withdrawn_at is null
    and private.final_tenders_unsealed(challenge);
end
$$;

create or replace function private.partner_concept_ids(challenge uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select t.concept_id from public.decision_items i
  join public.final_tenders t on t.id = i.final_tender_id
  where i.decision_id = private.current_decision(challenge, 'selection') and i.chosen;
end
$$;

create or replace function private.production_concept_ids(challenge uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select i.concept_id from public.decision_items i
  where i.decision_id = private.current_decision(challenge, 'proof_of_concept')
    and i.chosen and i.concept_id is not null;
end
$$;

create or replace function private.retention_selected(challenge uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
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
  where i.chosen and t.application_id is not null;
end
$$;

create or replace function private.caller_locale() returns text
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text;
begin
  select coalesce((select p.locale from public.profiles p where p.id = (select auth.uid())), 'fi')
  into result;
  return result;
end
$$;

create or replace function private.in_record_maintenance() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from private.record_maintenance m
                 where m.xact = pg_catalog.pg_current_xact_id_if_assigned())
  into result;
  return result;
end
$$;

create or replace function private.is_facilitator() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.platform_facilitators where user_id = (select auth.uid()))
  into result;
  return result;
end
$$;

create or replace function private.is_platform_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select coalesce((select auth.jwt() ->> 'aal') = 'aal2', false)
    and exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
  into result;
  return result;
end
$$;

create or replace function private.outcome_my_name() returns text
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text;
begin
  select coalesce((select coalesce(nullif(p.display_name, ''), p.email, '')
                   from public.profiles p where p.id = (select auth.uid())), '')
  into result;
  return result;
end
$$;

create or replace function private.poc_caller_name() returns text
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text;
begin
  select coalesce((select coalesce(nullif(p.display_name, ''), p.email, '') from public.profiles p
                   where p.id = (select auth.uid())), '')
  into result;
  return result;
end
$$;

create or replace function private.application_decided(application uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.screening_decisions where application_id = application)
    and (application in (select private.my_application_ids()) or (select private.is_screenable(application)))
  into result;
  return result;
end
$$;

create or replace function private.application_shortlisted(application uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.applications a
    join public.decision_items i on i.application_id = a.id and i.chosen
    where a.id = application
      and i.decision_id = private.current_decision(a.challenge_id, 'shortlisting')
  )
  into result;
  return result;
end
$$;

create or replace function private.application_snapshot(application uuid, submitted timestamp with time zone, submitter uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result jsonb;
begin
  select jsonb_build_object(
    'application', a.id,
    'lang', a.lang,
    'challenge', jsonb_build_object('id', c.id, 'slug', c.slug),
    'deadline', (select to_char(s.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                 from public.challenge_stages s where s.challenge_id = c.id and s.stage = 'applications'),
    'rules', jsonb_build_object(
      'areas', to_jsonb(c.competence_areas), 'lookbackYears', c.lookback_years,
      'minTeamSize', c.min_team_size, 'requireCommonHistory', c.require_common_history),
    'submittedAt', to_char(submitted at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'submittedBy', submitter,
    'team', jsonb_build_object(
      'id', t.id, 'name', t.name, 'description', t.description, 'lang', t.lang,
      'homeOrganisations', to_jsonb(t.home_organisations),
      'members', coalesce((
        select jsonb_agg(jsonb_build_object('id', m.user_id,
                 'name', coalesce(nullif(p.display_name, ''), p.email, ''))
               order by m.joined_at, m.user_id)
        from public.team_members m left join public.profiles p on p.id = m.user_id
        where m.team_id = t.id), '[]'::jsonb)),
    'workHistory', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', e.id, 'memberId', e.user_id, 'area', e.area, 'organisation', e.organisation,
               'role', e.role, 'start', to_char(e.start_month, 'YYYY-MM'),
               'end', to_char(e.end_month, 'YYYY-MM'), 'description', e.description,
               'evidenceUrl', e.evidence_url, 'evidenceFile', e.evidence_file, 'lang', e.lang)
             order by e.user_id, e.start_month, e.id)
      from public.work_entries e
      join public.team_members m on m.user_id = e.user_id and m.team_id = t.id), '[]'::jsonb),
    'commonProjects', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', pr.id, 'title', pr.title, 'start', to_char(pr.start_month, 'YYYY-MM'),
               'end', to_char(pr.end_month, 'YYYY-MM'), 'description', pr.description,
               'evidenceUrl', pr.evidence_url, 'evidenceFile', pr.evidence_file,
               'memberIds', coalesce((select jsonb_agg(pm.user_id order by pm.user_id)
                                      from public.team_project_members pm where pm.project_id = pr.id),
                                     '[]'::jsonb))
             order by pr.start_month, pr.id)
      from public.team_projects pr where pr.team_id = t.id), '[]'::jsonb),
    'ideas', coalesce((
      select jsonb_agg(jsonb_build_object('position', i.position, 'title', i.title,
               'problem', i.problem, 'idea', i.idea, 'value', i.value) order by i.position)
      from public.application_ideas i
      where i.application_id = a.id and i.position <= c.idea_count), '[]'::jsonb),
    'answers', coalesce((
      select jsonb_agg(jsonb_build_object('requirementId', r.id, 'statement', r.statement,
               'meets', an.meets, 'explanation', coalesce(an.explanation, ''))
             order by r.position, r.id)
      from public.challenge_requirements r
      left join public.application_answers an on an.requirement_id = r.id and an.application_id = a.id
      where r.challenge_id = c.id), '[]'::jsonb),
    'documents', coalesce((
      select jsonb_agg(jsonb_build_object('requirementId', d.requirement_id, 'fileKey', d.file_key,
               'fileName', d.file_name, 'size', d.size) order by d.created_at, d.id)
      from public.application_documents d where d.application_id = a.id), '[]'::jsonb)
  )
  from public.applications a
  join public.challenges c on c.id = a.challenge_id
  join public.teams t on t.id = a.team_id
  where a.id = application
  into result;
  return result;
end
$$;

create or replace function private.applications_open(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenges c
    join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
    where c.id = challenge and c.status = 'published' and now() >= s.starts_at and now() < s.ends_at
  )
  into result;
  return result;
end
$$;

create or replace function private.applications_unsealed(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenges c
    left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
    where c.id = challenge
      and ((c.procedure = 'open_challenge' and c.applications_unsealed) or s.ends_at <= now())
  )
  into result;
  return result;
end
$$;

create or replace function private.can_see_board(board uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.boards b
    where b.id = board and (
      private.workshop_role(b.workshop_id) in ('facilitator', 'observer')
      or (private.workshop_role(b.workshop_id) = 'participant' and (
        b.team_id is null
        or exists (select 1 from public.team_members m
                   where m.team_id = b.team_id and m.user_id = (select auth.uid()))
        or private.is_workshop_guest(b.workshop_id)
      ))
    )
  )
  into result;
  return result;
end
$$;

create or replace function private.challenge_record(challenge uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result jsonb;
begin
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
  into result;
  return result;
end
$$;

create or replace function private.concept_link_source_lang(kind text, application uuid, board uuid, element text) returns text
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text;
begin
  select case kind
    when 'idea' then (select a.lang from public.applications a where a.id = application)
    when 'board_note' then (select n.lang from public.board_notes n
                            where n.board_id = board and n.id::text = element)
    when 'board_cluster' then (select k.lang from public.board_clusters k
                               where k.board_id = board and k.id::text = element)
  end
  into result;
  return result;
end
$$;

create or replace function private.concepts_deadline(challenge uuid) returns timestamp with time zone
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result timestamp with time zone;
begin
  select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'concepts'
  into result;
  return result;
end
$$;

create or replace function private.concepts_open(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select coalesce(private.concepts_deadline(challenge) > now(), false)
  into result;
  return result;
end
$$;

create or replace function private.current_decision(challenge uuid, stage_ text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select d.id from public.decisions d
  where d.challenge_id = challenge and d.stage = stage_ and d.published_at is not null
    and d.kind <> 'void'
    and not exists (select 1 from public.decisions r where r.replaces = d.id and r.published_at is not null)
  order by d.published_at desc, d.id
  limit 1
  into result;
  return result;
end
$$;

create or replace function private.decision_item_team(i decision_items, OUT team_id uuid, OUT application_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  select coalesce(a.team_id, k.team_id), coalesce(a.id, k.application_id)
  from (select 1) one
  left join public.applications a on a.id = i.application_id
  left join public.final_tenders f on f.id = i.final_tender_id
  left join public.concepts k on k.id = coalesce(i.concept_id, f.concept_id)
  into team_id, application_id;
  return;
end
$$;

create or replace function private.decision_k(challenge uuid, stage_ text) returns integer
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result integer;
begin
  select case stage_ when 'shortlisting' then c.shortlist_count when 'selection' then c.partner_count end
  from public.challenges c where c.id = challenge
  into result;
  return result;
end
$$;

create or replace function private.erasure_refusals(person uuid) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text[];
begin
  select array_remove(array[
    case when exists (
      select 1 from public.organisation_members m
      where m.user_id = person and m.role = 'owner'
        and exists (select 1 from public.challenges c where c.organisation_id = m.organisation_id)
        and not exists (select 1 from public.organisation_members o
                        where o.organisation_id = m.organisation_id and o.role = 'owner'
                          and o.user_id <> person)) then 'sole_owner' end,
    case when exists (
      select 1 from public.teams t
      where t.lead_id = person
        and exists (select 1 from public.team_members x where x.team_id = t.id and x.user_id <> person))
      then 'team_lead' end
  ], null)
  into result;
  return result;
end
$$;

create or replace function private.final_tender_snapshot(concept uuid, price bigint, submitted timestamp with time zone, submitter uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result jsonb;
begin
  select jsonb_build_object(
    'concept', c.id,
    'version', c.version,
    'challenge', jsonb_build_object('id', ch.id, 'slug', ch.slug),
    'deadline', private.iso_time(private.concepts_deadline(c.challenge_id)),
    'team', jsonb_build_object('id', t.id, 'name', t.name, 'lang', t.lang),
    'title', c.title,
    'summary', c.summary,
    'description', c.description,
    'plan', c.plan,
    'budget', c.budget,
    'priceCents', price,
    'links', coalesce((select jsonb_agg(jsonb_build_object(
                 'kind', l.kind, 'label', l.label, 'lang', l.lang, 'ideaPosition', l.idea_position,
                 'boardId', l.board_id, 'elementId', l.element_id)
               order by l.linked_at, l.id)
               from public.concept_links l where l.concept_id = c.id), '[]'),
    'attachments', coalesce((select jsonb_agg(jsonb_build_object(
                 'fileKey', a.file_key, 'fileName', a.file_name, 'size', a.size)
               order by a.created_at, a.id)
               from public.concept_attachments a where a.concept_id = c.id), '[]'),
    'submittedAt', private.iso_time(submitted),
    'submittedBy', submitter)
  from public.concepts c
  join public.challenges ch on ch.id = c.challenge_id
  join public.teams t on t.id = c.team_id
  where c.id = concept
  into result;
  return result;
end
$$;

create or replace function private.final_tenders_unsealed(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenge_stages s
    where s.challenge_id = challenge and s.stage = 'concepts' and s.ends_at <= now()
  )
  into result;
  return result;
end
$$;

create or replace function private.in_workshop_team(workshop uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.workshop_teams t
    join public.team_members m on m.team_id = t.team_id
    where t.workshop_id = workshop and m.user_id = (select auth.uid())
  )
  into result;
  return result;
end
$$;

create or replace function private.is_challenge_member(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where c.id = challenge and m.user_id = (select auth.uid())
  )
  into result;
  return result;
end
$$;

create or replace function private.is_challenge_published(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.challenges where id = challenge and status = 'published')
  into result;
  return result;
end
$$;

create or replace function private.is_draft_of_my_team(application uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.applications
    where id = application and status = 'draft' and team_id in (select private.my_team_ids())
  )
  into result;
  return result;
end
$$;

create or replace function private.is_on_challenge_team(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenge_team_members t
    join public.challenges c on c.id = t.challenge_id
    join public.organisation_members m on m.organisation_id = c.organisation_id and m.user_id = t.user_id
    where t.challenge_id = challenge and t.user_id = (select auth.uid())
  )
  into result;
  return result;
end
$$;

create or replace function private.is_org_member(org uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.organisation_members
    where organisation_id = org and user_id = (select auth.uid())
  )
  into result;
  return result;
end
$$;

create or replace function private.is_org_owner(org uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.organisation_members
    where organisation_id = org and user_id = (select auth.uid()) and role = 'owner'
  )
  into result;
  return result;
end
$$;

create or replace function private.is_screenable(application uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select application in (select private.my_screenable_application_ids())
  into result;
  return result;
end
$$;

create or replace function private.is_team_lead(team uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.teams where id = team and lead_id = (select auth.uid()))
  into result;
  return result;
end
$$;

create or replace function private.is_team_member(team uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.team_members where team_id = team and user_id = (select auth.uid()))
  into result;
  return result;
end
$$;

create or replace function private.is_workshop_guest(workshop uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.workshop_participants p
    join public.workshops w on w.id = p.workshop_id
    where p.workshop_id = workshop and p.user_id = (select auth.uid())
      and (p.kind = 'expert' or exists (
        select 1 from public.challenges c
        join public.organisation_members m on m.organisation_id = c.organisation_id
        where c.id = w.challenge_id and m.user_id = p.user_id))
  )
  into result;
  return result;
end
$$;

create or replace function private.jury_done(juror uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select not exists (
    select 1 from public.jury_members j
    join public.jury_assignments s on s.juror_id = j.id
    join public.challenge_criteria k on k.challenge_id = j.challenge_id and k.stage = j.stage
    where j.id = juror
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = j.id and c.item_id = s.item_id and c.conflict)
      and not exists (select 1 from public.jury_scores x
                      where x.juror_id = j.id and x.item_id = s.item_id
                        and x.criterion_id = k.id and x.state = 'submitted')
  )
  into result;
  return result;
end
$$;

create or replace function private.jury_member_challenge(juror uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select challenge_id from public.jury_members where id = juror
  into result;
  return result;
end
$$;

create or replace function private.jury_missing(juror uuid, OUT declarations integer, OUT scores integer)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  select
    (select count(*)::int from public.jury_members j
       cross join lateral private.jury_stage_items(j.challenge_id, j.stage) i
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.item_id = i.item_id)),
    (select count(*)::int from public.jury_members j
       join public.jury_assignments s on s.juror_id = j.id
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.item_id = s.item_id and c.conflict)
         and exists (select 1 from public.challenge_criteria k
                     where k.challenge_id = j.challenge_id and k.stage = j.stage
                       and not exists (select 1 from public.jury_scores x
                                       where x.juror_id = j.id and x.item_id = s.item_id
                                         and x.criterion_id = k.id and x.state = 'submitted')))
  into declarations, scores;
  return;
end
$$;

create or replace function private.manages_challenge_team(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.challenge_team_members t
    where t.challenge_id = challenge and t.user_id = (select auth.uid()) and t.role = 'chair'
      and (select private.is_on_challenge_team(challenge))
  ) or exists (
    select 1 from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    where c.id = challenge and m.user_id = (select auth.uid()) and m.role = 'owner'
  )
  into result;
  return result;
end
$$;

create or replace function private.poc_is_owner_side(challenge uuid, concept uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select (select auth.uid()) is not null
    and ((select private.is_on_challenge_team(challenge)) or (select private.manages_challenge_team(challenge)))
    and not private.poc_is_partner_member(concept)
  into result;
  return result;
end
$$;

create or replace function private.poc_is_partner_member(concept uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (select 1 from public.concepts c join public.team_members m on m.team_id = c.team_id
                 where c.id = concept and m.user_id = (select auth.uid()))
  into result;
  return result;
end
$$;

create or replace function private.project_team(project uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select p.team_id from public.team_projects p
  where p.id = project
    and (p.team_id in (select private.my_team_ids()) or p.team_id in (select private.my_applicant_team_ids()))
  into result;
  return result;
end
$$;

create or replace function private.publish_candidate(challenge uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result jsonb;
begin
  select jsonb_build_object(
    'procedure', c.procedure, 'primary_locale', c.primary_locale, 'title', c.title,
    'summary', c.summary, 'contact_email', c.contact_email, 'price_share', c.price_share,
    'stages', coalesce((select jsonb_agg(jsonb_build_object(
      'stage', s.stage, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
      'decision_on', s.decision_on, 'signatory', s.signatory))
      from public.challenge_stages s where s.challenge_id = c.id), '[]'),
    'criteria', coalesce((select jsonb_agg(jsonb_build_object(
      'stage', k.stage, 'name', k.name, 'max_points', k.max_points) order by k.stage, k.position)
      from public.challenge_criteria k where k.challenge_id = c.id), '[]'))
  from public.challenges c where c.id = challenge
  into result;
  return result;
end
$$;

create or replace function private.question_challenge(question uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select q.challenge_id from public.challenge_questions q
  where q.id = question and (
    q.challenge_id in (select private.my_challenge_ids())
    or q.id in (select private.my_question_ids())
    or (q.answer is not null and q.merged_into is null and private.is_challenge_published(q.challenge_id)))
  into result;
  return result;
end
$$;

create or replace function private.questions_open(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select (select private.is_challenge_published(challenge)) and now() < coalesce(
    (select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'market_dialogue'),
    (select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'applications'),
    'infinity'::timestamptz
  )
  into result;
  return result;
end
$$;

create or replace function private.retention_closes_at(challenge uuid) returns timestamp with time zone
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result timestamp with time zone;
begin
  select case
    when c.status <> 'published' then null
    when exists (select 1 from public.decisions d
                 where d.challenge_id = c.id and d.published_at is null) then null
    else greatest(
      (select max(s.ends_at) from public.challenge_stages s where s.challenge_id = c.id),
      (select max(d.published_at) from public.decisions d where d.challenge_id = c.id))
  end
  from public.challenges c where c.id = challenge
  into result;
  return result;
end
$$;

create or replace function private.retention_files(app uuid) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text[];
begin
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
  into result;
  return result;
end
$$;

create or replace function private.retention_later_holds(app uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
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
  into result;
  return result;
end
$$;

create or replace function private.runs_dialogue(challenge uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select (select private.is_on_challenge_team(challenge))
  into result;
  return result;
end
$$;

create or replace function private.sees_all_votes(board uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.boards b
    where b.id = board and private.can_see_board(board) and (
      private.workshop_role(b.workshop_id) = 'facilitator'
      or coalesce((b.settings ->> 'revealed')::boolean, false)
    )
  )
  into result;
  return result;
end
$$;

create or replace function private.sees_hidden_note(board uuid, author uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select author = (select auth.uid())
    or exists (select 1 from public.boards b
               where b.id = board and private.workshop_role(b.workshop_id) = 'facilitator')
  into result;
  return result;
end
$$;

create or replace function private.sees_workshop_team(workshop uuid, team uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select case private.workshop_role(workshop)
    when 'facilitator' then true
    when 'observer' then true
    when 'participant' then
      (select w.mode = 'shared' from public.workshops w where w.id = workshop)
      or private.is_workshop_guest(workshop)
      or exists (select 1 from public.team_members m
                 where m.team_id = team and m.user_id = (select auth.uid()))
    else false
  end
  into result;
  return result;
end
$$;

create or replace function private.shares_organisation(other uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1
    from public.organisation_members mine
    join public.organisation_members theirs using (organisation_id)
    where mine.user_id = (select auth.uid()) and theirs.user_id = other
  )
  into result;
  return result;
end
$$;

create or replace function private.shares_team(other uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.team_members mine
    join public.team_members theirs using (team_id)
    where mine.user_id = (select auth.uid()) and theirs.user_id = other
  )
  into result;
  return result;
end
$$;

create or replace function private.team_eligible(challenge uuid, team uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result boolean;
begin
  select exists (
    select 1 from public.applications a
    join public.screening_decisions d on d.application_id = a.id
    where a.challenge_id = challenge and a.team_id = team and a.status = 'submitted'
      and d.eligible
  )
  into result;
  return result;
end
$$;

create or replace function private.user_id_by_email(address text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result uuid;
begin
  select u.id from auth.users u
  where lower(u.email) = lower(address)
    and (
      (select private.is_platform_admin())
      or exists (
        select 1 from public.organisation_members
        where user_id = (select auth.uid()) and role = 'owner'
      )
    )
  into result;
  return result;
end
$$;

create or replace function private.workshop_role(workshop uuid) returns text
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  result text;
begin
  select case
    when exists (select 1 from public.workshops w where w.id = workshop and w.facilitator_id = (select auth.uid()))
         and private.is_facilitator()
      then 'facilitator'
    when private.in_workshop_team(workshop) or private.is_workshop_guest(workshop)
      then 'participant'
    when exists (select 1 from public.workshops w where w.id = workshop
                 and w.challenge_id in (select private.my_challenge_ids()))
      then 'observer'
  end
  into result;
  return result;
end
$$;
