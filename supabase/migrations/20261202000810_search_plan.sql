-- The challenge search (src/lib/server/challenges/list.ts) served from its indexes.
--
-- /challenges?q= matches `search_words @@ prefix query OR search_folded %> query`. Both
-- sides have a GIN index, yet every search read the whole table (0.4-0.5 s at 5,000
-- challenges), for two reasons.
--
-- 1. Row-level security. Visitors and signed-in people search as anon/authenticated, so
--    the table's policies apply, and Postgres uses a condition as an index condition
--    under RLS only when its operator is leakproof: `@@` and `%>` are not (and only a
--    superuser could mark them so, which Supabase does not allow). The search therefore
--    finds the matching ids in public.matching_challenge_ids, a definer function that
--    reads published challenges only (what every visitor may read anyway), where both
--    indexes serve it; the list query joins those ids by primary key, under RLS as before.
--
-- 2. Pending GIN entries. GIN's fast update keeps new entries in a pending list
-- that every index scan reads in full and that only VACUUM merges, so after a batch of
-- new challenges (a seed, an import, a busy publishing day before autovacuum ran) both
-- index scans were costed at the whole pending list, and the planner chose a sequential
-- scan that detoasts every body's words and computes trigrams of every row: 0.48 s at
-- 5,000 challenges, against 18 ms through the indexes. Challenges are written rarely and
-- read on every search, so their text indexes take each entry at once (fastupdate off),
-- and what is pending now is merged here. tests/integration/search-plan.test.ts holds the
-- plan at 5,000 challenges.
alter index public.challenges_search_words_idx set (fastupdate = off);
alter index public.challenges_search_folded_idx set (fastupdate = off);
select pg_catalog.gin_clean_pending_list('public.challenges_search_words_idx'::regclass),
       pg_catalog.gin_clean_pending_list('public.challenges_search_folded_idx'::regclass);

-- The published challenges whose words start with the stems of `words` (a prefix
-- tsquery, src/lib/domain/search.ts prefixQuery) or whose folded title and summary are
-- close by trigrams to `folded` (pg_trgm %>, at the transaction's
-- pg_trgm.word_similarity_threshold). Ids only, of published challenges only: nothing a
-- visitor could not read through the list. Empty `words`: none (the caller lists all).
create function public.matching_challenge_ids(words text, folded text)
returns setof uuid
language sql stable security definer set search_path = ''
rows 20
as $$
  select c.id from public.challenges c
  where words <> '' and c.status = 'published'
    and (c.search_words @@ pg_catalog.to_tsquery('simple', words)
         or c.search_folded operator(extensions.%>) folded)
$$;
revoke execute on function public.matching_challenge_ids(text, text) from public;
grant execute on function public.matching_challenge_ids(text, text) to anon, authenticated;

-- The first search column (Finnish, Swedish and English stemmers) has been unread since
-- search_words replaced it (20261201000500_nordic_text.sql), yet every write of a
-- challenge still computed it and its index.
drop index public.challenges_search_idx;
alter table public.challenges drop column search;
