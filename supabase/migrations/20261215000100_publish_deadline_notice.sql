-- A challenge is published only with its submission deadlines far enough ahead (issue 16,
-- found while measuring: a draft whose applications deadline was tomorrow, or had passed,
-- was published as it was).
--
-- After publishing, a submission deadline may be shortened, or a first one set, only to at
-- least deadline_notice_days x 24 h ahead (private.deadline_change). Publishing gave no
-- such notice: a call could open with an hour to apply, or closed. Publishing now judges
-- each submission deadline as a first one set at that moment ('set' or refused), so teams
-- get at least the notice a shortened deadline gives them (Act on Public Procurement
-- 1397/2016 §55 ff.: reasonable time to tender, the same for all). The same rule is
-- publishIssues in src/lib/domain/publish.ts (its deadline part runs after the criteria,
-- as here); tests/integration/rule-parity-publish.test.ts feeds both the same cases.

-- What keeps a publish candidate's submission deadlines (private.submission_deadline_stages,
-- in that order) from being published at `at` with `notice_days` of notice, as message
-- keys ('publish_deadline_<stage>_soon'); empty when none does. A stage appearing twice in
-- the candidate is judged by its first entry, as judgeSubmissionDeadlines does.
create function private.publish_deadline_problems(c jsonb, at timestamptz, notice_days int)
returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg('publish_deadline_' || d.stage || '_soon' order by d.pos), '{}')
  from unnest(private.submission_deadline_stages()) with ordinality as d(stage, pos)
  where private.deadline_change(
    null,
    (select (s ->> 'ends_at')::timestamptz
       from jsonb_array_elements(coalesce(c -> 'stages', '[]')) with ordinality as x(s, i)
       where s ->> 'stage' = d.stage order by x.i limit 1),
    at, notice_days) in ('removed', 'too_soon', 'passed')
$$;
revoke execute on function private.publish_deadline_problems(jsonb, timestamptz, int) from public, anon, authenticated;

-- Publishes a draft of the caller's challenge team. Answers 'published', 'already'
-- (published before), 'not_ready' (private.publish_problems or
-- private.publish_deadline_problems finds something at now(): the same refusals as
-- publishIssues in src/lib/domain/publish.ts) or 'unknown' (no such challenge, or the
-- caller is not on its team). Nothing is written unless 'published'.
create or replace function public.publish_challenge(challenge uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_status text;
  notice_days int;
  candidate jsonb;
begin
  if (select auth.uid()) is null or not (select private.is_on_challenge_team(challenge)) then
    return 'unknown';
  end if;
  select c.status, c.deadline_notice_days into current_status, notice_days
    from public.challenges c where c.id = challenge for update;
  if current_status is null then return 'unknown'; end if;
  if current_status = 'published' then return 'already'; end if;
  candidate := private.publish_candidate(challenge);
  if cardinality(private.publish_problems(candidate)
                 || private.publish_deadline_problems(candidate, now(), notice_days)) > 0 then
    return 'not_ready';
  end if;
  update public.challenges set status = 'published', published_at = now() where id = challenge;
  return 'published';
end
$$;
revoke execute on function public.publish_challenge(uuid) from public, anon;
grant execute on function public.publish_challenge(uuid) to authenticated;
