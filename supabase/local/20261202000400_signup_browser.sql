-- The browser that signed up (issue 12, Solver): a verification token may carry the
-- SHA-256 of a nonce kept in that browser's cookie. Opening the mailed link there signs
-- the person in; opening it anywhere else only verifies the address.
alter table local_auth.email_tokens add column browser_hash text
  check (browser_hash is null or browser_hash ~ '^[0-9a-f]{64}$');
