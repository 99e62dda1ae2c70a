import { addWorkingDays, type Bundesland, germanDate, type IsoDate } from "../../core/index.ts";
import { type Db, withTenant } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { type Assignment, assignCase, tenantLand } from "../cases/index.ts";
import { getServiceVersion } from "../services/index.ts";
import {
  listMembers,
  listOrgUnits,
  type MemberRow,
  membersOf,
  orgUnitsOf,
} from "../tenants/index.ts";
import {
  type Cursor,
  type Filters,
  findVisibleCase,
  type InboxRow,
  listServices,
  readInbox,
  type Scope,
  type Sort,
  type View,
  type ViewCounts,
  visibleCaseIds,
} from "./inbox.repository.ts";

export const PAGE_SIZE = 25;
/** "Frist nah": the deadline falls within this many working days (or has passed). */
export const NEAR_WORKING_DAYS = 3;

type Tenant = { id: string };
export type Viewer = { userId: string; roles: readonly Role[] };

/** What a service version says about its statuses, kept per published version (immutable). */
type ServiceInfo = { title: string; statuses: Map<string, { title: string; kind: string }> };
const infoCache = new Map<string, ServiceInfo>();

async function serviceInfo(db: Db, tenantId: string, serviceId: string, version: number) {
  const key = `${tenantId}:${serviceId}:${version}`;
  const hit = infoCache.get(key);
  if (hit) return hit;
  const service = await getServiceVersion(db, tenantId, serviceId, version);
  const def = service?.definition;
  const info: ServiceInfo = {
    title: def?.meta.title ?? "",
    statuses: new Map(def?.process.statuses.map((s) => [s.id, { title: s.title, kind: s.kind }])),
  };
  if (infoCache.size > 5000) infoCache.delete(infoCache.keys().next().value as string);
  infoCache.set(key, info);
  return info;
}

/** The viewer's scope in the municipality: org units and roles, today and the "near" date. */
export async function scopeOf(
  db: Db,
  tenant: Tenant,
  viewer: Viewer,
  now = new Date(),
): Promise<Scope & { members: MemberRow[] }> {
  const members = await membersOf(db, tenant.id);
  return scopeFrom(members, viewer, await tenantLand(db, tenant.id), now);
}

function scopeFrom(
  members: MemberRow[],
  viewer: Viewer,
  land: Bundesland,
  now: Date,
): Scope & { members: MemberRow[] } {
  const me = members.find((m) => m.user_id === viewer.userId);
  const today = germanDate(now);
  return {
    userId: viewer.userId,
    all: viewer.roles.includes("admin"),
    orgUnitIds: me?.org_unit_ids ?? [],
    approver: viewer.roles.includes("approver"),
    today,
    nearDate: addWorkingDays(today as IsoDate, NEAR_WORKING_DAYS, land),
    members,
  };
}

export type InboxEntry = InboxRow & { serviceTitle: string; statusTitle: string };

export type InboxPage = {
  rows: InboxEntry[];
  counts: ViewCounts;
  next?: Cursor;
  services: { id: string; slug: string; title: string }[];
  statuses: { id: string; title: string }[];
  members: { id: string; name: string }[];
  orgUnits: { id: string; name: string }[];
};

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString("base64url");
}

export function decodeCursor(s: string | undefined): Cursor | undefined {
  if (!s) return undefined;
  try {
    const [v, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (typeof v === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id)) {
      if (!Number.isNaN(Date.parse(v))) return { v, id };
    }
  } catch {
    // an unreadable cursor starts at the first page
  }
  return undefined;
}

