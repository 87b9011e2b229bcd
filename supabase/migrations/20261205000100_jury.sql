-- The jury (issue 13, "Jury and decisions"), database layer: jurors appointed by email
-- invitation, declarations of conflict of interest, who scores what, scores with a
-- justification per criterion, their revisions in the consensus step, and comments.
-- Decisions and publication come later.
--
-- The record rules of 20261130000300_record_guards.sql and 20261130000800_audit_columns.sql
-- hold here too: no table grants anon anything, authenticated only SELECT (through
-- one policy per table), every state change is a security definer function below that
-- checks the caller, and the times and authors are set by the database.
--
-- The scored ITEM is a reference (item_kind, application_id): at shortlisting the jury
-- scores an application (its frozen snapshot); at selection it will score a concept or
-- final tender, which the next issue builds: it adds its kind to the item_kind check and
-- a nullable foreign key column beside application_id, and the check "exactly the column
-- of its kind is set" grows by one line. Functions take (item_kind, item id) for the same
-- reason; private.jury_item resolves either to its challenge and stage.
--
-- A JUROR is a row of jury_members: one person on one stage of one challenge. Everything
-- a juror does references that row, so a person on both juries of a challenge is two jurors.
--
-- Refusals: SQLSTATE TK422 with the reason code as message and hint (jury_score_above_max,
-- jury_conflicted, …), or 42501 with hint jury_not_chair / jury_not_juror; the app maps
-- the hint to words (4xx). A refusal aborts the call: nothing is changed.
--
-- Score rules: src/lib/domain/jury/scores.ts (validateScore): points from 0 to the
-- criterion's maximum on the stage's step, compared in whole hundredths; a justification
-- of at most 4000 characters after trimming, required to submit. private.jury_score_issue
-- is the same rule, and tests/integration/jury.test.ts feeds both the same cases.

-- Tables ---------------------------------------------------------------------------------

-- One row per evaluated stage of a challenge that has a jury: its score step and
-- the chair's consensus step (opening it also reveals every juror's submitted scores to
-- the stage's other jurors).
create table public.jury_stages (
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  stage text not null check (stage in ('shortlisting', 'selection')),
  score_step numeric(6, 2) not null default 0.5 check (score_step > 0),
  jurors_per_item int check (jurors_per_item between 1 and 100),
  created_at timestamptz not null default now(),
  consensus_opened_at timestamptz,
  consensus_opened_by uuid references auth.users (id) on delete set null,
  primary key (challenge_id, stage)
);
comment on column public.jury_stages.jurors_per_item is
  'k jurors per item when the chair chose so (the assignment was computed by assignJurors in src/lib/domain/jury/assignment.ts); null: every juror scores every item.';
create index jury_stages_consensus_opened_by_idx on public.jury_stages (consensus_opened_by);

-- Jurors, invited by address: only the SHA-256 of the mailed token is kept, and only a
-- signed-in user with the invited address accepts (as team and organisation invitations).
create table public.jury_members (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null,
  stage text not null,
  email text not null check (email = lower(email) and char_length(email) between 3 and 254),
  token_hash text unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  invited_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  user_id uuid references auth.users (id) on delete cascade,
  accepted_at timestamptz,
  foreign key (challenge_id, stage) references public.jury_stages (challenge_id, stage) on delete cascade,
  unique (challenge_id, stage, email),
  unique (challenge_id, stage, user_id),
  check ((user_id is null) = (accepted_at is null))
);
create index jury_members_user_id_idx on public.jury_members (user_id);
create index jury_members_invited_by_idx on public.jury_members (invited_by);

-- A juror's declaration per item: a conflict of interest, or none. Both are on record
-- with their time; a declared conflict is never withdrawn.
create table public.jury_conflicts (
  id uuid primary key default gen_random_uuid(),
  juror_id uuid not null references public.jury_members (id) on delete cascade,
  item_kind text not null default 'application' check (item_kind in ('application')),
  application_id uuid references public.applications (id) on delete cascade,
  conflict boolean not null,
  declared_at timestamptz not null default now(),
  check ((item_kind = 'application') = (application_id is not null)),
  unique (juror_id, application_id)
);
create index jury_conflicts_application_id_idx on public.jury_conflicts (application_id);

-- Who scores what: every juror every item, or k per item; either way computed by
-- assignJurors (TypeScript) and stored through public.jury_assign, which refuses a
-- conflicted pair.
create table public.jury_assignments (
  id uuid primary key default gen_random_uuid(),
  juror_id uuid not null references public.jury_members (id) on delete cascade,
  item_kind text not null default 'application' check (item_kind in ('application')),
  application_id uuid references public.applications (id) on delete cascade,
  assigned_at timestamptz not null default now(),
  check ((item_kind = 'application') = (application_id is not null)),
  unique (juror_id, application_id)
);
create index jury_assignments_application_id_idx on public.jury_assignments (application_id);

