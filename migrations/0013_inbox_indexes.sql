-- The inbox at scale (bench/inbox.ts: 1,000,000 cases in 100 municipalities). Row-level security
-- adds `tenant_id = app_tenant_id() or applicant_id = app_user_id()` to every query on cases, so
-- the planner counts the municipality twice, expects a row or two, and reads every case of the
-- municipality through a bitmap scan to sort them. The inbox repository turns bitmap scans off
-- for its page and count queries; these indexes are what it walks instead.

-- "All cases", newest first: the first page is the first 26 entries of the municipality.
create index cases_inbox_received on cases (tenant_id, received_at desc, id desc);
-- "Mine": the open cases of one person (closed ones outnumber them by far).
create index cases_inbox_mine on cases (tenant_id, assignee_id, received_at desc, id desc)
  where open;
-- The counts of all views from the index alone (applicant_id: the row-level security policy).
create index cases_inbox_counts on cases (tenant_id)
  include (org_unit_id, assignee_id, follow_up, due_date, pending_by, applicant_id) where open;
-- Org units belong to one municipality: tenant and org unit are not independent.
create statistics cases_tenant_org_unit (mcv, dependencies) on tenant_id, org_unit_id from cases;
