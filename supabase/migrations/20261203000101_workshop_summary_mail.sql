-- The outcome of a workshop, mailed to everyone who took part when it ends (or, for a
-- workshop that ended before this, when its facilitator asks): clusters, notes ranked by
-- dots, announcements and who took part, each in the recipient's language. Once per
-- workshop: the first to set summary_mailed_at sends it, nobody else can.

alter table public.workshops add column summary_mailed_at timestamptz;
comment on column public.workshops.summary_mailed_at is
  'When the outcome summary was put in the outbox (private.mail_workshop_summary); null until then. Set only by the database.';
-- Not writable by anyone but the database: authenticated has column grants on workshops
-- (insert: challenge_id, title, starts_at, mode, agenda; update: title, starts_at) only.

-- One board's outcome: clusters in the order made, notes ranked by dots, then by when
-- they came in (as rankedNotes in src/lib/domain/board.ts), at most 200.
create function private.board_summary(board uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'team', t.name,
    'clusters', coalesce((select jsonb_agg(c.name order by c.added_seq, c.id)
                          from public.board_clusters c where c.board_id = b.id), '[]'::jsonb),
    'notes', coalesce((
      select jsonb_agg(jsonb_build_object('text', n.body, 'dots', n.dots, 'cluster', n.cluster)
                       order by n.dots desc, n.added_seq, n.id)
      from (
        select n.id, n.body, n.added_seq, c.name as cluster,
          coalesce((select sum(v.dots) from public.board_votes v
                    where v.board_id = n.board_id and v.note_id = n.id), 0)::int as dots
        from public.board_notes n
        left join public.board_clusters c on c.board_id = n.board_id and c.id = n.cluster_id
        where n.board_id = b.id
        order by dots desc, n.added_seq, n.id
        limit 200
      ) n), '[]'::jsonb))
  from public.boards b left join public.teams t on t.id = b.team_id
  where b.id = board
$$;
revoke execute on function private.board_summary(uuid) from public, anon, authenticated;

-- The summary one group of recipients may read: the boards given (in negotiation mode a
-- team gets only its own), the announcements, and the names of those it may know of.
create function private.workshop_summary(workshop uuid, board_ids uuid[], people uuid[])
returns jsonb
language sql stable set search_path = ''
as $$
  select private.mail_challenge(w.challenge_id) || jsonb_build_object(
    'workshopId', w.id, 'workshop', w.title, 'path', '/workshops/' || w.id,
    'boards', coalesce((select jsonb_agg(private.board_summary(b.id) order by t.name nulls first, b.id)
                        from public.boards b left join public.teams t on t.id = b.team_id
                        where b.id = any (board_ids)), '[]'::jsonb),
    'announcements', coalesce((select jsonb_agg(jsonb_build_object('body', a.body, 'lang', a.lang,
                                 'at', private.iso_time(a.at)) order by a.at, a.id)
                               from public.workshop_announcements a where a.workshop_id = w.id), '[]'::jsonb),
    'people', coalesce((select jsonb_agg(n.name order by n.name)
                        from (select distinct coalesce(nullif(p.display_name, ''), split_part(p.email, '@', 1)) as name
                              from public.profiles p where p.id = any (people)) n), '[]'::jsonb))
  from public.workshops w where w.id = workshop
$$;
revoke execute on function private.workshop_summary(uuid, uuid[], uuid[]) from public, anon, authenticated;

-- Puts the summary in the outbox for everyone in the workshop, once: true when this call
-- sent it, false when it had been sent already. Shared board: everyone gets it. One board
-- per team: each team's members get their own board and the names of their own team, the
-- facilitator and the guests; the facilitator and the guests (the buyer's side) get all.
create function private.mail_workshop_summary(workshop uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  shared boolean;
  everyone uuid[];
  staff uuid[];
  team record;
begin
  update public.workshops set summary_mailed_at = now()
    where id = workshop and summary_mailed_at is null
    returning mode = 'shared' into shared;
  if not found then return false; end if;
  staff := array(
    select w.facilitator_id from public.workshops w where w.id = workshop
    union select p.user_id from public.workshop_participants p where p.workshop_id = workshop);
  everyone := array(
    select unnest(staff)
    union select m.user_id from public.workshop_teams t
      join public.team_members m on m.team_id = t.team_id where t.workshop_id = workshop);
  if shared then
    perform private.enqueue_mail('workshop_summary', everyone, private.workshop_summary(workshop,
      array(select b.id from public.boards b where b.workshop_id = workshop), everyone));
    return true;
  end if;
  perform private.enqueue_mail('workshop_summary', staff, private.workshop_summary(workshop,
    array(select b.id from public.boards b where b.workshop_id = workshop), everyone));
  for team in
    select t.team_id, array(select m.user_id from public.team_members m where m.team_id = t.team_id
                            except select unnest(staff)) as members
    from public.workshop_teams t where t.workshop_id = workshop
  loop
    perform private.enqueue_mail('workshop_summary', team.members, private.workshop_summary(workshop,
      array(select b.id from public.boards b where b.workshop_id = workshop and b.team_id = team.team_id),
      team.members || staff));
  end loop;
  return true;
end
$$;
revoke execute on function private.mail_workshop_summary(uuid) from public, anon, authenticated;

-- When a workshop ends, its summary goes out in the same transaction as the end (not when
-- demo data is loaded without a user, as the invitation triggers).
create function private.mail_summary_on_end() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  if new.status = 'ended' then perform private.mail_workshop_summary(new.workshop_id); end if;
  return null;
end
$$;
revoke execute on function private.mail_summary_on_end() from public, anon, authenticated;
create trigger workshop_status_changes_summary after insert on public.workshop_status_changes
  for each row execute function private.mail_summary_on_end();

-- The facilitator asks for the summary of their ended workshop (one that ended before
-- summaries were mailed). Answers 'sent', 'already_sent', or 'forbidden' (not its
-- facilitator, no such workshop, or not ended yet).
create function public.request_workshop_summary(workshop uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform 1 from public.workshops w
    where w.id = workshop and w.facilitator_id = (select auth.uid()) and w.status = 'ended'
    for update;
  if (select auth.uid()) is null or not found then return 'forbidden'; end if;
  return case when private.mail_workshop_summary(workshop) then 'sent' else 'already_sent' end;
end
$$;
revoke execute on function public.request_workshop_summary(uuid) from public, anon;
grant execute on function public.request_workshop_summary(uuid) to authenticated;
