-- Publishing refuses what the page refuses (issue 12, Owner; issue 11, item 8).
--
-- public.publish_challenge required only an applications stage, so a direct call could
-- publish a draft without a title, a summary, a contact, a valid timetable or valid
-- criteria, all of which the page (publishIssues in src/lib/domain/publish.ts) refuses.
-- private.publish_problems below is that rule in SQL, over the same candidate as JSON;
-- tests/integration/rule-parity-publish.test.ts feeds both the same cases.
--
-- public.amend_challenge trimmed the reason with btrim (spaces only), so a reason of a
-- no-break space counted as given while the page (isBlank) called it missing. The reason
-- is now judged by private.is_blank and stored trimmed of the same characters.

-- Text without the leading and trailing whitespace JavaScript's trim() removes: the same
-- characters private.is_blank strips (supabase/migrations/20261201000700_one_rule_each.sql).
create function private.js_trim(t text) returns text
language sql immutable set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(t, ''),
    E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF')
$$;
revoke execute on function private.js_trim(text) from public, anon, authenticated;

-- The Helsinki calendar day of an instant given as JSON text (as helsinkiDay does).
create function private.helsinki_day(at text) returns date
language sql immutable set search_path = ''
as $$
  select ((at::timestamptz) at time zone 'Europe/Helsinki')::date
$$;
revoke execute on function private.helsinki_day(text) from public, anon, authenticated;

-- What keeps a publish candidate from being published, as the message keys publishIssues
-- answers, in its order (empty when ready). The candidate is
--   {procedure, primary_locale, title: {fi,sv,en}, summary: {…}, contact_email,
--    stages: [{stage, starts_at, ends_at, decision_on, signatory}],
--    criteria: [{stage, name: {…}, max_points}], price_share}
-- Rules (src/lib/domain/publish.ts, timetable.ts validateTimetable, criteria.ts
-- validateCriteria): title and summary in the primary language and a contact address are
-- not blank; an applications stage exists, every stage is in the procedure, ends after it
-- starts, starts and ends no earlier than the stage before it in procedure order; a decision
-- date and a signatory come together, only on decision stages, on Helsinki days from the
-- stage's first day to the next stage's first day; every criterion has a name in some
-- language and 1–1000 whole points; a price share is a whole 0–99. Criteria that leave an
-- evaluated stage uncovered are a warning at publishing (publishWarnings), not a refusal.
create function private.publish_problems(c jsonb) returns text[]
language plpgsql immutable set search_path = ''
as $$
declare
  problems text[] := '{}';
  order_of text[] := array['market_dialogue', 'applications', 'screening', 'shortlisting',
    'workshops', 'concepts', 'selection', 'proof_of_concept', 'production'];
  allowed text[];
  stages jsonb := coalesce(c -> 'stages', '[]');
  criteria jsonb := coalesce(c -> 'criteria', '[]');
  bad boolean := false;
  w record;
  prev_starts timestamptz;
  prev_ends timestamptz;
  nxt record;
  has_date boolean;
  has_signatory boolean;
  points numeric;
  share jsonb := c -> 'price_share';
