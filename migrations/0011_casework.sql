-- Casework: deadlines, follow-ups (Wiedervorlage) and timers that have fired. The scheduled
-- sweep records each event once (the primary key), notifies the responsible staff in the same
-- transaction, and a definition's due timer action runs at most once per due date. The inbox's
-- "Wiedervorlage fällig" / "Frist überschritten" views read these rows (kind, due_on) together
-- with the case state's current followUp / dueDate.
create table case_reminders (
  tenant_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('followUp', 'deadline', 'timer')),
  due_on date not null,
  -- the timer's action; '' for follow-ups and deadlines
  action_id text not null default '',
  fired_at timestamptz not null default now(),
  -- a timer action the engine refused (guard, status changed): why, kept for the history view
  outcome text,
  primary key (tenant_id, case_id, kind, due_on, action_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade
);
create index case_reminders_kind on case_reminders (tenant_id, kind, due_on);
alter table case_reminders enable row level security;
alter table case_reminders force row level security;
create policy tenant_isolation on case_reminders using (tenant_id = app_tenant_id())
  with check (tenant_id = app_tenant_id());

-- The sweep looks only at cases with a follow-up, a deadline or a timer.
create index cases_follow_up on cases (tenant_id, (state ->> 'followUp')) where state ? 'followUp';
create index cases_due_date on cases (tenant_id, (state ->> 'dueDate')) where state ? 'dueDate';
create index cases_timers on cases (tenant_id) where state ? 'timers';
