-- An announcement carries the language it was written in, so that a reader whose page is
-- in another language gets it marked with `lang` (WCAG 3.1.2). Announcements said before
-- this have no recorded language (null) and claim none.
alter table public.workshop_announcements
  add column lang text check (lang in ('fi', 'sv', 'en'));
comment on column public.workshop_announcements.lang is
  'The language the facilitator wrote the announcement in (fi, sv, en); null when not recorded.';

-- The facilitator tells everybody in the workshop something, at the database's time, in
-- their own name and language, until the workshop ends. Refused (42501) for anyone else or
-- after the end. Body copied from 20261130000300_record_guards.sql, with `lang` added (a
-- third argument with a default, so two-argument calls keep working).
drop function public.announce_to_workshop(uuid, text);
create function public.announce_to_workshop(workshop uuid, body text, lang text default null)
returns table (id uuid, at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  perform 1 from public.workshops w
    where w.id = workshop and w.facilitator_id = me and w.status <> 'ended' for key share;
  if me is null or not found then
    raise exception 'permission denied: only the facilitator announces, until the workshop ends'
      using errcode = '42501';
  end if;
  return query
    insert into public.workshop_announcements as a (workshop_id, body, at, by, lang)
      values (workshop, announce_to_workshop.body, now(), me, announce_to_workshop.lang)
      returning a.id, a.at;
end
$$;
revoke execute on function public.announce_to_workshop(uuid, text, text) from public, anon;
grant execute on function public.announce_to_workshop(uuid, text, text) to authenticated;
