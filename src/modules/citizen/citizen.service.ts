import type { AccountProfile, ActionDef, ServiceDefinition, StatusKind } from "../../core/index.ts";
import { withCitizen, withPlatform } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { listUserSessions, verifyPassword } from "../accounts/index.ts";
import type { Cases } from "../cases/index.ts";
import { exportSubscriptions } from "../news/index.ts";
import { exportMessages } from "../postbox/index.ts";
import { getServiceVersion } from "../services/index.ts";
import {
  type ApplicationRow,
  caseFiles,
  caseRecord,
  deleteCitizen,
  exportDrafts,
  findAccount,
  findApplication,
  listApplications,
  type StoredProfile,
  updateProfile,
} from "./citizen.repository.ts";

/**
 * What the account knows about the citizen, in the shape `prefillForm` (core) expects: the
 * portal prefills application forms with it.
 */
export async function profileOf(platform: Platform, userId: string): Promise<AccountProfile> {
  const account = await withPlatform(platform.database.db, (tx) => findAccount(tx, userId));
  if (!account) return {};
  const p = account.profile as StoredProfile;
  return {
    givenName: p.givenName || undefined,
    familyName: p.familyName || undefined,
    email: account.email,
    phone: p.phone || undefined,
    address: p.address ? { ...p.address } : undefined,
  };
}

/** The stored profile as the profile page shows it. */
export async function storedProfile(platform: Platform, userId: string): Promise<StoredProfile> {
  const account = await withPlatform(platform.database.db, (tx) => findAccount(tx, userId));
  return (account?.profile ?? {}) as StoredProfile;
}

export async function saveProfile(platform: Platform, userId: string, profile: StoredProfile) {
  await withPlatform(platform.database.db, (tx) => updateProfile(tx, userId, profile));
}

export type ApplicationSummary = {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  caseId: string;
  reference: string;
  serviceTitle: string;
  receivedAt: Date;
  statusTitle: string;
  statusDescription?: string;
  statusKind: StatusKind;
  version: number;
  href: string;
};

async function definitionOf(platform: Platform, row: ApplicationRow) {
  const service = await getServiceVersion(
    platform.database.db,
    row.tenant_id,
    row.service_id,
    row.service_version,
  );
  if (!service) throw new Error(`Case ${row.id} refers to a missing service version`);
  return service.definition;
}

function summarise(row: ApplicationRow, def: ServiceDefinition): ApplicationSummary {
  const status = def.process.statuses.find((s) => s.id === row.status);
  return {
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    caseId: row.id,
    reference: row.reference,
    serviceTitle: row.service_title,
    receivedAt: row.received_at,
    statusTitle: status?.title ?? row.status,
    statusDescription: status?.description,
    statusKind: status?.kind ?? "open",
    version: row.version,
    href: `/konto/antraege/${row.tenant_slug}/${row.id}`,
  };
}

/** The citizen's applications in every municipality, newest first, with their status. */
export async function applicationsOf(
  platform: Platform,
  userId: string,
): Promise<ApplicationSummary[]> {
  const rows = await withCitizen(platform.database.db, userId, (tx) =>
    listApplications(tx, userId),
  );
  return Promise.all(rows.map(async (r) => summarise(r, await definitionOf(platform, r))));
}

export const isFinal = (kind: StatusKind) => kind === "final-positive" || kind === "final-negative";

export type TimelineEntry = { at: Date; title: string; description?: string };

/** A field of an action's input (a leaf form field). */
export type InputField = NonNullable<ActionDef["input"]>[number];

export type TaskAction = { actionId: string; title: string; fields: InputField[] };

/** What the applicant is asked for and may do now (a case waiting for them). */
export type Task = {
  /** What the authority asked, e.g. the missing documents (inputs of the request). */
  request: { label: string; value: string }[];
  actions: TaskAction[];
};

export type ApplicationDetail = {
  summary: ApplicationSummary;
  timeline: TimelineEntry[];
  files: { id: string; filename: string; size: number }[];
  task?: Task;
  /** Actions the applicant may take although nothing is asked (e.g. withdraw). */
  actions: TaskAction[];
};

/**
 * One application of the citizen: status, timeline from the history in the definition's words,
 * documents, and the task when the case waits for them. Anyone else's case: not found.
 */
