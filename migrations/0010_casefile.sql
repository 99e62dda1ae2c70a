-- The case file: internal notes of the staff, and the log of staff views of a case's personal
-- data (DSGVO accountability, Art. 5 Abs. 2). Both are append-only for the application role.

create table case_notes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  author_id uuid references users (id) on delete set null,
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
create index case_notes_case on case_notes (tenant_id, case_id, created_at);

create table case_access_log (
  tenant_id uuid not null,
  id bigint generated always as identity,
  case_id uuid not null,
  user_id uuid references users (id) on delete set null,
  at timestamptz not null default now(),
  -- what was seen: 'view' (the case file) or 'download' (an attachment, with its file id)
  what text not null check (what in ('view', 'download')),
  file_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
create index case_access_log_case on case_access_log (tenant_id, case_id, at desc);

do $$
declare t text;
begin
  foreach t in array array['case_notes', 'case_access_log'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;

-- Notes are kept as written and the access log as it happened: insert and read only.
revoke update, delete on case_notes from dienstwerk_app;
revoke update, delete on case_access_log from dienstwerk_app;
