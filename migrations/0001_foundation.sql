-- Foundation: tenants, staff and citizen accounts, sessions, org units, mail outbox.
-- Tenant-owned tables: primary key starts with tenant_id, row-level security forced.

do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'dienstwerk_app') then
    create role dienstwerk_app nologin nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end $$;

grant usage on schema public to dienstwerk_app;
alter default privileges in schema public grant select, insert, update, delete on tables to dienstwerk_app;
alter default privileges in schema public grant usage, select on sequences to dienstwerk_app;

-- The tenant of the current transaction, set by the platform's transaction helper.
create function app_tenant_id() returns uuid language sql stable as $$
  select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 60),
  name text not null check (length(name) between 2 and 200),
  settings jsonb not null default '{}',
  logo bytea,
  logo_type text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('citizen', 'staff')),
  email text not null check (length(email) <= 254),
  name text not null default '',
  password_hash text not null,
  platform_admin boolean not null default false,
  email_verified_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  locale text not null default 'de' check (locale in ('de', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_kind_email on users (kind, lower(email));

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  -- 'mfa' while the password is checked but the second factor is not yet
  stage text not null check (stage in ('mfa', 'full')),
  tenant_id uuid references tenants (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table auth_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify-email', 'reset-password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index auth_tokens_user on auth_tokens (user_id);

-- Failed sign-in attempts per key (account or client address), for throttling.
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  first_failure_at timestamptz not null default now(),
  blocked_until timestamptz
);

create table org_units (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  email text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

create table memberships (
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  roles text[] not null check (roles <@ array['admin', 'designer', 'caseworker', 'approver', 'auditor']::text[] and cardinality(roles) > 0),
  org_unit_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user on memberships (user_id);

-- Mail written while no SMTP server is configured: the development outbox.
create table dev_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  message_id text not null unique
);

do $$
declare t text;
begin
  foreach t in array array['org_units', 'memberships'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;
