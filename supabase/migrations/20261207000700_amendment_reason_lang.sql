-- The language of an amendment's reason (as 20261204000300_user_text_lang.sql did for the
-- other texts people type): kept with its writer's language (private.caller_locale), so the
-- public challenge page in another language marks it with `lang` (WCAG 3.1.2). Found by the
-- accessibility crawl: an English reason on the Finnish page of a challenge.

alter table public.challenge_amendments add column lang text not null
  default private.caller_locale() check (lang in ('fi', 'sv', 'en'));

-- What was written before: in its author's language. Amendments are never changed, so the
-- guard stands aside for this one statement of the migration.
alter table public.challenge_amendments disable trigger challenge_amendments_never_change;
update public.challenge_amendments a set lang = p.locale
  from public.profiles p where p.id = a.author_id and p.locale in ('fi', 'sv', 'en');
alter table public.challenge_amendments enable trigger challenge_amendments_never_change;
