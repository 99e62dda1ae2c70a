-- Notices and delivery: generated documents as immutable records, payment references
-- (Kassenzeichen), deliveries with their legal date of notification, print batches.

-- A generated notice or letter: the PDF exactly as made, its SHA-256, and what it was made from.
-- Regenerating makes a new version; a version never changes.
create table documents (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  -- the definition's document id (`documents[].id`) and the version of it on this case
  template text not null check (length(template) <= 100),
  version integer not null check (version >= 1),
  kind text not null check (kind in ('notice', 'letter', 'receipt')),
  title text not null check (length(title) <= 500),
  filename text not null check (length(filename) <= 200),
  content bytea not null,
  size integer not null check (size > 0),
  pages integer not null check (pages > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  service_version integer not null,
  -- SHA-256 over the template's inputs: the definition's document, the text blocks it used and
  -- the renderer's Typst templates (a changed block or layout shows as another template version)
  template_version text not null check (template_version ~ '^[0-9a-f]{64}$'),
  -- what the notice says about payment (Kassenzeichen, amount, due date, fee lines), for fee notices
  payment jsonb,
  -- the recipient's address lines as printed (the print batch's cover sheet lists them)
  recipient text[] not null default '{}',
  effect_key text check (length(effect_key) <= 300),
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, case_id, template, version),
  unique (tenant_id, effect_key),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
create index documents_case on documents (tenant_id, case_id, created_at);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is immutable: a record is never changed; make a new version', tg_table_name
    using errcode = 'integrity_constraint_violation';
end $$;
create trigger documents_immutable before update on documents
  for each row execute function forbid_change();
revoke update, delete on documents from dienstwerk_app;

-- Kassenzeichen: unique per municipality, one per case and fee notice (a regenerated notice keeps
-- it); numbered per municipality and year.
create table payment_references (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kassenzeichen text not null check (length(kassenzeichen) between 1 and 35),
  case_id uuid not null,
  template text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, kassenzeichen),
  unique (tenant_id, case_id, template),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
revoke update, delete on payment_references from dienstwerk_app;

create table kassenzeichen_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  year integer not null,
  last bigint not null,
  primary key (tenant_id, year)
);

-- Outgoing-mail batches for the print room: one PDF (cover sheet, then the letters in order).
create table print_batches (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  number integer not null,
  posted_on date not null,
  letters integer not null check (letters > 0),
  pages integer not null check (pages > 0),
  content bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number)
);
create trigger print_batches_immutable before update on print_batches
  for each row execute function forbid_change();
revoke update, delete on print_batches from dienstwerk_app;

-- One delivery of a document on one channel, with its legal date of notification (Bekanntgabe).
--   postbox / email: provided for retrieval; retrieved -> notified the day after (§ 41 Abs. 2a
--     VwVfG); not retrieved within 10 days of the notification -> expired (and another channel).
--   print: queued for the next print batch; posted -> notified on the fourth day after posting
--     (§ 41 Abs. 2 VwVfG).
create table deliveries (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  document_id uuid not null,
  channel text not null check (channel in ('postbox', 'email', 'print')),
  status text not null check (status in ('provided', 'retrieved', 'expired', 'queued', 'posted')),
  -- the delivery this one replaces (a postbox delivery that was not retrieved)
  replaces uuid,
  -- where a postbox delivery put the notice
  message_id uuid,
  -- the e-mail address notified (email channel)
  email text check (length(email) <= 320),
  effect_key text check (length(effect_key) <= 300),
  provided_at timestamptz,
  notified_at timestamptz,
  expires_on date,
  retrieved_at timestamptz,
  batch_id uuid,
  posted_on date,
  effective_on date,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, effect_key),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade,
  foreign key (tenant_id, document_id) references documents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, batch_id) references print_batches (tenant_id, id),
  foreign key (tenant_id, message_id) references postbox_messages (tenant_id, id) on delete set null (message_id)
);
create index deliveries_case on deliveries (tenant_id, case_id);
create index deliveries_open on deliveries (tenant_id, channel, status)
  where status in ('provided', 'queued');
create index deliveries_message on deliveries (message_id) where message_id is not null;
revoke delete on deliveries from dienstwerk_app;

do $$
declare t text;
begin
  foreach t in array array['documents', 'payment_references', 'kassenzeichen_counters',
    'print_batches', 'deliveries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;

-- The applicant reads their own delivered documents (Bürgerkonto, DSGVO export).
create policy applicant_read on documents for select
  using (id in (select d.document_id from deliveries d where d.case_id in
    (select c.id from cases c where c.applicant_id = app_user_id())));
create policy applicant_read on deliveries for select
  using (case_id in (select c.id from cases c where c.applicant_id = app_user_id()));
