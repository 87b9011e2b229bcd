-- Issue 16, "the big room": the rights of every sender of a batch of board ops, checked
-- in one statement under the board's row lock (src/lib/server/workshops/board-ops.ts),
-- instead of a claims switch and a check per sender. For each sender in turn their claims
-- are set, as Database.as and claimFor set them, and the same policy helpers answer as
-- they answer for that person alone: private.workshop_role, private.can_see_board and
-- private.workshop_open, from the memberships as they are now. The claims the caller had
-- are put back before it returns. For the app's service role only: it acts for whoever
-- the claims name.
create function private.board_senders_rights(board uuid, claims text[], headers text[])
returns table (sender int, role text, visible boolean, open boolean)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  saved_claims text := current_setting('request.jwt.claims', true);
  saved_headers text := current_setting('request.headers', true);
  workshop uuid;
begin
  select b.workshop_id into workshop from public.boards b where b.id = board;
  for n in 1 .. coalesce(array_length(claims, 1), 0) loop
    perform set_config('request.jwt.claims', claims[n], true),
            set_config('request.headers', coalesce(headers[n], ''), true);
    sender := n;
    role := case when workshop is not null then private.workshop_role(workshop) end;
    visible := workshop is not null and private.can_see_board(board);
    open := workshop is not null and private.workshop_open(workshop);
    return next;
  end loop;
  perform set_config('request.jwt.claims', coalesce(saved_claims, ''), true),
          set_config('request.headers', coalesce(saved_headers, ''), true);
end
$$;
revoke execute on function private.board_senders_rights(uuid, text[], text[])
  from public, anon, authenticated;
