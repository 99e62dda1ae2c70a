import { createHash, randomUUID } from "node:crypto";
import type { Context, Hono } from "hono";
import {
  type FieldDef,
  formatMessage,
  germanDate,
  isEmailAddress,
  isIsoDate,
  parseGermanDate,
  type ServiceDefinition,
  validateSubmission,
} from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { findCitizenByEmail, requireStaff, staffRoles } from "../accounts/index.ts";
import { type Cases, findCase, SubmissionInvalid } from "../cases/index.ts";
import {
  addItem,
  checkUpload,
  fileFieldAt,
  groupOn,
  mergePagePost,
  removeItem,
} from "../portal/index.ts";
import { catalogue, getPublishedService } from "../services/index.ts";
import { storeCaseFiles } from "./intake-desk.repository.ts";
import {
  CHANNELS,
  type Channel,
  chooserPage,
  donePage,
  type Entered,
  intakeForm,
} from "./intake-desk.views.ts";

type Ctx = Context<AppEnv>;
type FileField = Extract<FieldDef, { type: "file" }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = ["caseworker", "admin"] as const;
/** The form's own names (prefixed, so they never meet a definition's field ids). */
export const OWN = {
  key: "amt_schluessel",
  channel: "amt_kanal",
  received: "amt_eingang",
  scans: "amt_scans",
  account: "amt_konto",
} as const;
const SCANS: FileField = {
  id: OWN.scans,
  type: "file",
  label: "Scans",
  accept: ["application/pdf", "image/jpeg", "image/png"],
  maxSizeBytes: 20 * 1024 * 1024,
  maxFiles: 20,
} as FileField;

type Stored = {
  id: string;
  path: string;
  filename: string;
  mimeType: string;
  sha256: string;
  content: Buffer;
};

