-- Issue 16 (every signed-in page): public.challenge_attention counts a page's waiting
-- questions (unanswered, not merged) for /manage and the dashboard. Through
-- challenge_questions_challenge_idx that read every question of the page's challenges and
-- threw away the answered ones under row-level security: for the bench's 50 challenges of 20 answered questions, 1,000 rows and about
-- 1 ms of the function's time; through this index, the waiting ones only (0.05 ms).
create index challenge_questions_waiting_idx on public.challenge_questions (challenge_id)
  where answer is null and merged_into is null;
