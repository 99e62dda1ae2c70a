-- The no-code studio: one working draft per service, edited by designers through the studio's
-- JSON API. Every save increments `revision`; a save that names an older revision is refused, so
-- that two designers never silently overwrite each other. Publishing copies the draft into
-- service_versions (immutable) and records who published it.
-- Tenant-owned: tenant_id first in the key, row-level security forced.

create table service_drafts (
  tenant_id uuid not null,
  service_id uuid not null,
  revision integer not null check (revision > 0),
  definition jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  primary key (tenant_id, service_id),
  foreign key (tenant_id, service_id) references services (tenant_id, id) on delete cascade
);

alter table service_drafts enable row level security;
alter table service_drafts force row level security;
create policy tenant_isolation on service_drafts
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());

alter table service_versions add column published_by uuid references users (id) on delete set null;
