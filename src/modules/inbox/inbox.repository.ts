import { type Expression, type SqlBool, sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";

export const VIEWS = [
  "meine",
  "teams",
  "offen",
  "wiedervorlage",
  "frist",
  "freigabe",
  "alle",
] as const;
export type View = (typeof VIEWS)[number];
export type Sort = "eingang" | "frist";

/** Whose inbox: admins see every case of the municipality, others their org units' and their own. */
export type Scope = {
  userId: string;
  all: boolean;
  orgUnitIds: string[];
  approver: boolean;
  /** Today and the last day that counts as "deadline near" (ISO dates, Europe/Berlin). */
  today: string;
  nearDate: string;
};

export type Filters = {
  serviceId?: string;
  status?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** A person's id, or "none" for unassigned cases. */
  assignee?: string;
  channel?: DB["cases"]["channel"];
  q?: string;
};

export type Cursor = { v: string; id: string };

export type InboxRow = {
  id: string;
  reference: string;
  service_id: string;
  service_version: number;
  status: string;
  version: number;
  channel: string;
  received_at: Date;
  due_date: string | null;
  follow_up: string | null;
  applicant_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  org_unit_id: string | null;
  pending_by: string | null;
};

type Conditions = Expression<SqlBool>[];

/**
 * What a person may see: everything for admins; otherwise cases routed to one of their org units,
 * cases assigned to them, and cases routed to no org unit (so that a case whose service names no
 * existing unit never becomes invisible to the municipality's caseworkers).
 */
function visible(s: Scope): Expression<SqlBool> {
  if (s.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`(c.org_unit_id is null or c.org_unit_id = any(${s.orgUnitIds}::uuid[]) or c.assignee_id = ${s.userId})`;
}

function viewCondition(view: View, s: Scope): Expression<SqlBool> {
  switch (view) {
    case "meine":
      return sql<SqlBool>`c.open and c.assignee_id = ${s.userId}`;
    case "teams":
      return sql<SqlBool>`c.open and c.org_unit_id = any(${s.orgUnitIds}::uuid[])`;
    case "offen":
      return sql<SqlBool>`c.open and c.assignee_id is null`;
    case "wiedervorlage":
      return sql<SqlBool>`c.open and c.follow_up <= ${s.today}::date`;
    case "frist":
      return sql<SqlBool>`c.open and c.due_date <= ${s.nearDate}::date`;
    case "freigabe":
      return s.approver
        ? sql<SqlBool>`c.open and c.pending_by is not null and c.pending_by <> ${s.userId}`
        : sql<SqlBool>`false`;
    case "alle":
      return sql<SqlBool>`true`;
  }
}

function filterConditions(f: Filters): Conditions {
  const where: Conditions = [];
  if (f.serviceId) where.push(sql`c.service_id = ${f.serviceId}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.channel) where.push(sql`c.channel = ${f.channel}`);
  if (f.receivedFrom) {
    where.push(
      sql`c.received_at >= (${f.receivedFrom}::date::timestamp at time zone 'Europe/Berlin')`,
    );
  }
  if (f.receivedTo) {
    where.push(
      sql`c.received_at < ((${f.receivedTo}::date + 1)::timestamp at time zone 'Europe/Berlin')`,
    );
  }
  if (f.assignee === "none") where.push(sql`c.assignee_id is null`);
  else if (f.assignee) where.push(sql`c.assignee_id = ${f.assignee}`);
  // An Aktenzeichen finds its case through the unique index, not the text search.
  if (f.q && REFERENCE.test(f.q)) where.push(sql`c.reference = ${f.q.toUpperCase()}`);
  else if (f.q) where.push(sql`c.search @@ websearch_to_tsquery('german', ${f.q})`);
  return where;
}

const dueKey = sql`coalesce(c.due_date, date '9999-12-31')`;
const REFERENCE = /^[A-Z]+-\d{4}-\d{5}$/i;

/**
 * Turns bitmap scans (and, for a page in index order, sorts) off for the rest of the transaction.
 * Row-level security adds `tenant_id = app_tenant_id() or applicant_id = app_user_id()` to every
 * query on cases: the planner then counts the municipality twice, expects a row or two and reads
 * every case of the municipality to sort them (10,000 pages with 1,000,000 cases in 100
 * municipalities) where walking an ordered index stops after a page (migration 0013;
 * bench/inbox.ts). `set_config(…, true)` ends with the transaction.
 */
async function walkIndexes(tx: Tx, ordered: boolean): Promise<void> {
  const sortOff = ordered ? sql`, set_config('enable_sort', 'off', true)` : sql``;
  await sql`select set_config('enable_bitmapscan', 'off', true)${sortOff}`.execute(tx);
}

export type ViewCounts = Record<Exclude<View, "alle">, number>;

/**
 * One page of a view — newest first (or nearest deadline first), after the cursor (keyset) — and
 * how many open cases each view holds (filters and search left aside). Changes planner settings
 * for the rest of the transaction: run it last.
 */
export async function readInbox(
  tx: Tx,
  tenantId: string,
  q: { view: View; scope: Scope; filters: Filters; sort: Sort; after?: Cursor; limit: number },
): Promise<{ rows: InboxRow[]; counts: ViewCounts }> {
  // Newest first walks an index; by deadline, every open case of the view is sorted anyway, and
  // an Aktenzeichen is one row of the unique index.
  const ordered = q.sort === "eingang" && !(q.filters.q && REFERENCE.test(q.filters.q));
  if (ordered) await walkIndexes(tx, true);
  const rows = (await listQuery(tenantId, q).execute(tx)).rows;
  if (!ordered) await walkIndexes(tx, false);
  const counts = (await countQuery(tenantId, q.scope).execute(tx)).rows[0] as ViewCounts;
  return { rows, counts };
}

function listQuery(
  tenantId: string,
  q: { view: View; scope: Scope; filters: Filters; sort: Sort; after?: Cursor; limit: number },
) {
  const where: Conditions = [
    sql`c.tenant_id = ${tenantId}`,
    visible(q.scope),
    viewCondition(q.view, q.scope),
    ...filterConditions(q.filters),
  ];
  if (q.after && q.sort === "eingang") {
    where.push(sql`(c.received_at, c.id) < (${q.after.v}::timestamptz, ${q.after.id}::uuid)`);
  }
  if (q.after && q.sort === "frist") {
    where.push(sql`(${dueKey}, c.id) > (${q.after.v}::date, ${q.after.id}::uuid)`);
  }
  const order =
    q.sort === "eingang" ? sql`c.received_at desc, c.id desc` : sql`${dueKey} asc, c.id asc`;
  return sql<InboxRow>`
    select c.id, c.reference, c.service_id, c.service_version, c.status, c.version, c.channel,
      c.received_at, c.due_date::text as due_date, c.follow_up::text as follow_up,
      c.applicant_name, c.assignee_id, u.name as assignee_name, c.org_unit_id, c.pending_by
    from cases c left join users u on u.id = c.assignee_id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${q.limit}`;
}

function countQuery(tenantId: string, s: Scope) {
  const views = VIEWS.filter((v): v is Exclude<View, "alle"> => v !== "alle");
  return sql<Record<string, number>>`
    select ${sql.join(
      views.map((v) => sql`count(*) filter (where ${viewCondition(v, s)})::int as ${sql.id(v)}`),
    )}
    from cases c
    where c.tenant_id = ${tenantId} and c.open and ${visible(s)}`;
}

export type VisibleCase = {
  id: string;
  reference: string;
  version: number;
  assignee_id: string | null;
  org_unit_id: string | null;
};

/** A case the scope may see (isolation: anything else is "not found"). */
export async function findVisibleCase(
  tx: Tx,
  tenantId: string,
  scope: Scope,
  caseId: string,
): Promise<VisibleCase | undefined> {
  const result = await sql<VisibleCase>`
    select c.id, c.reference, c.version, c.assignee_id, c.org_unit_id from cases c
    where c.tenant_id = ${tenantId} and c.id = ${caseId} and ${visible(scope)}`.execute(tx);
  return result.rows[0];
}

/** Which of these cases the scope may see (bulk actions offer and perform only those). */
export async function visibleCaseIds(
  tx: Tx,
  tenantId: string,
  scope: Scope,
  caseIds: readonly string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const result = await sql<{ id: string }>`
    select c.id from cases c
    where c.tenant_id = ${tenantId} and c.id = any(${[...caseIds]}::uuid[]) and ${visible(scope)}`.execute(
    tx,
  );
  return new Set(result.rows.map((r) => r.id));
}

/** The municipality's services (newest published title) for the filter. */
export async function listServices(
  tx: Tx,
): Promise<{ id: string; slug: string; version: number }[]> {
  const result = await sql<{ id: string; slug: string; version: number }>`
    select distinct on (s.id) s.id, s.slug, v.version
    from services s join service_versions v on v.tenant_id = s.tenant_id and v.service_id = s.id
    where v.state = 'published'
    order by s.id, v.version desc`.execute(tx);
  return result.rows;
}
