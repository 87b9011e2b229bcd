-- Record maintenance, only for the maintenance functions (issue 15 review).
--
-- Until now a guard of the record (decisions, jury records, proof-of-concept records,
-- amendments, a submitted application's documents, the audit log) let a change through
-- when the setting talkoot.record_maintenance was 'on' and the current role was not
-- anon/authenticated. Any session may set a setting of its own, and inside every
-- security definer function the current role is the function's owner: a signed-in person
-- who set it and then called an ordinary definer function (poc_detach_file, a decision
-- function…) would have had that function's writes pass the guards too. And two guard
-- functions (application_documents' and the audit log's) read the setting alone.
--
-- Now maintenance is a row of private.record_maintenance naming the current transaction,
-- written only by private.begin_record_maintenance, which only the maintenance functions
-- call (private.erase_account, private.retention_purge, private.audit_purge: executable by
-- nobody else, not even service_role) and removed again before they return. The guards
-- ask private.in_record_maintenance(). The maintenance functions are redefined in the
-- migrations after this one (…001200_erasure_files.sql, …001300_retention_later_stages.sql)
-- and audit_purge below.

create table private.record_maintenance (
  xact xid8 primary key,
  job text not null check (job in ('account erasure', 'retention', 'audit retention')),
  started_at timestamptz not null default now()
);
comment on table private.record_maintenance is
  'The transactions a maintenance function (erasure, retention) is running in; empty outside them.';
alter table private.record_maintenance enable row level security;
revoke all on private.record_maintenance from public, anon, authenticated, service_role;

-- Whether the current transaction is inside a maintenance function (see the head of this
-- file). Executable by authenticated because the guards' trigger conditions run as the
-- writer; it answers only about the caller's own transaction.
create function private.in_record_maintenance() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from private.record_maintenance m
                 where m.xact = pg_catalog.pg_current_xact_id_if_assigned())
$$;
revoke execute on function private.in_record_maintenance() from public, anon;
grant execute on function private.in_record_maintenance() to authenticated, service_role;

-- Marks the current transaction as `job`'s maintenance until private.end_record_maintenance.
create function private.begin_record_maintenance(job text) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into private.record_maintenance (xact, job) values (pg_catalog.pg_current_xact_id(), job)
  on conflict (xact) do update set job = excluded.job
$$;
revoke execute on function private.begin_record_maintenance(text) from public, anon, authenticated, service_role;

-- Ends the current transaction's maintenance (nothing when there was none).
create function private.end_record_maintenance() returns void
language sql volatile security definer set search_path = ''
as $$
  delete from private.record_maintenance where xact = pg_catalog.pg_current_xact_id_if_assigned()
$$;
revoke execute on function private.end_record_maintenance() from public, anon, authenticated, service_role;

-- Every trigger whose condition read the setting (20261209003100_account_erasure.sql
-- recreated ten) now asks private.in_record_maintenance(); timing, events and function
-- unchanged.
do $$
declare
  t record;
  n int := 0;
begin
  for t in
    select g.tgname, c.relname, pg_catalog.pg_get_triggerdef(g.oid) as def
    from pg_catalog.pg_trigger g join pg_catalog.pg_class c on c.oid = g.tgrelid
    join pg_catalog.pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'public' and not g.tgisinternal
      and pg_catalog.pg_get_triggerdef(g.oid) like '%talkoot.record_maintenance%'
  loop
    execute format('drop trigger %I on public.%I', t.tgname, t.relname);
    execute pg_catalog.regexp_replace(t.def, 'WHEN \(.*\) EXECUTE',
      'WHEN (NOT private.in_record_maintenance()) EXECUTE');
    n := n + 1;
  end loop;
  if n <> 10 then
    raise exception 'expected the ten guards of 20261209003100_account_erasure.sql, found %', n;
  end if;
end
$$;

-- The two guard functions that read the setting themselves.
create or replace function private.guard_draft_content() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  app uuid := case when tg_op = 'DELETE' then old.application_id else new.application_id end;
begin
  if pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'DELETE' and private.in_record_maintenance() then
    return old;
  end if;
  perform 1 from public.applications where id = app and status = 'draft' for share;
  if not found then
    raise exception 'permission denied: the application is submitted; withdraw it before changing it'
      using errcode = '55000';
  end if;
  if tg_op = 'UPDATE' and new.application_id <> old.application_id then
    raise exception 'content stays with its application' using errcode = '55000';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function private.guard_draft_content() from public;

create or replace function private.guard_audit_log() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if private.in_record_maintenance() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception 'audit_log_locked' using errcode = '42501', hint = 'audit_log_locked';
end
$$;
revoke execute on function private.guard_audit_log() from public, anon, authenticated;

-- private.audit_purge of 20261209004100_retention.sql, in maintenance by the token.
create or replace function private.audit_purge(months int, dry_run boolean default true) returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  purged bigint;
begin
  if months is null or months < 1 then
    raise exception 'retention_months' using errcode = '22023', hint = 'retention_months';
  end if;
  if dry_run then
    select count(*) into purged from public.audit_log l
    where l.occurred_at < now() - pg_catalog.make_interval(months => months) + interval '4 days'
      and private.retention_due(l.occurred_at, months);
    return purged;
  end if;
  perform private.begin_record_maintenance('audit retention');
  delete from public.audit_log l
  where l.occurred_at < now() - pg_catalog.make_interval(months => months) + interval '4 days'
    and private.retention_due(l.occurred_at, months);
  get diagnostics purged = row_count;
  perform private.end_record_maintenance();
  perform private.record_audit('audit_purge', 'audit_log', null,
    pg_catalog.jsonb_build_object('months', months, 'entries', purged));
  return purged;
end
$$;
revoke execute on function private.audit_purge(int, boolean) from public, anon, authenticated;
