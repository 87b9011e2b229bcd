-- Issue 14 with issue 12 (WCAG 3.1.2): a frozen copy of someone's text keeps the language
-- it was written in. A concept's lineage freezes an idea's title, a board note's text or
-- a cluster's name as its label (20261207000200_concept_functions.sql); the pages marked
-- every label with the concept team's language, also a note another person wrote in
-- another. Now:
--   board_notes.lang     the language of a note: its author's interface language when
--                        they wrote it (private.caller_locale(), as work_entries.lang);
--   board_clusters.lang  the same for a cluster's name, of whoever named it;
--   concept_links.lang   the language of the frozen label, taken from its source when
--                        linked (the application's for an idea, the note's, the
--                        cluster's) by the database, whoever inserts it;
-- the final tender's snapshot freezes each link's language with it, and the workshop's
-- summary mail each note's. No new table; no new right: notes' and clusters' readers read
-- the column with the row.

-- Board notes and clusters ------------------------------------------------------------------

alter table public.board_notes add column lang text check (lang in ('fi', 'sv', 'en'));
update public.board_notes n
  set lang = coalesce((select p.locale from public.profiles p where p.id = n.author_id), 'fi');
alter table public.board_notes alter column lang set not null,
  alter column lang set default private.caller_locale();
grant select (lang) on public.board_notes to authenticated;

-- A cluster has no author column: whoever made the op that added it (board_ops.seq).
alter table public.board_clusters add column lang text check (lang in ('fi', 'sv', 'en'));
update public.board_clusters k
  set lang = coalesce((select p.locale from public.board_ops o
                       join public.profiles p on p.id = o.actor_id
                       where o.board_id = k.board_id and o.seq = k.added_seq), 'fi');
alter table public.board_clusters alter column lang set not null,
  alter column lang set default private.caller_locale();

-- Lineage ------------------------------------------------------------------------------------

-- The language of what a link names, read from its source: the application's language
-- for one of its ideas, the note's, the cluster's; null when the source is gone.
create function private.concept_link_source_lang(kind text, application uuid, board uuid, element text)
returns text
language sql stable security definer set search_path = ''
as $$
  select case kind
    when 'idea' then (select a.lang from public.applications a where a.id = application)
    when 'board_note' then (select n.lang from public.board_notes n
                            where n.board_id = board and n.id::text = element)
    when 'board_cluster' then (select k.lang from public.board_clusters k
                               where k.board_id = board and k.id::text = element)
  end
$$;
revoke execute on function private.concept_link_source_lang(text, uuid, uuid, text) from public, anon, authenticated;

alter table public.concept_links add column lang text check (lang in ('fi', 'sv', 'en'));
update public.concept_links l
  set lang = coalesce(private.concept_link_source_lang(l.kind, l.application_id, l.board_id, l.element_id),
                      (select t.lang from public.concepts c join public.teams t on t.id = c.team_id
                       where c.id = l.concept_id), 'fi');
alter table public.concept_links alter column lang set not null;
comment on column public.concept_links.lang is
  'The language of the frozen label: its source''s (the application''s, the note''s, the cluster''s) when linked; set by the database.';

-- Every link gets its source's language when inserted, whatever the insert says (the
-- concept_link_* functions and the seeds alike); the team's language only when the
-- source cannot tell.
create function private.concept_link_lang() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.lang := coalesce(
    private.concept_link_source_lang(new.kind, new.application_id, new.board_id, new.element_id),
    new.lang,
    (select t.lang from public.concepts c join public.teams t on t.id = c.team_id
     where c.id = new.concept_id),
    'fi');
  return new;
end
$$;
revoke execute on function private.concept_link_lang() from public, anon, authenticated;
create trigger concept_links_lang before insert on public.concept_links
  for each row execute function private.concept_link_lang();

-- Redefined from 20261207000200_concept_functions.sql: each link also freezes its
-- language (`links[].lang`). Nothing else changed; tenders frozen before keep their
-- snapshot and digest (their links have no `lang`: the pages fall back to the team's).
create or replace function private.final_tender_snapshot(concept uuid, price bigint, submitted timestamptz, submitter uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'concept', c.id,
    'version', c.version,
    'challenge', jsonb_build_object('id', ch.id, 'slug', ch.slug),
    'deadline', private.iso_time(private.concepts_deadline(c.challenge_id)),
    'team', jsonb_build_object('id', t.id, 'name', t.name, 'lang', t.lang),
    'title', c.title,
    'summary', c.summary,
    'description', c.description,
    'plan', c.plan,
    'budget', c.budget,
    'priceCents', price,
    'links', coalesce((select jsonb_agg(jsonb_build_object(
                 'kind', l.kind, 'label', l.label, 'lang', l.lang, 'ideaPosition', l.idea_position,
                 'boardId', l.board_id, 'elementId', l.element_id)
               order by l.linked_at, l.id)
               from public.concept_links l where l.concept_id = c.id), '[]'),
    'attachments', coalesce((select jsonb_agg(jsonb_build_object(
                 'fileKey', a.file_key, 'fileName', a.file_name, 'size', a.size)
               order by a.created_at, a.id)
               from public.concept_attachments a where a.concept_id = c.id), '[]'),
    'submittedAt', private.iso_time(submitted),
    'submittedBy', submitter)
  from public.concepts c
  join public.challenges ch on ch.id = c.challenge_id
  join public.teams t on t.id = c.team_id
  where c.id = concept
$$;
revoke execute on function private.final_tender_snapshot(uuid, bigint, timestamptz, uuid) from public, anon, authenticated;

-- Workshop summary mail ------------------------------------------------------------------------

-- Redefined from 20261203000400_private_writing.sql (hidden notes left out): each note also carries its
-- language (`notes[].lang`), so the mail marks a note in another language than the
-- recipient's as it marks announcements. Nothing else changed.
create or replace function private.board_summary(board uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'team', t.name,
    'clusters', coalesce((select jsonb_agg(c.name order by c.added_seq, c.id)
                          from public.board_clusters c where c.board_id = b.id), '[]'::jsonb),
    'notes', coalesce((
      select jsonb_agg(jsonb_build_object('text', n.body, 'lang', n.lang, 'dots', n.dots, 'cluster', n.cluster)
                       order by n.dots desc, n.added_seq, n.id)
      from (
        select n.id, n.body, n.lang, n.added_seq, c.name as cluster,
          coalesce((select sum(v.dots) from public.board_votes v
                    where v.board_id = n.board_id and v.note_id = n.id), 0)::int as dots
        from public.board_notes n
        left join public.board_clusters c on c.board_id = n.board_id and c.id = n.cluster_id
        where n.board_id = b.id and not n.hidden
        order by dots desc, n.added_seq, n.id
        limit 200
      ) n), '[]'::jsonb))
  from public.boards b left join public.teams t on t.id = b.team_id
  where b.id = board
$$;
revoke execute on function private.board_summary(uuid) from public, anon, authenticated;
