-- Supabase mode (issue 15): the second factor and the change of address through Supabase
-- Auth's own MFA and email-change flows. Applies unchanged to a Supabase project and to
-- plain Postgres.

-- Wrong second-factor codes per account: in Supabase mode the codes are checked by
-- Supabase Auth, so the app counts the wrong ones here (auth/supabase-mfa.ts), with local
-- mode's numbers (second-factor.ts CODE_FAILURE_LIMIT, CODE_WINDOW_MS: 10 per 15 min).
insert into private.limit_rules (name, max_hits, window_seconds) values ('secondFactorCode', 10, 15 * 60);

-- A change of address Supabase Auth confirms (the links of updateUser({ email })) writes
-- auth.users.email as supabase_auth_admin: profiles.email already follows
-- (private.sync_profile_email). This records it in the audit log as local mode's
-- confirmation does (auth/email-change.ts confirmEmailChange: 'email_change' on the user,
-- by the user). Local mode's own flow (private.confirm_email_change, run by the app's
-- role) records its entry in the app with the client address, so it is not recorded twice.
create function private.audit_auth_email_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.record_audit('email_change', 'user', new.id::text, '{"via": "supabase"}'::jsonb, new.id);
  return new;
end
$$;
revoke execute on function private.audit_auth_email_change() from public, anon, authenticated;
create trigger on_auth_user_email_audited
  after update of email on auth.users
  for each row when (old.email is distinct from new.email and current_user = 'supabase_auth_admin')
  execute function private.audit_auth_email_change();
