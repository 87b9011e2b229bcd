-- Platform-admin powers in row-level security require the second factor (issue 10:
-- TOTP required for platform admins). The check reads the JWT's `aal` claim, Supabase's
-- documented pattern for MFA-enforced policies: `(auth.jwt() ->> 'aal') = 'aal2'`. A
-- platform admin whose session did not pass the second factor (aal1, or no claim) has no
-- admin powers: through the app (Database.as sets `aal` from the session) and through
-- the Data API alike. Every admin policy and check calls this one function.
-- Started from the newest definition, 20261123000100_foundation.sql.
create or replace function private.is_platform_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select auth.jwt() ->> 'aal') = 'aal2', false)
    and exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
$$;
