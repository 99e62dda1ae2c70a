import type { Context, Hono } from "hono";
import { germanDate, isIsoDate } from "../../core/index.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff, staffRoles } from "../accounts/index.ts";
import { type Filters, VIEWS, type View } from "./inbox.repository.ts";
import {
  type AssignKind,
  assignTarget,
  changeAssignment,
  decodeCursor,
  inboxPage,
  type Viewer,
} from "./inbox.service.ts";
import { assignPageView, type InboxQuery, inboxPageView, noInboxPage } from "./inbox.views.ts";

const INBOX_ROLES = ["caseworker", "approver", "admin", "auditor"] as const;
const WORK_ROLES = ["caseworker", "approver", "admin"] as const;
const CHANNELS = ["online", "api", "post", "fax", "phone", "email", "counter"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE = "/:tenant/amt/vorgaenge/:caseId";

const viewerOf = (c: Context<AppEnv>): Viewer => ({
  userId: c.var.viewer!.userId,
  roles: staffRoles(c),
});

/** Reads the inbox's query string; unusable values are dropped, wrong dates reported. */
function readQuery(c: Context<AppEnv>): {
  q: InboxQuery;
  errors: FieldErrors;
  raw: Record<string, string>;
} {
  const get = (k: string) => c.req.query(k)?.trim() || undefined;
  const t = c.var.t;
  const errors: FieldErrors = {};
  const raw: Record<string, string> = {};
  const view = (VIEWS as readonly string[]).includes(get("ansicht") ?? "")
    ? (get("ansicht") as View)
    : "meine";
  const filters: Filters = {};
  const service = get("dienst");
  if (service && UUID.test(service)) filters.serviceId = service;
  const status = get("status");
  if (status && status.length <= 100) filters.status = status;
  for (const [key, prop] of [
    ["von", "receivedFrom"],
    ["bis", "receivedTo"],
  ] as const) {
    const v = get(key);
    if (!v) continue;
    raw[key] = v;
    if (isIsoDate(v)) filters[prop] = v;
    else errors[key] = t("inbox.error.date");
  }
  if (filters.receivedFrom && filters.receivedTo && filters.receivedTo < filters.receivedFrom) {
    errors.bis = t("inbox.error.range");
    delete filters.receivedTo;
  }
  const assignee = get("bearbeitung");
  if (assignee && (assignee === "none" || UUID.test(assignee))) filters.assignee = assignee;
  const channel = get("kanal");
  if (channel && (CHANNELS as readonly string[]).includes(channel)) {
    filters.channel = channel as Filters["channel"];
  }
  const search = get("suche");
  if (search) raw.suche = search;
  if (search && search.length > 200) errors.suche = t("inbox.error.search");
  else if (search) filters.q = search;
  const sort = get("sortierung") === "frist" ? "frist" : "eingang";
  return { q: { view, sort, filters }, errors, raw };
}

/** `/{tenant}/amt/`: the inbox; claim, release and reassign a case. */
export function mountInbox(app: Hono<AppEnv>, platform: Platform) {
  const tenantOf = async (c: Context<AppEnv>) => ({ id: c.var.tenant!.id });
  app.use("/:tenant/amt/", requireStaff(platform));
  app.use(`${CASE}/uebernehmen`, requireStaff(platform, [...WORK_ROLES]));
  app.use(`${CASE}/abgeben`, requireStaff(platform, [...WORK_ROLES]));
  app.use(`${CASE}/zuweisen`, requireStaff(platform, [...WORK_ROLES]));

  const show = async (c: Context<AppEnv>, extra: { problem?: string; status?: 409 } = {}) => {
    const viewer = viewerOf(c);
    const admin = viewer.roles.includes("admin");
    if (!viewer.roles.some((r) => (INBOX_ROLES as readonly string[]).includes(r))) {
      return noInboxPage(c, admin);
    }
    const { q, errors, raw } = readQuery(c);
    const after = decodeCursor(c.req.query("nach"));
    const result = await inboxPage(platform, await tenantOf(c), viewer, { ...q, after });
    const hasErrors = Object.keys(errors).length > 0;
    return inboxPageView(c, {
      q,
      page: result,
      me: viewer.userId,
      admin,
      today: germanDate(new Date()),
      paged: !!after,
      errors: hasErrors ? errors : undefined,
      raw,
      ...extra,
      status: extra.status ?? (hasErrors ? 422 : 200),
    });
  };
  app.get("/:tenant/amt/", (c) => show(c));

  const assign = async (c: Context<AppEnv>, kind: AssignKind, done: string) => {
    const caseId = c.req.param("caseId") ?? "";
    if (!UUID.test(caseId)) throw notFound();
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    try {
      await changeAssignment(platform, await tenantOf(c), viewerOf(c), {
        caseId,
        kind,
        version: Number(str("version")),
        to: UUID.test(str("person")) ? str("person") : undefined,
        orgUnitId: UUID.test(str("organisationseinheit")) ? str("organisationseinheit") : undefined,
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.key !== "cases.error.stale") throw err;
      if (kind === "reassign") return assignForm(c, caseId, c.var.t("inbox.stale"));
      return show(c, { problem: c.var.t("inbox.stale"), status: 409 });
    }
    setFlash(c, done);
    const back = str("zurueck");
    const target = back.startsWith(`/${c.var.tenant!.slug}/amt/`)
      ? back
      : `/${c.var.tenant!.slug}/amt/`;
    return c.redirect(target, 303);
  };
  const assignForm = async (c: Context<AppEnv>, caseId: string, problem?: string) => {
    const viewer = viewerOf(c);
    const target = await assignTarget(platform, await tenantOf(c), viewer, caseId);
    return assignPageView(c, {
      ...target,
      admin: viewer.roles.includes("admin"),
      problem,
      status: problem ? 409 : 200,
    });
  };

  app.post(`${CASE}/uebernehmen`, (c) => assign(c, "claim", "inbox.claimed"));
  app.post(`${CASE}/abgeben`, (c) => assign(c, "release", "inbox.released"));
  app.post(`${CASE}/zuweisen`, (c) => assign(c, "reassign", "inbox.reassigned"));
  app.get(`${CASE}/zuweisen`, (c) => {
    const caseId = c.req.param("caseId");
    if (!UUID.test(caseId)) throw notFound();
    return assignForm(c, caseId);
  });
}
