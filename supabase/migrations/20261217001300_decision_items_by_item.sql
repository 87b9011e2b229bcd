-- Issue 16 (every signed-in page): the published decision items about a person's teams,
-- the set the policies of public.decision_items and public.decisions build for a solver
-- (the latter through private.my_decision_ids). It was built from my_application_ids and,
-- twice, my_concept_ids, each of which built my_team_ids again: six helper calls for one
-- set, and a solver's application page and dashboard build it three or four times each
-- (bench:http with pg_stat_statements: 0.87 ms a set, a fifth of the application page's
-- database time). Now the team ids once, and the items by item_id (generated: the one
-- application, final tender or concept an item decides, 20261207000301_selection.sql),
-- looked up by its index. Same rule, same answers.

create or replace function private.my_decision_item_ids() returns setof uuid
language plpgsql stable security definer rows 10
set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  teams uuid[] := array(select private.my_team_ids());
begin
  return query select i.id from public.decision_items i
  join public.decisions d on d.id = i.decision_id and d.published_at is not null
  where i.item_id in (
    select a.id from public.applications a where a.team_id = any(teams)
    union all
    select k.id from public.concepts k where k.team_id = any(teams)
    union all
    select t.id from public.final_tenders t
    join public.concepts k on k.id = t.concept_id where k.team_id = any(teams));
end
$$;
