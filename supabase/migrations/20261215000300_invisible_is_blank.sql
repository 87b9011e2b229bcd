-- Text that shows nothing is blank (issue 17, found by an outside tester). A required text
-- of zero-width spaces, word joiners and no-break spaces (U+200B, U+2060, U+00A0, U+FEFF…)
-- passed every "required" check: a decision published with an empty departure
-- justification, a signatory of nothing, a final tender with an invisible summary, a
-- challenge titled with nothing (its row in the owner's list has no visible link).
-- private.is_blank and isBlank (src/lib/domain/text.ts) counted only the whitespace
-- JavaScript's trim() removes; now both also count the format characters (Unicode general
-- category Cf): text is blank when it consists only of whitespace and format characters.
-- Text that merely contains them (an emoji joined by U+200D, Persian with U+200C) is not.
--
-- Stored text is still trimmed of whitespace only (private.js_trim, private.jury_trim):
-- a leading or trailing format character may carry meaning (a right-to-left mark before
-- Arabic, the cancel tag U+E007F closing a flag emoji), and what is stored stays what the
-- form showed. Only the question "is anything there?" changes.
--
-- Every check of required text that did not already ask private.is_blank is redefined
-- below to ask it, otherwise unchanged from its latest definition.

-- Every format character (Cf, Unicode 17), in code point order: the list isBlank's
-- FORMAT_CHARACTERS holds (tests/integration/rule-parity.test.ts compares the two; PGlite
-- has no ICU to ask for the category).
create function private.format_characters() returns text
language sql immutable set search_path = ''
as $$
  select
    E'\u00AD\u0600\u0601\u0602\u0603\u0604\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E' ||
    E'\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063' ||
    E'\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\uFEFF\uFFF9\uFFFA' ||
    E'\uFFFB\U000110BD\U000110CD\U00013430\U00013431\U00013432\U00013433\U00013434\U00013435\U00013436\U00013437\U00013438\U00013439\U0001343A' ||
    E'\U0001343B\U0001343C\U0001343D\U0001343E\U0001343F\U0001BCA0\U0001BCA1\U0001BCA2\U0001BCA3\U0001D173\U0001D174\U0001D175\U0001D176\U0001D177' ||
    E'\U0001D178\U0001D179\U0001D17A\U000E0001\U000E0020\U000E0021\U000E0022\U000E0023\U000E0024\U000E0025\U000E0026\U000E0027\U000E0028\U000E0029' ||
    E'\U000E002A\U000E002B\U000E002C\U000E002D\U000E002E\U000E002F\U000E0030\U000E0031\U000E0032\U000E0033\U000E0034\U000E0035\U000E0036\U000E0037' ||
    E'\U000E0038\U000E0039\U000E003A\U000E003B\U000E003C\U000E003D\U000E003E\U000E003F\U000E0040\U000E0041\U000E0042\U000E0043\U000E0044\U000E0045' ||
    E'\U000E0046\U000E0047\U000E0048\U000E0049\U000E004A\U000E004B\U000E004C\U000E004D\U000E004E\U000E004F\U000E0050\U000E0051\U000E0052\U000E0053' ||
    E'\U000E0054\U000E0055\U000E0056\U000E0057\U000E0058\U000E0059\U000E005A\U000E005B\U000E005C\U000E005D\U000E005E\U000E005F\U000E0060\U000E0061' ||
    E'\U000E0062\U000E0063\U000E0064\U000E0065\U000E0066\U000E0067\U000E0068\U000E0069\U000E006A\U000E006B\U000E006C\U000E006D\U000E006E\U000E006F' ||
    E'\U000E0070\U000E0071\U000E0072\U000E0073\U000E0074\U000E0075\U000E0076\U000E0077\U000E0078\U000E0079\U000E007A\U000E007B\U000E007C\U000E007D' ||
    E'\U000E007E\U000E007F'
$$;
revoke execute on function private.format_characters() from public, anon, authenticated;

-- Whether a text shows nothing: empty, null, or only the whitespace JavaScript's trim()
-- removes and format characters. Redefined from 20261201000700_one_rule_each.sql.
create or replace function private.is_blank(t text) returns boolean
language sql immutable set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(t, ''),
    E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'
    || private.format_characters()) = ''
