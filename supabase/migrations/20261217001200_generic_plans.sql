-- Issue 16 (every signed-in page): the read-only security-definer helpers are PL/pgSQL so
-- that their statements are planned once per connection (20261212000100_helpers_planned_once.sql).
-- Postgres keeps a statement's generic plan only once five custom plans have not come out
-- much cheaper; a statement of an array parameter (`c.id = any(scope)`, a custom plan sees
-- how many ids the array holds) never does, and was planned again on every call:
-- private.my_challenge_ids 0.11 ms a call, 0.025 with its generic plan. Every such helper
-- now keeps its generic plans (the lint rule planned-once holds it for new ones), and so
-- does public.challenge_attention, whose one statement over a page's ids each /manage and
-- dashboard page runs.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    where n.nspname in ('private', 'public') and l.lanname = 'plpgsql'
      and p.prosecdef and p.provolatile <> 'v'
      and p.proowner = (select nspowner from pg_namespace where nspname = 'private')
  loop
    execute format('alter function %s set plan_cache_mode = force_generic_plan', f);
  end loop;
end
$$;

alter function public.challenge_attention(uuid[]) set plan_cache_mode = force_generic_plan;