/** One page of an inbox view with the counts of all views and the filters' choices. */
export async function inboxPage(
  platform: Platform,
  tenant: Tenant,
  viewer: Viewer,
  q: { view: View; filters: Filters; sort: Sort; after?: Cursor },
  now = new Date(),
): Promise<InboxPage> {
  const db = platform.database.db;
  const land = await tenantLand(db, tenant.id);
  // One transaction, one connection: the page is a handful of round trips, not two dozen.
  const { scope, units, serviceRows, rows, counts } = await withTenant(
    db,
    tenant.id,
    async (tx) => {
      const scope = scopeFrom(await listMembers(tx, tenant.id), viewer, land, now);
      const units = await listOrgUnits(tx, tenant.id);
      const serviceRows = await listServices(tx);
      const page = await readInbox(tx, tenant.id, { ...q, scope, limit: PAGE_SIZE + 1 });
      return { scope, units, serviceRows, ...page };
    },
  );
  const more = rows.length > PAGE_SIZE;
  const shown = rows.slice(0, PAGE_SIZE);
  const entries = await Promise.all(
    shown.map(async (r) => {
      const info = await serviceInfo(db, tenant.id, r.service_id, r.service_version);
      const statusTitle = info.statuses.get(r.status)?.title ?? r.status;
      return { ...r, serviceTitle: info.title, statusTitle };
    }),
  );
  const last = shown.at(-1);
  const next =
    more && last
      ? {
          v:
            q.sort === "eingang" ? last.received_at.toISOString() : (last.due_date ?? "9999-12-31"),
          id: last.id,
        }
      : undefined;
  const services = await Promise.all(
    serviceRows.map(async (s) => ({
      ...s,
      info: await serviceInfo(db, tenant.id, s.id, s.version),
    })),
  );
  const statuses = new Map<string, string>();
  for (const s of services) for (const [id, st] of s.info.statuses) statuses.set(id, st.title);
  return {
    rows: entries,
    counts,
    next,
    services: services
      .map((s) => ({ id: s.id, slug: s.slug, title: s.info.title }))
      .sort((a, b) => a.title.localeCompare(b.title, "de")),
    statuses: [...statuses].map(([id, title]) => ({ id, title })),
    members: scope.members
      .filter((m) => m.roles.some((r) => r === "caseworker" || r === "approver" || r === "admin"))
      .map((m) => ({ id: m.user_id, name: m.name || m.email })),
    orgUnits: units.map((u) => ({ id: u.id, name: u.name })),
  };
}

export type AssignKind = "claim" | "release" | "reassign";

/**
 * Claim (to me), release (to nobody) or reassign (to a member and/or another org unit of the
 * municipality). A case outside the viewer's org units is not found; a stale version is refused.
 */
export async function changeAssignment(
  platform: Platform,
  tenant: Tenant,
  viewer: Viewer,
  r: { caseId: string; kind: AssignKind; version: number; to?: string; orgUnitId?: string },
): Promise<void> {
  const db = platform.database.db;
  const scope = await scopeOf(db, tenant, viewer);
  const found = await withTenant(db, tenant.id, (tx) =>
    findVisibleCase(tx, tenant.id, scope, r.caseId),
  );
  if (!found) throw notFound();
  let assignment: Assignment;
  if (r.kind === "claim") assignment = { actorId: viewer.userId };
  else if (r.kind === "release") assignment = { actorId: null };
  else {
    const member = r.to ? scope.members.find((m) => m.user_id === r.to) : undefined;
    if (r.to && !member) throw notFound();
    const units = r.orgUnitId ? await orgUnitsOf(db, tenant.id) : [];
    if (r.orgUnitId && !units.some((u) => u.id === r.orgUnitId)) throw notFound();
    assignment = { actorId: member?.user_id ?? null, orgUnit: r.orgUnitId };
  }
  await assignCase(platform, {
    tenant,
    caseId: r.caseId,
    assignment,
    by: viewer.userId,
    expectedVersion: r.version,
  });
}

/** The case a person may (re)assign, with the municipality's people and org units; else 404. */
export async function assignTarget(
  platform: Platform,
  tenant: Tenant,
  viewer: Viewer,
  caseId: string,
) {
  const db = platform.database.db;
  const scope = await scopeOf(db, tenant, viewer);
  const found = await withTenant(db, tenant.id, (tx) =>
    findVisibleCase(tx, tenant.id, scope, caseId),
  );
  if (!found) throw notFound();
  const units = await orgUnitsOf(db, tenant.id);
  return {
    caseId: found.id,
    reference: found.reference,
    version: found.version,
    members: scope.members
      .filter((m) => m.roles.some((r) => r === "caseworker" || r === "approver" || r === "admin"))
      .map((m) => ({ id: m.user_id, name: m.name || m.email })),
    orgUnits: units.map((u) => ({ id: u.id, name: u.name })),
    current: { assignee: found.assignee_id, orgUnit: found.org_unit_id },
  };
}

/**
 * Whether a staff member may see a case: admins every case of the municipality, others the cases
 * of their org units and those assigned to them. For the workspace's case pages (404 otherwise).
 */
export async function caseVisibleTo(
  platform: Platform,
  tenant: Tenant,
  viewer: Viewer,
  caseId: string,
): Promise<boolean> {
  const db = platform.database.db;
  const scope = await scopeOf(db, tenant, viewer);
  const found = await withTenant(db, tenant.id, (tx) =>
    findVisibleCase(tx, tenant.id, scope, caseId),
  );
  return !!found;
}

/** Which of these cases the person may see (`caseVisibleTo` for many cases, in one query). */
export async function casesVisibleTo(
  platform: Platform,
  tenant: Tenant,
  viewer: Viewer,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const db = platform.database.db;
  const scope = await scopeOf(db, tenant, viewer);
  return withTenant(db, tenant.id, (tx) => visibleCaseIds(tx, tenant.id, scope, caseIds));
}
