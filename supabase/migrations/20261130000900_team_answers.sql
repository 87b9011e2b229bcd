-- The public market dialogue is the challenge team's to run (issue 10, item 24): only
-- its team answers, revises, merges and removes questions and sees who asked, not every
-- member of the organisation (a tester revised a public answer as a member off the team).
-- Same bodies as in 20261130000300_record_guards.sql, with the team check.

create or replace function public.answer_question(challenge uuid, question uuid, answer text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  q public.challenge_questions;
begin
  if me is null or not (select private.is_on_challenge_team(challenge)) then return 'unknown'; end if;
  select * into q from public.challenge_questions where id = question and challenge_id = challenge for update;
  if not found then return 'unknown'; end if;
  if q.merged_into is not null then return 'merged'; end if;
  if q.answer is not null then
    insert into public.question_answer_revisions (question_id, answer, answered_at, answered_by, replaced_by)
      values (q.id, q.answer, q.answered_at, q.answered_by, me);
  end if;
  update public.challenge_questions
    set answer = answer_question.answer, answered_at = now(), answered_by = me
    where id = q.id;
  return case when q.answer is null then 'answered' else 'revised' end;
end
$$;

create or replace function public.merge_question(challenge uuid, question uuid, into_question uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  q public.challenge_questions;
begin
  if (select auth.uid()) is null or not (select private.is_on_challenge_team(challenge)) then
    return 'unknown';
  end if;
  select * into q from public.challenge_questions where id = question and challenge_id = challenge for update;
  if not found then return 'unknown'; end if;
  if question = into_question or q.answer is not null or q.merged_into is not null
     or not exists (select 1 from public.challenge_questions t
                    where t.id = into_question and t.challenge_id = challenge and t.merged_into is null)
  then
    return 'invalid';
  end if;
  update public.challenge_questions set merged_into = into_question where id = question;
  return 'merged';
end
$$;

drop policy "organisation members remove unanswered questions" on public.challenge_questions;
create policy "the challenge team removes unanswered questions" on public.challenge_questions
  for delete to authenticated
  using (answer is null and (select private.is_on_challenge_team(challenge_id)));

drop policy "askers and owners see who asked" on public.challenge_question_askers;
create policy "askers and the challenge team see who asked" on public.challenge_question_askers
  for select to authenticated
  using (
    asker_id = (select auth.uid())
    or (select private.question_challenge(question_id)) in (select private.my_team_challenge_ids())
  );
