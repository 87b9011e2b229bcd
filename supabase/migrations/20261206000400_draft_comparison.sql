-- A draft decision's comparison (issue 13, found by trying it): the chair checks before
-- publishing the table that will be published, but the mean points per criterion came
-- only from the scores frozen at publication, so a draft showed "–" everywhere. A draft
-- now reads the jury's submitted scores as they stand, without a conflicted juror's — the
-- same rows private.decision_mark_published freezes — and a published decision its
-- frozen ones, as before. Who may read is unchanged (a draft is the challenge side's).
-- Redefined from 20261206000100_decisions.sql.
create or replace function public.decision_comparison(decision uuid)
returns table (item_id uuid, team_name text, chosen boolean, rank int, criterion_id uuid,
  mean_points numeric, quality_points numeric, price_points numeric, total_points numeric)
language sql stable security definer set search_path = ''
as $$
  with d as (
    select x.* from public.decisions x
    where x.id = decision
      and (x.challenge_id in (select private.my_decision_challenge_ids())
           or (x.comparison_published and x.id in (select private.my_decision_ids())))
  ), points as (
    select s.item_id, s.criterion_id, s.points
    from d join public.decision_items i on i.decision_id = d.id
    join public.decision_scores s on s.item_id = i.id
    where d.published_at is not null
    union all
    select i.id, x.criterion_id, x.points
    from d join public.decision_items i on i.decision_id = d.id
    join public.jury_scores x on x.application_id = i.application_id and x.state = 'submitted'
    join public.jury_members j on j.id = x.juror_id and j.challenge_id = d.challenge_id
      and j.stage = d.stage
    where d.published_at is null
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = x.juror_id and c.application_id = i.application_id
                        and c.conflict)
  )
  select i.id, i.team_name, i.chosen, i.rank, p.criterion_id, round(avg(p.points), 2),
    i.quality_points, i.price_points, i.total_points
  from d join public.decision_items i on i.decision_id = d.id
  left join points p on p.item_id = i.id
  group by i.id, p.criterion_id
  order by i.rank nulls last, i.team_name, i.id, p.criterion_id
$$;
