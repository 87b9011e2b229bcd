-- Withdrawing a jury invitation (issue 13, found by trying it as a user): the chair could
-- appoint a juror by address but not take back an invitation sent to the wrong address or
-- to someone who is no longer needed; the link stayed valid for 14 days.
--
-- A withdrawal is on record like the rest of the jury: public.jury_withdraw_invitation
-- (the chair only, an open invitation only) copies the invitation to
-- jury_invitation_withdrawals — what was sent, to whom, by whom, and who withdrew it
-- when — and removes the jury_members row, so the address can be invited again later and
-- the roster, reminders and assignment never see it. The withdrawn link says so on the
-- invitation page (status 'withdrawn') instead of "not found", and accepting it answers
-- 'withdrawn'. Withdrawals are never changed or deleted (private.guard_jury_record).
-- An accepted juror is not removed this way: their declarations and scores are the record.

create table public.jury_invitation_withdrawals (
  id uuid primary key default gen_random_uuid(),
  challenge_id uuid not null references public.challenges (id) on delete cascade,
  stage text not null check (stage in ('shortlisting', 'selection')),
  email text not null check (email = lower(email) and char_length(email) between 3 and 254),
  -- The withdrawn link's hash, so the invitation page can say it was withdrawn.
  token_hash text check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  invited_at timestamptz not null,
  withdrawn_by uuid references auth.users (id) on delete set null default auth.uid(),
  withdrawn_at timestamptz not null default now()
);
comment on table public.jury_invitation_withdrawals is
  'Jury invitations the chair withdrew before they were accepted (public.jury_withdraw_invitation). Never changed or deleted.';
create index jury_invitation_withdrawals_challenge_idx
  on public.jury_invitation_withdrawals (challenge_id, stage);
create index jury_invitation_withdrawals_token_idx on public.jury_invitation_withdrawals (token_hash);
create index jury_invitation_withdrawals_invited_by_idx on public.jury_invitation_withdrawals (invited_by);
create index jury_invitation_withdrawals_withdrawn_by_idx on public.jury_invitation_withdrawals (withdrawn_by);

alter table public.jury_invitation_withdrawals enable row level security;
revoke all on public.jury_invitation_withdrawals from anon, authenticated;
-- Not the token's hash, as with jury_members.
grant select (id, challenge_id, stage, email, invited_by, invited_at, withdrawn_by, withdrawn_at)
  on public.jury_invitation_withdrawals to authenticated;

create policy "the challenge team sees the withdrawn jury invitations"
  on public.jury_invitation_withdrawals for select to authenticated
  using (challenge_id in (select private.my_decision_challenge_ids()));

create trigger jury_invitation_withdrawals_guard before update or delete
  on public.jury_invitation_withdrawals
  for each row execute function private.guard_jury_record();

-- Withdraws an open jury invitation (`juror`: its jury_members id): the chair of the
-- challenge's team or an owner of its organisation only (42501 jury_not_chair). Refuses an
-- unknown invitation (TK422 jury_unknown_juror) and one already accepted
-- (jury_invitation_accepted: an accepted juror's record stays). The link stops working at
-- once. Returns the withdrawn address.
create function public.jury_withdraw_invitation(juror uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.jury_members;
begin
  select * into inv from public.jury_members where id = juror for update;
  if not found then
    -- Who may not manage any jury learns nothing about the id.
    if (select auth.uid()) is null then
      raise exception 'jury_not_chair' using errcode = '42501', hint = 'jury_not_chair';
    end if;
    perform private.jury_refuse('jury_unknown_juror');
  end if;
  perform private.jury_require_chair(inv.challenge_id);
  if inv.accepted_at is not null then perform private.jury_refuse('jury_invitation_accepted'); end if;
  insert into public.jury_invitation_withdrawals
      (challenge_id, stage, email, token_hash, invited_by, invited_at, withdrawn_by)
    values (inv.challenge_id, inv.stage, inv.email, inv.token_hash, inv.invited_by, inv.invited_at,
      (select auth.uid()));
  delete from public.jury_members where id = inv.id;
  return inv.email;
end
$$;
revoke execute on function public.jury_withdraw_invitation(uuid) from public, anon;
grant execute on function public.jury_withdraw_invitation(uuid) to authenticated;

-- Redefined from 20261205000100_jury.sql: a withdrawn link answers 'withdrawn'.
create or replace function public.jury_invitation_preview(token text)
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
  union all
  (select c.title, c.primary_locale, w.stage, w.email,
     coalesce(nullif(p.display_name, ''), p.email, ''), 'withdrawn'
   from public.jury_invitation_withdrawals w
   join public.challenges c on c.id = w.challenge_id
   left join public.profiles p on p.id = w.invited_by
   where w.token_hash = token
     and not exists (select 1 from public.jury_members j where j.token_hash = token)
   order by w.withdrawn_at desc
   limit 1)
$$;

-- Redefined from 20261205000100_jury.sql: a withdrawn link answers 'withdrawn'.
create or replace function public.jury_accept_invitation(token text) returns text
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
  if not found then
    if exists (select 1 from public.jury_invitation_withdrawals w where w.token_hash = token) then
      return 'withdrawn';
    end if;
    return 'unknown';
  end if;
  if inv.accepted_at is not null then return 'used'; end if;
  if inv.expires_at <= now() then return 'expired'; end if;
  select lower(u.email) into my_email from auth.users u where u.id = me;
  if my_email is distinct from inv.email then return 'wrong_account'; end if;
  update public.jury_members set user_id = me, accepted_at = now()
    where id = inv.id;
  return 'accepted';
end
$$;
