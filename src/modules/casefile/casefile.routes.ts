import type { Context, Hono } from "hono";
import { z } from "zod";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff, staffRoles } from "../accounts/index.ts";
import type { Cases } from "../cases/index.ts";
import { actionFormPage } from "./action-form.views.ts";
import {
  ActionFormInvalid,
  actionOf,
  addNote,
  approveProposal,
  CASEFILE_ROLES,
  downloadDocument,
  downloadFile,
  messageApplicant,
  openCaseFile,
  performFromForm,
  returnProposal,
  type StaffActor,
} from "./casefile.service.ts";
import { type CaseFileState, caseFilePage } from "./casefile.views.ts";

const uuid = z.uuid();
const actionId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/);
const noteForm = z.object({ note: z.string().trim().min(1).max(10_000) });
const messageForm = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});

/** Path parameters checked before any query: anything malformed is simply not found. */
function caseParams(c: Context<AppEnv>) {
  const id = uuid.safeParse(c.req.param("caseId"));
  if (!id.success || !c.var.tenant) throw notFound();
  return { tenantId: c.var.tenant.id, caseId: id.data };
}

const actorOf = (c: Context<AppEnv>): StaffActor => ({
  id: c.var.viewer!.userId,
  roles: staffRoles(c),
});

async function formBody(c: Context<AppEnv>): Promise<[string, string][]> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(body)) {
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string") entries.push([k, x]);
  }
  return entries;
}

const versionOf = (entries: [string, string][]) => {
  const v = Number(entries.find(([k]) => k === "expectedVersion")?.[1]);
  return Number.isInteger(v) ? v : -1;
};

