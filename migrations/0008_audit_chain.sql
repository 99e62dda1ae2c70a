-- The hash chain over each tenant's case history. Events are sealed in the order the sealer
-- sees them committed (chain_seq), not by id: identity values are handed out before commit,
-- so ids can commit out of order, and sealing by id would skip late commits.
alter table case_events add column chain_seq bigint;
create unique index case_events_chain on case_events (tenant_id, chain_seq) where chain_seq is not null;
create index case_events_unsealed on case_events (tenant_id, id) where chain_seq is null;

create table audit_heads (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  last_seq bigint not null default 0,
  last_hash text not null,
  sealed_at timestamptz not null default now()
);
alter table audit_heads enable row level security;
alter table audit_heads force row level security;
create policy tenant_isolation on audit_heads using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());

-- Sealing writes only the chain columns of a history row; its content stays insert-only.
grant update (chain_seq) on case_events to dienstwerk_app;
