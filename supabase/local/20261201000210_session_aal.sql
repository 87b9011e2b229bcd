-- The authenticator assurance level of a session, as Supabase Auth puts it in the JWT
-- (`aal`): 'aal2' when the session passed the second factor (a sign-in that gave a TOTP
-- or recovery code, or the session in which the factor was enrolled), else 'aal1'.
-- Database.as puts it in request.jwt.claims; private.is_platform_admin() requires aal2.
alter table local_auth.sessions
  add column aal text not null default 'aal1' check (aal in ('aal1', 'aal2'));
