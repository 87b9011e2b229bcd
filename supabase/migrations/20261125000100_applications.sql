-- Teams, work history, applications with their preliminary ideas and requirement
-- answers, and the owners' screening. What Industryhack learned of winning teams
-- (complementary experience, many ideas, a history of working together) becomes
-- data an owner can check, and every submission and decision is on the record.

-- Teams --------------------------------------------------------------------------

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 2 and 120),
  description text not null default '' check (char_length(description) <= 2000),
  -- The organisations the members come from, as they name them.
  home_organisations text[] not null default '{}' check (cardinality(home_organisations) <= 20),
  lead_id uuid not null references auth.users (id) on delete restrict default auth.uid(),
  created_at timestamptz not null default now()
);
alter table public.teams enable row level security;
create index teams_lead_id_idx on public.teams (lead_id);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
alter table public.team_members enable row level security;
create index team_members_user_id_idx on public.team_members (user_id);

-- Only the SHA-256 of the mailed token is stored, as with sessions.
create table public.team_invitations (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) between 3 and 254),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
alter table public.team_invitations enable row level security;
create index team_invitations_team_id_idx on public.team_invitations (team_id);

-- Work history: on a person's profile, reusable across applications -------------

create table public.work_entries (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  area text not null check (char_length(area) between 1 and 100),
  organisation text not null check (char_length(organisation) between 1 and 200),
  role text not null check (char_length(role) between 1 and 200),
  -- Months are stored as their first day.
  start_month date not null check (extract(day from start_month) = 1),
  end_month date check (end_month is null or (extract(day from end_month) = 1 and end_month >= start_month)),
  description text not null default '' check (char_length(description) <= 2000),
  evidence_url text check (evidence_url is null or (evidence_url ~ '^https?://' and char_length(evidence_url) <= 1000)),
  evidence_file text check (evidence_file is null or evidence_file ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.work_entries enable row level security;
create index work_entries_user_id_idx on public.work_entries (user_id);

-- Common work history: projects that at least two of the team did together.
create table public.team_projects (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  start_month date not null check (extract(day from start_month) = 1),
  end_month date check (end_month is null or (extract(day from end_month) = 1 and end_month >= start_month)),
  description text not null default '' check (char_length(description) <= 2000),
  evidence_url text check (evidence_url is null or (evidence_url ~ '^https?://' and char_length(evidence_url) <= 1000)),
  evidence_file text check (evidence_file is null or evidence_file ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
alter table public.team_projects enable row level security;
create index team_projects_team_id_idx on public.team_projects (team_id);

create table public.team_project_members (
  project_id uuid not null references public.team_projects (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  primary key (project_id, user_id)
);
alter table public.team_project_members enable row level security;

-- Applications ----------------------------------------------------------------------

-- A draft belongs to the team; submitting freezes a snapshot of everything the owner
-- will judge (team, work history, common projects, ideas, answers) with its SHA-256,
-- which every member receives. `version` refuses a save made on a stale copy.
create table public.applications (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete cascade,
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null default auth.uid(),
  submitted_at timestamptz,
  submitted_by uuid references auth.users (id) on delete set null,
  digest text check (digest is null or digest ~ '^[0-9a-f]{64}$'),
  snapshot jsonb,
  unique (challenge_id, team_id),
  check ((status = 'submitted') = (submitted_at is not null and digest is not null and snapshot is not null))
);
alter table public.applications enable row level security;
create index applications_team_id_idx on public.applications (team_id);
create index applications_submitted_idx on public.applications (challenge_id) where status = 'submitted';

create table public.application_ideas (
  application_id uuid not null references public.applications (id) on delete cascade,
  position int not null check (position between 1 and 10),
  title text not null default '' check (char_length(title) <= 120),
  problem text not null default '' check (char_length(problem) <= 1000),
  idea text not null default '' check (char_length(idea) <= 2000),
  value text not null default '' check (char_length(value) <= 1000),
  primary key (application_id, position)
);
alter table public.application_ideas enable row level security;

create table public.application_answers (
  application_id uuid not null references public.applications (id) on delete cascade,
  requirement_id uuid not null references public.challenge_requirements (id) on delete cascade,
  meets boolean,
  explanation text not null default '' check (char_length(explanation) <= 2000),
  primary key (application_id, requirement_id)
);
alter table public.application_answers enable row level security;

create table public.application_documents (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.applications (id) on delete cascade,
  requirement_id uuid references public.challenge_requirements (id) on delete cascade,
  file_key text not null check (file_key ~ '^[0-9a-f-]{36}\.(png|jpg|webp|gif|pdf)$'),
  file_name text not null check (char_length(file_name) between 1 and 255),
  mime text not null,
  size int not null check (size > 0),
  uploaded_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
alter table public.application_documents enable row level security;
create index application_documents_application_idx on public.application_documents (application_id);

-- The work history an application was submitted with: what its owners may read.
create table public.application_work_entries (
  application_id uuid not null references public.applications (id) on delete cascade,
  entry_id uuid not null references public.work_entries (id) on delete cascade,
  primary key (application_id, entry_id)
);
alter table public.application_work_entries enable row level security;
create index application_work_entries_entry_idx on public.application_work_entries (entry_id);

-- Every submission and withdrawal, with its time and digest: never updated or deleted.
create table public.application_events (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.applications (id) on delete cascade,
  kind text not null check (kind in ('submitted', 'withdrawn')),
  at timestamptz not null default now(),
  by uuid references auth.users (id) on delete set null,
  digest text
);
alter table public.application_events enable row level security;
create index application_events_application_idx on public.application_events (application_id, at);

-- Screening ---------------------------------------------------------------------------

create table public.screening_marks (
  application_id uuid not null references public.applications (id) on delete cascade,
  requirement_id uuid not null references public.challenge_requirements (id) on delete cascade,
  met boolean not null,
  reason text not null default '' check (char_length(reason) <= 2000),
  marked_by uuid references auth.users (id) on delete set null default auth.uid(),
  marked_at timestamptz not null default now(),
  primary key (application_id, requirement_id)
);
alter table public.screening_marks enable row level security;

create table public.screening_decisions (
  application_id uuid primary key references public.applications (id) on delete cascade,
  eligible boolean not null,
  justification text not null check (char_length(justification) between 1 and 4000),
  decided_by uuid references auth.users (id) on delete set null default auth.uid(),
  decided_by_name text not null default '',
  decided_at timestamptz not null default now()
);
alter table public.screening_decisions enable row level security;

-- Policy helpers ------------------------------------------------------------------------

create function private.my_team_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select team_id from public.team_members where user_id = (select auth.uid())
$$;

create function private.is_team_member(team uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.team_members where team_id = team and user_id = (select auth.uid()))
$$;

create function private.is_team_lead(team uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.teams where id = team and lead_id = (select auth.uid()))
$$;

create function private.shares_team(other uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.team_members mine
    join public.team_members theirs using (team_id)
    where mine.user_id = (select auth.uid()) and theirs.user_id = other
  )
$$;

-- Submitted applications to challenges of the caller's organisations.
create function private.my_screenable_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.applications a
  where a.status = 'submitted'
    and a.challenge_id in (select private.my_challenge_ids())
$$;

create function private.my_applicant_team_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.team_id from public.applications a
  where a.id in (select private.my_screenable_application_ids())
$$;

create function private.my_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from public.applications where team_id in (select private.my_team_ids())
$$;

create function private.is_draft_of_my_team(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications
    where id = application and status = 'draft' and team_id in (select private.my_team_ids())
  )
$$;

create function private.is_screenable(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select application in (select private.my_screenable_application_ids())
$$;

create function private.application_decided(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.screening_decisions where application_id = application)
$$;

-- The deadline is the end of the applications stage, by the database's clock.
create function private.applications_open(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.challenges c
    join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
    where c.id = challenge and c.status = 'published' and now() >= s.starts_at and now() < s.ends_at
  )
$$;

-- Only this file's helpers: a blanket revoke on the schema would also take away the
-- execute that the challenge policies' helpers (questions_open …) rely on.
revoke execute on function private.my_team_ids(), private.is_team_member(uuid),
  private.is_team_lead(uuid), private.shares_team(uuid), private.my_screenable_application_ids(),
  private.my_applicant_team_ids(), private.my_application_ids(), private.is_draft_of_my_team(uuid),
  private.is_screenable(uuid), private.application_decided(uuid), private.applications_open(uuid)
  from public;
grant execute on function private.my_team_ids() to authenticated;
grant execute on function private.is_team_member(uuid) to authenticated;
grant execute on function private.is_team_lead(uuid) to authenticated;
grant execute on function private.shares_team(uuid) to authenticated;
grant execute on function private.my_screenable_application_ids() to authenticated;
grant execute on function private.my_applicant_team_ids() to authenticated;
grant execute on function private.my_application_ids() to authenticated;
grant execute on function private.is_draft_of_my_team(uuid) to authenticated;
grant execute on function private.is_screenable(uuid) to authenticated;
grant execute on function private.application_decided(uuid) to authenticated;
grant execute on function private.applications_open(uuid) to anon, authenticated;

-- Actions that need more than one row's view -------------------------------------------

-- A team is created with its lead as its first member.
create function public.create_team(team_name text, team_description text, organisations text[])
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  new_id uuid;
begin
  if me is null then
    raise exception 'sign in to create a team' using errcode = '42501';
  end if;
  insert into public.teams (name, description, home_organisations, lead_id)
    values (team_name, team_description, organisations, me) returning id into new_id;
  insert into public.team_members (team_id, user_id) values (new_id, me);
  return new_id;
end
$$;

-- What the invitation page shows before the person signs in: the token is the secret.
create function public.team_invitation_preview(token text)
returns table (team_name text, invited_email text, inviter_name text, status text)
language sql stable security definer set search_path = ''
as $$
  select t.name, i.email, coalesce(nullif(p.display_name, ''), p.email, ''),
    case when i.accepted_at is not null then 'accepted'
         when i.expires_at <= now() then 'expired'
         else 'open' end
  from public.team_invitations i
  join public.teams t on t.id = i.team_id
  left join public.profiles p on p.id = i.invited_by
  where i.token_hash = token
$$;

-- Accepting needs the invited address: a forwarded link does not let another person in.
-- Answers 'joined', 'already_member', 'wrong_account', 'expired', 'used' or 'unknown'.
create function public.accept_team_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  inv public.team_invitations;
begin
  if me is null then
    raise exception 'sign in to accept' using errcode = '42501';
  end if;
  select * into inv from public.team_invitations where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  select lower(email) into my_email from auth.users where id = me;
  if my_email is distinct from inv.email then return 'wrong_account'; end if;
  update public.team_invitations set accepted_at = now(), accepted_by = me where id = inv.id;
  if exists (select 1 from public.team_members where team_id = inv.team_id and user_id = me) then
    return 'already_member';
  end if;
  insert into public.team_members (team_id, user_id) values (inv.team_id, me);
  return 'joined';
end
$$;

-- The experience a draft's coverage matrix needs: areas and periods of the caller's
-- teammates, without their organisations, roles, descriptions or evidence.
create function public.team_experience(team uuid)
returns table (user_id uuid, area text, start_month date, end_month date)
language sql stable security definer set search_path = ''
as $$
  select e.user_id, e.area, e.start_month, e.end_month
  from public.work_entries e
  join public.team_members m on m.user_id = e.user_id and m.team_id = team
  where (select private.is_team_member(team))
$$;

-- Submitting: the deadline by the database's clock, the idea count, an answer to every
-- minimum requirement and an unchanged draft (expected version) are checked here.
-- Answers 'submitted', 'closed', 'stale', 'not_draft', 'ideas', 'answers' or 'unknown'.
create function public.submit_application(application uuid, expected_version int, content jsonb, content_digest text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  wanted int;
begin
  select * into app from public.applications where id = application for update;
  if not found or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    return 'unknown';
  end if;
  if app.status <> 'draft' then return 'not_draft'; end if;
  if not (select private.applications_open(app.challenge_id)) then return 'closed'; end if;
  if app.version <> expected_version then return 'stale'; end if;
  select idea_count into wanted from public.challenges where id = app.challenge_id;
  if (select count(*) from public.application_ideas
      where application_id = application and position <= wanted
        and title <> '' and problem <> '' and idea <> '' and value <> '') <> wanted
     or exists (select 1 from public.application_ideas where application_id = application and position > wanted)
  then
    return 'ideas';
  end if;
  if exists (
    select 1 from public.challenge_requirements r
    left join public.application_answers a on a.requirement_id = r.id and a.application_id = application
    where r.challenge_id = app.challenge_id and a.meets is null
  ) then
    return 'answers';
  end if;
  update public.applications
    set status = 'submitted', submitted_at = now(), submitted_by = me, digest = content_digest,
        snapshot = content, version = version + 1, updated_at = now(), updated_by = me
    where id = application;
  delete from public.application_work_entries where application_id = application;
  insert into public.application_work_entries (application_id, entry_id)
    select application, e.id from public.work_entries e
    join public.team_members m on m.user_id = e.user_id and m.team_id = app.team_id;
  insert into public.application_events (application_id, kind, by, digest)
    values (application, 'submitted', me, content_digest);
  return 'submitted';
end
$$;

-- Withdrawing, until the deadline, turns the application back into an editable draft.
-- Answers 'withdrawn', 'closed', 'not_submitted' or 'unknown'.
create function public.withdraw_application(application uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
begin
  select * into app from public.applications where id = application for update;
  if not found or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    return 'unknown';
  end if;
  if app.status <> 'submitted' then return 'not_submitted'; end if;
  if not (select private.applications_open(app.challenge_id)) then return 'closed'; end if;
  update public.applications
    set status = 'draft', submitted_at = null, submitted_by = null, digest = null, snapshot = null,
        version = version + 1, updated_at = now(), updated_by = me
    where id = application;
  delete from public.application_work_entries where application_id = application;
  insert into public.application_events (application_id, kind, by, digest)
    values (application, 'withdrawn', me, app.digest);
  return 'withdrawn';
end
$$;

revoke execute on function public.create_team(text, text, text[]) from public, anon;
revoke execute on function public.accept_team_invitation(text) from public, anon;
revoke execute on function public.team_experience(uuid) from public, anon;
revoke execute on function public.submit_application(uuid, int, jsonb, text) from public, anon;
revoke execute on function public.withdraw_application(uuid) from public, anon;
grant execute on function public.create_team(text, text, text[]) to authenticated;
grant execute on function public.accept_team_invitation(text) to authenticated;
grant execute on function public.team_experience(uuid) to authenticated;
grant execute on function public.submit_application(uuid, int, jsonb, text) to authenticated;
grant execute on function public.withdraw_application(uuid) to authenticated;
grant execute on function public.team_invitation_preview(text) to anon, authenticated;

-- Policies ----------------------------------------------------------------------------

create policy "teammates see each other's profiles" on public.profiles
  for select to authenticated using ((select private.shares_team(id)));

create policy "members see their teams; owners see teams that applied to them" on public.teams
  for select to authenticated
  using (id in (select private.my_team_ids()) or id in (select private.my_applicant_team_ids()));
create policy "the lead edits the team and hands the lead to a member" on public.teams
  for update to authenticated
  using (lead_id = (select auth.uid()))
  with check (exists (select 1 from public.team_members m where m.team_id = id and m.user_id = lead_id));

create policy "members see their teammates; owners see applicant teams" on public.team_members
  for select to authenticated
  using (team_id in (select private.my_team_ids()) or team_id in (select private.my_applicant_team_ids()));
create policy "the lead removes members; a member leaves; the lead stays" on public.team_members
  for delete to authenticated
  using (
    ((select private.is_team_lead(team_id)) or user_id = (select auth.uid()))
    and not exists (select 1 from public.teams t where t.id = team_id and t.lead_id = user_id)
  );

create policy "members see their team's invitations" on public.team_invitations
  for select to authenticated using (team_id in (select private.my_team_ids()));
create policy "the lead invites" on public.team_invitations
  for insert to authenticated
  with check ((select private.is_team_lead(team_id)) and invited_by = (select auth.uid()) and accepted_at is null);
create policy "the lead withdraws open invitations" on public.team_invitations
  for delete to authenticated using ((select private.is_team_lead(team_id)) and accepted_at is null);

create policy "people keep their own work history" on public.work_entries
  for all to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "owners read the work history submitted to them" on public.work_entries
  for select to authenticated
  using (id in (
    select entry_id from public.application_work_entries
    where application_id in (select private.my_screenable_application_ids())
  ));

create policy "members see their team's projects; owners those of applicant teams" on public.team_projects
  for select to authenticated
  using (team_id in (select private.my_team_ids()) or team_id in (select private.my_applicant_team_ids()));
create policy "members record their team's projects" on public.team_projects
  for insert to authenticated
  with check ((select private.is_team_member(team_id)) and created_by = (select auth.uid()));
create policy "members edit their team's projects" on public.team_projects
  for update to authenticated
  using ((select private.is_team_member(team_id))) with check ((select private.is_team_member(team_id)));
create policy "members remove their team's projects" on public.team_projects
  for delete to authenticated using ((select private.is_team_member(team_id)));

create function private.project_team(project uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select team_id from public.team_projects where id = project
$$;
revoke execute on function private.project_team(uuid) from public;
grant execute on function private.project_team(uuid) to authenticated;

create policy "who took part is seen with the project" on public.team_project_members
  for select to authenticated
  using (
    (select private.project_team(project_id)) in (select private.my_team_ids())
    or (select private.project_team(project_id)) in (select private.my_applicant_team_ids())
  );
create policy "members name teammates who took part" on public.team_project_members
  for insert to authenticated
  with check (
    (select private.is_team_member(private.project_team(project_id)))
    and exists (select 1 from public.team_members m
                where m.team_id = private.project_team(project_id)
                  and m.user_id = team_project_members.user_id)
  );
create policy "members correct who took part" on public.team_project_members
  for delete to authenticated using ((select private.is_team_member(private.project_team(project_id))));

create policy "teams see their applications; owners the submitted ones" on public.applications
  for select to authenticated
  using (team_id in (select private.my_team_ids()) or id in (select private.my_screenable_application_ids()));
create policy "members start a draft while applications are open" on public.applications
  for insert to authenticated
  with check (
    (select private.is_team_member(team_id)) and status = 'draft'
    and (select private.applications_open(challenge_id))
  );
create policy "members edit their draft" on public.applications
  for update to authenticated
  using ((select private.is_team_member(team_id)) and status = 'draft')
  with check ((select private.is_team_member(team_id)) and status = 'draft');
create policy "members discard their draft" on public.applications
  for delete to authenticated using ((select private.is_team_member(team_id)) and status = 'draft');

create policy "ideas are seen with their application" on public.application_ideas
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids()));
create policy "members write the ideas of their draft" on public.application_ideas
  for all to authenticated
  using ((select private.is_draft_of_my_team(application_id)))
  with check ((select private.is_draft_of_my_team(application_id)));

create policy "answers are seen with their application" on public.application_answers
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids()));
create policy "members answer for their draft" on public.application_answers
  for all to authenticated
  using ((select private.is_draft_of_my_team(application_id)))
  with check ((select private.is_draft_of_my_team(application_id)));

create policy "documents are seen with their application" on public.application_documents
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids()));
create policy "members attach documents to their draft" on public.application_documents
  for insert to authenticated
  with check ((select private.is_draft_of_my_team(application_id)) and uploaded_by = (select auth.uid()));
create policy "members remove documents from their draft" on public.application_documents
  for delete to authenticated using ((select private.is_draft_of_my_team(application_id)));

create policy "the attached work history is seen with its application" on public.application_work_entries
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids()));

create policy "the record of an application is seen with it" on public.application_events
  for select to authenticated
  using (application_id in (select private.my_application_ids())
         or application_id in (select private.my_screenable_application_ids()));

create policy "owners mark requirements; the team sees them once decided" on public.screening_marks
  for select to authenticated
  using ((select private.is_screenable(application_id))
         or (application_id in (select private.my_application_ids())
             and (select private.application_decided(application_id))));
create policy "owners mark requirements of submitted applications" on public.screening_marks
  for insert to authenticated
  with check ((select private.is_screenable(application_id)) and marked_by = (select auth.uid()));
create policy "owners correct their marks" on public.screening_marks
  for update to authenticated
  using ((select private.is_screenable(application_id)))
  with check ((select private.is_screenable(application_id)) and marked_by = (select auth.uid()));

create policy "owners and the team see the decision" on public.screening_decisions
  for select to authenticated
  using ((select private.is_screenable(application_id))
         or application_id in (select private.my_application_ids()));
create policy "owners decide on submitted applications" on public.screening_decisions
  for insert to authenticated
  with check ((select private.is_screenable(application_id)) and decided_by = (select auth.uid()));
create policy "owners revise a decision, in their own name" on public.screening_decisions
  for update to authenticated
  using ((select private.is_screenable(application_id)))
  with check ((select private.is_screenable(application_id)) and decided_by = (select auth.uid()));
