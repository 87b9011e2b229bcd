-- Issue 12, admin: creating an organisation whose slug is taken was refused ("slug
-- taken", 409). The insert decides instead, as for challenges
-- (private.free_challenge_slug, 20261201000400_unique_by_insert.sql): the organisation
-- gets the slug it asks for or, when another organisation has it, the next free one:
-- slug-2, slug-3 … Creations take their slug one at a time (an advisory lock held until
-- commit), so two at once with one name get "x" and "x-2", never a unique violation.
create function private.free_organisation_slug() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  candidate text := new.slug;
  n int := 1;
begin
  perform pg_advisory_xact_lock(hashtext('public.organisations.slug'));
  while exists (select 1 from public.organisations where slug = candidate) loop
    n := n + 1;
    candidate := new.slug || '-' || n;
  end loop;
  new.slug := candidate;
  return new;
end
$$;
revoke execute on function private.free_organisation_slug() from public, anon, authenticated;
create trigger organisations_free_slug before insert on public.organisations
  for each row execute function private.free_organisation_slug();
