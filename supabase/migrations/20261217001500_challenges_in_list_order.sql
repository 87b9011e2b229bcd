-- Issue 16 (every signed-in page): /manage reads an owner's challenges of their
-- organisations, counted by status and a page of 50 in list order (drafts first, then the
-- most recently changed: status, updated_at desc, id). With only an index on
-- organisation_id both statements read every challenge's row (1,008 for the bench's
-- owner) and the page sorted them all. An index in list order under the organisation lets
-- the counts come from the index alone and the page read its rows in order; with the
-- search words now left out of a statement without words (holdsWords), the count went
-- 0.45 → 0.13 ms and the page's ids 0.50 → 0.27 ms (pgbench, prepared, the bench
-- database). It starts with organisation_id, so it also serves what the index it replaces
-- served: the foreign key's cascades and the helpers' joins by organisation.

create index challenges_organisation_list_idx
  on public.challenges (organisation_id, status, updated_at desc, id);
drop index public.challenges_organisation_id_idx;