-- One juror's points and justification for one criterion of one item. A draft changes
-- freely (public.jury_save_scores); a submitted score is locked: it changes only through
-- a revision in the consensus step (public.jury_revise_score), which the trigger below
-- holds even for the definer functions. The criterion is referenced without cascade:
-- criteria that scores rest on are not replaced.
create table public.jury_scores (
  id uuid primary key default gen_random_uuid(),
  juror_id uuid not null references public.jury_members (id) on delete cascade,
  item_kind text not null default 'application' check (item_kind in ('application')),
  application_id uuid references public.applications (id) on delete cascade,
  criterion_id uuid not null references public.challenge_criteria (id),
  points numeric(7, 2) check (points >= 0),
  justification text not null default '' check (char_length(justification) <= 4000),
  state text not null default 'draft' check (state in ('draft', 'submitted')),
  saved_at timestamptz not null default now(),
  submitted_at timestamptz,
  check ((item_kind = 'application') = (application_id is not null)),
  check ((state = 'submitted') = (submitted_at is not null)),
  check (state = 'draft' or (points is not null and justification <> '')),
  unique (juror_id, application_id, criterion_id)
);
create index jury_scores_application_id_idx on public.jury_scores (application_id);
create index jury_scores_criterion_id_idx on public.jury_scores (criterion_id);

-- Every change of a submitted score: old and new value, the reason, who and when.
create table public.jury_score_revisions (
  id uuid primary key default gen_random_uuid(),
  score_id uuid not null references public.jury_scores (id) on delete cascade,
  old_points numeric(7, 2) not null,
  new_points numeric(7, 2) not null,
  old_justification text not null,
  new_justification text not null,
  reason text not null check (char_length(reason) between 1 and 2000),
  revised_at timestamptz not null default now(),
  revised_by uuid references auth.users (id) on delete set null default auth.uid()
);
create index jury_score_revisions_score_id_idx on public.jury_score_revisions (score_id, revised_at);
create index jury_score_revisions_revised_by_idx on public.jury_score_revisions (revised_by);

