-- Mail from the database's own state changes (issue 10: "all mail goes through an outbox
-- in the same transaction as the change that causes it"). Every change a signed-in user
-- can make through Supabase's Data API and that a person must be told about enqueues its
-- mail here, in SQL, with the recipients looked up in SQL, so the app's forms and a
-- direct call mail the same people the same way and there is one place per mail:
--
--   change (only writer)                                mail                 to
--   challenge_amendments insert (amend_challenge)       challenge_amendment  applicant teams, then other followers
--   challenge_questions answered (answer_question)      challenge_answer     followers
--   application_events 'submitted' (submit_application) receipt              the team
--   screening_decisions insert/update (record_screening) screening_result    the team
--   public.invite_to_team (new; the only way to invite) team_invitation      the invited address
--   workshop_teams insert (add_workshop_team)           workshop_invitation  the team's members new to the workshop
--   workshop_participants insert (facilitator)          workshop_invitation  the guest, unless already in it
--
-- The mails are enqueued by triggers on the record rows that only those functions (or,
-- for workshop guests, the facilitator's insert) write, so the functions themselves stay
-- as they were. A trigger mails only for a change made by a signed-in user
-- (auth.uid() set): the migrating role's own writes (test fixtures) mail no one.
-- Params are exactly what src/lib/server/mail/templates.ts renders (checked again by
-- the worker); not caused by the Data API, and so still enqueued by the app: sign-up
-- verification, sign-up for a taken address, password reset.
-- Not mailed, as before: publishing (nobody follows a draft), merging and removing
-- questions, withdrawing (a team member's own act, seen on the application),
-- workshop announcements (shown live in the workshop).

-- Shared params -------------------------------------------------------------------------

-- The challenge part of a mail's params: its title in every language, the language it
-- was written in, and its page.
create function private.mail_challenge(challenge uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('title', c.title, 'primaryLocale', c.primary_locale,
                            'path', '/challenges/' || c.slug)
  from public.challenges c where c.id = challenge
$$;

-- An instant as JavaScript's Date.toISOString() writes it.
create function private.iso_time(at timestamptz) returns text
language sql immutable set search_path = ''
as $$
  select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- The members of every team with a draft or a submitted application to the challenge.
create function private.applicant_user_ids(challenge uuid) returns uuid[]
language sql stable set search_path = ''
as $$
  select coalesce(array_agg(distinct m.user_id), '{}')
  from public.team_members m join public.applications a on a.team_id = m.team_id
  where a.challenge_id = challenge and a.status in ('draft', 'submitted')
$$;

create function private.follower_ids(challenge uuid) returns uuid[]
language sql stable set search_path = ''
as $$
  select coalesce(array_agg(f.user_id), '{}') from public.challenge_followers f
  where f.challenge_id = challenge
$$;

create function private.team_user_ids(team uuid) returns uuid[]
language sql stable set search_path = ''
as $$
  select coalesce(array_agg(m.user_id), '{}') from public.team_members m where m.team_id = team
$$;

revoke execute on function private.mail_challenge(uuid) from public, anon, authenticated;
revoke execute on function private.iso_time(timestamptz) from public, anon, authenticated;
revoke execute on function private.applicant_user_ids(uuid) from public, anon, authenticated;
revoke execute on function private.follower_ids(uuid) from public, anon, authenticated;
revoke execute on function private.team_user_ids(uuid) from public, anon, authenticated;

-- Amendments: bidders are told every change (issue 10, item 23) -------------------------

-- Members of a team with a draft or a submitted application are mailed in words for a
-- bidder; the other followers as followers; each person once.
create function private.mail_amendment() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  params jsonb := private.mail_challenge(new.challenge_id) || jsonb_build_object('reason', new.reason);
  applicants uuid[] := private.applicant_user_ids(new.challenge_id);
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.enqueue_mail('challenge_amendment', applicants,
    params || jsonb_build_object('applicant', true));
  perform private.enqueue_mail('challenge_amendment',
    array(select unnest(private.follower_ids(new.challenge_id)) except select unnest(applicants)),
    params);
  return null;
end
$$;
revoke execute on function private.mail_amendment() from public, anon, authenticated;
create trigger challenge_amendments_mail after insert on public.challenge_amendments
  for each row execute function private.mail_amendment();

-- Answers: the followers read the question and its answer (also a corrected answer) ---

create function private.mail_answer() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.enqueue_mail('challenge_answer', private.follower_ids(new.challenge_id),
    private.mail_challenge(new.challenge_id)
      || jsonb_build_object('question', new.body, 'answer', new.answer));
  return null;
end
$$;
revoke execute on function private.mail_answer() from public, anon, authenticated;
create trigger challenge_questions_mail_answer after update of answer, answered_at on public.challenge_questions
  for each row when (new.answer is not null and new.answered_at is distinct from old.answered_at)
  execute function private.mail_answer();

-- Receipts: every member of the team, with the time and digest on record --------------

create function private.mail_receipt() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.enqueue_mail('receipt', private.team_user_ids(a.team_id),
    private.mail_challenge(a.challenge_id) || jsonb_build_object(
      'team', t.name, 'submittedAt', private.iso_time(new.at), 'digest', new.digest,
      'path', '/applications/' || a.id))
  from public.applications a join public.teams t on t.id = a.team_id
  where a.id = new.application_id;
  return null;
end
$$;
revoke execute on function private.mail_receipt() from public, anon, authenticated;
create trigger application_events_mail_receipt after insert on public.application_events
  for each row when (new.kind = 'submitted') execute function private.mail_receipt();

-- Screening: the team hears the decision (and a revised one) ---------------------------

create function private.mail_screening() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.enqueue_mail('screening_result', private.team_user_ids(a.team_id),
    private.mail_challenge(a.challenge_id) || jsonb_build_object(
      'team', coalesce(a.snapshot -> 'team' ->> 'name', ''), 'eligible', new.eligible,
      'path', '/applications/' || a.id))
  from public.applications a where a.id = new.application_id;
  return null;
end
$$;
revoke execute on function private.mail_screening() from public, anon, authenticated;
create trigger screening_decisions_mail after insert or update on public.screening_decisions
  for each row execute function private.mail_screening();

-- Team invitations: only through invite_to_team, which makes the token and mails it ---

-- The lead of `team` invites `email` (a new invitation to the same address replaces an
-- open one). The link's token is made here and exists only in the mail; the table keeps
-- its SHA-256. The mail speaks the inviter's language (the invitee has none with us yet).
-- Counted against the inviter's 'invite' limit (TK429 over it). Answers 'invited',
-- 'already_member' or 'not_lead' (no such team, or the caller does not lead it); an
-- address that is not one raises 22023.
create function public.invite_to_team(team uuid, email text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  team_name text;
  inviter public.profiles;
  token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if me is null or not (select private.is_team_lead(team)) then return 'not_lead'; end if;
  select t.name into team_name from public.teams t where t.id = team;
  if not found then return 'not_lead'; end if;
  if address !~ '^[^@\s]+@[^@\s]+$' or char_length(address) > 254 then
    raise exception 'not an email address' using errcode = '22023';
  end if;
  if exists (select 1 from public.team_members m join public.profiles p on p.id = m.user_id
             where m.team_id = team and p.email = address) then
    return 'already_member';
  end if;
  perform private.enforce_limit('invite', me::text);
  delete from public.team_invitations i
    where i.team_id = team and i.email = address and i.accepted_at is null;
  insert into public.team_invitations (team_id, email, token_hash, invited_by)
    values (team, address, encode(pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8')), 'hex'), me);
  select * into inviter from public.profiles where id = me;
  perform private.enqueue_mail_to_address('team_invitation', address, '', inviter.locale,
    jsonb_build_object('team', team_name,
      'inviter', coalesce(nullif(inviter.display_name, ''), inviter.email),
      'path', '/invitations/' || token));
  return 'invited';
end
$$;
revoke execute on function public.invite_to_team(uuid, text) from public, anon;
grant execute on function public.invite_to_team(uuid, text) to authenticated;

-- An invitation inserted directly would mail no one (and its token would be the
-- inviter's): inserting is invite_to_team's alone.
drop policy "the lead invites" on public.team_invitations;
revoke insert on public.team_invitations from authenticated;

-- Workshop invitations: everyone put in a workshop, once --------------------------------

-- What, when, how long, on which boards (mode), who facilitates, and the link (rendered with a calendar
-- invitation at delivery).
create function private.mail_workshop(workshop uuid, users uuid[]) returns void
language sql set search_path = ''
as $$
  select private.enqueue_mail('workshop_invitation', users,
    private.mail_challenge(w.challenge_id) || jsonb_build_object(
      'workshopId', w.id, 'workshop', w.title, 'mode', w.mode, 'startsAt', private.iso_time(w.starts_at),
      'minutes', coalesce((select sum((p ->> 'minutes')::int) from jsonb_array_elements(w.agenda) p), 0),
      'facilitator', jsonb_build_object('name', coalesce(nullif(f.display_name, ''), f.email), 'email', f.email),
      'path', '/workshops/' || w.id))
  from public.workshops w join public.profiles f on f.id = w.facilitator_id
  where w.id = workshop and cardinality(users) > 0
$$;
revoke execute on function private.mail_workshop(uuid, uuid[]) from public, anon, authenticated;

-- A team put in a workshop: its members, but not those already in it as a guest or
-- through another of its teams.
create function private.mail_workshop_team() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.mail_workshop(new.workshop_id, array(
    select m.user_id from public.team_members m where m.team_id = new.team_id
    except select p.user_id from public.workshop_participants p where p.workshop_id = new.workshop_id
    except select o.user_id from public.workshop_teams t
      join public.team_members o on o.team_id = t.team_id
      where t.workshop_id = new.workshop_id and t.team_id <> new.team_id));
  return null;
end
$$;
revoke execute on function private.mail_workshop_team() from public, anon, authenticated;
create trigger workshop_teams_mail after insert on public.workshop_teams
  for each row execute function private.mail_workshop_team();

-- A guest put in a workshop, unless a member of one of its teams (mailed with the team).
create function private.mail_workshop_guest() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then return null; end if;
  perform private.mail_workshop(new.workshop_id, array(
    select new.user_id
    except select m.user_id from public.workshop_teams t
      join public.team_members m on m.team_id = t.team_id where t.workshop_id = new.workshop_id));
  return null;
end
$$;
revoke execute on function private.mail_workshop_guest() from public, anon, authenticated;
create trigger workshop_participants_mail after insert on public.workshop_participants
  for each row execute function private.mail_workshop_guest();
