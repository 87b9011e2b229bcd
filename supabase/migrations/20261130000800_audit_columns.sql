-- Issue 10 ("Hold the record"): audit columns are the database's, on every table of
-- public. A client (Supabase's Data API as anon/authenticated) inserts and updates only
-- the columns the app itself writes; ids, timestamps, sequence numbers and states come
-- from defaults, triggers and security definer functions (public.advance_workshop).
-- The catalogue lint (tests/integration/db-lint.ts, rule 'audit-column') keeps it so.

-- workshops: created 'scheduled', now, with a generated id; the status changes only through
-- public.advance_workshop, which writes the status-change record. The facilitator is the
-- caller (default auth.uid()).
revoke insert, update on public.workshops from anon, authenticated;
grant insert (challenge_id, title, starts_at, mode, agenda) on public.workshops to authenticated;
grant update (title, starts_at) on public.workshops to authenticated;

-- boards: seq and updated_at move only with the board state the server stores.
revoke insert, update on public.boards from anon, authenticated;
grant insert (workshop_id, team_id, settings) on public.boards to authenticated;

-- organisations: the details are the organisation's; id and created_at are not.
revoke insert, update on public.organisations from anon, authenticated;
grant insert (slug, name, kind, business_id, website) on public.organisations to authenticated;
grant update (slug, name, kind, business_id, website) on public.organisations to authenticated;

-- organisation_members: who and which role; since when is the database's.
revoke insert, update on public.organisation_members from anon, authenticated;
grant insert (organisation_id, user_id, role) on public.organisation_members to authenticated;
grant update (role) on public.organisation_members to authenticated;

-- challenge_followers: the follower is the caller (default auth.uid()), the time now.
revoke insert, update on public.challenge_followers from anon, authenticated;
grant insert (challenge_id) on public.challenge_followers to authenticated;

-- calendar_feeds: the user is the caller (default auth.uid()); only the token is the
-- client's. The trigger below stamps created_at when a token is issued (insert, or a
-- rotation in src/lib/server/calendar-feeds.ts) and keeps it otherwise.
revoke insert, update on public.calendar_feeds from anon, authenticated;
grant insert (token) on public.calendar_feeds to authenticated;
grant update (token) on public.calendar_feeds to authenticated;

create function private.calendar_feed_issued_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' or new.token is distinct from old.token then
		new.created_at := now();
	else
		new.created_at := old.created_at;
	end if;
	return new;
end;
$$;
revoke execute on function private.calendar_feed_issued_at() from public, anon, authenticated;

create trigger calendar_feeds_issued_at
	before insert or update on public.calendar_feeds
	for each row execute function private.calendar_feed_issued_at();
