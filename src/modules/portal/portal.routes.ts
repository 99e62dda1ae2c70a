import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  firstValueOfType,
  formatMessage,
  germanDate,
  isEmailAddress,
  type Problem,
  validateSubmission,
} from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireCitizen } from "../accounts/index.ts";
import { type Cases, findCase, SubmissionInvalid } from "../cases/index.ts";
import { receiptPath } from "../documents/index.ts";
import { getPublishedService, type PublishedService } from "../services/index.ts";
import { getTenant } from "../tenants/index.ts";
import {
  type Applicant,
  currentDraft,
  type DraftRow,
  deleteDraftOf,
  draftByResumeToken,
  draftFile,
  draftsOf,
  initialData,
  mailResumeLink,
  savePage,
  signCase,
  submitDraft,
  type Upload,
  verifyCase,
} from "./drafts.service.ts";
import {
  addItem,
  fileFieldAt,
  groupOn,
  mergePagePost,
  nextPage,
  previousPage,
  removeItem,
  setValueAt,
  shownFields,
  type FormData as Values,
  valueAt,
  visiblePages,
} from "./form-state.ts";
import {
  confirmationPage,
  draftsPage,
  formPage,
  pageOf,
  saveForLaterPage,
  servicePage,
  summaryPage,
} from "./portal.views.ts";
import { checkUpload } from "./uploads.ts";

type Ctx = Context<AppEnv>;
const DRAFT_COOKIE = "dw_antrag";
const DONE_COOKIE = "dw_eingang";

