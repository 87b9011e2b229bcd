-- Least privilege for the sequences behind generated ids (found by the Supabase push test,
-- issue 15): the shim's and Supabase's default privileges grant every sequence in public to
-- anon and authenticated, so a visitor could advance the audit log's and the milestone
-- events' sequences (nextval) although neither role writes those tables. Only the definer
-- functions that insert the rows use them.
revoke all on sequence public.audit_log_id_seq from anon, authenticated;
revoke all on sequence public.poc_milestone_events_seq_seq from anon, authenticated;
