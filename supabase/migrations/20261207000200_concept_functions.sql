-- Concepts and final tenders (issue 14, "Concepts"), the writes: every change to the
-- foundation's tables (20261207000100_concepts.sql) is one of the security definer
-- functions below, which check the caller and write who and when themselves.
--
--  * A team whose application the current shortlisting decision chose starts its concept
--    (public.concept_start); one per application.
--  * public.concept_save is the autosave of the application draft: it saves only over the
--    version the editor read (else concept_conflict, nothing written) and appends the new
--    version to concept_versions, which is never changed.
--  * Lineage: public.concept_link_idea links one of the team's own preliminary ideas
--    (application_ideas of the shortlisted application); public.concept_link_board a note
--    or cluster of a board of a workshop of this challenge that the caller can see (hidden
--    notes only their author). The label is frozen at linking: the idea's title, the
--    note's text, the cluster's name. public.concept_unlink removes a link.
--  * Attachments: public.concept_attach records a file the app checked and stored (the
--    key must be the caller's own upload, private.claim_stored_object);
--    public.concept_detach removes one and answers its key.
--  * public.submit_final_tender freezes the concept as it stands at `expected_version`,
--    with its links, attachments and price, into a snapshot, and its SHA-256 (the
--    application's public.snapshot_digest), in one transaction; mails the receipt to the
--    team in the team's language. public.withdraw_final_tender withdraws it; both only
--    before the end of the timetable's 'concepts' stage by the database's clock.
--
-- Refusals: SQLSTATE TK422 with the reason code as message and hint (concept_…); the app
-- maps each to a status and words (src/lib/server/http/concept-refusals.ts). A refusal
-- aborts the call: nothing is changed. The content rules are src/lib/domain/concept.ts
-- (the same limits and codes).

-- Helpers ----------------------------------------------------------------------------------

create function private.concept_refuse(code text) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  raise exception '%', code using errcode = 'TK422', hint = code;
end
$$;
revoke execute on function private.concept_refuse(text) from public, anon, authenticated;

-- Whether the current (published, not replaced) shortlisting decision chose the application.
create function private.application_shortlisted(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications a
    join public.decision_items i on i.application_id = a.id and i.chosen
    where a.id = application
      and i.decision_id = private.current_decision(a.challenge_id, 'shortlisting')
  )
$$;
revoke execute on function private.application_shortlisted(uuid) from public, anon;
grant execute on function private.application_shortlisted(uuid) to authenticated;

-- The end of the challenge's 'concepts' stage (the final tenders' deadline), or null.
create function private.concepts_deadline(challenge uuid) returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select ends_at from public.challenge_stages where challenge_id = challenge and stage = 'concepts'
$$;
revoke execute on function private.concepts_deadline(uuid) from public, anon;
grant execute on function private.concepts_deadline(uuid) to authenticated;

-- Whether concepts are still open: the 'concepts' stage has an end and it is ahead, by
-- the database's clock.
create function private.concepts_open(challenge uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(private.concepts_deadline(challenge) > now(), false)
$$;
revoke execute on function private.concepts_open(uuid) from public, anon;
grant execute on function private.concepts_open(uuid) to authenticated;

-- The concept locked for a change by a member of its team while concepts are open:
-- refuses concept_unknown (not there, or not the caller's team's: the same answer) and
-- concept_closed (the deadline has passed).
create function private.concept_for_change(concept uuid) returns public.concepts
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
begin
  select * into c from public.concepts where id = concept for update;
  if not found or (select auth.uid()) is null
     or not exists (select 1 from public.team_members m
                    where m.team_id = c.team_id and m.user_id = (select auth.uid())) then
    perform private.concept_refuse('concept_unknown');
  end if;
  if not private.concepts_open(c.challenge_id) then
    perform private.concept_refuse('concept_closed');
  end if;
  return c;
end
$$;
revoke execute on function private.concept_for_change(uuid) from public, anon, authenticated;

-- Starting ---------------------------------------------------------------------------------

-- Starts the concept of the caller's team for its shortlisted application, or answers
-- the one it has. Refuses concept_unknown (not the caller's team's application),
-- concept_not_shortlisted (the current shortlisting decision did not choose it) and
-- concept_closed (the concepts deadline has passed, or none is set).
create function public.concept_start(application uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
  id_ uuid;
begin
  select * into app from public.applications where id = application;
  if not found or me is null or not exists (
    select 1 from public.team_members where team_id = app.team_id and user_id = me
  ) then
    perform private.concept_refuse('concept_unknown');
  end if;
  select id into id_ from public.concepts where application_id = application;
  if id_ is not null then return id_; end if;
  if not private.application_shortlisted(application) then
    perform private.concept_refuse('concept_not_shortlisted');
  end if;
  if not private.concepts_open(app.challenge_id) then
    perform private.concept_refuse('concept_closed');
  end if;
  insert into public.concepts (challenge_id, team_id, application_id, updated_by)
    values (app.challenge_id, app.team_id, application, me)
    on conflict (application_id) do nothing
    returning id into id_;
  if id_ is null then
    select id into id_ from public.concepts where application_id = application;
  end if;
  return id_;
end
$$;
revoke execute on function public.concept_start(uuid) from public, anon;
grant execute on function public.concept_start(uuid) to authenticated;

-- Saving -------------------------------------------------------------------------------------

-- Saves the concept's content over `expected_version` and appends it as the next version.
-- `content` is {title, summary, description, plan, budget: [{item, cents}]}; limits as
-- CONCEPT_LIMITS in src/lib/domain/concept.ts. Refuses concept_unknown, concept_closed,
-- concept_conflict (someone saved since: nothing is overwritten), concept_bad_input (not
-- that shape), concept_text_too_long, concept_budget_item_blank,
-- concept_budget_cents_invalid, concept_budget_too_long. Answers the new version.
create function public.concept_save(concept uuid, expected_version int, content jsonb)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.concepts;
  budget_ jsonb;
  row_ jsonb;
  t text;
  s text;
  d text;
  p text;
begin
  c := private.concept_for_change(concept);
  if expected_version is null or c.version <> expected_version then
    perform private.concept_refuse('concept_conflict');
  end if;
  if jsonb_typeof(content) is distinct from 'object'
     or exists (select 1 from jsonb_object_keys(content) k
                where k not in ('title', 'summary', 'description', 'plan', 'budget')) then
    perform private.concept_refuse('concept_bad_input');
  end if;
  begin
    t := coalesce(content ->> 'title', '');
    s := coalesce(content ->> 'summary', '');
    d := coalesce(content ->> 'description', '');
    p := coalesce(content ->> 'plan', '');
  end;
  if exists (select 1 from jsonb_each(content) e
             where e.key <> 'budget' and jsonb_typeof(e.value) not in ('string', 'null')) then
    perform private.concept_refuse('concept_bad_input');
  end if;
  if char_length(t) > 200 or char_length(s) > 1000 or char_length(d) > 20000
     or char_length(p) > 10000 then
    perform private.concept_refuse('concept_text_too_long');
  end if;
  budget_ := coalesce(content -> 'budget', '[]');
  if jsonb_typeof(budget_) <> 'array' then perform private.concept_refuse('concept_bad_input'); end if;
  if jsonb_array_length(budget_) > 50 then perform private.concept_refuse('concept_budget_too_long'); end if;
  for row_ in select value from jsonb_array_elements(budget_) loop
    if jsonb_typeof(row_) <> 'object' or jsonb_typeof(row_ -> 'item') is distinct from 'string' then
      perform private.concept_refuse('concept_bad_input');
    end if;
    if btrim(row_ ->> 'item') = '' then perform private.concept_refuse('concept_budget_item_blank'); end if;
    if char_length(btrim(row_ ->> 'item')) > 200 then perform private.concept_refuse('concept_text_too_long'); end if;
    if jsonb_typeof(row_ -> 'cents') is distinct from 'number'
       or (row_ ->> 'cents')::numeric <> trunc((row_ ->> 'cents')::numeric)
       or (row_ ->> 'cents')::numeric < 0 or (row_ ->> 'cents')::numeric > 100000000000 then
      perform private.concept_refuse('concept_budget_cents_invalid');
    end if;
  end loop;
  budget_ := coalesce((select jsonb_agg(jsonb_build_object('item', btrim(r ->> 'item'),
                                                           'cents', (r ->> 'cents')::bigint)
                                        order by o)
                       from jsonb_array_elements(budget_) with ordinality x(r, o)), '[]');
  update public.concepts
    set version = version + 1, title = t, summary = s, description = d, plan = p,
        budget = budget_, updated_at = now(), updated_by = me
    where id = c.id;
  insert into public.concept_versions
    (concept_id, version, title, summary, description, plan, budget, saved_at, saved_by)
    values (c.id, c.version + 1, t, s, d, p, budget_, now(), me);
  return c.version + 1;
end
$$;
revoke execute on function public.concept_save(uuid, int, jsonb) from public, anon;
grant execute on function public.concept_save(uuid, int, jsonb) to authenticated;

-- Lineage ------------------------------------------------------------------------------------
-- Links (and attachments) are stamped with clock_timestamp(), so those made in one
-- transaction keep the order they were made in.

-- Links one of the team's own preliminary ideas (idea_no: its position in the shortlisted application)
-- with its title frozen as the label. Refuses concept_unknown, concept_closed,
-- concept_unknown_idea, concept_link_exists. Answers the link's id.
create function public.concept_link_idea(concept uuid, idea_no int) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
  label_ text;
  id_ uuid;
begin
  c := private.concept_for_change(concept);
  select coalesce(nullif(btrim(i.title), ''), '#' || i.position) into label_
    from public.application_ideas i
    where i.application_id = c.application_id and i.position = idea_no;
  if label_ is null then perform private.concept_refuse('concept_unknown_idea'); end if;
  if exists (select 1 from public.concept_links l where l.concept_id = c.id and l.kind = 'idea'
             and l.application_id = c.application_id and l.idea_position = idea_no) then
    perform private.concept_refuse('concept_link_exists');
  end if;
  insert into public.concept_links (concept_id, kind, application_id, idea_position, label, linked_at, linked_by)
    values (c.id, 'idea', c.application_id, idea_no, label_, clock_timestamp(), (select auth.uid()))
    returning id into id_;
  return id_;
end
$$;
revoke execute on function public.concept_link_idea(uuid, int) from public, anon;
grant execute on function public.concept_link_idea(uuid, int) to authenticated;

-- Links a note or a cluster (`link_kind` 'board_note' / 'board_cluster') of a board of a
-- workshop of the concept's challenge that the caller can see (private.can_see_board; a
-- hidden note only its author), with the note's text or the cluster's name frozen as the
-- label. Refuses concept_unknown, concept_closed, concept_bad_input (another kind),
-- concept_unknown_element (no such note or cluster there for the caller),
-- concept_link_exists. Answers the link's id.
create function public.concept_link_board(concept uuid, link_kind text, board uuid, element uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
  label_ text;
  id_ uuid;
begin
  c := private.concept_for_change(concept);
  if link_kind is null or link_kind not in ('board_note', 'board_cluster') then
    perform private.concept_refuse('concept_bad_input');
  end if;
  if not exists (select 1 from public.boards b join public.workshops w on w.id = b.workshop_id
                 where b.id = board and w.challenge_id = c.challenge_id)
     or not private.can_see_board(board) then
    perform private.concept_refuse('concept_unknown_element');
  end if;
  if link_kind = 'board_note' then
    select n.body into label_ from public.board_notes n
      where n.board_id = board and n.id = element
        and (not n.hidden or n.author_id = (select auth.uid()));
  else
    select k.name into label_ from public.board_clusters k where k.board_id = board and k.id = element;
  end if;
  if label_ is null then perform private.concept_refuse('concept_unknown_element'); end if;
  if exists (select 1 from public.concept_links l where l.concept_id = c.id and l.kind = link_kind
             and l.board_id = board and l.element_id = element::text) then
    perform private.concept_refuse('concept_link_exists');
  end if;
  insert into public.concept_links (concept_id, kind, board_id, element_id, label, linked_at, linked_by)
    values (c.id, link_kind, board, element::text, label_, clock_timestamp(), (select auth.uid()))
    returning id into id_;
  return id_;
end
$$;
revoke execute on function public.concept_link_board(uuid, text, uuid, uuid) from public, anon;
grant execute on function public.concept_link_board(uuid, text, uuid, uuid) to authenticated;

-- Removes a link of the caller's team's concept. Refuses concept_unknown (no such link for
-- the caller) and concept_closed.
create function public.concept_unlink(link uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c_id uuid;
begin
  select concept_id into c_id from public.concept_links where id = link;
  if c_id is null then perform private.concept_refuse('concept_unknown'); end if;
  perform private.concept_for_change(c_id);
  delete from public.concept_links where id = link;
end
$$;
revoke execute on function public.concept_unlink(uuid) from public, anon;
grant execute on function public.concept_unlink(uuid) to authenticated;

-- Attachments --------------------------------------------------------------------------------

-- Records a file the app checked (src/lib/server/evidence.ts checkEvidence: PDF or image,
-- at most 10 MB) as an attachment; the key must be the caller's own upload. Refuses
-- concept_unknown, concept_closed, concept_bad_input (a bad name or size) and 42501 for a
-- key someone else uploaded. Answers the attachment's id.
create function public.concept_attach(concept uuid, file_key text, file_name text, mime text, size bigint)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
  id_ uuid;
begin
  c := private.concept_for_change(concept);
  if file_key is null or file_key !~ '^[0-9a-f-]{36}\.[a-z0-9]{2,5}$'
     or coalesce(btrim(file_name), '') = '' or size is null or size <= 0 or size > 10485760
     or mime is null then
    perform private.concept_refuse('concept_bad_input');
  end if;
  if not private.claim_stored_object(file_key, (select auth.uid())) then
    raise exception 'permission denied: the file % was not uploaded by you', file_key
      using errcode = '42501';
  end if;
  insert into public.concept_attachments (concept_id, file_key, file_name, mime, size, uploaded_by, created_at)
    values (c.id, file_key, left(file_name, 255), mime, size, (select auth.uid()), clock_timestamp())
    returning id into id_;
  return id_;
end
$$;
revoke execute on function public.concept_attach(uuid, text, text, text, bigint) from public, anon;
grant execute on function public.concept_attach(uuid, text, text, text, bigint) to authenticated;

-- Removes an attachment; answers its key (the app then deletes the stored file unless a
-- final tender still refers to it). Refuses concept_unknown and concept_closed.
create function public.concept_detach(attachment uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  a public.concept_attachments;
begin
  select * into a from public.concept_attachments where id = attachment;
  if not found then perform private.concept_refuse('concept_unknown'); end if;
  perform private.concept_for_change(a.concept_id);
  delete from public.concept_attachments where id = attachment;
  return a.file_key;
end
$$;
revoke execute on function public.concept_detach(uuid) from public, anon;
grant execute on function public.concept_detach(uuid) to authenticated;

-- Final tenders --------------------------------------------------------------------------------

-- The final tender's snapshot: the concept as it stands (its latest version), its links
-- and attachments, the price, the team, the deadline, and when and by whom. Keys and
-- ordering fixed, so the same rows give the same jsonb. Called only by submit_final_tender.
create function private.final_tender_snapshot(concept uuid, price bigint, submitted timestamptz, submitter uuid)
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
                 'kind', l.kind, 'label', l.label, 'ideaPosition', l.idea_position,
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

-- Submits the concept as it stands at `expected_version` as the team's final tender:
-- snapshot and digest in this transaction, receipt mailed to every member in the team's
-- language. `price_cents` is required (> 0) when the challenge has a price share, and
-- refused otherwise. Refuses concept_unknown, concept_closed (by the database's clock),
-- concept_conflict (saved since the page read it), concept_empty (never saved),
-- concept_incomplete (title, summary or description blank), concept_price_missing,
-- concept_price_invalid, concept_price_not_asked, concept_already_submitted (withdraw
-- the active one first). Answers the final tender's id.
create function public.submit_final_tender(concept uuid, expected_version int, price_cents bigint default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.concepts;
  share int;
  snap jsonb;
  hash text;
  id_ uuid;
begin
  c := private.concept_for_change(concept);
  if expected_version is null or c.version <> expected_version then
    perform private.concept_refuse('concept_conflict');
  end if;
  if c.version = 0 then perform private.concept_refuse('concept_empty'); end if;
  if btrim(c.title) = '' or btrim(c.summary) = '' or btrim(c.description) = '' then
    perform private.concept_refuse('concept_incomplete');
  end if;
  select coalesce(price_share, 0) into share from public.challenges where id = c.challenge_id;
  if share > 0 then
    if price_cents is null then perform private.concept_refuse('concept_price_missing'); end if;
    if price_cents <= 0 or price_cents > 100000000000 then
      perform private.concept_refuse('concept_price_invalid');
    end if;
  elsif price_cents is not null then
    perform private.concept_refuse('concept_price_not_asked');
  end if;
  if exists (select 1 from public.final_tenders f where f.concept_id = c.id and f.withdrawn_at is null) then
    perform private.concept_refuse('concept_already_submitted');
  end if;
  -- Links and attachments are frozen as they stand: hold them against a change in flight.
  perform 1 from public.concept_links where concept_id = c.id for share;
  perform 1 from public.concept_attachments where concept_id = c.id for share;
  snap := private.final_tender_snapshot(c.id, price_cents, now(), me);
  hash := public.snapshot_digest(snap);
  insert into public.final_tenders
    (concept_id, challenge_id, team_id, version, snapshot, digest, price_cents, submitted_at, submitted_by)
    values (c.id, c.challenge_id, c.team_id, c.version, snap, hash, price_cents, now(), me)
    returning id into id_;
  insert into private.mail_outbox (template, to_email, to_name, locale, params)
    select 'final_tender_receipt', p.email, p.display_name, t.lang,
           private.mail_challenge(c.challenge_id) || jsonb_build_object(
             'team', t.name, 'concept', c.title, 'version', c.version,
             'submittedAt', private.iso_time(now()), 'digest', hash,
             'priceCents', price_cents, 'path', '/concepts/' || c.id)
    from public.team_members m
    join public.profiles p on p.id = m.user_id
    join public.teams t on t.id = m.team_id
    where m.team_id = c.team_id and p.email <> '';
  return id_;
end
$$;
revoke execute on function public.submit_final_tender(uuid, int, bigint) from public, anon;
grant execute on function public.submit_final_tender(uuid, int, bigint) to authenticated;

-- Withdraws the concept's active final tender (kept on record, withdrawn by whom and
-- when); the team may submit again until the deadline. Refuses concept_unknown,
-- concept_closed and concept_not_submitted (no active final tender).
create function public.withdraw_final_tender(concept uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.concepts;
begin
  c := private.concept_for_change(concept);
  update public.final_tenders set withdrawn_at = now(), withdrawn_by = (select auth.uid())
    where concept_id = c.id and withdrawn_at is null;
  if not found then perform private.concept_refuse('concept_not_submitted'); end if;
end
$$;
revoke execute on function public.withdraw_final_tender(uuid) from public, anon;
grant execute on function public.withdraw_final_tender(uuid) to authenticated;

-- How many final tenders are in force and still sealed for a challenge: what the owner's
-- side sees before the concepts deadline (0 once it has passed and RLS shows them). Only
-- to those who manage the challenge (its team and the owners of its organisation); others
-- get null.
create function public.sealed_final_tender_count(challenge uuid) returns int
language sql stable security definer set search_path = ''
as $$
  select case when challenge in (select private.my_decision_challenge_ids()) then
    case when private.final_tenders_unsealed(challenge) then 0 else
      (select count(*)::int from public.final_tenders f
       where f.challenge_id = challenge and f.withdrawn_at is null)
    end
  end
$$;
revoke execute on function public.sealed_final_tender_count(uuid) from public, anon;
grant execute on function public.sealed_final_tender_count(uuid) to authenticated;
