-- Supabase mode (issue 15): what Supabase Auth and Storage need of the schema. Every
-- statement applies unchanged to a Supabase project and to plain Postgres (where the
-- storage schema and auth.sessions are absent and the parts that need them do nothing).

-- Profiles for Supabase users --------------------------------------------------------------

-- Redefines private.handle_new_user() (20261123000100_foundation.sql), the trigger on
-- auth.users insert that gives every account its profile: an OAuth sign-up (e.g. Azure AD)
-- brings its name as full_name or name rather than display_name, and a locale the platform
-- does not speak falls back to Finnish instead of failing the sign-up.
create or replace function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, display_name, locale)
  values (
    new.id,
    lower(coalesce(new.email, '')),
    left(coalesce(nullif(meta ->> 'display_name', ''), nullif(meta ->> 'full_name', ''),
                  nullif(meta ->> 'name', ''), ''), 120),
    case when meta ->> 'locale' in ('fi', 'sv', 'en') then meta ->> 'locale' else 'fi' end
  );
  return new;
end
$$;
revoke execute on function private.handle_new_user() from public;

-- Accounts that existed before these migrations (a project with users already) get theirs.
insert into public.profiles (id, email, display_name, locale)
select u.id, lower(coalesce(u.email, '')), '', 'fi'
from auth.users u
where not exists (select 1 from public.profiles p where p.id = u.id);

-- Supabase sessions for the socket layer ---------------------------------------------------

-- Which of these Supabase Auth sessions (auth.sessions, the JWT's session_id) still exist
-- and have not run out: sockets of a session that signed out elsewhere are closed
-- (auth/supabase.ts liveSupabaseSessions). Nothing where auth.sessions does not exist
-- (plain Postgres: local mode has local_auth.sessions). For the app's service role only.
create function private.live_auth_sessions(ids uuid[]) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  if to_regclass('auth.sessions') is null then return; end if;
  return query execute
    'select s.id from auth.sessions s
     where s.id = any($1) and (s.not_after is null or s.not_after > now())'
    using ids;
end
$$;
revoke execute on function private.live_auth_sessions(uuid[]) from public, anon, authenticated;

-- Storage buckets and policies -------------------------------------------------------------

-- Two buckets, objects named by the key their row holds (`<uuid>.<ext>`, nothing else):
--   covers  public: challenges' cover images (challenges.cover_image);
--   files   private: work-history evidence, team projects' evidence, application
--           documents, concept attachments and milestone evidence files.
-- The app writes and removes with the service role after its own checks (size, type by the
-- bytes); nobody writes through the Storage API with a user's token (no insert, update or
-- delete policy). Reading with a user's token is allowed exactly where a row that names the
-- object is visible to them under that table's own row-level security, so the file follows
-- the row: the subqueries below run as the caller and pass through the same policies and
-- private.* helpers the tables use (and the uploader checks of src/lib/server/evidence.ts).
create function private.install_storage_policies() returns void
language plpgsql set search_path = ''
as $$
begin
  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values
    ('covers', 'covers', true, 5242880,
     array['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
    ('files', 'files', false, 10485760,
     array['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'])
  on conflict (id) do nothing;

  drop policy if exists "covers are seen with their challenge" on storage.objects;
  create policy "covers are seen with their challenge" on storage.objects
    for select to anon, authenticated
    using (
      bucket_id = 'covers'
      and objects.name in (select c.cover_image from public.challenges c where c.cover_image is not null)
    );

  drop policy if exists "files are seen with the rows that name them" on storage.objects;
  create policy "files are seen with the rows that name them" on storage.objects
    for select to authenticated
    using (
      bucket_id = 'files'
      and (
        exists (
          select 1 from public.work_entries w
          join public.stored_objects o on o.key = w.evidence_file and o.owner_id = w.user_id
          where w.evidence_file = objects.name)
        or exists (
          select 1 from public.team_projects p
          join public.stored_objects o on o.key = p.evidence_file
          where p.evidence_file = objects.name and (o.owner_id = p.created_by or exists (
            select 1 from public.team_members m where m.team_id = p.team_id and m.user_id = o.owner_id)))
        or exists (
          select 1 from public.application_documents d
          join public.stored_objects o on o.key = d.file_key and o.owner_id = d.uploaded_by
          where d.file_key = objects.name)
        or exists (select 1 from public.concept_attachments a where a.file_key = objects.name)
        or exists (select 1 from public.poc_evidence_files f where f.file_key = objects.name)
      )
    );
end
$$;
revoke execute on function private.install_storage_policies() from public, anon, authenticated;

do $$
begin
  if to_regclass('storage.objects') is not null and to_regclass('storage.buckets') is not null then
    perform private.install_storage_policies();
  end if;
end
$$;
