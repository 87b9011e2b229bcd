-- Issue 16: /organisations is a list visitors read, filtered and paged in SQL with a word
-- search (src/lib/server/list-sql.ts: public.search_fold on each row). Only `authenticated`
-- could execute public.search_fold, so the page answered every visitor with a 500. It is
-- pure (text in, folded text out, no table): a visitor may run it as the challenge search's
-- helpers already do (tests/integration/db-lint.ts, ANON_EXECUTABLE).
grant execute on function public.search_fold(text) to anon;
