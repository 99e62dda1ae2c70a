-- Accounts: the last accepted TOTP time step per user, so that a code cannot be replayed.
alter table users add column totp_last_step bigint;

-- Expired sessions are swept by expiry; sessions of a user are listed on the security page.
create index sessions_expires on sessions (expires_at);
