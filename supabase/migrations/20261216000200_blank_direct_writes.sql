-- Blank text written directly to tables is refused by the database (issue 16). The definer
-- functions refuse blank input (20261215000300_invisible_is_blank.sql), but the columns
-- below are written by direct table writes that the grants and policies allow to
-- `authenticated` (and, for accessibility feedback, `anon`), as Supabase's Data API lets a
-- person write them past our forms: a team named '', a draft challenge titled U+200B, an
-- organisation, workshop or work entry of nothing.
--
-- Every text column (text, text[], jsonb holding text) the API roles may insert or update
-- was taken from the catalogue (has_column_privilege) and decided on:
--   - required (a name, a title, what a row is about): not blank by private.is_blank. A
--     nullable one (a stage's signatory) is null when not given, never blank;
--   - optional, '' when not given (descriptions, a draft's ideas, answers and contact,
--     where the page or the feedback came from): blank stays allowed; the step that needs
--     them (submitting an application, publishing a challenge) already asks is_blank;
--   - a display name: '' is "not given" (pages then show the email), so it is '' or
--     something visible;
--   - texts in languages (jsonb {fi, sv, en}): a language without text is left out (the
--     forms do so: localizedFrom), so no value in one is blank; a challenge's title keeps
--     its check that the primary language has one;
--   - lists of texts (text[]): no element is blank; a workshop's agenda: no phase has a
--     blank title;
--   - codes, keys, slugs, addresses and languages: their own checks (a pattern, a list)
--     already refuse blank.
-- tests/integration/db-lint.ts lists the columns allowed blank and why (BLANK_ALLOWED);
-- its rule "blank-text" finds any other writable text column without a check named
-- `<table>_<column>_blank`, and tests/integration/blank-text.test.ts writes blank into
-- every one as the person the policies let write it. The app maps a violation of these
-- checks to a 422 in the person's language (src/lib/server/http/conflict.ts), never a 500.
-- Postgres tests check constraints in the order of their names, so `…_blank` comes before
-- a column's older `…_check` (a length): '' is answered as blank too, not as too short.
--
-- An organisation's names keep their trigger (private.organisation_names,
-- 20261202000202_names_in_languages.sql): it leaves out a language whose name is only
-- whitespace; one of invisible characters, which it keeps, the check refuses.

-- Whether some element of a list is blank (private.is_blank); an empty list has none.
create function private.has_blank(texts text[]) returns boolean
language sql immutable set search_path = ''
as $$
  select exists (select 1 from unnest(texts) t where private.is_blank(t))
$$;

