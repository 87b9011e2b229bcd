-- The language of what jurors write (issue 13, as issue 12 did for every other text people
-- type): a justification, a revision's reason and a consensus comment are kept with the
-- language their writer used (profiles.locale follows the language switcher,
-- private.caller_locale), so a page in another language marks them with `lang` (WCAG
-- 3.1.2). Found by the accessibility crawl: a Finnish page showed another juror's English
-- justification as Finnish. A changed justification takes the language of whoever changed
-- it; the scores frozen with a decision keep their language.

alter table public.jury_scores add column lang text not null default private.caller_locale()
  check (lang in ('fi', 'sv', 'en'));
alter table public.jury_score_revisions add column lang text not null default private.caller_locale()
  check (lang in ('fi', 'sv', 'en'));
alter table public.jury_comments add column lang text not null default private.caller_locale()
  check (lang in ('fi', 'sv', 'en'));
alter table public.decision_scores add column lang text not null default 'fi'
  check (lang in ('fi', 'sv', 'en'));

-- What was written before: in its writer's language now. The guards would stamp a new
-- saved_at on every score, so they stand aside for this one statement of the migration.
alter table public.jury_scores disable trigger jury_scores_guard;
update public.jury_scores x set lang = p.locale
  from public.jury_members j join public.profiles p on p.id = j.user_id
  where j.id = x.juror_id and p.locale in ('fi', 'sv', 'en');
alter table public.jury_scores enable trigger jury_scores_guard;
alter table public.jury_score_revisions disable trigger jury_score_revisions_guard;
update public.jury_score_revisions r set lang = p.locale
  from public.profiles p where p.id = r.revised_by and p.locale in ('fi', 'sv', 'en');
alter table public.jury_score_revisions enable trigger jury_score_revisions_guard;
update public.jury_comments c set lang = p.locale
  from public.jury_members j join public.profiles p on p.id = j.user_id
  where j.id = c.juror_id and p.locale in ('fi', 'sv', 'en');

-- A justification rewritten (a draft saved again, a revision) is in the language of who
-- rewrote it.
create function private.jury_score_lang() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.justification is distinct from old.justification then
    new.lang := private.caller_locale();
  end if;
  return new;
end
$$;
revoke execute on function private.jury_score_lang() from public, anon, authenticated;
create trigger jury_scores_lang before update on public.jury_scores
  for each row execute function private.jury_score_lang();

-- Redefined from 20261206000100_decisions.sql: the frozen scores keep their language.
create or replace function private.decision_mark_published(decision uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.decisions;
  x record;
begin
  select * into d from public.decisions where id = decision;
  insert into public.decision_scores (item_id, criterion_id, juror_ordinal, points, justification, lang)
    select i.id, s.criterion_id, o.ordinal, s.points, s.justification, s.lang
    from public.decision_items i
    join public.jury_scores s on s.application_id = i.application_id and s.state = 'submitted'
    join public.challenge_criteria k on k.id = s.criterion_id and k.challenge_id = d.challenge_id
      and k.stage = d.stage
    join (select j.id, row_number() over (order by j.invited_at, j.id)::int as ordinal
          from public.jury_members j
          where j.challenge_id = d.challenge_id and j.stage = d.stage
            and exists (select 1 from public.jury_scores z where z.juror_id = j.id and z.state = 'submitted')
         ) o on o.id = s.juror_id
    where i.decision_id = decision
      and not exists (select 1 from public.jury_conflicts c
                      where c.juror_id = s.juror_id and c.application_id = i.application_id and c.conflict);
  update public.decisions set
      k = case when stage = 'screening' then k else private.decision_k(challenge_id, stage) end,
      decided_on = coalesce(decided_on, (now() at time zone 'Europe/Helsinki')::date),
      published_at = now(),
      published_by = (select auth.uid())
    where id = decision;
  if (select auth.uid()) is null then return; end if;
  for x in select i.application_id, i.chosen, i.team_name, a.team_id
           from public.decision_items i join public.applications a on a.id = i.application_id
           where i.decision_id = decision loop
    perform private.enqueue_mail(
      case when d.stage = 'screening' then 'screening_result' else 'decision_published' end,
      private.team_user_ids(x.team_id),
      private.mail_challenge(d.challenge_id) || case when d.stage = 'screening'
        then jsonb_build_object('team', x.team_name, 'eligible', x.chosen,
                                'path', '/applications/' || x.application_id)
        else jsonb_build_object('team', x.team_name, 'chosen', x.chosen, 'stage', d.stage,
                                'correction', d.kind = 'correction',
                                'path', '/applications/' || x.application_id)
      end);
  end loop;
end
$$;
