-- Tokens the database makes have the app's one form (src/lib/domain/route-params.ts,
-- TOKEN_PATTERN; src/lib/server/auth/tokens.ts): 32 characters of lower-case base32,
-- 160 random bits. invite_to_team made 64 hex digits, which the route's matcher
-- refuses, so every invitation link answered 404.

-- 32 base32 characters, each from the low five bits of one random byte: the bytes of
-- three v4 UUIDs without the two (6 and 8 of each) that carry version and variant bits.
create function private.new_token() returns text
language sql volatile set search_path = ''
as $$
  select string_agg(c, '' order by i) from (
    select i, substr('abcdefghijklmnopqrstuvwxyz234567', (get_byte(r.b, i) & 31) + 1, 1) as c
    from (select uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
                 || uuid_send(gen_random_uuid()) as b) r,
         generate_series(0, 47) i
    where i % 16 not in (6, 8)
    order by i
    limit 32
  ) s
$$;
revoke execute on function private.new_token() from public;

create or replace function public.invite_to_team(team uuid, email text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  address text := lower(btrim(coalesce(email, '')));
  team_name text;
  inviter public.profiles;
  token text := private.new_token();
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
