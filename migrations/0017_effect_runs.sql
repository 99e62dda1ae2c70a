-- Effects that reach outside the database (mails to staff) run as jobs, at least once. The job
-- records its effect here in the transaction that queues the mails: a repeated job finds the row
-- and does nothing, so each effect of a case happens once.
-- Tenant-owned: tenant_id first in the key, row-level security forced.

create table case_effect_runs (
  tenant_id uuid not null,
  case_id uuid not null,
  effect_key text not null check (length(effect_key) between 1 and 200),
  ran_at timestamptz not null default now(),
  primary key (tenant_id, case_id, effect_key),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);

alter table case_effect_runs enable row level security;
alter table case_effect_runs force row level security;
create policy tenant_isolation on case_effect_runs
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
