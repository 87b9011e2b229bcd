-- Issue 16 (every signed-in page): the policies test a row against the caller's sets of ids,
-- `id in (select private.my_team_ids())`, which Postgres runs as a hashed subplan whose
-- hash table it sizes by the function's row estimate, 1000 unless declared: each of the
-- dozens of such subplans in a statement zeroed a table of 2,048 entries on fresh memory,
-- about a seventh of the database's time on a signed-in page (perf, bench:http's
-- application page), for sets that hold a person's few teams, workshops or applications.
--
-- Every private function returning a set of ids is estimated at 10 rows: its hash table
-- starts small and grows when a set is larger (an owner's 1,000 challenges). A later
-- `create or replace` without ROWS would set 1000 again: the catalogue lint's
-- 'id-set-estimate' rule names such a function.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and p.proretset and p.prorettype = 'uuid'::regtype
  loop
    execute format('alter function %s rows 10', f);
  end loop;
end
$$;
