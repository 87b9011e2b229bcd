-- A decision date is a day, not an instant (issue 11, item 1). It was stored as the
-- instant of Helsinki midnight, which every UTC writer (iCalendar DATE values among them)
-- turned into the day before. Existing values are converted in Europe/Helsinki, so
-- 2027-01-09 22:00 UTC (midnight of 10 January in Helsinki) becomes 2027-01-10.
-- public.amend_challenge fills the column from JSON with jsonb_populate_recordset, which
-- now reads a 'YYYY-MM-DD' string as that day; public.challenge_record writes it so.
alter table public.challenge_stages
  alter column decision_on type date using (decision_on at time zone 'Europe/Helsinki')::date;
