-- A score step that fits the criteria (tester's report, December 2026). The chair could
-- save any step from 0.01 to 1000: with 1000 every score but 0 was refused, with 3 a
-- 10-point criterion's maximum could not be given. A stage's step must now divide the
-- maximum points of every criterion of that stage, when the step is set (a trigger on
-- jury_stages, under public.jury_configure) and when the criteria change after it was set
-- (a trigger on challenge_criteria), refused as TK422 jury_step_not_divisor.
-- private.jury_step_problem is the rule of scoreStepIssue (src/lib/domain/jury/scores.ts),
-- and tests/integration/rule-parity-jury.test.ts feeds both the same cases.
--
-- Drafts (the same report) needed no change here: public.jury_save_scores already keeps
-- points without a justification; the page could not show a decimal comma again.

-- The first reason `step` cannot be the step of a stage whose criteria are worth
-- `max_points` (in the stage's order), or null: jury_bad_step (not a positive whole
-- number of hundredths, at most 1000), then jury_step_not_divisor (a maximum that is not
-- a whole number of steps, compared in hundredths).
create function private.jury_step_problem(step numeric, max_points int[]) returns text
language sql immutable set search_path = ''
as $$
  select case
    when step is null or step <= 0 or step > 1000 or step * 100 <> trunc(step * 100)
      then 'jury_bad_step'
    when exists (select 1 from pg_catalog.unnest(max_points) m
                 where m is null or (m * 100) % trunc(step * 100) <> 0)
      then 'jury_step_not_divisor'
  end
$$;
revoke execute on function private.jury_step_problem(numeric, int[]) from public, anon, authenticated;

-- A stage's step is written only by public.jury_configure (which refuses jury_bad_step
-- first, and jury_scoring_started): the step must also fit the stage's criteria. The
-- guards run as definer: they read every criterion and jury row of the stage whatever the
-- writer may read, and call the private rule, which the writer (authenticated) may not.
create function private.guard_stage_step() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  problem text := private.jury_step_problem(new.score_step, array(
    select k.max_points from public.challenge_criteria k
    where k.challenge_id = new.challenge_id and k.stage = new.stage));
begin
  if problem is not null then
    raise exception '%', problem using errcode = 'TK422', hint = problem;
  end if;
  return new;
end
$$;
revoke execute on function private.guard_stage_step() from public, anon, authenticated;
create trigger jury_stages_step_fits before insert or update of score_step on public.jury_stages
  for each row execute function private.guard_stage_step();

-- The reverse: a criterion written (an edit or an amendment of the criteria) whose
-- maximum is not a whole number of its stage's step is refused, so a step once set keeps
-- fitting. Stages without a jury row use the default step 0.5, which every whole number of
-- points fits. Named to fire after challenge_criteria_guard_write (triggers fire in name
-- order), so a direct write is refused as before.
create function private.guard_criterion_step() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.jury_stages g
             where g.challenge_id = new.challenge_id and g.stage = new.stage
               and private.jury_step_problem(g.score_step, array[new.max_points]) is not null) then
    raise exception 'jury_step_not_divisor' using errcode = 'TK422', hint = 'jury_step_not_divisor';
  end if;
  return new;
end
$$;
revoke execute on function private.guard_criterion_step() from public, anon, authenticated;
create trigger challenge_criteria_step_fits before insert or update of max_points, stage
  on public.challenge_criteria
  for each row execute function private.guard_criterion_step();
