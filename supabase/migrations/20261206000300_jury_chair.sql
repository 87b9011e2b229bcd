-- The chair's side of the jury (issue 13, "Owners (the chair) can"): reminders through the
-- outbox, and what the jury page and the results page read in one call each — the
-- stage's items with their team names, the jurors with their names, and everyone's
-- progress (drafts counted, never shown). Builds on 20261205000100_jury.sql; its record
-- rules hold here too (definer functions with an empty search_path that check the caller;
-- refusals TK422 / 42501 with a jury_* code as hint, mapped to words by
-- src/lib/server/http/jury-refusals.ts).

-- A reminder mails every juror of a stage with something missing: at most three rounds a
-- day per stage, whoever on the team sends them (a juror is not nagged hourly).
insert into private.limit_rules (name, max_hits, window_seconds) values ('juryReminder', 3, 86400);

-- Refuses a caller who is neither on the challenge's team nor manages it (42501
-- jury_not_chair): who may read the jury's roster, items and progress.
create function private.jury_require_team(challenge uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null
     or not ((select private.is_on_challenge_team(challenge))
             or (select private.manages_challenge_team(challenge))) then
    raise exception 'jury_not_chair' using errcode = '42501', hint = 'jury_not_chair';
  end if;
end
$$;
revoke execute on function private.jury_require_team(uuid) from public, anon, authenticated;

-- What one juror still owes on their stage: items of the stage they have not declared on,
-- and items assigned to them, free of conflict, without a submitted score on every
-- criterion of the stage (private.jury_done's rule, counted per item).
create function private.jury_missing(juror uuid, out declarations int, out scores int)
language sql stable security definer set search_path = ''
as $$
  select
    (select count(*)::int from public.jury_members j
       cross join lateral private.jury_stage_items(j.challenge_id, j.stage) i
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.application_id = i.item_id)),
    (select count(*)::int from public.jury_members j
       join public.jury_assignments s on s.juror_id = j.id
       where j.id = juror
         and not exists (select 1 from public.jury_conflicts c
                         where c.juror_id = j.id and c.application_id = s.application_id and c.conflict)
         and exists (select 1 from public.challenge_criteria k
                     where k.challenge_id = j.challenge_id and k.stage = j.stage
                       and not exists (select 1 from public.jury_scores x
                                       where x.juror_id = j.id and x.application_id = s.application_id
                                         and x.criterion_id = k.id and x.state = 'submitted')))
$$;
revoke execute on function private.jury_missing(uuid) from public, anon, authenticated;

-- Sends a reminder (template jury_reminder, in each juror's own language, through the
-- outbox in this transaction) to every accepted juror of the stage who has declarations
-- or scores missing, saying how many of each. An invitation not yet accepted is not
-- reminded: only the hash of its link is kept, so a reminder could not carry the link;
-- inviting the address again (public.jury_invite) mails a fresh one. The chair only
-- (42501 jury_not_chair); a stage without a jury is refused (TK422 jury_unknown_stage);
-- more than the 'juryReminder' limit per stage is refused (TK429). Returns how many
-- jurors were mailed.
create function public.jury_remind(challenge uuid, stage text) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.challenges;
  j record;
  n int := 0;
begin
  perform private.jury_require_chair(challenge);
  if not exists (select 1 from public.jury_stages g
                 where g.challenge_id = challenge and g.stage = jury_remind.stage) then
    perform private.jury_refuse('jury_unknown_stage');
  end if;
  perform private.enforce_limit('juryReminder', 'jury:' || challenge::text || ':' || stage);
  select * into c from public.challenges where id = challenge;
  for j in select m.user_id, x.declarations, x.scores
           from public.jury_members m
           cross join lateral private.jury_missing(m.id) x
           where m.challenge_id = challenge and m.stage = jury_remind.stage
             and m.accepted_at is not null and (x.declarations > 0 or x.scores > 0)
           order by m.email loop
    n := n + private.enqueue_mail('jury_reminder', array[j.user_id],
      jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale, 'stage', stage,
        'declarations', j.declarations, 'scores', j.scores));
  end loop;
  return n;
end
$$;