/** The case file at `/{tenant}/amt/vorgaenge/{caseId}` with its actions, notes and messages. */
export function mountCaseFile(app: Hono<AppEnv>, platform: Platform, cases: Cases) {
  const guard = requireStaff(platform, [...CASEFILE_ROLES]);
  const path = "/:tenant/amt/vorgaenge/:caseId";
  const baseOf = (c: Context<AppEnv>, caseId: string) =>
    `/${c.var.tenant!.slug}/amt/vorgaenge/${caseId}`;

  const show = async (c: Context<AppEnv>, s?: CaseFileState, status?: 200 | 409 | 422) => {
    const ref = caseParams(c);
    const file = await openCaseFile(platform, cases, ref, actorOf(c));
    return caseFilePage(c, baseOf(c, ref.caseId), file, s, status);
  };

  /**
   * A refused change — stale page, action no longer possible (409), or its notice could not be
   * made (422): the fresh, unchanged case file with the reason.
   */
  const refused = (c: Context<AppEnv>, err: unknown) => {
    if (err instanceof DomainError && (err.status === 409 || err.status === 422)) {
      return show(c, { refusal: c.var.t(err.key, err.params) }, err.status);
    }
    throw err;
  };

  app.get(path, guard, (c) => show(c));

  app.get(`${path}/aktionen/:actionId`, guard, async (c) => {
    const ref = caseParams(c);
    const id = actionId.safeParse(c.req.param("actionId"));
    if (!id.success) throw notFound();
    const file = await openCaseFile(platform, cases, ref, actorOf(c));
    const available = file.actions.find((a) => a.actionId === id.data && a.kind === "perform");
    const action = actionOf(file.def, id.data);
    if (!available || !action) {
      return show(c, { refusal: c.var.t("casefile.action.notAvailable") }, 409);
    }
    return actionFormPage(c, {
      base: baseOf(c, ref.caseId),
      reference: file.row.reference,
      def: file.def,
      action,
      version: file.row.version,
      needsSecondApproval: available.needsSecondApproval,
    });
  });

  app.post(`${path}/aktionen/:actionId`, guard, async (c) => {
    const ref = caseParams(c);
    const id = actionId.safeParse(c.req.param("actionId"));
    if (!id.success) throw notFound();
    const entries = await formBody(c);
    try {
      await performFromForm(platform, cases, {
        ...ref,
        actionId: id.data,
        actor: actorOf(c),
        entries: entries.filter(([k]) => k !== "_csrf" && k !== "expectedVersion"),
        expectedVersion: versionOf(entries),
        locale: c.var.locale,
      });
    } catch (err) {
      if (!(err instanceof ActionFormInvalid)) return refused(c, err);
      const file = await openCaseFile(platform, cases, ref, actorOf(c));
      const action = actionOf(file.def, id.data);
      if (!action) throw notFound();
      return actionFormPage(c, {
        base: baseOf(c, ref.caseId),
        reference: file.row.reference,
        def: file.def,
        action,
        version: versionOf(entries),
        needsSecondApproval: action.secondApproval !== undefined,
        state: { errors: err.errors, values: Object.fromEntries(entries) },
        status: 422,
      });
    }
    setFlash(c, "casefile.flash.done");
    return c.redirect(baseOf(c, ref.caseId), 303);
  });

  app.post(`${path}/freigeben`, guard, async (c) => {
    const ref = caseParams(c);
    const entries = await formBody(c);
    try {
      await approveProposal(platform, cases, {
        ...ref,
        actor: actorOf(c),
        expectedVersion: versionOf(entries),
      });
    } catch (err) {
      return refused(c, err);
    }
    setFlash(c, "casefile.flash.approved");
    return c.redirect(baseOf(c, ref.caseId), 303);
  });

  app.post(`${path}/zurueckgeben`, guard, async (c) => {
    const ref = caseParams(c);
    const entries = await formBody(c);
    const reason = (entries.find(([k]) => k === "reason")?.[1] ?? "").trim().slice(0, 2000);
    try {
      await returnProposal(cases, {
        ...ref,
        actor: actorOf(c),
        expectedVersion: versionOf(entries),
        reason,
      });
    } catch (err) {
      return refused(c, err);
    }
    setFlash(c, "casefile.flash.returned");
    return c.redirect(baseOf(c, ref.caseId), 303);
  });

  app.post(`${path}/notizen`, guard, async (c) => {
    const ref = caseParams(c);
    const form = await readForm(c, noteForm, c.var.t);
    if (!form.ok) return show(c, { errors: form.errors, values: form.values }, 422);
    await addNote(platform, { ...ref, authorId: c.var.viewer!.userId, body: form.data.note });
    setFlash(c, "casefile.flash.noteAdded");
    return c.redirect(`${baseOf(c, ref.caseId)}#notizen`, 303);
  });

  app.post(`${path}/nachrichten`, guard, async (c) => {
    const ref = caseParams(c);
    const form = await readForm(c, messageForm, c.var.t);
    if (!form.ok) return show(c, { errors: form.errors, values: form.values }, 422);
    try {
      await messageApplicant(platform, {
        ...ref,
        authorId: c.var.viewer!.userId,
        subject: form.data.subject,
        body: form.data.body,
      });
    } catch (err) {
      return refused(c, err);
    }
    setFlash(c, "casefile.flash.messageSent");
    return c.redirect(`${baseOf(c, ref.caseId)}#nachrichten`, 303);
  });

  app.get(`${path}/dokumente/:documentId`, guard, async (c) => {
    const ref = caseParams(c);
    const documentId = uuid.safeParse(c.req.param("documentId"));
    if (!documentId.success) throw notFound();
    const doc = await downloadDocument(platform, {
      ...ref,
      documentId: documentId.data,
      userId: c.var.viewer!.userId,
    });
    return c.body(new Uint8Array(doc.content), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });

  app.get(`${path}/dateien/:fileId`, guard, async (c) => {
    const ref = caseParams(c);
    const fileId = uuid.safeParse(c.req.param("fileId"));
    if (!fileId.success) throw notFound();
    const file = await downloadFile(platform, {
      ...ref,
      fileId: fileId.data,
      userId: c.var.viewer!.userId,
    });
    // Served as a download only; types a browser could execute are never sent as such.
    const safe = ["application/pdf", "image/jpeg", "image/png"].includes(file.content_type);
    return c.body(new Uint8Array(file.content), 200, {
      "Content-Type": safe ? file.content_type : "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });
}