export async function applicationOf(
  platform: Platform,
  cases: Cases,
  userId: string,
  tenantSlug: string,
  caseId: string,
): Promise<ApplicationDetail> {
  const db = platform.database.db;
  const found = await withCitizen(db, userId, async (tx) => {
    const row = await findApplication(tx, userId, tenantSlug, caseId);
    if (!row) return undefined;
    const record = await caseRecord(tx, row.tenant_id, row.id);
    const files = await caseFiles(tx, row.tenant_id, row.id);
    return { row, record, files };
  });
  if (!found) throw notFound();
  const { row, record, files } = found;
  const def = await definitionOf(platform, row);
  const summary = summarise(row, def);
  const statusOf = (id: unknown) => def.process.statuses.find((s) => s.id === id);
  const timeline: TimelineEntry[] = [];
  for (const e of record.events) {
    const payload = e.payload as { from?: string; to?: string };
    if (e.type === "case.started") {
      timeline.push({ at: new Date(e.at), title: "", description: statusOf(payload.to)?.title });
    } else if (e.type === "action.performed" && payload.to && payload.to !== payload.from) {
      const s = statusOf(payload.to);
      timeline.push({
        at: new Date(e.at),
        title: s?.title ?? payload.to,
        description: s?.description,
      });
    }
  }
  const available = await cases.withActions(
    { tenant: { id: row.tenant_id }, caseId: row.id },
    { id: userId, roles: ["applicant"] },
  );
  const actions: TaskAction[] = (available?.actions ?? [])
    .filter((a) => a.kind === "perform")
    .map((a) => {
      const action = def.process.actions.find((x) => x.id === a.actionId) as ActionDef;
      return { actionId: a.actionId, title: a.title, fields: action.input ?? [] };
    });
  let task: Task | undefined;
  if (summary.statusKind === "waiting-for-applicant") {
    task = { request: requestOf(def, record.events, row.status), actions };
  }
  return {
    summary,
    timeline,
    files: files
      .filter((f) => !f.message_id)
      .map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
    task,
    actions: task ? [] : actions,
  };
}

/** The text inputs of the action that put the case into its waiting status (what was asked). */
function requestOf(
  def: ServiceDefinition,
  events: { type: string; payload: unknown }[],
  status: string,
): { label: string; value: string }[] {
  const last = [...events]
    .reverse()
    .find((e) => e.type === "action.performed" && (e.payload as { to?: string }).to === status);
  const p = last?.payload as { actionId?: string; input?: Record<string, unknown> } | undefined;
  const action = def.process.actions.find((a) => a.id === p?.actionId);
  return (action?.input ?? [])
    .filter(
      (f) => (f.type === "textarea" || f.type === "text") && typeof p?.input?.[f.id] === "string",
    )
    .map((f) => ({
      label: "label" in f ? (f.label ?? f.id) : f.id,
      value: String(p?.input?.[f.id]),
    }));
}

/** Everything stored about the citizen (DSGVO Art. 15 and 20), as plain JSON. */
export async function exportOf(platform: Platform, userId: string) {
  const db = platform.database.db;
  const account = await withPlatform(db, (tx) => findAccount(tx, userId));
  if (!account) throw notFound();
  const { password_hash: _hash, profile, ...rest } = account;
  const held = await withCitizen(db, userId, async (tx) => {
    const rows = await listApplications(tx, userId);
    const applications = [];
    for (const r of rows) {
      const { row, events } = await caseRecord(tx, r.tenant_id, r.id);
      const files = await caseFiles(tx, r.tenant_id, r.id);
      applications.push({
        municipality: r.tenant_name,
        service: r.service_title,
        reference: r.reference,
        receivedAt: r.received_at,
        status: r.status,
        channel: row?.channel,
        data: (row?.state as { data?: unknown } | undefined)?.data ?? {},
        history: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, payload: e.payload })),
        files: files.map((f) => ({ name: f.filename, type: f.content_type, size: f.size })),
      });
    }
    const messages = await exportMessages(tx);
    const drafts = await exportDrafts(tx);
    const subscriptions = await exportSubscriptions(tx, userId);
    return { messages, drafts, subscriptions, applications };
  });
  // Signed-in devices: when, from where, with which browser (the session secret stays out).
  const sessions = (await listUserSessions(db, userId, new Date())).map((s) => ({
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    expiresAt: s.expires_at,
    ip: s.ip,
    userAgent: s.user_agent,
  }));
  return {
    exportedAt: new Date(),
    account: rest,
    profile,
    applications: held.applications,
    postbox: held.messages,
    drafts: held.drafts,
    subscriptions: held.subscriptions,
    sessions,
  };
}

/**
 * Deletes the citizen's account after checking the password: sessions, drafts and profile go;
 * cases and their correspondence stay with the municipality (record keeping) without the
 * account. Refused while a case is still open.
 */
export async function deleteAccount(platform: Platform, userId: string, password: string) {
  const db = platform.database.db;
  const account = await withPlatform(db, (tx) => findAccount(tx, userId));
  if (account?.kind !== "citizen") throw notFound();
  if (!(await verifyPassword(account.password_hash, password))) {
    throw new DomainError("citizen.delete.wrongPassword", { field: "password" });
  }
  const open = (await applicationsOf(platform, userId)).filter((a) => !isFinal(a.statusKind));
  if (open.length > 0) {
    throw new DomainError("citizen.delete.openCases", {
      status: 409,
      params: { count: open.length },
    });
  }
  await withPlatform(db, (tx) => deleteCitizen(tx, userId));
}