-- The consensus step's discussion of an item.
create table public.jury_comments (
  id uuid primary key default gen_random_uuid(),
  juror_id uuid not null references public.jury_members (id) on delete cascade,
  item_kind text not null default 'application' check (item_kind in ('application')),
  application_id uuid references public.applications (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  check ((item_kind = 'application') = (application_id is not null))
);
create index jury_comments_juror_id_idx on public.jury_comments (juror_id);
create index jury_comments_application_id_idx on public.jury_comments (application_id, created_at);

alter table public.jury_stages enable row level security;
alter table public.jury_members enable row level security;
alter table public.jury_conflicts enable row level security;
alter table public.jury_assignments enable row level security;
alter table public.jury_scores enable row level security;
alter table public.jury_score_revisions enable row level security;
alter table public.jury_comments enable row level security;

-- Read only: every write is a definer function below.
revoke all on public.jury_stages, public.jury_members, public.jury_conflicts,
  public.jury_assignments, public.jury_scores, public.jury_score_revisions, public.jury_comments
  from anon, authenticated;
grant select on public.jury_stages, public.jury_conflicts,
  public.jury_assignments, public.jury_scores, public.jury_score_revisions, public.jury_comments
  to authenticated;
-- Not the token's hash: the team sees its open invitations, never what accepts them.
grant select (id, challenge_id, stage, email, invited_by, invited_at, expires_at, user_id, accepted_at)
  on public.jury_members to authenticated;

-- Helpers ----------------------------------------------------------------------------------

-- Refuses with a reason code (SQLSTATE TK422; the app answers 4xx with its words).
create function private.jury_refuse(code text) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  raise exception '%', code using errcode = 'TK422', hint = code;
end
$$;
revoke execute on function private.jury_refuse(text) from public, anon, authenticated;

-- The challenge and stage an item belongs to, refusing an unknown item
-- (jury_unknown_item): an application is scored at shortlisting.
create function private.jury_item(kind text, item uuid, out challenge_id uuid, out stage text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if kind = 'application' then
    select a.challenge_id, 'shortlisting' into challenge_id, stage
      from public.applications a where a.id = item and a.status = 'submitted';
  end if;
  if challenge_id is null then perform private.jury_refuse('jury_unknown_item'); end if;
end
$$;
revoke execute on function private.jury_item(text, uuid) from public, anon, authenticated;

-- The items a stage scores: at shortlisting the submitted applications that screening
-- found eligible.
create function private.jury_stage_items(challenge uuid, stage_ text)
returns table (item_kind text, item_id uuid)
language sql stable security definer set search_path = ''
as $$
  select 'application', a.id from public.applications a
  join public.screening_decisions d on d.application_id = a.id and d.eligible
  where stage_ = 'shortlisting' and a.challenge_id = challenge and a.status = 'submitted'
$$;
revoke execute on function private.jury_stage_items(uuid, text) from public, anon, authenticated;

-- The caller's jurors (accepted jury_members rows).
create function private.my_juror_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from public.jury_members where user_id = (select auth.uid()) and accepted_at is not null
$$;

-- Items the caller may open as a juror: assigned, declared free of conflict, and unsealed.
-- A juror who declared a conflict (or has not declared) never gets the item this way.
create function private.my_jury_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.application_id from public.jury_assignments s
  join public.jury_members j on j.id = s.juror_id
  join public.applications a on a.id = s.application_id and a.status = 'submitted'
  where j.user_id = (select auth.uid()) and j.accepted_at is not null
    and exists (select 1 from public.jury_conflicts c
                where c.juror_id = s.juror_id and c.application_id = s.application_id and not c.conflict)
    and private.applications_unsealed(a.challenge_id)
$$;

-- Whether a juror has submitted every score they owe: each criterion of the stage on
-- each item assigned to them and free of conflict.
create function private.jury_done(juror uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select not exists (
    select 1 from public.jury_members j
    join public.jury_assignments s on s.juror_id = j.id
    join public.challenge_criteria k on k.challenge_id = j.challenge_id and k.stage = j.stage
    where j.id = juror
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = j.id and c.application_id = s.application_id and c.conflict)
      and not exists (select 1 from public.jury_scores x
                      where x.juror_id = j.id and x.application_id = s.application_id
                        and x.criterion_id = k.id and x.state = 'submitted')
  )
$$;

-- Submitted scores the caller may read beyond their own: the challenge team reads every
-- submitted score; a juror reads the other jurors' submitted scores on the items they
-- may open, once they have submitted all of their own or the chair opened the consensus
-- step.
create function private.my_visible_jury_score_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select x.id from public.jury_scores x
  join public.jury_members j on j.id = x.juror_id
  where x.state = 'submitted' and j.challenge_id in (select private.my_team_challenge_ids())
  union
  select x.id from public.jury_scores x
  join public.jury_members me on me.user_id = (select auth.uid()) and me.accepted_at is not null
  join public.jury_members j on j.id = x.juror_id
    and j.challenge_id = me.challenge_id and j.stage = me.stage
  join public.jury_stages g on g.challenge_id = me.challenge_id and g.stage = me.stage
  where x.state = 'submitted'
    and x.application_id in (select private.my_jury_application_ids())
    and (g.consensus_opened_at is not null or private.jury_done(me.id))
$$;

-- Jury stages the caller reads: the challenge team's, and a juror's own.
create function private.my_jury_stage_challenge_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select private.my_team_challenge_ids()
  union
  select challenge_id from public.jury_members where user_id = (select auth.uid()) and accepted_at is not null
$$;

-- Items whose consensus discussion the caller reads: the team's challenges' items and,
-- once the consensus step is open, a juror's own items.
create function private.my_jury_discussion_application_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.applications a
  where a.challenge_id in (select private.my_team_challenge_ids())
  union
  select i.id from private.my_jury_application_ids() i(id)
  join public.applications a on a.id = i.id
  join public.jury_stages g on g.challenge_id = a.challenge_id and g.stage = 'shortlisting'
  where g.consensus_opened_at is not null
$$;

revoke execute on function private.my_juror_ids(), private.my_jury_application_ids(),
  private.jury_done(uuid), private.my_visible_jury_score_ids(),
  private.my_jury_stage_challenge_ids(), private.my_jury_discussion_application_ids()
  from public, anon;
grant execute on function private.my_juror_ids(), private.my_jury_application_ids(),
  private.jury_done(uuid), private.my_visible_jury_score_ids(),
  private.my_jury_stage_challenge_ids(), private.my_jury_discussion_application_ids()
  to authenticated;

-- The caller's accepted juror on a stage, refusing anyone else (42501 jury_not_juror).
create function private.my_juror(challenge uuid, stage_ text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  juror uuid;
begin
  select id into juror from public.jury_members
    where challenge_id = challenge and stage = stage_ and user_id = (select auth.uid())
      and accepted_at is not null;
  if juror is null then
    raise exception 'jury_not_juror' using errcode = '42501', hint = 'jury_not_juror';
  end if;
  return juror;
end
$$;
revoke execute on function private.my_juror(uuid, text) from public, anon, authenticated;

-- Refuses a caller who does not manage the challenge's team (its chair or an owner of
-- its organisation): 42501 jury_not_chair.
create function private.jury_require_chair(challenge uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not (select private.manages_challenge_team(challenge)) then
    raise exception 'jury_not_chair' using errcode = '42501', hint = 'jury_not_chair';
  end if;
end
$$;
revoke execute on function private.jury_require_chair(uuid) from public, anon, authenticated;

-- Trims like JavaScript's String.prototype.trim (the characters private.is_blank knows).
create function private.jury_trim(t text) returns text
language sql immutable set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(t, ''),
    E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF')
$$;
revoke execute on function private.jury_trim(text) from public, anon, authenticated;

-- The first reason one criterion's score is refused, or null when it stands: the rule of
-- validateScore (src/lib/domain/jury/scores.ts) in the same order — score_missing,
-- score_negative, score_above_max, score_off_step (points and step compared in whole
-- hundredths, so 7.5 is on a 0.5 step and 7.3 or 7.501 is not), then
-- justification_missing and justification_too_long (4000 characters after trimming).
-- With `final` false (a draft) missing points and a blank justification are allowed.
-- Codes are validateScore's with the prefix 'jury_'.
create function private.jury_score_problem(
  points numeric, max_points int, step numeric, justification text, final boolean
) returns text
language sql immutable set search_path = ''
as $$
  select coalesce(
    case
      when points is null then case when final then 'jury_score_missing' end
      when points < 0 then 'jury_score_negative'
      when points > max_points then 'jury_score_above_max'
      when points * 100 <> trunc(points * 100)
        or trunc(points * 100) % trunc(step * 100) <> 0 then 'jury_score_off_step'
    end,
    case
      when final and private.is_blank(justification) then 'jury_justification_missing'
      when char_length(private.jury_trim(justification)) > 4000 then 'jury_justification_too_long'
    end)
$$;
revoke execute on function private.jury_score_problem(numeric, int, numeric, text, boolean)
  from public, anon, authenticated;

-- Record guards ----------------------------------------------------------------------------

-- A submitted score is locked: it is never deleted, never set back to a draft, and its
-- points or justification change only together with a revision row written in the same
-- transaction (public.jury_revise_score). Holds for the definer functions too.
create function private.guard_jury_score() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    -- A cascade (the challenge, application or account deleted) takes the scores along.
    if old.state = 'submitted' and pg_catalog.pg_trigger_depth() = 1 then
      raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
    end if;
    return old;
  end if;
  if new.juror_id <> old.juror_id or new.application_id is distinct from old.application_id
     or new.criterion_id <> old.criterion_id or new.item_kind <> old.item_kind then
    raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
  end if;
  if old.state = 'submitted' then
    if new.state <> 'submitted' or new.submitted_at <> old.submitted_at
       or ((new.points, new.justification) is distinct from (old.points, old.justification)
           and not exists (
             select 1 from public.jury_score_revisions r
             where r.score_id = old.id and r.revised_at = now()
               and r.old_points = old.points and r.new_points = new.points
               and r.old_justification = old.justification
               and r.new_justification = new.justification)) then
      raise exception 'jury_score_locked' using errcode = '42501', hint = 'jury_score_locked';
    end if;
  end if;
  new.saved_at := now();
  return new;
end
$$;
revoke execute on function private.guard_jury_score() from public, anon, authenticated;
create trigger jury_scores_guard before update or delete on public.jury_scores
  for each row execute function private.guard_jury_score();

-- Revisions and declarations of conflict are the record: never rewritten, never deleted
-- (a declaration of none may become a conflict, through public.jury_declare_conflicts).
create function private.guard_jury_record() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then return old; end if;
  if tg_table_name = 'jury_conflicts' and tg_op = 'UPDATE'
     and not old.conflict and new.conflict
     and (new.juror_id, new.application_id) = (old.juror_id, old.application_id) then
    return new;
  end if;
  raise exception 'jury_record_locked' using errcode = '42501', hint = 'jury_record_locked';
end
$$;
revoke execute on function private.guard_jury_record() from public, anon, authenticated;
create trigger jury_score_revisions_guard before update or delete on public.jury_score_revisions
  for each row execute function private.guard_jury_record();
create trigger jury_conflicts_guard before update or delete on public.jury_conflicts
  for each row execute function private.guard_jury_record();

-- The challenge a juror sits on (for the policies of rows keyed by juror).
create function private.jury_member_challenge(juror uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select challenge_id from public.jury_members where id = juror
$$;

-- Scores whose revisions the caller reads: their own and those they may read.
create function private.my_jury_score_ids_with_revisions() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select x.id from public.jury_scores x where x.juror_id in (select private.my_juror_ids())
  union
  select private.my_visible_jury_score_ids()
$$;
revoke execute on function private.jury_member_challenge(uuid),
  private.my_jury_score_ids_with_revisions() from public, anon;
grant execute on function private.jury_member_challenge(uuid),
  private.my_jury_score_ids_with_revisions() to authenticated;

-- Criteria that submitted or draft scores rest on are not deleted (an amendment
-- replacing the criteria after scoring began is refused in words: TK422
-- jury_criteria_scored). A cascade (the challenge deleted) is let through. Named to fire
-- after challenge_criteria_guard_write (triggers fire in name order), so a direct write
-- is refused as before.
create function private.guard_scored_criterion() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if pg_catalog.pg_trigger_depth() = 1
     and exists (select 1 from public.jury_scores x where x.criterion_id = old.id) then
    raise exception 'jury_criteria_scored' using errcode = 'TK422', hint = 'jury_criteria_scored';
  end if;
  return old;
end
$$;
revoke execute on function private.guard_scored_criterion() from public, anon, authenticated;
create trigger challenge_criteria_keep_scored before delete on public.challenge_criteria
  for each row execute function private.guard_scored_criterion();

-- Policies (one per table: select; no writes) -------------------------------------------------

create policy "the challenge team and its jurors see the jury stage" on public.jury_stages
  for select to authenticated
  using (challenge_id in (select private.my_jury_stage_challenge_ids()));

create policy "the challenge team sees its jurors; a juror their own row" on public.jury_members
  for select to authenticated
  using (user_id = (select auth.uid()) or challenge_id in (select private.my_team_challenge_ids()));

create policy "jurors see their declarations; the challenge team all" on public.jury_conflicts
  for select to authenticated
  using (juror_id in (select private.my_juror_ids())
         or (select private.jury_member_challenge(juror_id)) in (select private.my_team_challenge_ids()));

create policy "jurors see their assignments; the challenge team all" on public.jury_assignments
  for select to authenticated
  using (juror_id in (select private.my_juror_ids())
         or (select private.jury_member_challenge(juror_id)) in (select private.my_team_challenge_ids()));

create policy "jurors see their own scores; others' once revealed; the team submitted ones"
  on public.jury_scores
  for select to authenticated
  using (juror_id in (select private.my_juror_ids()) or id in (select private.my_visible_jury_score_ids()));

create policy "revisions are seen with their score" on public.jury_score_revisions
  for select to authenticated
  using (score_id in (select private.my_jury_score_ids_with_revisions()));

create policy "the consensus discussion is seen by the team and the item's jurors" on public.jury_comments
  for select to authenticated
  using (application_id in (select private.my_jury_discussion_application_ids()));

-- A juror opens the applications they score (the frozen snapshot is on the row); one
-- select policy on applications, so the old one is replaced with the jury path or-ed in.
-- A juror who declared a conflict, or is not assigned the item, gets nothing this way.
drop policy "teams see their applications; owners the submitted ones" on public.applications;
create policy "teams see their applications; owners the submitted ones; jurors theirs"
  on public.applications
  for select to authenticated
  using (team_id in (select private.my_team_ids())
         or id in (select private.my_screenable_application_ids())
         or id in (select private.my_jury_application_ids()));

-- State changes ------------------------------------------------------------------------------

-- Appoints a juror for an evaluated stage by email: the chair of the challenge's team (or
-- an owner of its organisation) only (42501 jury_not_chair). Answers 'invited' (a new
-- invitation, or a fresh link replacing an open one) or 'already_juror' (accepted).
-- Refuses a stage that is not evaluated (TK422 jury_unknown_stage), a malformed address
-- (jury_bad_email) and more invitations than the 'invite' limit (TK429). The mail
-- (template jury_invitation) carries the token; only its SHA-256 is kept.
create function public.jury_invite(challenge uuid, stage text, email text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  c public.challenges;
  inviter public.profiles;
  invitee_locale text;
  existing public.jury_members;
  token text := private.new_token();
  hash text;
begin
  perform private.jury_require_chair(challenge);
  if stage is null or stage not in ('shortlisting', 'selection') then
    perform private.jury_refuse('jury_unknown_stage');
  end if;
  if address !~ '^[^@\s]+@[^@\s]+$' or char_length(address) > 254 then
    perform private.jury_refuse('jury_bad_email');
  end if;
  select * into c from public.challenges where id = challenge for update;
  perform private.enforce_limit('invite', me::text);
  insert into public.jury_stages (challenge_id, stage) values (challenge, stage) on conflict do nothing;
  select * into existing from public.jury_members m
    where m.challenge_id = challenge and m.stage = jury_invite.stage and m.email = address;
  if existing.accepted_at is not null then return 'already_juror'; end if;
  hash := encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex');
  if existing.id is null then
    insert into public.jury_members (challenge_id, stage, email, token_hash, invited_by)
      values (challenge, stage, address, hash, me);
  else
    update public.jury_members set token_hash = hash, invited_by = me, invited_at = now(),
      expires_at = now() + interval '14 days'
      where id = existing.id;
  end if;
  select * into inviter from public.profiles where id = me;
  select p.locale into invitee_locale from public.profiles p where p.email = address;
  perform private.enqueue_mail_to_address('jury_invitation', address, '',
    coalesce(invitee_locale, inviter.locale),
    jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale, 'stage', stage,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/jury/invitations/' || token));
  return 'invited';
end
$$;

-- Accepts a jury invitation (`token`: the SHA-256 of the mailed token, as the app sends
-- it) as the signed-in user; only the invited address may. Answers 'accepted',
-- 'wrong_account', 'expired', 'used' or 'unknown'; 42501 when not signed in.
create function public.jury_accept_invitation(token text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  inv public.jury_members;
begin
  if me is null then
    raise exception 'sign in to accept' using errcode = '42501';
  end if;
  select * into inv from public.jury_members where token_hash = token for update;
  if not found then return 'unknown'; end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  select lower(u.email) into my_email from auth.users u where u.id = me;
  if my_email is distinct from inv.email then return 'wrong_account'; end if;
  update public.jury_members set user_id = me, accepted_at = now()
    where id = inv.id;
  return 'accepted';
end
$$;

-- Sets a stage's score step (points; a positive whole number of hundredths, at most the
-- 0–1000 scale: TK422 jury_bad_step). The chair only; refused once a score of the stage
-- has been saved (jury_scoring_started), since it would move scores off the step.
create function public.jury_configure(challenge uuid, stage text, score_step numeric) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.jury_require_chair(challenge);
  if stage is null or stage not in ('shortlisting', 'selection') then
    perform private.jury_refuse('jury_unknown_stage');
  end if;
  if score_step is null or score_step <= 0 or score_step > 1000
     or score_step * 100 <> trunc(score_step * 100) then
    perform private.jury_refuse('jury_bad_step');
  end if;
  insert into public.jury_stages (challenge_id, stage) values (challenge, stage) on conflict do nothing;
  perform 1 from public.jury_stages g
    where g.challenge_id = challenge and g.stage = jury_configure.stage for update;
  if exists (select 1 from public.jury_scores x join public.jury_members j on j.id = x.juror_id
             where j.challenge_id = challenge and j.stage = jury_configure.stage) then
    perform private.jury_refuse('jury_scoring_started');
  end if;
  update public.jury_stages g set score_step = jury_configure.score_step
    where g.challenge_id = challenge and g.stage = jury_configure.stage;
end
$$;

-- A juror declares, per item of their stage, a conflict of interest or none:
-- `declarations` is [{itemKind, item, conflict}]. Only an accepted juror of the stage
-- (42501 jury_not_juror); every item must be one the stage scores (TK422
-- jury_unknown_item); a declared conflict is final (jury_conflict_final). Declaring none
-- again keeps the first time; a conflict declared over a none is recorded with its time.
-- Returns how many declarations were recorded or changed.
create function public.jury_declare_conflicts(challenge uuid, stage text, declarations jsonb)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  juror uuid := private.my_juror(challenge, stage);
  d record;
  prior boolean;
  n int := 0;
begin
  if jsonb_typeof(declarations) is distinct from 'array' then
    perform private.jury_refuse('jury_bad_input');
  end if;
  for d in select coalesce(x ->> 'itemKind', 'application') as kind, (x ->> 'item')::uuid as item,
                  (x ->> 'conflict')::boolean as conflict
           from jsonb_array_elements(declarations) x loop
    if d.conflict is null or not exists (
      select 1 from private.jury_stage_items(challenge, stage) i
      where i.item_kind = d.kind and i.item_id = d.item) then
      perform private.jury_refuse('jury_unknown_item');
    end if;
    select c.conflict into prior from public.jury_conflicts c
      where c.juror_id = juror and c.application_id = d.item for update;
    if prior is null then
      insert into public.jury_conflicts (juror_id, item_kind, application_id, conflict)
        values (juror, d.kind, d.item, d.conflict);
      n := n + 1;
    elsif prior and not d.conflict then
      perform private.jury_refuse('jury_conflict_final');
    elsif not prior and d.conflict then
      update public.jury_conflicts set conflict = true, declared_at = now()
        where juror_id = juror and application_id = d.item;
      n := n + 1;
    end if;
  end loop;
  return n;
end
$$;

-- Stores who scores what on a stage: `pairs` is [{juror, itemKind, item}] as assignJurors
-- (src/lib/domain/jury/assignment.ts) computed it — every juror every item, or k per item
-- (`per_item`, kept on the stage; null for every juror). The chair only. Replaces the
-- stage's assignment: pairs not named are removed, unless the juror saved a score on the
-- item (TK422 jury_assignment_has_scores). Refuses a juror who is not an accepted juror
-- of the stage (jury_unknown_juror), an item the stage does not score (jury_unknown_item)
-- and a pair the juror declared a conflict on (jury_conflicted_pair). Returns the number
-- of pairs.
create function public.jury_assign(challenge uuid, stage text, pairs jsonb, per_item int default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p record;
  n int := 0;
  jurors uuid[];
  items uuid[];
begin
  perform private.jury_require_chair(challenge);
  if jsonb_typeof(pairs) is distinct from 'array' then perform private.jury_refuse('jury_bad_input'); end if;
  if per_item is not null and (per_item < 1 or per_item > 100) then
    perform private.jury_refuse('jury_bad_input');
  end if;
  update public.jury_stages g set jurors_per_item = per_item
    where g.challenge_id = challenge and g.stage = jury_assign.stage;
  if not found then perform private.jury_refuse('jury_unknown_stage'); end if;
  select coalesce(array_agg((x ->> 'juror')::uuid), '{}'), coalesce(array_agg((x ->> 'item')::uuid), '{}')
    into jurors, items from jsonb_array_elements(pairs) x;
  for p in select distinct (x ->> 'juror')::uuid as juror, coalesce(x ->> 'itemKind', 'application') as kind,
                  (x ->> 'item')::uuid as item
           from jsonb_array_elements(pairs) x loop
    if not exists (select 1 from public.jury_members j where j.id = p.juror and j.challenge_id = challenge
                   and j.stage = jury_assign.stage and j.accepted_at is not null) then
      perform private.jury_refuse('jury_unknown_juror');
    end if;
    if not exists (select 1 from private.jury_stage_items(challenge, stage) i
                   where i.item_kind = p.kind and i.item_id = p.item) then
      perform private.jury_refuse('jury_unknown_item');
    end if;
    if exists (select 1 from public.jury_conflicts c
               where c.juror_id = p.juror and c.application_id = p.item and c.conflict) then
      perform private.jury_refuse('jury_conflicted_pair');
    end if;
    insert into public.jury_assignments (juror_id, item_kind, application_id)
      values (p.juror, p.kind, p.item) on conflict do nothing;
    n := n + 1;
  end loop;
  if exists (
    select 1 from public.jury_assignments s join public.jury_members j on j.id = s.juror_id
    where j.challenge_id = challenge and j.stage = jury_assign.stage
      and not exists (select 1 from unnest(jurors, items) x(juror, item)
                      where x.juror = s.juror_id and x.item = s.application_id)
      and exists (select 1 from public.jury_scores sc
                  where sc.juror_id = s.juror_id and sc.application_id = s.application_id)) then
    perform private.jury_refuse('jury_assignment_has_scores');
  end if;
  delete from public.jury_assignments s using public.jury_members j
    where j.id = s.juror_id and j.challenge_id = challenge and j.stage = jury_assign.stage
      and not exists (select 1 from unnest(jurors, items) x(juror, item)
                      where x.juror = s.juror_id and x.item = s.application_id);
  return n;
end
$$;

-- The caller's juror on an item they may score, refusing: an unknown item (TK422
-- jury_unknown_item), someone not a juror of its stage (42501 jury_not_juror), a declared
-- conflict (jury_conflicted), an item not assigned (jury_not_assigned), no declaration yet
-- (jury_not_declared), or an item not yet unsealed (jury_not_assigned).
create function private.jury_scoring_juror(item_kind text, item uuid,
  out juror uuid, out challenge uuid, out stage text, out step numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  declared boolean;
begin
  select i.challenge_id, i.stage into challenge, stage from private.jury_item(item_kind, item) i;
  juror := private.my_juror(challenge, stage);
  select c.conflict into declared from public.jury_conflicts c
    where c.juror_id = juror and c.application_id = item;
  if declared then perform private.jury_refuse('jury_conflicted'); end if;
  if not exists (select 1 from public.jury_assignments s where s.juror_id = juror and s.application_id = item)
     or item not in (select private.my_jury_application_ids()) and declared is not null then
    perform private.jury_refuse('jury_not_assigned');
  end if;
  if declared is null then perform private.jury_refuse('jury_not_declared'); end if;
  select g.score_step into step from public.jury_stages g
    where g.challenge_id = challenge and g.stage = jury_scoring_juror.stage;
end
$$;

-- Saves the caller's draft scores on an item: `scores` is [{criterion, points,
-- justification}] (points may be null and the justification blank in a draft; points
-- given must stand: TK422 jury_score_negative, jury_score_above_max, jury_score_off_step,
-- jury_justification_too_long). Refuses what private.jury_scoring_juror refuses, a
-- criterion not of the stage (jury_unknown_criterion) and a score already submitted
-- (jury_already_submitted). Returns the number of scores saved.
create function public.jury_save_scores(item_kind text, item uuid, scores jsonb) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  s record;
  problem text;
  n int := 0;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if jsonb_typeof(scores) is distinct from 'array' then perform private.jury_refuse('jury_bad_input'); end if;
  for s in select (x ->> 'criterion')::uuid as criterion,
                  case when jsonb_typeof(x -> 'points') = 'number' then (x ->> 'points')::numeric end as points,
                  jsonb_typeof(x -> 'points') as points_type,
                  coalesce(x ->> 'justification', '') as justification
           from jsonb_array_elements(scores) x loop
    if s.points_type not in ('number', 'null') and s.points_type is not null then
      perform private.jury_refuse('jury_score_missing');
    end if;
    select private.jury_score_problem(s.points, k.max_points, who.step, s.justification, false)
      into problem
      from public.challenge_criteria k
      where k.id = s.criterion and k.challenge_id = who.challenge and k.stage = who.stage;
    if not found then perform private.jury_refuse('jury_unknown_criterion'); end if;
    if problem is not null then perform private.jury_refuse(problem); end if;
    if exists (select 1 from public.jury_scores x where x.juror_id = who.juror
               and x.application_id = item and x.criterion_id = s.criterion and x.state = 'submitted') then
      perform private.jury_refuse('jury_already_submitted');
    end if;
    insert into public.jury_scores (juror_id, item_kind, application_id, criterion_id, points, justification)
      values (who.juror, item_kind, item, s.criterion, s.points, private.jury_trim(s.justification))
      on conflict (juror_id, application_id, criterion_id) do update
        set points = excluded.points, justification = excluded.justification;
    n := n + 1;
  end loop;
  return n;
end
$$;

-- Submits the caller's scores on an item, after saving `scores` as jury_save_scores does
-- when given. Every criterion of the stage needs points and a justification that stand
-- (TK422 jury_score_missing, jury_justification_missing, …; the first problem of the
-- first criterion in order); refuses a second submission (jury_already_submitted) and
-- what jury_save_scores refuses. Locks the scores. Returns the number submitted.
create function public.jury_submit_scores(item_kind text, item uuid, scores jsonb default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  problem text;
  n int;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if exists (select 1 from public.jury_scores x
             where x.juror_id = who.juror and x.application_id = item and x.state = 'submitted') then
    perform private.jury_refuse('jury_already_submitted');
  end if;
  if scores is not null then perform public.jury_save_scores(item_kind, item, scores); end if;
  select private.jury_score_problem(x.points, k.max_points, who.step, x.justification, true)
    into problem
    from public.challenge_criteria k
    left join public.jury_scores x on x.criterion_id = k.id and x.juror_id = who.juror
      and x.application_id = item
    where k.challenge_id = who.challenge and k.stage = who.stage
      and private.jury_score_problem(x.points, k.max_points, who.step, x.justification, true) is not null
    order by k.position, k.id
    limit 1;
  if problem is not null then perform private.jury_refuse(problem); end if;
  update public.jury_scores x set state = 'submitted', submitted_at = now()
    from public.challenge_criteria k
    where x.juror_id = who.juror and x.application_id = item and k.id = x.criterion_id
      and k.challenge_id = who.challenge and k.stage = who.stage;
  get diagnostics n = row_count;
  if n = 0 then perform private.jury_refuse('jury_score_missing'); end if;
  return n;
end
$$;

-- Opens a stage's consensus step: the chair only (42501 jury_not_chair); a stage without a
-- jury is refused (TK422 jury_unknown_stage), an open one too (jury_consensus_open). From
-- now on jurors read each other's submitted scores on their items, discuss them
-- (jury_comment) and may revise their own (jury_revise_score).
create function public.jury_open_consensus(challenge uuid, stage text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  opened timestamptz;
begin
  perform private.jury_require_chair(challenge);
  select g.consensus_opened_at into opened from public.jury_stages g
    where g.challenge_id = challenge and g.stage = jury_open_consensus.stage for update;
  if not found then perform private.jury_refuse('jury_unknown_stage'); end if;
  if opened is not null then perform private.jury_refuse('jury_consensus_open'); end if;
  update public.jury_stages g set consensus_opened_at = now(), consensus_opened_by = (select auth.uid())
    where g.challenge_id = challenge and g.stage = jury_open_consensus.stage;
end
$$;

-- Revises one of the caller's submitted scores in the consensus step, keeping the old
-- value, the new one, the reason and the time (jury_score_revisions). Refuses: a score
-- not the caller's (42501 jury_not_juror), a draft (TK422 jury_not_submitted; a draft is
-- saved with jury_save_scores), a closed consensus step (jury_consensus_not_open), a
-- blank or too long reason (jury_reason_missing, jury_reason_too_long), the new score as
-- jury_submit_scores would, and what private.jury_scoring_juror refuses (a conflict
-- declared since). Returns the revision's id.
create function public.jury_revise_score(score uuid, points numeric, justification text, reason text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  x public.jury_scores;
  who record;
  max_points int;
  problem text;
  why text := private.jury_trim(reason);
  revision uuid;
begin
  select * into x from public.jury_scores s
    where s.id = score and s.juror_id in (select private.my_juror_ids()) for update;
  if not found then
    raise exception 'jury_not_juror' using errcode = '42501', hint = 'jury_not_juror';
  end if;
  select * into who from private.jury_scoring_juror(x.item_kind, x.application_id);
  if x.state <> 'submitted' then perform private.jury_refuse('jury_not_submitted'); end if;
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if why = '' then perform private.jury_refuse('jury_reason_missing'); end if;
  if char_length(why) > 2000 then perform private.jury_refuse('jury_reason_too_long'); end if;
  select k.max_points into max_points from public.challenge_criteria k where k.id = x.criterion_id;
  problem := private.jury_score_problem(points, max_points, who.step, justification, true);
  if problem is not null then perform private.jury_refuse(problem); end if;
  insert into public.jury_score_revisions
      (score_id, old_points, new_points, old_justification, new_justification, reason, revised_by)
    values (x.id, x.points, points, x.justification, private.jury_trim(justification), why,
      (select auth.uid()))
    returning id into revision;
  update public.jury_scores s set points = jury_revise_score.points,
      justification = private.jury_trim(jury_revise_score.justification)
    where s.id = x.id;
  return revision;
end
$$;

-- Comments on an item in the consensus step, as a juror who may score it (what
-- private.jury_scoring_juror refuses) while the step is open (TK422
-- jury_consensus_not_open); a blank or too long body is refused (jury_comment_blank,
-- jury_comment_too_long). Returns the comment's id.
create function public.jury_comment(item_kind text, item uuid, body text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  text_ text := private.jury_trim(body);
  id_ uuid;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if text_ = '' then perform private.jury_refuse('jury_comment_blank'); end if;
  if char_length(text_) > 4000 then perform private.jury_refuse('jury_comment_too_long'); end if;
  insert into public.jury_comments (juror_id, item_kind, application_id, body)
    values (who.juror, item_kind, item, text_)
    returning id into id_;
  return id_;
end
$$;

-- What a juror sees before opening any item, to declare conflicts: each item of the
-- stage with its team's name and its members' organisations (from their work history),
-- and the caller's declaration so far. Accepted jurors of the stage only (42501).
create function public.jury_conflict_candidates(challenge uuid, stage text)
returns table (item_kind text, item uuid, team_name text, organisations text[], conflict boolean,
  declared_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  juror uuid := private.my_juror(challenge, stage);
begin
  return query
    select i.item_kind, i.item_id, t.name,
      coalesce((select array_agg(distinct w.organisation order by w.organisation)
                from public.team_members m join public.work_entries w on w.user_id = m.user_id
                where m.team_id = t.id and w.organisation <> ''), '{}'),
      c.conflict, c.declared_at
    from private.jury_stage_items(challenge, stage) i
    join public.applications a on a.id = i.item_id
    join public.teams t on t.id = a.team_id
    left join public.jury_conflicts c on c.juror_id = juror and c.application_id = i.item_id
    order by t.name, i.item_id;
end
$$;

-- What the invitation page shows before the person signs in: the token (its hash) is
-- the secret. The challenge's title and language, the stage, the invited address, who
-- invited, and 'open', 'accepted' or 'expired'; nothing for an unknown token.
create function public.jury_invitation_preview(token text)
returns table (title jsonb, primary_locale text, stage text, invited_email text,
  inviter_name text, status text)
language sql stable security definer set search_path = ''
as $$
  select c.title, c.primary_locale, j.stage, j.email,
    coalesce(nullif(p.display_name, ''), p.email, ''),
    case when j.accepted_at is not null then 'accepted'
         when j.expires_at <= now() then 'expired'
         else 'open' end
  from public.jury_members j
  join public.challenges c on c.id = j.challenge_id
  left join public.profiles p on p.id = j.invited_by
  where j.token_hash = token
$$;
revoke execute on function public.jury_invitation_preview(text) from public;
grant execute on function public.jury_invitation_preview(text) to anon, authenticated;

revoke execute on function public.jury_invite(uuid, text, text), public.jury_accept_invitation(text),
  public.jury_configure(uuid, text, numeric), public.jury_declare_conflicts(uuid, text, jsonb),
  public.jury_assign(uuid, text, jsonb, int), public.jury_save_scores(text, uuid, jsonb),
  public.jury_submit_scores(text, uuid, jsonb), public.jury_open_consensus(uuid, text),
  public.jury_revise_score(uuid, numeric, text, text), public.jury_comment(text, uuid, text),
  public.jury_conflict_candidates(uuid, text),
  private.jury_scoring_juror(text, uuid)
  from public, anon;
revoke execute on function private.jury_scoring_juror(text, uuid) from authenticated;
grant execute on function public.jury_invite(uuid, text, text), public.jury_accept_invitation(text),
  public.jury_configure(uuid, text, numeric), public.jury_declare_conflicts(uuid, text, jsonb),
  public.jury_assign(uuid, text, jsonb, int), public.jury_save_scores(text, uuid, jsonb),
  public.jury_submit_scores(text, uuid, jsonb), public.jury_open_consensus(uuid, text),
  public.jury_revise_score(uuid, numeric, text, text), public.jury_comment(text, uuid, text),
  public.jury_conflict_candidates(uuid, text)
  to authenticated;