-- Whether a text in languages ({"fi": …, "sv": …}) has a language whose text is blank.
-- Anything but an object has none (the columns' own checks ask for an object).
create function private.has_blank(texts jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(texts) = 'object' and exists (
    select 1 from jsonb_each(texts) e
    where jsonb_typeof(e.value) = 'string' and private.is_blank(e.value #>> '{}'))
$$;

-- Whether some phase of a workshop's agenda has a blank title: a plain string title, or
-- one in languages (src/lib/domain/board.ts, PhaseTitle).
create function private.agenda_has_blank_title(agenda jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(agenda) = 'array' and exists (
    select 1 from jsonb_array_elements(agenda) p
    where (jsonb_typeof(p -> 'title') = 'string' and private.is_blank(p ->> 'title'))
       or private.has_blank(p -> 'title'))
$$;

-- A check constraint runs its functions as the writer: the API roles execute them (pure
-- functions of their argument; they read no table).
grant execute on function private.is_blank(text), private.format_characters() to anon, authenticated;
revoke execute on function private.has_blank(text[]), private.has_blank(jsonb),
  private.agenda_has_blank_title(jsonb) from public, anon;
grant execute on function private.has_blank(text[]), private.has_blank(jsonb),
  private.agenda_has_blank_title(jsonb) to authenticated;

-- Rows written before are made to satisfy the checks: a blank language or list element
-- is left out, a blank optional value becomes "not given", and a blank name or title gets
-- a visible one its owner can change (the slug, the file's key, or '#' and the start of
-- the row's id).
create function pg_temp.visible_only(texts jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(texts) e
  where not (jsonb_typeof(e.value) = 'string' and private.is_blank(e.value #>> '{}'))
$$;
create function pg_temp.visible_only(texts text[]) returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(t order by i), '{}') from unnest(texts) with ordinality u(t, i)
  where not private.is_blank(t)
$$;

update public.challenges set
    title = pg_temp.visible_only(title) || case when pg_temp.visible_only(title) ? primary_locale
      then '{}'::jsonb else jsonb_build_object(primary_locale, slug) end,
    summary = pg_temp.visible_only(summary), body = pg_temp.visible_only(body),
    rewards = pg_temp.visible_only(rewards), competence_areas = pg_temp.visible_only(competence_areas)
  where private.has_blank(title) or private.has_blank(summary) or private.has_blank(body)
     or private.has_blank(rewards) or private.has_blank(competence_areas);
update public.challenge_criteria set name = pg_temp.visible_only(name),
    description = pg_temp.visible_only(description)
  where private.has_blank(name) or private.has_blank(description);
update public.challenge_requirements set statement = pg_temp.visible_only(statement)
  where private.has_blank(statement);
update public.organisations set names = pg_temp.visible_only(names) where private.has_blank(names);
update public.organisations set name = coalesce(names ->> primary_locale, slug)
  where private.is_blank(name);
update public.teams set home_organisations = pg_temp.visible_only(home_organisations)
  where private.has_blank(home_organisations);
update public.teams set name = '#' || left(id::text, 8) where private.is_blank(name);
update public.workshops set title = '#' || left(id::text, 8) where private.is_blank(title);
update public.workshops set agenda = (
    select jsonb_agg(case
             when jsonb_typeof(p -> 'title') = 'object' then jsonb_set(p, '{title}', pg_temp.visible_only(p -> 'title'))
             when private.is_blank(p ->> 'title') then p - 'title'
             else p end order by i)
    from jsonb_array_elements(agenda) with ordinality a(p, i))
  where private.agenda_has_blank_title(agenda);
update public.work_entries set area = case when private.is_blank(area) then '#' || left(id::text, 8) else area end,
    organisation = case when private.is_blank(organisation) then '#' || left(id::text, 8) else organisation end,
    role = case when private.is_blank(role) then '#' || left(id::text, 8) else role end
  where private.is_blank(area) or private.is_blank(organisation) or private.is_blank(role);
update public.team_projects set title = '#' || left(id::text, 8) where private.is_blank(title);
update public.application_documents set file_name = file_key where private.is_blank(file_name);
update public.application_documents set mime = 'application/octet-stream' where private.is_blank(mime);
update public.accessibility_feedback set message = '#' || left(id::text, 8) where private.is_blank(message);
update public.challenge_stages set signatory = null where private.is_blank(signatory);
update public.profiles set display_name = '' where private.is_blank(display_name) and display_name <> '';
drop function pg_temp.visible_only(jsonb), pg_temp.visible_only(text[]);

alter table public.accessibility_feedback
  add constraint accessibility_feedback_message_blank check (not private.is_blank(message));
alter table public.application_documents
  add constraint application_documents_file_name_blank check (not private.is_blank(file_name)),
  add constraint application_documents_mime_blank check (not private.is_blank(mime));
alter table public.challenge_criteria
  add constraint challenge_criteria_name_blank check (not private.has_blank(name)),
  add constraint challenge_criteria_description_blank check (not private.has_blank(description));
alter table public.challenge_requirements
  add constraint challenge_requirements_statement_blank check (not private.has_blank(statement));
alter table public.challenge_stages
  add constraint challenge_stages_signatory_blank
    check (signatory is null or not private.is_blank(signatory));
alter table public.challenges
  add constraint challenges_title_blank check (not private.has_blank(title)),
  add constraint challenges_summary_blank check (not private.has_blank(summary)),
  add constraint challenges_body_blank check (not private.has_blank(body)),
  add constraint challenges_rewards_blank check (not private.has_blank(rewards)),
  add constraint challenges_competence_areas_blank check (not private.has_blank(competence_areas));
alter table public.organisations
  add constraint organisations_name_blank check (not private.is_blank(name)),
  add constraint organisations_names_blank check (not private.has_blank(names));
alter table public.profiles
  add constraint profiles_display_name_blank
    check (display_name = '' or not private.is_blank(display_name));
alter table public.team_projects
  add constraint team_projects_title_blank check (not private.is_blank(title));
alter table public.teams
  add constraint teams_name_blank check (not private.is_blank(name)),
  add constraint teams_home_organisations_blank check (not private.has_blank(home_organisations));
alter table public.work_entries
  add constraint work_entries_area_blank check (not private.is_blank(area)),
  add constraint work_entries_organisation_blank check (not private.is_blank(organisation)),
  add constraint work_entries_role_blank check (not private.is_blank(role));
alter table public.workshops
  add constraint workshops_title_blank check (not private.is_blank(title)),
  add constraint workshops_agenda_blank check (not private.agenda_has_blank_title(agenda));

-- Redefined from 20261209006100_supabase_auth_storage.sql: a name the sign-up brings that
-- is blank by private.is_blank is not given (the next one, else ''), so the check on
-- profiles.display_name never fails a sign-up; nothing else changed.
create or replace function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, display_name, locale)
  values (
    new.id,
    lower(coalesce(new.email, '')),
    left(coalesce(case when not private.is_blank(meta ->> 'display_name') then meta ->> 'display_name' end,
                  case when not private.is_blank(meta ->> 'full_name') then meta ->> 'full_name' end,
                  case when not private.is_blank(meta ->> 'name') then meta ->> 'name' end, ''), 120),
    case when meta ->> 'locale' in ('fi', 'sv', 'en') then meta ->> 'locale' else 'fi' end
  );
  return new;
end
$$;
revoke execute on function private.handle_new_user() from public;
