-- Foundation: profiles, platform admins, organisations and their members, the
-- minimal challenge record the home page lists, and accessibility feedback.
-- Policy helpers live in schema private as security definer functions so that
-- policies stay cheap and never recurse through each other's RLS.

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- Profiles ----------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null,
  display_name text not null default '' check (char_length(display_name) <= 120),
  locale text not null default 'fi' check (locale in ('fi', 'sv', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

create function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, display_name, locale)
  values (
    new.id,
    lower(coalesce(new.email, '')),
    coalesce(new.raw_user_meta_data ->> 'display_name', ''),
    coalesce(nullif(new.raw_user_meta_data ->> 'locale', ''), 'fi')
  );
  return new;
end
$$;

create trigger on_auth_user_created
after insert on auth.users
for each row execute function private.handle_new_user();

-- Platform admins -----------------------------------------------------------------

create table public.platform_admins (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
alter table public.platform_admins enable row level security;

create function private.is_platform_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
$$;

-- Organisations -------------------------------------------------------------------

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 2 and 200),
  kind text not null default 'public_body'
    check (kind in ('public_body', 'university', 'agency', 'company', 'other')),
  business_id text check (business_id is null or business_id ~ '^[0-9]{7}-[0-9]$'),
  website text check (website is null or website ~ '^https?://'),
  created_at timestamptz not null default now()
);
alter table public.organisations enable row level security;

create table public.organisation_members (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'member')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
alter table public.organisation_members enable row level security;
create index organisation_members_user_id_idx on public.organisation_members (user_id);

create function private.is_org_member(org uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.organisation_members
    where organisation_id = org and user_id = (select auth.uid())
  )
$$;

create function private.is_org_owner(org uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.organisation_members
    where organisation_id = org and user_id = (select auth.uid()) and role = 'owner'
  )
$$;

-- As a set, evaluated once per query rather than once per row: policies on large
-- tables use `organisation_id in (select private.my_organisation_ids())`.
create function private.my_organisation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select organisation_id from public.organisation_members where user_id = (select auth.uid())
$$;

create function private.shares_organisation(other uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.organisation_members mine
    join public.organisation_members theirs using (organisation_id)
    where mine.user_id = (select auth.uid()) and theirs.user_id = other
  )
$$;

-- Lets an admin or an organisation owner add a member by email without being able
-- to read auth.users or other people's profiles.
create function private.user_id_by_email(address text) returns uuid
language sql stable security definer set search_path = ''
as $$
  select u.id from auth.users u
  where lower(u.email) = lower(address)
    and (
      (select private.is_platform_admin())
      or exists (
        select 1 from public.organisation_members
        where user_id = (select auth.uid()) and role = 'owner'
      )
    )
$$;

revoke execute on all functions in schema private from public;
grant execute on function private.is_platform_admin() to anon, authenticated;
grant execute on function private.is_org_member(uuid) to anon, authenticated;
grant execute on function private.is_org_owner(uuid) to anon, authenticated;
grant execute on function private.my_organisation_ids() to anon, authenticated;
grant execute on function private.shares_organisation(uuid) to authenticated;
grant execute on function private.user_id_by_email(text) to authenticated;

-- Challenges (minimal; the challenges capability extends this table) ---------------

create table public.challenges (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete restrict,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  primary_locale text not null default 'fi' check (primary_locale in ('fi', 'sv', 'en')),
  -- Localised text: {"fi": "...", "sv": "...", "en": "..."}; the primary locale is required.
  title jsonb not null check (jsonb_typeof(title) = 'object'),
  summary jsonb not null default '{}'::jsonb check (jsonb_typeof(summary) = 'object'),
  procedure text not null default 'open_challenge'
    check (procedure in ('open_challenge', 'innovation_partnership')),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  check (title ? primary_locale)
);
alter table public.challenges enable row level security;
create index challenges_organisation_id_idx on public.challenges (organisation_id);
create index challenges_published_idx on public.challenges (published_at desc) where status = 'published';

-- Accessibility feedback (Act 306/2019) -------------------------------------------

create table public.accessibility_feedback (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  user_id uuid references auth.users (id) on delete set null default auth.uid(),
  page text not null default '' check (char_length(page) <= 500),
  message text not null check (char_length(message) between 1 and 5000),
  contact_email text check (contact_email is null or char_length(contact_email) <= 254),
  locale text not null default 'fi' check (locale in ('fi', 'sv', 'en'))
);
alter table public.accessibility_feedback enable row level security;

-- Policies ----------------------------------------------------------------------

create policy "people see their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "members of an organisation see each other's profiles" on public.profiles
  for select to authenticated using ((select private.shares_organisation(id)));
create policy "platform admins see every profile" on public.profiles
  for select to authenticated using ((select private.is_platform_admin()));
create policy "people update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy "people see whether they are platform admins" on public.platform_admins
  for select to authenticated using (user_id = (select auth.uid()));

create policy "organisations are public" on public.organisations
  for select to anon, authenticated using (true);
create policy "platform admins create organisations" on public.organisations
  for insert to authenticated with check ((select private.is_platform_admin()));
create policy "platform admins and owners update organisations" on public.organisations
  for update to authenticated
  using ((select private.is_platform_admin()) or (select private.is_org_owner(id)))
  with check ((select private.is_platform_admin()) or (select private.is_org_owner(id)));
create policy "platform admins delete organisations" on public.organisations
  for delete to authenticated using ((select private.is_platform_admin()));

create policy "members see their organisation's members" on public.organisation_members
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select private.is_org_member(organisation_id))
    or (select private.is_platform_admin())
  );
create policy "platform admins and owners add members" on public.organisation_members
  for insert to authenticated
  with check ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id)));
create policy "platform admins and owners change member roles" on public.organisation_members
  for update to authenticated
  using ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id)))
  with check ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id)));
create policy "platform admins and owners remove members" on public.organisation_members
  for delete to authenticated
  using ((select private.is_platform_admin()) or (select private.is_org_owner(organisation_id)));

create policy "published challenges are public" on public.challenges
  for select to anon, authenticated using (status = 'published');
create policy "organisation members see their own challenges" on public.challenges
  for select to authenticated using (organisation_id in (select private.my_organisation_ids()));
create policy "organisation members create challenges" on public.challenges
  for insert to authenticated with check ((select private.is_org_member(organisation_id)));
create policy "organisation members edit their challenges" on public.challenges
  for update to authenticated
  using ((select private.is_org_member(organisation_id)))
  with check ((select private.is_org_member(organisation_id)));
create policy "organisation owners delete draft challenges" on public.challenges
  for delete to authenticated
  using (status = 'draft' and (select private.is_org_owner(organisation_id)));

create policy "anyone can send accessibility feedback" on public.accessibility_feedback
  for insert to anon, authenticated
  with check (user_id is null or user_id = (select auth.uid()));
create policy "platform admins read accessibility feedback" on public.accessibility_feedback
  for select to authenticated using ((select private.is_platform_admin()));
