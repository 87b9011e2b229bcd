-- Milestone evidence files (issue 14, proofs of concept): besides a text and links, the
-- partner's team attaches files to a milestone's evidence — through the same upload checks
-- as a concept's attachments (src/lib/server/evidence.ts checkEvidence: PDF or image by its
-- bytes, at most 10 MB; the key must be the caller's own upload, private.claim_stored_object)
-- — while the milestone may still change: not once it is accepted, not once the go / no-go
-- decision is published (private.poc_require_open). The owner's challenge team and the
-- partner's team read and download them; nobody else (one select policy, the milestones').
--
-- The record rules hold (20261207000400_proofs_of_concept.sql): authenticated only SELECTs;
-- public.poc_attach_file and public.poc_detach_file are the only writers, set who and when
-- themselves, and put every attachment and removal on the milestone's record
-- (poc_milestone_events, steps 'attach' and 'detach', with the file's id and name).
-- Refusals: SQLSTATE TK422 with the code as hint (poc_…), words in
-- src/lib/server/http/poc-refusals.ts.

-- Table --------------------------------------------------------------------------------------

create table public.poc_evidence_files (
  id uuid primary key default gen_random_uuid(),
  milestone_id uuid not null references public.poc_milestones (id) on delete cascade,
  file_key text not null unique check (file_key ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'),
  file_name text not null check (char_length(file_name) between 1 and 255),
  mime text not null check (char_length(mime) between 1 and 100),
  size int not null check (size between 1 and 10485760),
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references auth.users (id) on delete set null
);
comment on table public.poc_evidence_files is
  'Files of a proof-of-concept milestone''s evidence (issue 14): written only by public.poc_attach_file / poc_detach_file.';
create index poc_evidence_files_milestone_idx on public.poc_evidence_files (milestone_id, uploaded_at);
create index poc_evidence_files_uploaded_by_idx on public.poc_evidence_files (uploaded_by);

alter table public.poc_evidence_files enable row level security;
revoke all on public.poc_evidence_files from anon, authenticated;
grant select on public.poc_evidence_files to authenticated;

create policy "partner and challenge team read the milestones' evidence files"
  on public.poc_evidence_files for select to authenticated
  using (milestone_id in (select private.my_poc_milestone_ids()));

-- The files of an accepted milestone never change, not even through the definer
-- functions; a cascade (the milestone's challenge or concept deleted) is let through.
create function private.guard_poc_evidence_file() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if exists (select 1 from public.poc_milestones m
             where m.id = (case when tg_op = 'INSERT' then new.milestone_id else old.milestone_id end)
               and m.status = 'accepted') then
    raise exception 'poc_accepted' using errcode = 'TK422', hint = 'poc_accepted';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end
$$;
revoke execute on function private.guard_poc_evidence_file() from public, anon, authenticated;
create trigger poc_evidence_files_guard before insert or update or delete on public.poc_evidence_files
  for each row execute function private.guard_poc_evidence_file();

-- The record: two more steps, naming the file -----------------------------------------------

alter table public.poc_milestone_events
  drop constraint poc_milestone_events_step_check,
  add constraint poc_milestone_events_step_check
    check (step in ('plan', 'replan', 'start', 'deliver', 'accept', 'reject', 'attach', 'detach')),
  add column file_id uuid,
  add column file_name text,
  add constraint poc_milestone_events_file_check
    check ((step in ('attach', 'detach')) = (file_id is not null and file_name is not null));

-- Functions -------------------------------------------------------------------------------

-- The milestone the partner's caller may change files of, locked; refuses as
-- public.poc_milestone_step does: unknown (or not the caller's to see) poc_unknown, not the
-- partner's team poc_not_partner, after go / no-go poc_closed, accepted poc_accepted.
create function private.poc_files_milestone(milestone uuid) returns public.poc_milestones
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.poc_milestones;
  p public.proofs_of_concept;
begin
  select * into m from public.poc_milestones where id = milestone for update;
  if not found or (select auth.uid()) is null then perform private.jury_refuse('poc_unknown'); end if;
  select * into p from public.proofs_of_concept where id = m.poc_id;
  if not private.poc_is_partner_member(p.concept_id) then
    if not (p.id in (select private.my_poc_ids())) then perform private.jury_refuse('poc_unknown'); end if;
    perform private.jury_refuse('poc_not_partner');
  end if;
  perform private.poc_require_open(p.challenge_id);
  if m.status = 'accepted' then perform private.jury_refuse('poc_accepted'); end if;
  return m;
end
$$;
revoke execute on function private.poc_files_milestone(uuid) from public, anon, authenticated;

-- Attaches a file the app checked and stored (src/lib/server/proofs-of-concept.ts
-- attachEvidenceFile) to a milestone's evidence: the partner's team, while the milestone is
-- not accepted and go / no-go is not published. Refuses: what private.poc_files_milestone
-- refuses; a key, name, type or size that does not stand (poc_file_invalid); more than 20
-- files on one milestone (poc_too_many_files); a key someone else uploaded (42501). The
-- uploader and time are set here; the attachment goes on the milestone's record ('attach').
-- Returns the file's id.
create function public.poc_attach_file(milestone uuid, file_key text, file_name text, mime text, size bigint)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.poc_milestones;
  me uuid := (select auth.uid());
  clean_name text := left(private.jury_trim(file_name), 255);
  id_ uuid;
begin
  m := private.poc_files_milestone(milestone);
  if file_key is null or file_key !~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'
     or coalesce(clean_name, '') = '' or size is null or size <= 0 or size > 10485760
     or mime is null or char_length(mime) not between 1 and 100 then
    perform private.jury_refuse('poc_file_invalid');
  end if;
  if (select count(*) from public.poc_evidence_files f where f.milestone_id = m.id) >= 20 then
    perform private.jury_refuse('poc_too_many_files');
  end if;
  if not private.claim_stored_object(file_key, me) then
    raise exception 'permission denied: the file % was not uploaded by you', file_key
      using errcode = '42501';
  end if;
  insert into public.poc_evidence_files (milestone_id, file_key, file_name, mime, size, uploaded_at, uploaded_by)
    values (m.id, file_key, clean_name, mime, size, clock_timestamp(), me)
    returning id into id_;
  update public.poc_milestones set updated_at = now(), updated_by = me where id = m.id;
  insert into public.poc_milestone_events (milestone_id, step, from_status, to_status, file_id, file_name,
      by, by_name, lang)
    values (m.id, 'attach', m.status, m.status, id_, clean_name, me, private.poc_caller_name(),
      private.caller_locale());
  return id_;
end
$$;

-- Removes a file from a milestone's evidence, on the same terms as attaching one; answers
-- its key (the app then deletes the stored file unless a row still refers to it). Refuses
-- an unknown file (poc_unknown) and what private.poc_files_milestone refuses. The removal
-- goes on the milestone's record ('detach', with the file's name).
create function public.poc_detach_file(file uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  f public.poc_evidence_files;
  m public.poc_milestones;
  me uuid := (select auth.uid());
begin
  select * into f from public.poc_evidence_files where id = file;
  if not found then perform private.jury_refuse('poc_unknown'); end if;
  m := private.poc_files_milestone(f.milestone_id);
  delete from public.poc_evidence_files where id = f.id;
  update public.poc_milestones set updated_at = now(), updated_by = me where id = m.id;
  insert into public.poc_milestone_events (milestone_id, step, from_status, to_status, file_id, file_name,
      by, by_name, lang)
    values (m.id, 'detach', m.status, m.status, f.id, f.file_name, me, private.poc_caller_name(),
      private.caller_locale());
  return f.file_key;
end
$$;

revoke execute on function public.poc_attach_file(uuid, text, text, text, bigint), public.poc_detach_file(uuid)
  from public, anon;
grant execute on function public.poc_attach_file(uuid, text, text, text, bigint), public.poc_detach_file(uuid)
  to authenticated;
