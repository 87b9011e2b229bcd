-- A profile's name for accounts that Supabase Auth creates from an OAuth provider (issue
-- 15, Supabase mode). Redefines private.handle_new_user() of 20261123000100_foundation.sql.
-- Sign-up (local accounts, or Supabase Auth's signUp with options.data) puts
-- `display_name` in raw_user_meta_data; an OAuth provider such as Azure AD puts the
-- person's name in `full_name` or `name` instead, and the profile stayed nameless. Taken in
-- that order, trimmed, and cut to the 120 characters profiles.display_name allows (a longer
-- name from a directory used to fail the sign-in). An unknown locale falls back to 'fi'
-- (providers send tags like 'fi-FI' or 'en-US': the language part is used).
create or replace function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  lang text := lower(split_part(replace(coalesce(meta ->> 'locale', ''), '_', '-'), '-', 1));
begin
  insert into public.profiles (id, email, display_name, locale)
  values (
    new.id,
    lower(coalesce(new.email, '')),
    left(btrim(coalesce(nullif(btrim(meta ->> 'display_name'), ''),
                        nullif(btrim(meta ->> 'full_name'), ''),
                        nullif(btrim(meta ->> 'name'), ''), '')), 120),
    case when lang in ('fi', 'sv', 'en') then lang else 'fi' end
  );
  return new;
end
$$;
revoke execute on function private.handle_new_user() from public, anon, authenticated;
