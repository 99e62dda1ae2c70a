-- Services (versioned definitions), cases with their history, files, drafts, postbox, API keys.
-- Every table here is tenant-owned: tenant_id first in the key, row-level security forced.

create table services (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 80),
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, slug)
);

create table service_versions (
  tenant_id uuid not null,
  service_id uuid not null,
  version integer not null check (version > 0),
  state text not null check (state in ('draft', 'published')),
  title text not null,
  definition jsonb not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  primary key (tenant_id, service_id, version),
  foreign key (tenant_id, service_id) references services (tenant_id, id) on delete cascade,
  check ((state = 'published') = (published_at is not null))
);

-- A published version is immutable: running cases stay on the version they started with.
create function service_versions_immutable() returns trigger language plpgsql as $$
begin
  if old.state = 'published' then
    raise exception 'published service version % of % is immutable', old.version, old.service_id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger service_versions_immutable before update on service_versions
  for each row execute function service_versions_immutable();

-- Case references (Aktenzeichen) count per tenant and year.
create table case_reference_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  year integer not null,
  last integer not null,
  primary key (tenant_id, year)
);

create table cases (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  reference text not null,
  service_id uuid not null,
  service_version integer not null,
  status text not null,
  -- the engine's case state (src/core CaseState): status, data, fees, deadlines, pending approval
  state jsonb not null,
  -- optimistic concurrency: every change increments it and checks the one it read
  version integer not null default 1,
  applicant_id uuid references users (id) on delete set null,
  channel text not null check (channel in ('online', 'api', 'post', 'fax', 'phone', 'email', 'counter')),
  idempotency_key text check (length(idempotency_key) between 8 and 200),
  request_hash text,
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, reference),
  unique (tenant_id, idempotency_key),
  foreign key (tenant_id, service_id, service_version)
    references service_versions (tenant_id, service_id, version)
);
create index cases_applicant on cases (applicant_id) where applicant_id is not null;
create index cases_tenant_status on cases (tenant_id, status, received_at desc);

-- The case history: append-only. id orders all events of the instance; hash and prev_hash
-- chain a tenant's events (sealed in id order by the audit module).
create table case_events (
  tenant_id uuid not null,
  id bigint generated always as identity,
  case_id uuid not null,
  seq integer not null,
  type text not null,
  actor_id text not null,
  at timestamptz not null,
  payload jsonb not null default '{}',
  prev_hash text,
  hash text,
  primary key (tenant_id, id),
  unique (tenant_id, case_id, seq),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);

create table files (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  case_id uuid,
  draft_id uuid,
  field_path text,
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null,
  size integer not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index files_case on files (tenant_id, case_id) where case_id is not null;
create index files_draft on files (tenant_id, draft_id) where draft_id is not null;

create table drafts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  service_id uuid not null,
  service_version integer not null,
  user_id uuid references users (id) on delete cascade,
  resume_token_hash text unique,
  data jsonb not null default '{}',
  page text,
  submit_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, service_id, service_version)
    references service_versions (tenant_id, service_id, version) on delete cascade
);
create index drafts_user on drafts (user_id) where user_id is not null;

-- Messages between the authority and the applicant: the citizen's postbox.
create table postbox_messages (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  recipient_id uuid references users (id) on delete cascade,
  direction text not null check (direction in ('to-applicant', 'from-applicant')),
  subject text not null,
  body text not null,
  author_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- first retrieval by the recipient (§ 41 Abs. 2a VwVfG)
  read_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
create index postbox_recipient on postbox_messages (recipient_id, created_at desc);

create table api_keys (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  key_hash text not null unique,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id)
);

do $$
declare t text;
begin
  foreach t in array array['services', 'service_versions', 'case_reference_counters', 'cases',
    'case_events', 'files', 'drafts', 'postbox_messages', 'api_keys'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;

-- History is append-only for the application.
revoke update, delete on case_events from dienstwerk_app;
grant update (prev_hash, hash) on case_events to dienstwerk_app;

-- A citizen's own records across all municipalities (the Bürgerkonto is instance-wide): read
-- access in a transaction whose citizen context (app.user_id) is set by `withCitizen`.
create function app_user_id() returns uuid language sql stable as $$
  select nullif(current_setting('app.user_id', true), '')::uuid
$$;
create policy applicant_read on cases for select using (applicant_id = app_user_id());
create policy applicant_read on case_events for select
  using (case_id in (select c.id from cases c where c.applicant_id = app_user_id()));
create policy applicant_read on postbox_messages for select using (recipient_id = app_user_id());
create policy applicant_read on files for select
  using (case_id in (select c.id from cases c where c.applicant_id = app_user_id()));
create policy owner_access on drafts using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy catalogue_read on services for select using (app_user_id() is not null);
create policy catalogue_read on service_versions for select using (app_user_id() is not null and state = 'published');
