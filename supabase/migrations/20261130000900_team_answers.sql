-- The public market dialogue is the challenge team's to run (issue 10, item 24): only
-- its team answers, revises, merges and removes questions and sees who asked, not every
-- member of the organisation (a tester revised a public answer as a member off the team).
-- answer_question and merge_question ask private.runs_dialogue; so do these policies.

create or replace function private.runs_dialogue(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select private.is_on_challenge_team(challenge))
$$;

drop policy "organisation members remove unanswered questions" on public.challenge_questions;
create policy "the challenge team removes unanswered questions" on public.challenge_questions
  for delete to authenticated
  using (answer is null and (select private.runs_dialogue(challenge_id)));

drop policy "askers and owners see who asked" on public.challenge_question_askers;
create policy "askers and the challenge team see who asked" on public.challenge_question_askers
  for select to authenticated
  using (
    asker_id = (select auth.uid())
    or (select private.runs_dialogue(private.question_challenge(question_id)))
  );