-- The items a stage scores (private.jury_stage_items), each with its team's name as
-- frozen in the application and when it was submitted (the ranking's third tie-break):
-- for the challenge's team and whoever manages it (42501 jury_not_chair).
create function public.jury_items(challenge uuid, stage text)
returns table (item_kind text, item uuid, team_name text, submitted_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.jury_require_team(challenge);
  return query
    select i.item_kind, i.item_id, coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
      a.submitted_at
    from private.jury_stage_items(challenge, stage) i
    join public.applications a on a.id = i.item_id
    left join public.teams t on t.id = a.team_id
    where private.applications_unsealed(challenge)
    order by a.submitted_at, i.item_id;
end
$$;

-- The stage's jurors, accepted or invited: the address, the name of the account that
-- accepted (blank until then), when invited, until when the link works, when accepted.
-- For the challenge's team and whoever manages it (42501 jury_not_chair).
create function public.jury_roster(challenge uuid, stage text)
returns table (juror uuid, email text, name text, invited_at timestamptz, expires_at timestamptz,
  accepted_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.jury_require_team(challenge);
  return query
    select m.id, m.email, coalesce(p.display_name, ''), m.invited_at, m.expires_at, m.accepted_at
    from public.jury_members m
    left join public.profiles p on p.id = m.user_id
    where m.challenge_id = challenge and m.stage = jury_roster.stage
    order by m.accepted_at is null, m.email;
end
$$;

-- Who has done what on a stage, one row per juror and item they are assigned or have
-- declared on: assigned or not, the declaration (null: none yet; true: a conflict), and
-- how far the scores are — 'none', 'draft' (saved, not submitted: counted for the
-- chair, whose policy shows only submitted scores) or 'submitted' (every criterion).
-- For the challenge's team and whoever manages it (42501 jury_not_chair).
create function public.jury_progress(challenge uuid, stage text)
returns table (juror uuid, item uuid, assigned boolean, conflict boolean, scores text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  criteria int;
begin
  perform private.jury_require_team(challenge);
  select count(*)::int into criteria from public.challenge_criteria k
    where k.challenge_id = challenge and k.stage = jury_progress.stage;
  return query
    with pairs as (
      select s.juror_id, s.application_id from public.jury_assignments s
        join public.jury_members m on m.id = s.juror_id
        where m.challenge_id = challenge and m.stage = jury_progress.stage
      union
      select c.juror_id, c.application_id from public.jury_conflicts c
        join public.jury_members m on m.id = c.juror_id
        where m.challenge_id = challenge and m.stage = jury_progress.stage
    ), counts as (
      select x.juror_id, x.application_id, count(*) filter (where x.state = 'submitted') as submitted,
        count(*) as saved
      from public.jury_scores x join public.jury_members m on m.id = x.juror_id
      where m.challenge_id = challenge and m.stage = jury_progress.stage
      group by x.juror_id, x.application_id
    )
    select p.juror_id, p.application_id,
      exists (select 1 from public.jury_assignments s
              where s.juror_id = p.juror_id and s.application_id = p.application_id),
      c.conflict,
      case when n.submitted >= criteria and criteria > 0 then 'submitted'
           when n.saved > 0 then 'draft' else 'none' end
    from pairs p
    left join public.jury_conflicts c on c.juror_id = p.juror_id and c.application_id = p.application_id
    left join counts n on n.juror_id = p.juror_id and n.application_id = p.application_id;
end
$$;

revoke execute on function public.jury_remind(uuid, text), public.jury_items(uuid, text),
  public.jury_roster(uuid, text), public.jury_progress(uuid, text)
  from public, anon;
grant execute on function public.jury_remind(uuid, text), public.jury_items(uuid, text),
  public.jury_roster(uuid, text), public.jury_progress(uuid, text)
  to authenticated;

-- Every scorecard a stage expects, one row per juror and item assigned and free of a
-- declared conflict, with the points in the criteria's order (position, id) once every
-- criterion is submitted, else null (still to come: the results say how many). For the
-- challenge's team and whoever manages it (42501 jury_not_chair): what the policy of
-- jury_scores lets the team read, gathered in one pass instead of through the policy's
-- per-row check (1000 items × 9 jurors × 5 criteria is 45,000 scores). A juror's scores on
-- an item they declared a conflict on are left out even when declared after submitting: a
-- conflicted juror's view does not count (Directive 2014/24/EU art. 24).
create function public.jury_scorecards(challenge uuid, stage text)
returns table (juror uuid, item uuid, points float8[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  criteria int;
begin
  perform private.jury_require_team(challenge);
  select count(*)::int into criteria from public.challenge_criteria k
    where k.challenge_id = challenge and k.stage = jury_scorecards.stage;
  return query
    select s.juror_id, s.application_id,
      case when count(x.criterion_id) = criteria and criteria > 0
           then array_agg(x.points::float8 order by x.position, x.criterion_id) end
    from public.jury_members m
    join public.jury_assignments s on s.juror_id = m.id
    left join (select y.juror_id, y.application_id, y.criterion_id, y.points, k.position
               from public.jury_scores y
               join public.challenge_criteria k on k.id = y.criterion_id
                 and k.challenge_id = challenge and k.stage = jury_scorecards.stage
               where y.state = 'submitted') x
      on x.juror_id = s.juror_id and x.application_id = s.application_id
    where m.challenge_id = challenge and m.stage = jury_scorecards.stage
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = s.juror_id and c.application_id = s.application_id
                        and c.conflict)
    group by s.juror_id, s.application_id;
end
$$;
revoke execute on function public.jury_scorecards(uuid, text) from public, anon;
grant execute on function public.jury_scorecards(uuid, text) to authenticated;
