-- What a new Supabase project's database holds before `supabase db push` runs our
-- migrations, for tests/integration/supabase-push.test.ts. Taken from supabase/postgres
-- (migrations/db/init-scripts and migrations/db/migrations: initial-schema, auth-schema,
-- storage-schema, post-setup, demote-postgres, update-auth-permissions, the later grants
-- to postgres) and a Postgres 17 project's dump of the auth and storage tables as Supabase
-- Auth and Storage leave them. Trimmed to what supabase/migrations can touch: no realtime,
-- graphql, vault, pgsodium, pgbouncer, event triggers (they only notify PostgREST), and no
-- local accounts (supabase/local is exactly what must NOT be here).
--
-- Run once by a superuser (it plays supabase_admin) on a fresh database. The project's
-- owner role is `postgres` on Supabase, a non-superuser there (CREATEDB CREATEROLE
-- BYPASSRLS); here postgres is usually a superuser, so the test names another role in the
-- setting supabase_base.owner (created before this file runs) and pushes as that role.
-- Roles are cluster-wide: the API roles are created only where missing, and their
-- cluster-wide settings (statement timeouts) are left alone so other databases don't change.

do $$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role', 'authenticator',
                           'supabase_auth_admin', 'supabase_storage_admin'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      begin
        execute case r
          when 'service_role' then 'create role service_role nologin noinherit bypassrls'
          when 'authenticator' then 'create role authenticator login noinherit'
          when 'supabase_auth_admin' then 'create role supabase_auth_admin login noinherit createrole'
          when 'supabase_storage_admin' then 'create role supabase_storage_admin login noinherit createrole'
          else format('create role %I nologin noinherit', r)
        end;
      exception when duplicate_object or unique_violation then
        null; -- another test run created it a moment ago
      end;
    end if;
  end loop;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- The project owner's name in one place: runs a statement with %1$I replaced by the owner
-- (postgres on Supabase), %2$I by this database and %3$I by the role running this file
-- (supabase_admin on Supabase).
create function pg_temp.for_owner(statement text) returns void language plpgsql as $$
begin
  execute format(statement,
                 coalesce(nullif(current_setting('supabase_base.owner', true), ''), 'postgres'),
                 current_database(), current_user);
end
$$;

-- What the owner is granted on Supabase (demote-postgres, grant_auth_roles_to_postgres…).
select pg_temp.for_owner('grant all on database %2$I to %1$I');
select pg_temp.for_owner('grant anon, authenticated, service_role to %1$I');
select pg_temp.for_owner('grant supabase_auth_admin, supabase_storage_admin to %1$I');
select pg_temp.for_owner('alter role %1$I in database %2$I set search_path = "$user", public, extensions');
select pg_temp.for_owner('grant all on schema public to %1$I');
select pg_temp.for_owner('create schema extensions authorization %1$I');

-- public: the API roles get everything the owner (and supabase_admin) creates, by default;
-- our migrations narrow it (20261130000100_least_privilege.sql).
grant usage on schema public to anon, authenticated, service_role;
select pg_temp.for_owner('alter default privileges for role ' || r || ' in schema public grant all on '
                         || kind || ' to %1$I, anon, authenticated, service_role')
from (values ('%1$I'), ('%3$I')) creator(r), (values ('tables'), ('functions'), ('sequences')) k(kind);
-- A project created since mid-2026 (Studio's "Default privileges for new entities" off,
-- the CLI's [api] auto_expose_new_tables = false): the owner's defaults revoked again.
-- The migrations must give the API roles what they need themselves
-- (20261123000050_api_role_defaults.sql).
select pg_temp.for_owner('alter default privileges for role %1$I in schema public revoke ' || what
                         || ' from anon, authenticated, service_role')
from (values ('select, insert, update, delete on tables'), ('usage, select on sequences'),
             ('execute on functions')) w(what);

-- extensions: where Supabase installs extensions; usable by the API roles.
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
select pg_temp.for_owner('grant all on all ' || kind || ' in schema extensions to %1$I with grant option'),
       pg_temp.for_owner('alter default privileges in schema extensions grant all on ' || kind
                         || ' to %1$I with grant option')
from (values ('tables'), ('routines')) k(kind);

-- auth: Supabase Auth's schema, its tables owned by supabase_auth_admin ------------------

create schema auth;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin;

create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
-- Not a unique constraint: SSO accounts may share an address.
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index users_instance_id_idx on auth.users (instance_id);
create index users_is_anonymous_idx on auth.users (is_anonymous);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';

create table auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  unique (provider_id, provider)
);
create index identities_user_id_idx on auth.identities (user_id);

alter table auth.users enable row level security;
alter table auth.identities enable row level security;
alter table auth.users owner to supabase_auth_admin;
alter table auth.identities owner to supabase_auth_admin;

-- As Supabase Auth defines them: the claim of the older PostgREST setting first, then the
-- claims object that PostgREST (and Database.as) set. No fixed search_path.
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
create function auth.uid() returns uuid language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
create function auth.email() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
alter function auth.jwt() owner to supabase_auth_admin;
alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;

select pg_temp.for_owner('grant usage on schema auth to %1$I');
select pg_temp.for_owner('grant all on all ' || kind || ' in schema auth to %1$I')
from (values ('tables'), ('routines')) k(kind);

-- storage: Supabase Storage's schema, owned by supabase_storage_admin ---------------------

create schema storage;
grant usage on schema storage to anon, authenticated, service_role;
grant all on schema storage to supabase_storage_admin;

create table storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[]
);
create unique index bname on storage.buckets (name);

create table storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb
);
create unique index bucketid_objname on storage.objects (bucket_id, name);
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

create function storage.foldername(name text) returns text[] language plpgsql as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;
create function storage.filename(name text) returns text language plpgsql as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;
create function storage.extension(name text) returns text language plpgsql as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
alter function storage.extension(text) owner to supabase_storage_admin;
grant all on all tables in schema storage to anon, authenticated, service_role;
select pg_temp.for_owner('grant all on schema storage to %1$I');
select pg_temp.for_owner('grant all on all ' || kind || ' in schema storage to %1$I')
from (values ('tables'), ('routines')) k(kind);