export function mountPortal(app: Hono<AppEnv>, platform: Platform, deps: { cases: Cases }) {
  const { db } = platform.database;
  const S = "/:tenant/dienste/:service";

  /** The municipality and the published service of the URL, or a 404. */
  async function load(c: Ctx) {
    const tenant = c.var.tenant;
    if (!tenant) throw notFound();
    const service = await getPublishedService(db, tenant.id, c.req.param("service") ?? "");
    if (!service) throw notFound();
    return { tenant, service, base: `/${tenant.slug}/dienste/${service.slug}` };
  }

  const cookiePath = (base: string) => base;

  function applicant(c: Ctx): Applicant {
    const v = c.var.viewer;
    return {
      userId: v?.kind === "citizen" && v.stage === "full" ? v.userId : undefined,
      token: getCookie(c, DRAFT_COOKIE),
    };
  }

  function rememberToken(c: Ctx, base: string, token: string) {
    setCookie(c, DRAFT_COOKIE, token, {
      path: cookiePath(base),
      httpOnly: true,
      sameSite: "Lax",
      secure: platform.config.secureCookies,
      maxAge: platform.config.draftRetentionDays * 86_400,
    });
  }

  const messageOf = (c: Ctx, p: Problem) =>
    formatMessage(p.key, (p.params ?? {}) as Record<string, string | number>, c.var.locale);
  const errorMap = (c: Ctx, problems: Problem[]) =>
    new Map(problems.map((p) => [p.path, messageOf(c, p)]));
  const today = () => germanDate(new Date());

  app.get(S, async (c) => {
    const { service, base } = await load(c);
    const draft = await currentDraft(platform, c.var.tenant!.id, service.serviceId, applicant(c));
    return servicePage(c, base, service.definition, Boolean(draft));
  });

  // The start (or continuation) of an application: the draft's page, else the first page.
  app.get(`${S}/antrag`, async (c) => {
    const { tenant, service, base } = await load(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, applicant(c));
    const page = draft?.page && draft.page !== "zusammenfassung" ? draft.page : undefined;
    if (draft?.page === "zusammenfassung") return c.redirect(`${base}/antrag/zusammenfassung`, 303);
    const first = visiblePages(service.definition, draft?.data ?? {})[0];
    return c.redirect(`${base}/antrag/${page ?? first.id}`, 303);
  });

  app.get(`${S}/antrag/zusammenfassung`, async (c) => {
    const { tenant, service, base } = await load(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, applicant(c));
    if (!draft) return c.redirect(`${base}/antrag`, 303);
    return summaryPage(c, { base, def: service.definition, data: draft.data, errors: new Map() });
  });

  app.post(`${S}/antrag/absenden`, async (c) => {
    const { tenant, service, base } = await load(c);
    const who = applicant(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, who);
    if (!draft) {
      // A second click after the first submit deleted the draft: show what the first made.
      if (verifyCase(platform, getCookie(c, DONE_COOKIE)))
        return c.redirect(`${base}/antrag/bestaetigung`, 303);
      return c.redirect(base, 303);
    }
    const full = validateSubmission(service.definition, draft.data, { today: today() });
    if (!full.ok) return summaryWithErrors(c, base, service, draft, full.errors);
    const row = await getTenant(db, tenant.slug);
    try {
      const submitted = await submitDraft(platform, deps.cases, {
        tenant: { id: tenant.id, state: row?.settings.state },
        service,
        draft,
        applicantId: who.userId ?? (draft.user_id || null),
      });
      setCookie(c, DONE_COOKIE, signCase(platform, submitted.caseId), {
        path: cookiePath(base),
        httpOnly: true,
        sameSite: "Lax",
        secure: platform.config.secureCookies,
      });
      deleteCookie(c, DRAFT_COOKIE, { path: cookiePath(base) });
      return c.redirect(`${base}/antrag/bestaetigung`, 303);
    } catch (err) {
      if (err instanceof SubmissionInvalid)
        return summaryWithErrors(c, base, service, draft, err.problems);
      throw err;
    }
  });

  function summaryWithErrors(
    c: Ctx,
    base: string,
    service: PublishedService,
    draft: DraftRow,
    problems: Problem[],
  ) {
    const errors = new Map<string, string>();
    for (const p of problems) {
      const title = service.definition.form.pages.find(
        (x) => x.id === pageOf(service.definition, p.path),
      )?.title;
      if (!errors.has(p.path)) errors.set(p.path, `${title ? `${title}: ` : ""}${messageOf(c, p)}`);
    }
    return summaryPage(c, {
      base,
      def: service.definition,
      data: draft.data,
      errors,
      status: 422,
    });
  }

  app.get(`${S}/antrag/bestaetigung`, async (c) => {
    const { tenant, service } = await load(c);
    const caseId = verifyCase(platform, getCookie(c, DONE_COOKIE));
    if (!caseId) throw notFound();
    const found = await withTenant(db, tenant.id, (tx) => findCase(tx, caseId));
    if (!found) throw notFound();
    return confirmationPage(c, {
      def: service.definition,
      reference: found.reference,
      receiptUrl: receiptPath(platform.config.secretKey, tenant, service.slug, caseId),
      signedIn: c.var.viewer?.kind === "citizen",
    });
  });

  app.get(`${S}/antrag/speichern`, async (c) => {
    const { tenant, service, base } = await load(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, applicant(c));
    if (!draft) return c.redirect(`${base}/antrag`, 303);
    const found = firstValueOfType(service.definition, draft.data, "email");
    const email = typeof found === "string" ? found : "";
    return saveForLaterPage(c, {
      base,
      def: service.definition,
      email,
      days: platform.config.draftRetentionDays,
    });
  });

  app.post(`${S}/antrag/speichern`, async (c) => {
    const { tenant, service, base } = await load(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, applicant(c));
    if (!draft) return c.redirect(`${base}/antrag`, 303);
    const form = await c.req.formData();
    const email = String(form.get("email") ?? "").trim();
    const days = platform.config.draftRetentionDays;
    if (!isEmailAddress(email))
      return saveForLaterPage(c, {
        base,
        def: service.definition,
        email,
        error: c.var.t("validation.email"),
        days,
      });
    const token = await mailResumeLink(platform, {
      tenant,
      service,
      draft,
      email,
      locale: c.var.locale,
    });
    rememberToken(c, base, token);
    return saveForLaterPage(c, { base, def: service.definition, email, sent: true, days });
  });

  app.get(`${S}/antrag/fortsetzen/:token`, async (c) => {
    const { tenant, service, base } = await load(c);
    const token = c.req.param("token");
    const draft = await draftByResumeToken(platform, tenant.id, token);
    if (!draft || draft.service_id !== service.serviceId)
      throw new DomainError("portal.resume.invalid", { status: 404 });
    rememberToken(c, base, token);
    return c.redirect(`${base}/antrag`, 303);
  });

  // Files the applicant uploaded to the draft: never shown inline, never executable.
  app.get(`${S}/antrag/datei/:file`, async (c) => {
    const { tenant, service } = await load(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, applicant(c));
    const fileId = c.req.param("file");
    if (!draft || !/^[0-9a-f-]{36}$/.test(fileId)) throw notFound();
    const file = await draftFile(platform, tenant.id, draft.id, fileId);
    if (!file) throw notFound();
    c.header("Content-Type", "application/octet-stream");
    c.header(
      "Content-Disposition",
      `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    c.header("Content-Security-Policy", "sandbox; default-src 'none'");
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(file.content));
  });

  app.get(`${S}/antrag/:page`, async (c) => {
    const { tenant, service, base } = await load(c);
    const def = service.definition;
    const page = def.form.pages.find((p) => p.id === c.req.param("page"));
    if (!page) throw notFound();
    const who = applicant(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, who);
    const data = draft?.data ?? (await initialData(platform, def, who.userId));
    return formPage(c, {
      base,
      def,
      page,
      data,
      errors: new Map(),
      isFirst: visiblePages(def, data)[0]?.id === page.id,
      anonymous: !who.userId,
    });
  });

  app.post(`${S}/antrag/:page`, async (c) => {
    const { tenant, service, base } = await load(c);
    const def = service.definition;
    const page = def.form.pages.find((p) => p.id === c.req.param("page"));
    if (!page) throw notFound();
    const who = applicant(c);
    const draft = await currentDraft(platform, tenant.id, service.serviceId, who);
    const before = draft?.data ?? (await initialData(platform, def, who.userId));
    const form = await c.req.formData().catch(() => new FormData());
    const entries: [string, string][] = [];
    const files: [string, File][] = [];
    form.forEach((v, k) => {
      if (typeof v === "string") entries.push([k, v]);
      else if (v.size > 0 || v.name) files.push([k, v]);
    });
    const action = String(form.get("_action") ?? "weiter");
    const merged = mergePagePost(def, page, before, entries);
    const foreignFile = files.some(([k, f]) => f.size > 0 && !fileFieldAt(page, k));
    // A post with names this page does not have was not made by our form: refuse, change nothing.
    if (merged.unknown.length > 0 || foreignFile)
      throw new DomainError("portal.error.tampered", { status: 400 });

    let data = merged.data;
    const uploadErrors = new Map<string, string>();
    const uploads: Upload[] = [];
    for (const [path, file] of files) {
      if (file.size === 0) continue;
      const f = fileFieldAt(page, path)!;
      const checked = await checkUpload(f, file);
      if (!checked.ok) uploadErrors.set(path, c.var.t(checked.key, checked.params));
      else uploads.push({ path, ...checked, multiple: (f.maxFiles ?? 1) > 1 });
    }
    const removedFiles: string[] = [];
    const [verb, target, arg] = action.split(":");
    if (verb === "removeFile" && target && arg) {
      const current = valueAt(data, target);
      const list = Array.isArray(current) ? current : current ? [current] : [];
      const kept = list.filter((x) => (x as { id?: string }).id !== arg);
      if (kept.length !== list.length) removedFiles.push(arg);
      data = setValueAt(data, target, Array.isArray(current) ? kept : kept[0]);
    }
    let groupIndex: { group: string; index: number } | undefined;
    if (verb === "add" || verb === "remove") {
      const group = groupOn(page, target ?? "");
      if (!group) throw new DomainError("portal.error.tampered", { status: 400 });
      if (verb === "add") data = addItem(data, group);
      else {
        groupIndex = { group: group.id, index: Number(arg) };
        const removed = valueAt(data, `${group.id}`) as Values[] | undefined;
        for (const sub of group.fields.filter((s) => s.type === "file")) {
          const v = removed?.[Number(arg)]?.[sub.id] as { id?: string } | undefined;
          if (v?.id) removedFiles.push(v.id);
        }
        data = removeItem(data, group, Number(arg));
      }
    }
    const movedUploads = groupIndex ? shiftUploads(uploads, groupIndex) : uploads;

    const saved = await savePage(platform, {
      tenantId: tenant.id,
      service,
      draft,
      who,
      data,
      page: page.id,
      uploads: movedUploads,
      removedFiles,
    });
    if (saved.token) rememberToken(c, base, saved.token);
    data = saved.data;

    const render = (errors: Map<string, string>, status: 200 | 422, note?: string) =>
      formPage(c, {
        base,
        def,
        page,
        data,
        errors,
        status,
        note,
        isFirst: visiblePages(def, data)[0]?.id === page.id,
        anonymous: !who.userId,
      });

    if (uploadErrors.size > 0) return render(uploadErrors, 422);
    if (verb !== "weiter" && verb !== "zurueck" && verb !== "speichern")
      return render(new Map(), 200);
    if (verb === "speichern") {
      if (who.userId) {
        setFlash(c, "portal.drafts.saved");
        return c.redirect("/konto/entwuerfe", 303);
      }
      return c.redirect(`${base}/antrag/speichern`, 303);
    }
    if (verb === "zurueck") {
      const prev = previousPage(def, data, page.id);
      return c.redirect(`${base}/antrag/${prev?.id ?? page.id}`, 303);
    }
    // New fields that a condition just revealed are shown before moving on (no JavaScript needed).
    const revealed = [...shownFields(def, page, data)].filter(
      (p) => !shownFields(def, page, before).has(p) && isBlank(valueAt(data, p)),
    );
    const check = validateSubmission(def, data, { today: today(), page: page.id });
    if (!check.ok) return render(errorMap(c, check.errors), 422);
    if (revealed.length > 0) return render(new Map(), 200, c.var.t("portal.revealed"));
    const next = nextPage(def, data, page.id);
    const target2 = next ? next.id : "zusammenfassung";
    await savePage(platform, {
      tenantId: tenant.id,
      service,
      draft: saved.draft,
      who,
      data,
      page: target2,
      uploads: [],
      removedFiles: [],
    });
    return c.redirect(`${base}/antrag/${target2}`, 303);
  });

  app.get("/konto/entwuerfe", requireCitizen(), async (c) =>
    draftsPage(c, await draftsOf(platform, c.var.viewer!.userId)),
  );

  app.post("/konto/entwuerfe/:id/loeschen", requireCitizen(), async (c) => {
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound();
    if (!(await deleteDraftOf(platform, c.var.viewer!.userId, id))) throw notFound();
    setFlash(c, "portal.drafts.deleted");
    return c.redirect("/konto/entwuerfe", 303);
  });
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === "" || v === false;
}

/** Uploads posted together with "remove item i" move with their items. */
function shiftUploads(uploads: Upload[], removed: { group: string; index: number }): Upload[] {
  return uploads.flatMap((u) => {
    const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(u.path);
    if (!m || m[1] !== removed.group) return [u];
    const i = Number(m[2]);
    if (i === removed.index) return [];
    return [i > removed.index ? { ...u, path: `${m[1]}[${i - 1}].${m[3]}` } : u];
  });
}