/** A file id that the same form key, path and content always give: a resubmit repeats it. */
function stableId(key: string, path: string, sha256: string): string {
  const h = createHash("sha256").update(`${key}\0${path}\0${sha256}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function setAt(data: Record<string, unknown>, path: string, value: unknown, multiple: boolean) {
  const m = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!m) return;
  let holder: Record<string, unknown> = data;
  let key = m[1];
  if (m[2] !== undefined) {
    const items = Array.isArray(data[m[1]]) ? (data[m[1]] as Record<string, unknown>[]) : [];
    while (items.length <= Number(m[2])) items.push({});
    data[m[1]] = items;
    holder = items[Number(m[2])];
    key = m[3];
  }
  if (value === undefined) delete holder[key];
  else if (multiple)
    holder[key] = [...(Array.isArray(holder[key]) ? (holder[key] as unknown[]) : []), value];
  else holder[key] = value;
}

/** `/{tenant}/amt/erfassung`: staff enter an application received by post, phone, counter … */
export function mountIntakeDesk(app: Hono<AppEnv>, platform: Platform, deps: { cases: Cases }) {
  const { db } = platform.database;
  const guard = requireStaff(platform, [...ROLES]);
  app.use("/:tenant/amt/erfassung", guard);
  app.use("/:tenant/amt/erfassung/*", guard);
  const admin = (c: Ctx) => staffRoles(c).includes("admin");

  async function load(c: Ctx) {
    const tenant = c.var.tenant;
    if (!tenant) throw notFound();
    const service = await getPublishedService(db, tenant.id, c.req.param("service") ?? "");
    if (!service) throw notFound();
    return { tenant, service, action: `/${tenant.slug}/amt/erfassung/${service.slug}` };
  }

  app.get("/:tenant/amt/erfassung", async (c) =>
    chooserPage(c, await catalogue(db, c.var.tenant!.id), admin(c)),
  );

  app.get("/:tenant/amt/erfassung/erfasst/:caseId", async (c) => {
    const caseId = c.req.param("caseId");
    if (!UUID.test(caseId)) throw notFound();
    const found = await withTenant(db, c.var.tenant!.id, (tx) => findCase(tx, caseId));
    if (!found) throw notFound();
    return donePage(c, { caseId, reference: found.reference, admin: admin(c) });
  });

  app.get("/:tenant/amt/erfassung/:service", async (c) => {
    const { service, action } = await load(c);
    return intakeForm(c, {
      action,
      def: service.definition,
      data: {},
      entered: { key: randomUUID(), channel: "", received: "", account: "" },
      errors: new Map(),
      admin: admin(c),
    });
  });

  app.post("/:tenant/amt/erfassung/:service", async (c) => {
    const { tenant, service, action } = await load(c);
    const def: ServiceDefinition = service.definition;
    const t = c.var.t;
    const form = await c.req.formData().catch(() => new FormData());
    const entries: [string, string][] = [];
    const files: [string, File][] = [];
    form.forEach((v, k) => {
      if (typeof v === "string") entries.push([k, v]);
      else if (v.size > 0 || v.name) files.push([k, v]);
    });
    const text = (k: string) => String(form.get(k) ?? "").trim();
    const key = UUID.test(text(OWN.key)) ? text(OWN.key) : randomUUID();
    const entered: Entered = {
      key,
      channel: text(OWN.channel),
      received: text(OWN.received),
      account: text(OWN.account),
    };

    // The definition's fields, page by page, exactly as the portal merges a page's post.
    let data: Record<string, unknown> = {};
    for (const p of def.form.pages) {
      const ids = new Set(p.fields.map((f) => f.id));
      const mine = entries.filter(([k]) => ids.has(k.split(/[.[]/)[0]));
      const merged = mergePagePost(def, p, data, mine);
      if (merged.unknown.length > 0)
        throw new DomainError("portal.error.tampered", { status: 400 });
      data = merged.data;
    }
    const ownNames = new Set<string>(["_csrf", "_action", ...Object.values(OWN)]);
    const pageIds = new Set(def.form.pages.flatMap((p) => p.fields.map((f) => f.id)));
    if (entries.some(([k]) => !ownNames.has(k) && !pageIds.has(k.split(/[.[]/)[0])))
      throw new DomainError("portal.error.tampered", { status: 400 });

    const errors = new Map<string, string>();
    const render = (status: 200 | 422) => {
      // Files are stored only with the case: after a refusal they are chosen again.
      for (const s of stored) if (s.path !== OWN.scans) setAt(data, s.path, undefined, false);
      return intakeForm(c, { action, def, data, entered, errors, admin: admin(c), status });
    };

    // Uploads: the form's file fields and the scans, each checked by its content.
    const stored: Stored[] = [];
    const scans = files.filter(([k, f]) => k === OWN.scans && f.size > 0);
    if (scans.length > (SCANS.maxFiles ?? 1))
      errors.set(OWN.scans, t("intakeDesk.error.tooMany", { max: SCANS.maxFiles ?? 1 }));
    for (const [path, file] of files) {
      if (file.size === 0) continue;
      const field =
        path === OWN.scans
          ? SCANS
          : def.form.pages.map((p) => fileFieldAt(p, path)).find((f) => f !== undefined);
      if (!field) throw new DomainError("portal.error.tampered", { status: 400 });
      const checked = await checkUpload(field, file);
      if (!checked.ok) {
        if (!errors.has(path)) errors.set(path, t(checked.key, checked.params));
        continue;
      }
      const id = stableId(key, path, checked.sha256);
      stored.push({ id, path, ...checked });
      if (path !== OWN.scans) {
        const value = {
          id,
          name: checked.filename,
          mimeType: checked.mimeType,
          size: checked.content.length,
        };
        setAt(data, path, value, (field.maxFiles ?? 1) > 1);
      }
    }

    // Adding or removing an item of a repeating group shows the form again.
    const [verb, target, arg] = (text("_action") || "erfassen").split(":");
    if (verb === "add" || verb === "remove") {
      const group = def.form.pages.map((p) => groupOn(p, target ?? "")).find(Boolean);
      if (!group) throw new DomainError("portal.error.tampered", { status: 400 });
      data = verb === "add" ? addItem(data, group) : removeItem(data, group, Number(arg));
      return render(200);
    }

    if (!(CHANNELS as readonly string[]).includes(entered.channel))
      errors.set(OWN.channel, t("intakeDesk.error.channel"));
    const today = germanDate(new Date());
    const received = parseGermanDate(entered.received);
    if (!received || !isIsoDate(received)) errors.set(OWN.received, t("intakeDesk.error.received"));
    else if (received > today) errors.set(OWN.received, t("intakeDesk.error.future"));
    let applicantId: string | null = null;
    if (entered.account) {
      const user = isEmailAddress(entered.account)
        ? await findCitizenByEmail(db, entered.account)
        : undefined;
      if (!user) errors.set(OWN.account, t("intakeDesk.error.account"));
      else applicantId = user.id;
    }
    const message = (p: { key: string; params?: unknown }) =>
      formatMessage(p.key, (p.params ?? {}) as Record<string, string | number>, c.var.locale);
    const check = validateSubmission(def, data, {
      today: received && isIsoDate(received) ? received : today,
    });
    if (!check.ok)
      for (const p of check.errors) if (!errors.has(p.path)) errors.set(p.path, message(p));
    if (errors.size > 0) return render(422);

    const receivedAt = received === today ? new Date() : new Date(`${received}T12:00:00Z`);
    let submitted: Awaited<ReturnType<Cases["submit"]>>;
    try {
      submitted = await deps.cases.submit({
        tenant: { id: tenant.id },
        serviceSlug: service.slug,
        data,
        applicantId,
        channel: entered.channel as Channel,
        idempotencyKey: `amt-${key}`,
        receivedAt,
      });
    } catch (err) {
      if (!(err instanceof SubmissionInvalid)) throw err;
      for (const p of err.problems) if (!errors.has(p.path)) errors.set(p.path, message(p));
      return render(422);
    }
    // Same ids on a repeated submit: the files of the first are kept, none are added twice.
    await withTenant(db, tenant.id, (tx) =>
      storeCaseFiles(
        tx,
        tenant.id,
        submitted.caseId,
        stored.map((s) => ({ ...s, path: s.path === OWN.scans ? "scans" : s.path })),
      ),
    );
    return c.redirect(`/${tenant.slug}/amt/erfassung/erfasst/${submitted.caseId}`, 303);
  });
}
