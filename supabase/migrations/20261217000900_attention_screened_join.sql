-- Issue 16 (every signed-in page): public.challenge_attention counted a page's unscreened
-- applications with `count(*) filter (where not exists (... public.screening_decisions ...))`.
-- A subquery inside an aggregate's FILTER cannot become a join, so the view (decisions ⋈
-- decision_items, each under row-level security) was scanned once per submitted
-- application: for the bench's owner (bench:http, 50 challenges, 300 applications) 7 ms of
-- the function's 9, and the largest part of /manage's database time. Joined once instead
-- (a hash or index join, as listSubmitted and screeningCounts read the same view): about
-- 3 ms. Counting by the join relies on what those two rely on: an application has at most
-- one screening decision in force (public.record_screening replaces the earlier one in the
-- same transaction, under its lock). Nothing else changes: same arguments, columns, scope
-- handling and rules.

create or replace function public.challenge_attention(challenges uuid[])
returns table (challenge_id uuid, followers integer, waiting_questions integer,
  submitted_applications integer, unscreened_applications integer)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  outer_scope text := coalesce(current_setting('talkoot.challenge_scope', true), '');
  scope uuid[] := private.challenge_scope();
  narrowed uuid[] := array(select x from unnest(challenges) x where scope is null or x = any(scope));
begin
  perform set_config('talkoot.challenge_scope', narrowed::text, true);
  return query
  with submitted as (
    select a.challenge_id, count(*)::int as n,
      count(*) filter (where d.application_id is null)::int as unscreened
    from public.applications a
    left join public.screening_decisions d on d.application_id = a.id
    where a.challenge_id = any(narrowed) and a.status = 'submitted'
    group by a.challenge_id
  ), waiting as (
    select q.challenge_id, count(*)::int as n from public.challenge_questions q
    where q.challenge_id = any(narrowed) and q.answer is null and q.merged_into is null
    group by q.challenge_id
  )
  select c.id,
    coalesce(h.followers, 0),
    coalesce(w.n, 0),
    coalesce(s.n, 0) + coalesce(h.sealed, 0),
    coalesce(s.unscreened, 0)
  from public.challenges c
  left join submitted s on s.challenge_id = c.id
  left join waiting w on w.challenge_id = c.id
  left join private.hidden_attention(narrowed) h on h.challenge_id = c.id
  where c.id = any(narrowed);
  perform set_config('talkoot.challenge_scope', outer_scope, true);
end
$$;
