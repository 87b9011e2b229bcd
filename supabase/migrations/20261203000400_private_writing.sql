-- Private writing (issue 12): while the facilitator has it on for a board, each note added
-- is seen only by its author and the facilitator (who keeps the board's record and reads
-- the op log already); the reveal (op board.private off) makes them all visible in one
-- op, stored in board_ops with who and when, and summed up in boards.settings.lastReveal.
-- The board reducer (src/lib/domain/board.ts) sets the flag; these rules make sure a
-- hidden note does not leave the database to anyone else by any path.

alter table public.board_notes add column hidden boolean not null default false;
comment on column public.board_notes.hidden is
  'Added during private writing and not yet revealed: seen only by its author and the facilitator.';
grant select (hidden) on public.board_notes to authenticated;

-- Whether the caller may see a note that is hidden: its author, or the board's facilitator.
create function private.sees_hidden_note(board uuid, author uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select author = (select auth.uid())
    or exists (select 1 from public.boards b
               where b.id = board and private.workshop_role(b.workshop_id) = 'facilitator')
$$;
revoke execute on function private.sees_hidden_note(uuid, uuid) from public, anon;
grant execute on function private.sees_hidden_note(uuid, uuid) to authenticated;

drop policy "notes are seen with their board" on public.board_notes;
create policy "notes are seen with their board, hidden ones by author and facilitator"
  on public.board_notes for select to authenticated
  using ((select private.can_see_board(board_id))
         and (not hidden or private.sees_hidden_note(board_id, author_id)));

-- Copied from 20261127000200_board_state_tables.sql (its only definition), with hidden
-- notes left out for everyone but their author and the facilitator.
create or replace function public.board_note_authors(board uuid)
returns table (note_id uuid, author_id uuid)
language sql stable security definer set search_path = ''
as $$
  select n.id, n.author_id from public.board_notes n join public.boards b on b.id = n.board_id
  where n.board_id = board and private.can_see_board(board) and (
    n.author_id = (select auth.uid())
    or private.workshop_role(b.workshop_id) = 'facilitator'
    or (not coalesce((b.settings ->> 'anonymous')::boolean, false) and not n.hidden))
$$;

-- Copied from 20261203000101_workshop_summary_mail.sql (its only definition): the summary
-- mailed to everyone leaves out notes still hidden when the workshop ended.
create or replace function private.board_summary(board uuid) returns jsonb
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
        where n.board_id = b.id and not n.hidden
        order by dots desc, n.added_seq, n.id
        limit 200
      ) n), '[]'::jsonb))
  from public.boards b left join public.teams t on t.id = b.team_id
  where b.id = board
$$;
revoke execute on function private.board_summary(uuid) from public, anon, authenticated;
