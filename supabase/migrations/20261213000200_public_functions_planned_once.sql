-- Issue 16: the security-definer SQL functions in public, the last of their kind after
-- 20261212000100_helpers_planned_once.sql moved those in private, are PL/pgSQL with the
-- same bodies. A SQL function that cannot be inlined (a security definer never is) is
-- parsed and planned again in every statement that calls it, and for each row where a
-- query calls it per row (public.challenge_follower_count and the sealed counts on the
-- owner's pages); a PL/pgSQL body is planned once per connection. `#variable_conflict
-- use_column` keeps a SQL function's reading of a name that is both a column and a
-- parameter. The lint rule planned-once (tests/integration/db-lint.ts) now holds public too.

create or replace function public.board_note_authors(board uuid) returns table (note_id uuid, author_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select n.id, n.author_id from public.board_notes n join public.boards b on b.id = n.board_id
    where n.board_id = board and private.can_see_board(board) and (
      n.author_id = (select auth.uid())
      or private.workshop_role(b.workshop_id) = 'facilitator'
      or (not coalesce((b.settings ->> 'anonymous')::boolean, false) and not n.hidden));
end
$$;

create or replace function public.challenge_follower_count(challenge uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return (
    select case when (select private.is_challenge_member(challenge))
      then (select count(*)::int from public.challenge_followers where challenge_id = challenge)
    end
  );
end
$$;

create or replace function public.decision_chosen(decision uuid) returns table (team_name text, rank integer)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select i.team_name, i.rank from public.decision_items i
    where i.decision_id = decision and i.chosen and decision in (select private.my_decision_ids())
    order by i.rank nulls last, i.team_name, i.id;
end
$$;

create or replace function public.decision_comparison(decision uuid) returns table (item_id uuid, team_name text, chosen boolean, rank integer, criterion_id uuid, mean_points numeric, quality_points numeric, price_points numeric, total_points numeric)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
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
      join public.jury_scores x on x.item_id = i.item_id and x.state = 'submitted'
      join public.jury_members j on j.id = x.juror_id and j.challenge_id = d.challenge_id
        and j.stage = d.stage
      where d.published_at is null
        and not exists (select 1 from public.jury_conflicts c
                        where c.juror_id = x.juror_id and c.item_id = i.item_id
                          and c.conflict)
    )
    select i.id, i.team_name, i.chosen, i.rank, p.criterion_id, round(avg(p.points), 2),
      i.quality_points, i.price_points, i.total_points
    from d join public.decision_items i on i.decision_id = d.id
    left join points p on p.item_id = i.id
    group by i.id, p.criterion_id
    order by i.rank nulls last, i.team_name, i.id, p.criterion_id;
end
$$;

create or replace function public.feedback_handlers() returns table (user_id uuid, name text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select a.user_id, coalesce(nullif(p.display_name, ''), p.email, '')
    from public.platform_admins a left join public.profiles p on p.id = a.user_id
    where (select private.is_platform_admin())
    order by 2;
end
$$;

create or replace function public.jury_invitation_preview(token text) returns table (title jsonb, primary_locale text, stage text, invited_email text, inviter_name text, status text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select c.title, c.primary_locale, j.stage, j.email,
      coalesce(nullif(p.display_name, ''), p.email, ''),
      case when j.accepted_at is not null then 'accepted'
           when j.expires_at <= now() then 'expired'
           else 'open' end
    from public.jury_members j
    join public.challenges c on c.id = j.challenge_id
    left join public.profiles p on p.id = j.invited_by
    where j.token_hash = token
    union all
    (select c.title, c.primary_locale, w.stage, w.email,
       coalesce(nullif(p.display_name, ''), p.email, ''), 'withdrawn'
     from public.jury_invitation_withdrawals w
     join public.challenges c on c.id = w.challenge_id
     left join public.profiles p on p.id = w.invited_by
     where w.token_hash = token
       and not exists (select 1 from public.jury_members j where j.token_hash = token)
     order by w.withdrawn_at desc
     limit 1);
end
$$;

create or replace function public.matching_challenge_ids(words text, folded text) returns setof uuid
language plpgsql stable security definer rows 20 set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select c.id from public.challenges c
    where words <> '' and c.status = 'published'
      and (c.search_words @@ pg_catalog.to_tsquery('simple', words)
           or c.search_folded operator(extensions.%>) folded);
end
$$;

create or replace function public.organisation_invitation_preview(token text) returns table (slug text, names jsonb, primary_locale text, invited_email text, inviter_name text, role text, status text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select o.slug, o.names, o.primary_locale, i.email,
      coalesce(nullif(p.display_name, ''), p.email, ''), i.role,
      case when i.accepted_at is not null then 'accepted'
           when i.expires_at <= now() then 'expired'
           else 'open' end
    from public.organisation_invitations i
    join public.organisations o on o.id = i.organisation_id
    left join public.profiles p on p.id = i.invited_by
    where i.token_hash = token;
end
$$;

create or replace function public.poc_partner_concepts(challenge uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select p from private.partner_concept_ids(challenge) p
    where challenge in (select private.my_decision_challenge_ids());
end
$$;

create or replace function public.production_concept_challenge(concept uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return (
    select c.challenge_id from public.concepts c
    where c.id = concept
      and c.id in (select private.production_concept_ids(c.challenge_id))
      and (c.challenge_id in (select private.my_decision_challenge_ids())
           or c.id in (select private.my_production_concept_ids()))
  );
end
$$;

create or replace function public.production_partners(challenge uuid) returns table (concept_id uuid, team_id uuid, team_name text, title text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select c.id, c.team_id, coalesce(t.name, ''), c.title
    from public.concepts c left join public.teams t on t.id = c.team_id
    where c.challenge_id = challenge
      and c.id in (select private.production_concept_ids(challenge))
      and (challenge in (select private.my_decision_challenge_ids())
           or c.id in (select private.my_production_concept_ids()))
    order by t.name, c.id;
end
$$;

create or replace function public.sealed_application_count(challenge uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return (
    select case when (select private.is_on_challenge_team(challenge)) then (
      select count(*)::int from public.applications a
      where a.challenge_id = challenge and a.status = 'submitted'
        and not private.applications_unsealed(challenge)
    ) end
  );
end
$$;

create or replace function public.sealed_final_tender_count(challenge uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return (
    select case when challenge in (select private.my_decision_challenge_ids()) then
      case when private.final_tenders_unsealed(challenge) then 0 else
        (select count(*)::int from public.final_tenders f
         where f.challenge_id = challenge and f.withdrawn_at is null)
      end
    end
  );
end
$$;

create or replace function public.team_experience(team uuid) returns table (user_id uuid, area text, start_month date, end_month date)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select e.user_id, e.area, e.start_month, e.end_month
    from public.work_entries e
    join public.team_members m on m.user_id = e.user_id and m.team_id = team
    where (select private.is_team_member(team));
end
$$;

create or replace function public.team_invitation_preview(token text) returns table (team_name text, invited_email text, inviter_name text, status text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select t.name, i.email, coalesce(nullif(p.display_name, ''), p.email, ''),
      case when i.accepted_at is not null then 'accepted'
           when i.declined_at is not null then 'declined'
           when i.expires_at <= now() then 'expired'
           else 'open' end
    from public.team_invitations i
    join public.teams t on t.id = i.team_id
    left join public.profiles p on p.id = i.invited_by
    where i.token_hash = token;
end
$$;

create or replace function public.workshop_candidate_teams(challenge uuid) returns table (team_id uuid, name text, members integer)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select t.id, t.name, (select count(*)::int from public.team_members m where m.team_id = t.id)
    from public.teams t
    where (select private.is_facilitator()) and (select private.is_challenge_published(challenge))
      and private.team_eligible(challenge, t.id)
    order by t.name;
end
$$;

create or replace function public.workshop_expert_accounts(emails text[]) returns table (user_id uuid, email text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select p.id, lower(p.email) from public.profiles p
    where (select private.is_facilitator()) and lower(p.email) = any (
      select lower(e) from unnest(emails) e);
end
$$;

create or replace function public.workshop_owner_staff(challenge uuid) returns table (user_id uuid, display_name text, email text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
    select p.id, p.display_name, p.email
    from public.challenges c
    join public.organisation_members m on m.organisation_id = c.organisation_id
    join public.profiles p on p.id = m.user_id
    where c.id = challenge and (select private.is_facilitator()) and c.status = 'published'
    order by p.display_name, p.email;
end
$$;
