-- A board's state in tables: notes, clusters and dot votes each a row, so an op writes
-- only what it changed (a whole-board jsonb was rewritten on every op) and each kind of
-- thing has its own row-level security. What is left on the board row is its settings:
-- agenda, phase, lock, anonymity, vote budget and reveal, timer, spotlight.

alter table public.boards rename column state to settings;
comment on column public.boards.settings is
  'phases, phaseIndex, locked, anonymous, budget, revealed, timer, spotlight (board.ts BoardSettings)';

-- No foreign keys between notes, clusters and votes: the board reducer keeps them
-- consistent, and one op's changes are written in one statement, where a cascade
-- would touch a row twice.
create table public.board_notes (
  board_id uuid not null references public.boards (id) on delete cascade,
  id uuid not null,
  author_id uuid references auth.users (id) on delete set null,
  body text not null check (char_length(body) between 1 and 500),
  colour text not null,
  x integer not null,
  y integer not null,
  cluster_id uuid,
  -- The sequence number of the op that added it: notes keep the order they came in.
  added_seq bigint not null,
  primary key (board_id, id)
);
alter table public.board_notes enable row level security;

create table public.board_clusters (
  board_id uuid not null references public.boards (id) on delete cascade,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 120),
  added_seq bigint not null,
  primary key (board_id, id)
);
alter table public.board_clusters enable row level security;

create table public.board_votes (
  board_id uuid not null references public.boards (id) on delete cascade,
  note_id uuid not null,
  voter_id uuid not null references auth.users (id) on delete cascade,
  dots integer not null check (dots > 0),
  primary key (board_id, note_id, voter_id)
);
alter table public.board_votes enable row level security;

-- Whose dots the caller sees on a board: everybody's when they run the workshop or the
-- results are revealed, otherwise only their own (as the board reducer's viewFor).
create function private.sees_all_votes(board uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.boards b
    where b.id = board and (
      private.workshop_role(b.workshop_id) = 'facilitator'
      or coalesce((b.settings ->> 'revealed')::boolean, false)
    )
  )
$$;

-- Reading follows the board; writing is only through the server's op path, which checks
-- every op with the board reducer inside the transaction that stores it.
create policy "notes are seen with their board" on public.board_notes
  for select to authenticated using ((select private.can_see_board(board_id)));
-- Who wrote a note is not a column participants may read: in anonymous mode only the
-- facilitator knows it (and each author their own), so it is asked of the function below.
revoke select on public.board_notes from anon, authenticated;
grant select (board_id, id, body, colour, x, y, cluster_id, added_seq) on public.board_notes
  to authenticated;

create function public.board_note_authors(board uuid)
returns table (note_id uuid, author_id uuid)
language sql stable security definer set search_path = ''
as $$
  select n.id, n.author_id from public.board_notes n join public.boards b on b.id = n.board_id
  where n.board_id = board and private.can_see_board(board) and (
    n.author_id = (select auth.uid())
    or private.workshop_role(b.workshop_id) = 'facilitator'
    or not coalesce((b.settings ->> 'anonymous')::boolean, false))
$$;
revoke execute on function public.board_note_authors(uuid) from public, anon;
grant execute on function public.board_note_authors(uuid) to authenticated;
create policy "clusters are seen with their board" on public.board_clusters
  for select to authenticated using ((select private.can_see_board(board_id)));
create policy "own dots, or all once revealed or when facilitating" on public.board_votes
  for select to authenticated
  using ((select private.can_see_board(board_id))
         and (voter_id = (select auth.uid()) or (select private.sees_all_votes(board_id))));

-- The op log names who did what, dots before the reveal included: it is the facilitator's
-- record. Participants get what they missed from the server, as the board reducer lets
-- each of them see it.
drop policy "a board's record is seen with the board" on public.board_ops;
create policy "the facilitator reads the board's record" on public.board_ops
  for select to authenticated
  using ((select private.workshop_role(b.workshop_id) from public.boards b where b.id = board_id)
         = 'facilitator');

-- Boards made before this migration: their notes, clusters and votes move into the
-- tables, in the order their ops added them.
insert into public.board_notes (board_id, id, author_id, body, colour, x, y, cluster_id, added_seq)
select b.id, (n.value ->> 'id')::uuid, (n.value ->> 'authorId')::uuid, n.value ->> 'text',
       n.value ->> 'colour', (n.value ->> 'x')::integer, (n.value ->> 'y')::integer,
       (n.value ->> 'clusterId')::uuid,
       coalesce((select o.seq from public.board_ops o
                 where o.board_id = b.id and o.op ->> 'type' = 'note.add'
                   and o.op ->> 'noteId' = n.value ->> 'id' limit 1), 0)
from public.boards b, jsonb_each(coalesce(b.settings -> 'notes', '{}')) n;

insert into public.board_clusters (board_id, id, name, added_seq)
select b.id, (c.value ->> 'id')::uuid, c.value ->> 'name',
       coalesce((select o.seq from public.board_ops o
                 where o.board_id = b.id and o.op ->> 'type' = 'cluster.add'
                   and o.op ->> 'clusterId' = c.value ->> 'id' limit 1), 0)
from public.boards b, jsonb_each(coalesce(b.settings -> 'clusters', '{}')) c;

insert into public.board_votes (board_id, note_id, voter_id, dots)
select b.id, n.key::uuid, v.key::uuid, v.value::integer
from public.boards b, jsonb_each(coalesce(b.settings -> 'votes', '{}')) n, jsonb_each_text(n.value) v
where exists (select 1 from auth.users u where u.id = v.key::uuid);

update public.boards set settings = settings - 'notes' - 'clusters' - 'votes' - 'seq';

-- The organisation's staff invited to take part are participants; the rest of the
-- organisation observes (sees every board, adds nothing).
create or replace function private.workshop_role(workshop uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (select 1 from public.workshops w where w.id = workshop and w.facilitator_id = (select auth.uid()))
      then 'facilitator'
    when exists (select 1 from public.workshop_participants p
                 where p.workshop_id = workshop and p.user_id = (select auth.uid()))
      then 'participant'
    when exists (select 1 from public.workshops w where w.id = workshop
                 and w.challenge_id in (select private.my_challenge_ids()))
      then 'observer'
  end
$$;
