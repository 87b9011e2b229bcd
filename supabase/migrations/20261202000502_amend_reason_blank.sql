-- public.amend_challenge judges the reason by private.is_blank (issue 12, Owner): a reason
-- of whitespace only, of any kind JavaScript's trim() removes, is no reason, as isBlank
-- says on the page; the reason is stored trimmed of those characters (private.js_trim).
-- Otherwise as in supabase/migrations/20261130000400_procurement_rules.sql.
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
    if c.status = 'published' and jsonb_array_length(diff) > 0 and private.is_blank(why) then
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
