-- Procurement deadline rules for EVERY submission deadline of a published challenge, not
-- only the applications deadline (Act on Public Procurement 1397/2016 §55 ff.: tenderers
-- have reasonable time, and a change is told to all of them equally).
--
-- Until now public.amend_challenge judged only the 'applications' stage's end: the end of
-- 'concepts' -- the final tenders' deadline (private.concepts_deadline; final tenders are
-- sealed until it, private.final_tenders_unsealed) -- could be shortened to a minute from
-- now, or removed. And a deadline that had already passed could be moved later
-- ('extended'), reopening a stage whose sealed submissions had been opened to the owner
-- and the jury. Both are refused now:
--
-- 1. private.submission_deadline_stages(): the stages whose end is a deadline for teams'
--    submissions, sealed until it: 'applications' and 'concepts' (the others end in the
--    owner's or the jury's work). Mirrors SUBMISSION_DEADLINE_STAGES in
--    src/lib/domain/deadline-change.ts.
-- 2. private.deadline_change answers 'passed' when the previous deadline is at or before
--    `at` and the change is not a removal: a passed deadline is never moved (later would
--    reopen the stage, earlier would make submissions late after the fact). Mirrors
--    classifyDeadlineChange.
-- 3. public.amend_challenge judges each of those stages on a published challenge, and
--    answers the first refused verdict with its stage.

create or replace function private.submission_deadline_stages()
returns text[]
language sql immutable set search_path = ''
as $$
  select array['applications', 'concepts']
$$;
revoke execute on function private.submission_deadline_stages() from public, anon, authenticated;

-- Classifies a change of a submission deadline after publishing: 'unchanged', 'passed'
-- (the previous deadline is at or before `at`: refused), 'extended', 'shortened' (to at
-- least min_notice_days x 24 h after `at`), 'set' (a first deadline, as far ahead),
-- 'removed' or 'too_soon'. 'removed', 'too_soon' and 'passed' are refused.
create or replace function private.deadline_change(previous timestamptz, next timestamptz, at timestamptz, min_notice_days int)
returns text
language sql immutable set search_path = ''
as $$
  select case
    when previous is not distinct from next then 'unchanged'
    when next is null then 'removed'
    when previous is not null and previous <= at then 'passed'
    when previous is not null and next > previous then 'extended'
    when next >= at + make_interval(hours => min_notice_days * 24) then
      case when previous is null then 'set' else 'shortened' end
    else 'too_soon'
  end
$$;
revoke execute on function private.deadline_change(timestamptz, timestamptz, timestamptz, int) from public, anon, authenticated;

-- public.amend_challenge: as in 20261202000502_amend_reason_blank.sql, but every submission
-- deadline follows private.deadline_change (above).
-- Changes a challenge of the caller's team. `changes` may hold:
--   fields:       {column: value} of the editable columns (procedure and
--                 applications_unsealed only while a draft);
--   stages:       [{stage, starts_at, ends_at, decision_on, signatory}] replaces the timetable;
--   criteria:     [{stage, position, name, description, max_points}] replaces the criteria;
--   requirements: {remove: [id], update: [{id, position, statement}], insert: [{position, statement}]}
--                 (rows keep their ids: answers and marks hang on them).
-- On a published challenge every changed field of the record is written as one
-- amendment with the reason, in this transaction; each submission deadline
-- (private.submission_deadline_stages) follows private.deadline_change. Answers
-- {"result": r, "changes": [...], "deadline": d, "deadlines": {stage: verdict}} where d is
-- the applications deadline's verdict and r is 'saved' (draft), 'amended', 'unchanged',
-- 'reason_required', 'too_soon', 'removed', 'passed' (the last three with "stage": the
-- first stage refused) or 'unknown' (no such challenge, or not on its team); nothing is
-- saved unless r is 'saved' or 'amended'.
create or replace function public.amend_challenge(challenge uuid, changes jsonb, reason text)
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
  deadline_stage text;
  one text;
  verdicts jsonb := '{}';
  refused_stage text;
  before jsonb;
  after jsonb;
  diff jsonb;
  why text := private.js_trim(reason);
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
    -- Every submission deadline, not only the applications one: each judged on its own,
    -- the first refused (in the stages' order) answers.
    foreach deadline_stage in array private.submission_deadline_stages() loop
      select ends_at into old_deadline from public.challenge_stages
        where challenge_id = challenge and stage = deadline_stage;
      select (s ->> 'ends_at')::timestamptz into new_deadline
        from jsonb_array_elements(changes -> 'stages') s where s ->> 'stage' = deadline_stage;
      one := private.deadline_change(old_deadline, new_deadline, now(), c.deadline_notice_days);
      verdicts := verdicts || jsonb_build_object(deadline_stage, one);
      if refused_stage is null and one in ('too_soon', 'removed', 'passed') then
        refused_stage := deadline_stage;
      end if;
    end loop;
    verdict := verdicts ->> 'applications';
    if refused_stage is not null then
      return jsonb_build_object('result', verdicts ->> refused_stage, 'deadline', verdicts ->> refused_stage,
        'stage', refused_stage, 'deadlines', verdicts);
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
    if c.status = 'published' and jsonb_array_length(diff) > 0 and private.is_blank(why) then
      raise exception 'reason required' using errcode = 'TK001';
    end if;
  exception when sqlstate 'TK001' then
    return jsonb_build_object('result', 'reason_required', 'changes', '[]'::jsonb);
  end;

  if c.status = 'draft' then
    return jsonb_build_object('result', 'saved', 'changes', diff, 'deadline', verdict, 'deadlines', verdicts);
  end if;
  if jsonb_array_length(diff) = 0 then
    return jsonb_build_object('result', 'unchanged', 'changes', diff, 'deadline', verdict, 'deadlines', verdicts);
  end if;
  insert into public.challenge_amendments (challenge_id, reason, changes) values (challenge, why, diff);
  return jsonb_build_object('result', 'amended', 'changes', diff, 'deadline', verdict, 'deadlines', verdicts);
end
$$;
revoke execute on function public.amend_challenge(uuid, jsonb, text) from public, anon;
grant execute on function public.amend_challenge(uuid, jsonb, text) to authenticated;