begin
  allowed := case when c ->> 'procedure' = 'innovation_partnership' then order_of
                  else array_remove(order_of, 'production') end;
  if private.is_blank(c -> 'title' ->> (c ->> 'primary_locale')) then
    problems := array_append(problems, 'publish_missing_title');
  end if;
  if private.is_blank(c -> 'summary' ->> (c ->> 'primary_locale')) then
    problems := array_append(problems, 'publish_missing_summary');
  end if;
  if private.is_blank(c ->> 'contact_email') then
    problems := array_append(problems, 'publish_missing_contact');
  end if;

  if not exists (select 1 from jsonb_array_elements(stages) s where s ->> 'stage' = 'applications') then
    problems := array_append(problems, 'publish_missing_applications');
  else
    if exists (select 1 from jsonb_array_elements(stages) s where not (s ->> 'stage' = any (allowed))) then
      bad := true;
    end if;
    for w in
      select s ->> 'stage' as stage, (s ->> 'starts_at')::timestamptz as starts_at,
             (s ->> 'ends_at')::timestamptz as ends_at, s ->> 'starts_at' as starts_text,
             nullif(s ->> 'decision_on', '')::date as decision_on, s ->> 'signatory' as signatory,
             array_position(allowed, s ->> 'stage') as pos
      from jsonb_array_elements(stages) with ordinality as x(s, i)
      where s ->> 'stage' = any (allowed)
      order by array_position(allowed, s ->> 'stage'), i
    loop
      exit when bad;
      if w.ends_at <= w.starts_at then bad := true; end if;
      if prev_starts is not null and (w.starts_at < prev_starts or w.ends_at < prev_ends) then
        bad := true;
      end if;
      has_date := w.decision_on is not null;
      has_signatory := not private.is_blank(w.signatory);
      if has_date or has_signatory then
        if not (w.stage = any (array['screening', 'shortlisting', 'selection', 'proof_of_concept'])) then
          bad := true;
        elsif not (has_date and has_signatory) then
          bad := true;
        elsif w.decision_on < private.helsinki_day(w.starts_text) then
          bad := true;
        else
          -- The next stage in procedure order (the one after this in the sorted list).
          select s ->> 'starts_at' as starts_text into nxt
            from jsonb_array_elements(stages) with ordinality as x(s, i)
            where s ->> 'stage' = any (allowed)
              and array_position(allowed, s ->> 'stage') > w.pos
            order by array_position(allowed, s ->> 'stage'), i limit 1;
          if found and w.decision_on > private.helsinki_day(nxt.starts_text) then
            bad := true;
          end if;
        end if;
      end if;
      prev_starts := w.starts_at;
      prev_ends := w.ends_at;
    end loop;
    if bad then problems := array_append(problems, 'publish_timetable_invalid'); end if;
  end if;

  bad := false;
  for w in select k from jsonb_array_elements(criteria) k loop
    if not exists (select 1 from jsonb_each_text(coalesce((w.k) -> 'name', '{}')) n
                   where not private.is_blank(n.value)) then
      bad := true;
    end if;
    if jsonb_typeof((w.k) -> 'max_points') is distinct from 'number' then
      bad := true;
    else
      points := ((w.k) ->> 'max_points')::numeric;
      if points <> trunc(points) or points <= 0 or points > 1000 then bad := true; end if;
    end if;
  end loop;
  if share is not null and jsonb_typeof(share) <> 'null' then
    if jsonb_typeof(share) <> 'number' or (share #>> '{}')::numeric <> trunc((share #>> '{}')::numeric)
       or (share #>> '{}')::numeric < 0 or (share #>> '{}')::numeric > 99 then
      bad := true;
    end if;
  end if;
  if bad then problems := array_append(problems, 'publish_criteria_invalid'); end if;
  return problems;
end
$$;
revoke execute on function private.publish_problems(jsonb) from public, anon, authenticated;

-- The publish candidate of a stored challenge, in the shape private.publish_problems reads.
create function private.publish_candidate(challenge uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
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
$$;
revoke execute on function private.publish_candidate(uuid) from public, anon, authenticated;

-- Publishes a draft of the caller's challenge team. Answers 'published', 'already'
-- (published before), 'not_ready' (private.publish_problems finds something: the same
-- refusals as publishIssues in src/lib/domain/publish.ts) or 'unknown' (no such
-- challenge, or the caller is not on its team). Nothing is written unless 'published'.
create or replace function public.publish_challenge(challenge uuid) returns text
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
  if cardinality(private.publish_problems(private.publish_candidate(challenge))) > 0 then
    return 'not_ready';
  end if;
  update public.challenges set status = 'published', published_at = now() where id = challenge;
  return 'published';
end
$$;
revoke execute on function public.publish_challenge(uuid) from public, anon;
grant execute on function public.publish_challenge(uuid) to authenticated;
