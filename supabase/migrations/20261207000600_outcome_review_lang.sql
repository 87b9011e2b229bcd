-- The language of an owner's review comment on a production report (issue 14, as
-- 20261206000600_jury_text_lang.sql did for jurors' words): kept with the language its
-- writer used (private.caller_locale), so a page in another language marks it with `lang`
-- (WCAG 3.1.2). Found by the accessibility crawl: an English dispute comment shown on a
-- Finnish page as Finnish.

alter table public.outcome_report_reviews add column lang text not null
  default private.caller_locale() check (lang in ('fi', 'sv', 'en'));

-- What was written before: in its writer's language. Reviews are never changed, so the
-- guard stands aside for this one statement of the migration.
alter table public.outcome_report_reviews disable trigger outcome_report_reviews_guard;
update public.outcome_report_reviews v set lang = p.locale
  from public.profiles p where p.id = v.reviewed_by and p.locale in ('fi', 'sv', 'en');
alter table public.outcome_report_reviews enable trigger outcome_report_reviews_guard;
