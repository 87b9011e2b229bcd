-- Issue 12, three languages on one page: an organisation's name was in one language
-- ("City of Helsinki" on a Finnish page). `names` holds it in fi/sv/en
-- ({"fi": "Helsingin kaupunki", "sv": "Helsingfors stad", "en": "City of Helsinki"});
-- `name` stays the name in `primary_locale`, kept equal to names[primary_locale] here,
-- so mail, CSV and sorting that read `name` go on working. A page shows the name in its
-- language, else in the primary one, marked with its `lang` (src/lib/domain/locale.ts,
-- pickLocalized; src/lib/components/Localized.svelte).
alter table public.organisations
  add column names jsonb not null default '{}'::jsonb
    check (jsonb_typeof(names) = 'object' and names - array['fi', 'sv', 'en'] = '{}'::jsonb),
  add column primary_locale text not null default 'fi'
    check (primary_locale in ('fi', 'sv', 'en'));

-- Keeps names and name one record: empty translations dropped; a changed `name` alone
-- (an old client) becomes the primary language's name; without a name in the primary
-- language the first given of fi, sv, en is primary.
create function private.organisation_names() returns trigger
language plpgsql set search_path = ''
as $$
declare
  cleaned jsonb := '{}'::jsonb;
  k text;
  v text;
begin
  for k, v in select key, btrim(value) from jsonb_each_text(coalesce(new.names, '{}'::jsonb)) loop
    if v <> '' then
      if char_length(v) not between 2 and 200 then
        raise exception 'an organisation name is 2 to 200 characters' using errcode = '23514';
      end if;
      cleaned := cleaned || jsonb_build_object(k, v);
    end if;
  end loop;
  if tg_op = 'UPDATE' and new.name is distinct from old.name and cleaned = old.names then
    cleaned := cleaned || jsonb_build_object(new.primary_locale, btrim(new.name));
  end if;
  if cleaned = '{}'::jsonb then
    cleaned := jsonb_build_object(new.primary_locale, btrim(new.name));
  elsif not cleaned ? new.primary_locale then
    select l into new.primary_locale
      from unnest(array['fi', 'sv', 'en']) with ordinality as u(l, i)
      where cleaned ? l order by i limit 1;
  end if;
  new.names := cleaned;
  new.name := cleaned ->> new.primary_locale;
  return new;
end
$$;
revoke execute on function private.organisation_names() from public, anon, authenticated;
create trigger organisations_names before insert or update on public.organisations
  for each row execute function private.organisation_names();

-- Existing rows: their one name, in the default primary language.
update public.organisations set names = jsonb_build_object(primary_locale, name) where names = '{}';

grant insert (names, primary_locale) on public.organisations to authenticated;
grant update (names, primary_locale) on public.organisations to authenticated;

-- Questions and answers of the market dialogue are written in one language: the asker's
-- (their profile's language when asking). A page in another language marks them with it;
-- a question from before this has none, and the page takes the challenge's primary one.
alter table public.challenge_questions
  add column lang text check (lang is null or lang in ('fi', 'sv', 'en'));

create function private.question_lang() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.lang := coalesce(new.lang,
    (select p.locale from public.profiles p where p.id = (select auth.uid())));
  return new;
end
$$;
revoke execute on function private.question_lang() from public, anon, authenticated;
create trigger challenge_questions_lang before insert on public.challenge_questions
  for each row execute function private.question_lang();
