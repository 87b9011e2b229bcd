-- A new challenge's slug no longer tells anyone that a hidden draft exists (issue 11,
-- item 2, the residue): private.free_challenge_slug made a slug free among every
-- challenge, so a Helsinki owner titling a challenge like an Aalto draft got "x-2", and
-- learned that something they cannot see holds "x".
--
-- Only a published challenge's slug is public, so only published slugs must be unique:
-- a draft keeps the slug of its title whatever other drafts have, and the slug is made
-- free among published challenges, which everyone can see, when the draft is published
-- (x, else x-2 …). What a creator sees of slugs now follows only from what is public.
-- On a page address shared by a published challenge and drafts, the published one is
-- shown (src/lib/server/challenges/detail.ts).

alter table public.challenges drop constraint challenges_slug_key;
-- Same name, so a leftover violation is still recognised (src/lib/server/http/conflict.ts).
create unique index challenges_slug_key on public.challenges (slug) where status = 'published';
-- Pages look challenges up by slug, drafts included.
create index challenges_slug_idx on public.challenges (slug);

-- Gives a challenge that is published (inserted so, or a draft turning published, or a
-- published one's slug changed) the slug it asks for or, when another published
-- challenge has it, the next free one: slug-2, slug-3 … Drafts keep theirs. Publications
-- take slugs one at a time (the advisory lock is held until commit), so two at once with
-- one slug get "x" and "x-2", never a unique violation.
create or replace function private.free_challenge_slug() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  base text := new.slug;
  candidate text := new.slug;
  n int := 1;
begin
  if new.status <> 'published' then return new; end if;
  if tg_op = 'UPDATE' and old.status = 'published' and old.slug = new.slug then return new; end if;
  perform pg_advisory_xact_lock(hashtext('public.challenges.slug'));
  while exists (select 1 from public.challenges c
                where c.slug = candidate and c.status = 'published' and c.id <> new.id) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  new.slug := candidate;
  return new;
end
$$;
revoke execute on function private.free_challenge_slug() from public, anon, authenticated;
drop trigger challenges_free_slug on public.challenges;
create trigger challenges_free_slug before insert or update of slug, status on public.challenges
  for each row execute function private.free_challenge_slug();
