-- Issue 16 (every signed-in page): the policies and their helpers ask `(select auth.uid())`
-- dozens of times a statement. Supabase's own auth.uid(), auth.jwt() and auth.role() are
-- plain SQL expressions that the planner inlines into the calling query. The local ones
-- (supabase/local) were given a fixed search_path by 20261130000100_least_privilege.sql,
-- and a SET clause keeps a SQL function from being inlined: every call parsed, planned and
-- ran their bodies again, about a sixth of the database's time on a signed-in page
-- (perf, bench:http's application page).
--
-- They are made again as Supabase makes them, without a SET clause, every name in their
-- bodies qualified (current_setting is pg_catalog's, found first whatever the caller's
-- search_path). Only where we made them (we own them): on Supabase they belong to
-- supabase_auth_admin and are left alone.
do $$
begin
  if (select p.proowner from pg_proc p where p.oid = to_regprocedure('auth.jwt()'))
     is distinct from (select r.oid from pg_roles r where r.rolname = current_user) then
    return;
  end if;

  create or replace function auth.jwt() returns jsonb
  language sql stable
  as $body$
    select coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), ''), '{}')::jsonb
  $body$;

  create or replace function auth.uid() returns uuid
  language sql stable
  as $body$
    select nullif(auth.jwt() ->> 'sub', '')::uuid
  $body$;

  create or replace function auth.role() returns text
  language sql stable
  as $body$
    select nullif(auth.jwt() ->> 'role', '')
  $body$;
end
$$;