$$;

-- Redefined from supabase/migrations/20261207000200_concept_functions.sql:
-- the title, summary and description are missing when private.is_blank (btrim stripped only
-- spaces); nothing else changed.
create or replace function public.submit_final_tender(concept uuid, expected_version int, price_cents bigint default null)
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
  if private.is_blank(c.title) or private.is_blank(c.summary) or private.is_blank(c.description) then
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

-- Redefined from supabase/migrations/20261207000301_selection.sql:
-- a blank signatory or appeal (private.is_blank) is not given, so the timetable's signatory
-- and the default appeal apply, as for whitespace; nothing else changed.
create or replace function private.decision_write_draft(challenge uuid, stage_ text, replaced uuid,
  items jsonb, details jsonb)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.challenges;
  timetable public.challenge_stages;
  d jsonb := coalesce(details, '{}'::jsonb);
  draft uuid;
  day date;
  x record;
  lang_ text;
  key text;
begin
  select * into c from public.challenges where id = challenge;
  if jsonb_typeof(items) is distinct from 'array' or jsonb_typeof(d) <> 'object'
     or (d ? 'comparisonPublished' and jsonb_typeof(d -> 'comparisonPublished') <> 'boolean') then
    perform private.jury_refuse('decision_bad_input');
  end if;
  foreach key in array array['rationale', 'deviation', 'signatory', 'appeal', 'lang', 'decidedOn'] loop
    if d ? key and jsonb_typeof(d -> key) not in ('string', 'null') then
      perform private.jury_refuse('decision_bad_input');
    end if;
  end loop;
  lang_ := coalesce(d ->> 'lang', c.primary_locale);
  if lang_ not in ('fi', 'sv', 'en') then perform private.jury_refuse('decision_bad_input'); end if;
  if char_length(private.jury_trim(d ->> 'deviation')) > 4000 then
    perform private.jury_refuse('decision_justification_too_long');
  end if;
  if char_length(private.jury_trim(d ->> 'rationale')) > 8000
     or char_length(private.jury_trim(d ->> 'appeal')) > 8000
     or char_length(private.jury_trim(d ->> 'signatory')) > 200 then
    perform private.jury_refuse('decision_text_too_long');
  end if;
  if d ->> 'decidedOn' is not null then
    if d ->> 'decidedOn' !~ '^\d{4}-\d{2}-\d{2}$' then perform private.jury_refuse('decision_bad_input'); end if;
    begin
      day := (d ->> 'decidedOn')::date;
    exception when others then
      perform private.jury_refuse('decision_bad_input');
    end;
  end if;
  select * into timetable from public.challenge_stages s where s.challenge_id = challenge and s.stage = stage_;

  select id into draft from public.decisions
    where challenge_id = challenge and stage = stage_ and published_at is null for update;
  if draft is null then
    insert into public.decisions (challenge_id, stage, kind, replaces, prepared_by)
      values (challenge, stage_, case when replaced is null then 'decision' else 'correction' end,
              replaced, me)
      returning id into draft;
  end if;
  update public.decisions set
      kind = case when replaced is null then 'decision' else 'correction' end,
      replaces = replaced,
      k = private.decision_k(challenge, stage_),
      rationale = private.jury_trim(d ->> 'rationale'),
      deviation = private.jury_trim(d ->> 'deviation'),
      signatory = coalesce(case when not private.is_blank(d ->> 'signatory') then private.jury_trim(d ->> 'signatory') end,
                           timetable.signatory, ''),
      decided_on = coalesce(day, timetable.decision_on),
      comparison_published = c.procedure = 'innovation_partnership'
        or coalesce((d ->> 'comparisonPublished')::boolean, false),
      appeal = coalesce(case when not private.is_blank(d ->> 'appeal') then private.jury_trim(d ->> 'appeal') end,
                        private.decision_default_appeal(c.primary_locale)),
      lang = lang_,
      prepared_by = me,
      prepared_by_name = coalesce((select coalesce(nullif(p.display_name, ''), p.email, '')
                                   from public.profiles p where p.id = me), ''),
      prepared_at = now()
    where id = draft;

  delete from public.decision_items where decision_id = draft;
  for x in select coalesce(e ->> 'itemKind',
                    case stage_ when 'selection' then 'final_tender' when 'proof_of_concept' then 'concept'
                    else 'application' end) as kind,
                  private.decision_uuid(e ->> 'item') as item,
                  e -> 'chosen' as chosen, e -> 'rank' as rank, e -> 'reason' as reason,
                  e -> 'quality' as quality, e -> 'price' as price, e -> 'total' as total
           from jsonb_array_elements(items) e loop
    if jsonb_typeof(x.chosen) is distinct from 'boolean'
       or coalesce(jsonb_typeof(x.reason), 'null') not in ('string', 'null')
       or exists (select 1 from (values (x.rank, 1, 100000), (x.quality, 0, 9999999), (x.price, 0, 9999999),
                                        (x.total, 0, 9999999)) v(p, lo, hi)
                  where coalesce(jsonb_typeof(v.p), 'null') <> 'null'
                    and private.decision_number(v.p) is null
                     or private.decision_number(v.p) not between v.lo and v.hi)
       or private.decision_number(x.rank) <> trunc(private.decision_number(x.rank)) then
      perform private.jury_refuse('decision_bad_input');
    end if;
    if x.item is null or not exists (select 1 from private.decision_stage_items(challenge, stage_) i
                                     where i.item_kind = x.kind and i.item_id = x.item) then
      perform private.jury_refuse('decision_unknown_item');
    end if;
    if exists (select 1 from public.decision_items i where i.decision_id = draft and i.item_id = x.item) then
      perform private.jury_refuse('decision_duplicate');
    end if;
    if char_length(private.jury_trim(x.reason #>> '{}')) > 4000 then
      perform private.jury_refuse('decision_reason_too_long');
    end if;
    insert into public.decision_items (decision_id, item_kind, application_id, final_tender_id,
        concept_id, team_name, chosen, rank, reason, quality_points, price_points, total_points)
      select draft, x.kind, private.item_of(x.kind, 'application', x.item),
        private.item_of(x.kind, 'final_tender', x.item), private.item_of(x.kind, 'concept', x.item),
        coalesce(a.snapshot -> 'team' ->> 'name', t.name, ''),
        (x.chosen #>> '{}')::boolean, private.decision_number(x.rank)::int,
        private.jury_trim(x.reason #>> '{}'), round(private.decision_number(x.quality), 2),
        round(private.decision_number(x.price), 2), round(private.decision_number(x.total), 2)
      from (select x.item) i
      left join public.applications a on a.id = i.item and x.kind = 'application'
      left join public.final_tenders f on f.id = i.item and x.kind = 'final_tender'
      left join public.concepts k on k.id = i.item and x.kind = 'concept'
      left join public.teams t on t.id = coalesce(a.team_id, f.team_id, k.team_id);
  end loop;
  return draft;
end
$$;

-- Redefined from supabase/migrations/20261207000301_selection.sql:
-- a comment is blank by private.is_blank; nothing else changed.
create or replace function public.jury_comment(item_kind text, item uuid, body text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who record;
  text_ text := private.jury_trim(body);
  id_ uuid;
begin
  select * into who from private.jury_scoring_juror(item_kind, item);
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if private.is_blank(text_) then perform private.jury_refuse('jury_comment_blank'); end if;
  if char_length(text_) > 4000 then perform private.jury_refuse('jury_comment_too_long'); end if;
  insert into public.jury_comments (juror_id, item_kind, application_id, final_tender_id, body)
    values (who.juror, item_kind, private.item_of(item_kind, 'application', item),
      private.item_of(item_kind, 'final_tender', item), text_)
    returning id into id_;
  return id_;
end
$$;

-- Redefined from supabase/migrations/20261207000301_selection.sql:
-- a revision's reason is missing by private.is_blank; nothing else changed.
create or replace function public.jury_revise_score(score uuid, points numeric, justification text, reason text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  x public.jury_scores;
  who record;
  max_points int;
  problem text;
  why text := private.jury_trim(reason);
  revision uuid;
begin
  select * into x from public.jury_scores s
    where s.id = score and s.juror_id in (select private.my_juror_ids()) for update;
  if not found then
    raise exception 'jury_not_juror' using errcode = '42501', hint = 'jury_not_juror';
  end if;
  select * into who from private.jury_scoring_juror(x.item_kind, x.item_id);
  if x.state <> 'submitted' then perform private.jury_refuse('jury_not_submitted'); end if;
  if not exists (select 1 from public.jury_stages g where g.challenge_id = who.challenge
                 and g.stage = who.stage and g.consensus_opened_at is not null) then
    perform private.jury_refuse('jury_consensus_not_open');
  end if;
  if private.is_blank(why) then perform private.jury_refuse('jury_reason_missing'); end if;
  if char_length(why) > 2000 then perform private.jury_refuse('jury_reason_too_long'); end if;
  select k.max_points into max_points from public.challenge_criteria k where k.id = x.criterion_id;
  problem := private.jury_score_problem(points, max_points, who.step, justification, true);
  if problem is not null then perform private.jury_refuse(problem); end if;
  insert into public.jury_score_revisions
      (score_id, old_points, new_points, old_justification, new_justification, reason, revised_by)
    values (x.id, x.points, points, x.justification, private.jury_trim(justification), why,
      (select auth.uid()))
    returning id into revision;
  update public.jury_scores s set points = jury_revise_score.points,
      justification = private.jury_trim(jury_revise_score.justification)
    where s.id = x.id;
  return revision;
end
$$;

-- Redefined from supabase/migrations/20261207000500_bonus.sql:
-- a dispute's comment is missing by private.is_blank; nothing else changed.
create or replace function public.outcome_report_review(report uuid, verdict text, comment text default '')
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  r public.outcome_reports;
  note text := private.jury_trim(comment);
begin
  select * into r from public.outcome_reports x where x.id = report for update;
  perform private.outcome_require_owner(r.challenge_id);
  if r.id is null then perform private.jury_refuse('outcome_unknown'); end if;
  if verdict is null or verdict not in ('confirmed', 'disputed') then
    perform private.jury_refuse('outcome_bad_input');
  end if;
  if verdict = 'disputed' and private.is_blank(note) then perform private.jury_refuse('outcome_comment_missing'); end if;
  if char_length(note) > 4000 then perform private.jury_refuse('outcome_comment_too_long'); end if;
  if exists (select 1 from public.outcome_reports x where x.concept_id = r.concept_id
             and x.month = r.month and x.version > r.version) then
    perform private.jury_refuse('outcome_report_superseded');
  end if;
  if r.status <> 'submitted' then perform private.jury_refuse('outcome_report_reviewed'); end if;
  insert into public.outcome_report_reviews (report_id, verdict, comment, reviewed_by, reviewed_by_name)
    values (report, verdict, note, (select auth.uid()), private.outcome_my_name());
  update public.outcome_reports set status = verdict where id = report;
  perform private.enqueue_mail('outcome_report_reviewed',
    private.team_user_ids((select c.team_id from public.concepts c where c.id = r.concept_id)),
    private.mail_challenge(r.challenge_id) || jsonb_build_object(
      'month', to_char(r.month, 'YYYY-MM'), 'verdict', verdict, 'comment', note,
      'path', '/production/' || r.concept_id));
end
$$;

-- Redefined from supabase/migrations/20261207000400_proofs_of_concept.sql:
-- a milestone's title, evidence and reason are missing by private.is_blank (as
-- milestoneIssue says); nothing else changed.
create or replace function private.poc_milestone_issue(step text, title text, due_on text, evidence text,
  links text[], reason text)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  day date;
begin
  if step in ('plan', 'replan') then
    if private.is_blank(title) then return 'poc_title_missing'; end if;
    if char_length(private.jury_trim(title)) > 200 then return 'poc_title_too_long'; end if;
    if due_on is null or due_on !~ '^\d{4}-\d{2}-\d{2}$' then return 'poc_due_invalid'; end if;
    begin
      day := due_on::date;
    exception when others then
      return 'poc_due_invalid';
    end;
    if day::text <> due_on or day < date '2000-01-01' or day > date '2100-12-31' then
      return 'poc_due_invalid';
    end if;
  end if;
  if step in ('start', 'deliver') then
    if char_length(private.jury_trim(evidence)) > 8000 then return 'poc_evidence_too_long'; end if;
    if coalesce(cardinality(links), 0) > 10 then return 'poc_too_many_links'; end if;
    if exists (select 1 from unnest(coalesce(links, '{}')) l
               where l is null or char_length(l) > 2000
                  or l !~* '^https?://[A-Za-z0-9._~%-]+(:[0-9]{1,5})?([/?#][!-~]*)?$') then
      return 'poc_link_invalid';
    end if;
    if step = 'deliver' and private.is_blank(evidence) and coalesce(cardinality(links), 0) = 0 then
      return 'poc_evidence_missing';
    end if;
  end if;
  if step in ('accept', 'reject') and private.is_blank(reason) then return 'poc_reason_missing'; end if;
  if char_length(private.jury_trim(reason)) > 4000 then return 'poc_reason_too_long'; end if;
  return null;
end
$$;

-- Redefined from supabase/migrations/20261207000400_proofs_of_concept.sql:
-- evidence that is blank by private.is_blank is no evidence; nothing else changed.
create or replace function public.poc_milestone_step(milestone uuid, step text, title text default null,
  due_on text default null, evidence text default null, links text[] default null,
  reason text default '')
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.poc_milestones;
  p public.proofs_of_concept;
  actor text;
  new_status text;
  issue text;
  me uuid := (select auth.uid());
  my_lang text := private.caller_locale();
  clean_links text[];
begin
  select * into m from public.poc_milestones where id = milestone for update;
  if not found or me is null then perform private.jury_refuse('poc_unknown'); end if;
  select * into p from public.proofs_of_concept where id = m.poc_id;
  if step is null or step not in ('replan', 'start', 'deliver', 'accept', 'reject') then
    perform private.jury_refuse('poc_bad_step');
  end if;
  actor := case when step in ('accept', 'reject') then 'owner' else 'partner' end;
  if actor = 'owner' and not private.poc_is_owner_side(p.challenge_id, p.concept_id) then
    if not (p.id in (select private.my_poc_ids())) then perform private.jury_refuse('poc_unknown'); end if;
    perform private.jury_refuse('poc_not_owner');
  end if;
  if actor = 'partner' and not private.poc_is_partner_member(p.concept_id) then
    if not (p.id in (select private.my_poc_ids())) then perform private.jury_refuse('poc_unknown'); end if;
    perform private.jury_refuse('poc_not_partner');
  end if;
  perform private.poc_require_open(p.challenge_id);
  if m.status = 'accepted' then perform private.jury_refuse('poc_accepted'); end if;
  new_status := private.poc_milestone_after(m.status, step, actor);
  if new_status is null then perform private.jury_refuse('poc_bad_step'); end if;
  issue := private.poc_milestone_issue(step, title, due_on, evidence, links, reason);
  if issue is not null then perform private.jury_refuse(issue); end if;
  clean_links := coalesce(links, '{}');

  if step = 'replan' then
    update public.poc_milestones set status = new_status, title = private.jury_trim(poc_milestone_step.title),
        due_on = poc_milestone_step.due_on::date, updated_at = now(), updated_by = me, lang = my_lang
      where id = milestone;
  elsif step in ('start', 'deliver') then
    update public.poc_milestones set status = new_status,
        evidence = case when step = 'deliver' or not private.is_blank(poc_milestone_step.evidence)
                          or cardinality(clean_links) > 0
                        then private.jury_trim(poc_milestone_step.evidence) else poc_milestones.evidence end,
        links = case when step = 'deliver' or not private.is_blank(poc_milestone_step.evidence)
                       or cardinality(clean_links) > 0
                     then clean_links else poc_milestones.links end,
        updated_at = now(), updated_by = me, lang = my_lang
      where id = milestone;
  else
    update public.poc_milestones set status = new_status, review_reason = private.jury_trim(reason),
        reviewed_at = now(), reviewed_by = me
      where id = milestone;
  end if;

  insert into public.poc_milestone_events (milestone_id, step, from_status, to_status, title, due_on,
      evidence, links, reason, by, by_name, lang)
    values (milestone, step, m.status, new_status,
      case when step = 'replan' then private.jury_trim(poc_milestone_step.title) end,
      case when step = 'replan' then poc_milestone_step.due_on::date end,
      case when step in ('start', 'deliver') then private.jury_trim(poc_milestone_step.evidence) end,
      case when step in ('start', 'deliver') then clean_links end,
      private.jury_trim(reason), me, private.poc_caller_name(), my_lang);
  return new_status;
end
$$;

-- Redefined from supabase/migrations/20261207000200_concept_functions.sql:
-- a budget row's item is missing by private.is_blank (btrim stripped only spaces); nothing
-- else changed.
create or replace function public.concept_save(concept uuid, expected_version int, content jsonb)
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
    if private.is_blank(row_ ->> 'item') then perform private.concept_refuse('concept_budget_item_blank'); end if;
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

-- Redefined from supabase/migrations/20261202000204_feedback_workflow.sql:
-- a reply is missing by private.is_blank; nothing else changed.
create or replace function public.reply_to_accessibility_feedback(feedback uuid, reply text)
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
  if private.is_blank(body) or char_length(body) > 5000 then
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

-- Redefined from supabase/migrations/20261201000100_limits.sql:
-- a question that is blank by private.is_blank is refused (the table's char_length >= 1 let
-- whitespace through); nothing else changed.
create or replace function public.ask_question(challenge uuid, question text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  asker uuid := (select auth.uid());
  new_id uuid;
begin
  if asker is null then
    raise exception 'sign in to ask' using errcode = '42501';
  end if;
  if not (select private.questions_open(challenge)) then
    return null;
  end if;
  if private.is_blank(question) then
    raise exception 'a question needs words' using errcode = '22023';
  end if;
  perform private.enforce_limit('question', asker::text);
  insert into public.challenge_questions (challenge_id, body) values (challenge, question)
    returning id into new_id;
  insert into public.challenge_question_askers (question_id, asker_id) values (new_id, asker);
  return new_id;
end
$$;

-- Redefined from supabase/migrations/20261130000300_record_guards.sql:
-- an answer that is blank by private.is_blank is refused; nothing else changed.
create or replace function public.answer_question(challenge uuid, question uuid, answer text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  q public.challenge_questions;
begin
  if me is null or not (select private.runs_dialogue(challenge)) then return 'unknown'; end if;
  select * into q from public.challenge_questions where id = question and challenge_id = challenge for update;
  if not found then return 'unknown'; end if;
  if q.merged_into is not null then return 'merged'; end if;
  if private.is_blank(answer) then
    raise exception 'an answer needs words' using errcode = '22023';
  end if;
  if q.answer is not null then
    insert into public.question_answer_revisions (question_id, answer, answered_at, answered_by, replaced_by)
      values (q.id, q.answer, q.answered_at, q.answered_by, me);
  end if;
  update public.challenge_questions
    set answer = answer_question.answer, answered_at = now(), answered_by = me
    where id = q.id;
  return case when q.answer is null then 'answered' else 'revised' end;
end
$$;

-- Redefined from supabase/migrations/20261125000100_applications.sql:
-- a team name that is blank by private.is_blank is refused; nothing else changed.
create or replace function public.create_team(team_name text, team_description text, organisations text[])
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  new_id uuid;
begin
  if me is null then
    raise exception 'sign in to create a team' using errcode = '42501';
  end if;
  if private.is_blank(team_name) then
    raise exception 'a team needs a name' using errcode = '22023';
  end if;
  insert into public.teams (name, description, home_organisations, lead_id)
    values (team_name, team_description, organisations, me) returning id into new_id;
  insert into public.team_members (team_id, user_id) values (new_id, me);
  return new_id;
end
$$;

-- Redefined from supabase/migrations/20261203000100_announcement_language.sql:
-- an announcement that is blank by private.is_blank is refused; nothing else changed.
create or replace function public.announce_to_workshop(workshop uuid, body text, lang text default null)
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
  if private.is_blank(body) then
    raise exception 'an announcement needs words' using errcode = '22023';
  end if;
  return query
    insert into public.workshop_announcements as a (workshop_id, body, at, by, lang)
      values (workshop, announce_to_workshop.body, now(), me, announce_to_workshop.lang)
      returning a.id, a.at;
end
$$;
