-- "Download my data" (issue 15): building the archive reads every table about the person
-- and their files, so it is counted like an upload: a few times an hour per person is
-- plenty for the right of access and keeps one account from loading the server.
insert into private.limit_rules (name, max_hits, window_seconds) values
  ('dataExport', 5, 3600)
on conflict (name) do nothing;
