-- What the API roles get on new tables, functions and sequences in public, stated here
-- instead of assumed. Every later migration was written on Supabase's long-standing
-- defaults (and supabase/local's copy of them): what the migrating role creates in public
-- is granted to anon, authenticated and service_role, and the migrations then narrow it
-- (20261130000100_least_privilege.sql, column grants, revoke_privileges_without_policy).
-- Supabase projects created since mid-2026 start with those defaults revoked ("Default
-- privileges for new entities" off, the CLI's [api] auto_expose_new_tables = false): there
-- `authenticated` would get nothing on profiles or any table made before an explicit grant,
-- and every page would fail with "permission denied".
--
-- Versioned before the first table on purpose (an exception to the per-helper version
-- prefixes): only a default set before a table exists applies to it. Acts only on a
-- database the foundation has not reached yet, so on a database migrated before this file
-- existed (applied late, out of order) it changes nothing, and 20261130000100's narrowed
-- defaults stay as they are.
do $$
begin
  if to_regclass('public.profiles') is null then
    grant usage on schema public to anon, authenticated, service_role;
    alter default privileges in schema public
      grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema public
      grant all on functions to anon, authenticated, service_role;
    alter default privileges in schema public
      grant all on sequences to anon, authenticated, service_role;
  end if;
end
$$;
