-- Issue 12, admin: the accessibility statement promises an answer to feedback within 14
-- days (Act 306/2019), but feedback had no workflow. Each item now has a status (new,
-- in progress, answered, closed), a handler (a platform admin), the reply mailed to the
-- sender through the outbox in the language they wrote in, and a reminder mailed to the
-- handler (or, without one, every platform admin) before the 14 days pass. Every change
-- goes through a security definer function for platform admins; the columns stay
-- unwritable to the API roles (20261130000300_record_guards.sql).
alter table public.accessibility_feedback
  add column status text not null default 'new'
    check (status in ('new', 'in_progress', 'answered', 'closed')),
  add column handler_id uuid references auth.users (id) on delete set null,
  add column reply text check (reply is null or char_length(reply) between 1 and 5000),
  add column replied_at timestamptz,
  add column replied_by uuid references auth.users (id) on delete set null,
  add column updated_at timestamptz,
  add column updated_by uuid references auth.users (id) on delete set null,
  add column reminded_at timestamptz,
  add check ((reply is null) = (replied_at is null));
create index accessibility_feedback_handler_id_idx on public.accessibility_feedback (handler_id);
create index accessibility_feedback_replied_by_idx on public.accessibility_feedback (replied_by);
create index accessibility_feedback_updated_by_idx on public.accessibility_feedback (updated_by);
create index accessibility_feedback_open_idx on public.accessibility_feedback (created_at)
  where status in ('new', 'in_progress');

-- The days the statement promises; the reminder goes this many days before they pass.
create function private.feedback_answer_days() returns int
language sql immutable set search_path = '' as $$ select 14 $$;
create function private.feedback_reminder_days() returns int
language sql immutable set search_path = '' as $$ select 3 $$;
revoke execute on function private.feedback_answer_days() from public, anon, authenticated;
revoke execute on function private.feedback_reminder_days() from public, anon, authenticated;

-- Sets the status and the handler (a platform admin, or null for nobody). Answers 'saved',
-- 'unknown' (no such feedback), 'not_admin' (the handler is not a platform admin) or
-- 'forbidden' (the caller is not a platform admin with a second factor).
create function public.update_accessibility_feedback(feedback uuid, status text, handler uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select private.is_platform_admin()) then return 'forbidden'; end if;
  if status is null or status not in ('new', 'in_progress', 'answered', 'closed') then
    raise exception 'unknown status' using errcode = '22023';
  end if;
  if handler is not null
     and not exists (select 1 from public.platform_admins a where a.user_id = handler) then
    return 'not_admin';
  end if;
  update public.accessibility_feedback f set
    status = update_accessibility_feedback.status, handler_id = handler,
    updated_at = now(), updated_by = (select auth.uid())
    where f.id = feedback;
  if not found then return 'unknown'; end if;
  return 'saved';
end
$$;
revoke execute on function public.update_accessibility_feedback(uuid, text, uuid) from public, anon;
grant execute on function public.update_accessibility_feedback(uuid, text, uuid) to authenticated;

-- Replies to the sender: their contact address, else their account's. The mail goes
-- through the outbox in the language the feedback was written in; the item becomes
-- 'answered', and the replier its handler unless it has one. Answers 'sent', 'no_address'
-- (an anonymous sender without a contact address: nothing is stored), 'unknown' or
-- 'forbidden'; refuses an empty or over-long reply (22023).
create function public.reply_to_accessibility_feedback(feedback uuid, reply text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  item public.accessibility_feedback;
  address text;
  body text := btrim(coalesce(reply, ''));
begin
  if not (select private.is_platform_admin()) then return 'forbidden'; end if;
  if char_length(body) not between 1 and 5000 then
    raise exception 'a reply is 1 to 5000 characters' using errcode = '22023';
  end if;
  select * into item from public.accessibility_feedback f where f.id = feedback for update;
  if not found then return 'unknown'; end if;
  address := coalesce(nullif(btrim(item.contact_email), ''),
    (select p.email from public.profiles p where p.id = item.user_id));
  if address is null then return 'no_address'; end if;
  update public.accessibility_feedback f set
    reply = body, replied_at = now(), replied_by = me, status = 'answered',
    handler_id = coalesce(f.handler_id, me), updated_at = now(), updated_by = me
    where f.id = feedback;
  perform private.enqueue_mail_to_address('accessibility_feedback_reply', address, '', item.locale,
    jsonb_build_object('reply', body, 'message', left(item.message, 500),
      'sentAt', item.created_at));
  return 'sent';
end
$$;
revoke execute on function public.reply_to_accessibility_feedback(uuid, text) from public, anon;
grant execute on function public.reply_to_accessibility_feedback(uuid, text) to authenticated;

-- The scheduled check (the app's mail worker process calls it, src/lib/server/mail/
-- reminders.ts): every open item (new or in progress) within feedback_reminder_days of its
-- 14 days, not yet reminded of, is mailed to its handler, or to every platform admin
-- without one, and marked reminded in the same transaction. Returns how many items were
-- reminded of. Private: for the server's own connection only.
create function private.remind_accessibility_feedback() returns integer
language plpgsql volatile set search_path = ''
as $$
declare
  item record;
  n integer := 0;
begin
  for item in
    select f.id, f.created_at, f.handler_id, f.page, left(f.message, 300) as excerpt
    from public.accessibility_feedback f
    where f.status in ('new', 'in_progress') and f.reminded_at is null
      and f.created_at + make_interval(days => private.feedback_answer_days()
                                              - private.feedback_reminder_days()) <= now()
    order by f.created_at
    for update skip locked
  loop
    perform private.enqueue_mail('accessibility_feedback_reminder',
      case when item.handler_id is not null then array[item.handler_id]
           else array(select a.user_id from public.platform_admins a) end,
      jsonb_build_object('id', item.id, 'page', item.page, 'message', item.excerpt,
        'dueAt', item.created_at + make_interval(days => private.feedback_answer_days())));
    update public.accessibility_feedback set reminded_at = now() where id = item.id;
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke execute on function private.remind_accessibility_feedback() from public, anon, authenticated;

-- Who may handle feedback, for the admin page's choice: every platform admin, by name.
-- Platform admins only (others get nothing); platform_admins itself shows each person only
-- their own row.
create function public.feedback_handlers()
returns table (user_id uuid, name text)
language sql stable security definer set search_path = ''
as $$
  select a.user_id, coalesce(nullif(p.display_name, ''), p.email, '')
  from public.platform_admins a left join public.profiles p on p.id = a.user_id
  where (select private.is_platform_admin())
  order by 2
$$;
revoke execute on function public.feedback_handlers() from public, anon;
grant execute on function public.feedback_handlers() to authenticated;
