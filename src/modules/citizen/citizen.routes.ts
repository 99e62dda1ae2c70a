import type { Context, Hono } from "hono";
import { z } from "zod";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireCitizen } from "../accounts/index.ts";
import type { Cases } from "../cases/index.ts";
import {
  type Attachment,
  citizenFile,
  correspondenceOf,
  MAX_ATTACHMENTS,
  openMessage,
  postboxOf,
  readUpload,
  replyToAuthority,
  uploadedFiles,
} from "../postbox/index.ts";
import { deletePage, exportPage, profilePage } from "./account.views.ts";
import { casePage, type TaskFormState } from "./case.views.ts";
import { profileForm, profileValues, replyForm, storedFromForm } from "./citizen.schema.ts";
import {
  applicationOf,
  applicationsOf,
  deleteAccount,
  exportOf,
  isFinal,
  saveProfile,
  storedProfile,
} from "./citizen.service.ts";
import { overviewPage } from "./citizen.views.ts";
import { messagePage, postboxPage } from "./postbox.views.ts";
import { answerTask, TaskInvalid } from "./task.service.ts";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const uuid = z.uuid();
const actionId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/);

/** Path parameters checked before any query: anything malformed is simply not found. */
function params(c: Context<AppEnv>) {
  const tenant = slug.safeParse(c.req.param("tenant"));
  const id = uuid.safeParse(c.req.param("id"));
  if (!tenant.success || !id.success) throw notFound();
  return { tenant: tenant.data, id: id.data };
}

export function mountCitizen(app: Hono<AppEnv>, platform: Platform, cases: Cases) {
  // The accounts module guards `/konto/*` as a whole; each page checks again (deny by default).
  const guard = requireCitizen();
  const me = (c: Context<AppEnv>) => c.var.viewer!.userId;

  app.get("/konto/", guard, async (c) => {
    const [apps, messages] = await Promise.all([
      applicationsOf(platform, me(c)),
      postboxOf(platform, me(c)),
    ]);
    const unread = messages.filter((m) => m.direction === "to-applicant" && !m.read_at).length;
    return overviewPage(c, apps, unread);
  });

  const showCase = async (
    c: Context<AppEnv>,
    p: { tenant: string; id: string },
    s?: TaskFormState,
    status?: 200 | 409 | 413 | 422,
  ) => {
    const detail = await applicationOf(platform, cases, me(c), p.tenant, p.id);
    const messages = await correspondenceOf(platform, me(c), {
      tenantId: detail.summary.tenantId,
      caseId: p.id,
    });
    return casePage(c, detail, messages, s, status);
  };

  app.get("/konto/antraege/:tenant/:id", guard, (c) => showCase(c, params(c)));

  app.post("/konto/antraege/:tenant/:id/aktion/:action", guard, async (c) => {
    const p = params(c);
    const action = actionId.safeParse(c.req.param("action"));
    if (!action.success) throw notFound();
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const version = Number(body._version);
    const values = Object.fromEntries(
      Object.entries(body).filter(([, v]) => typeof v === "string") as [string, string][],
    );
    const state = (errors: Record<string, string>) => ({ actionId: action.data, errors, values });
    try {
      await answerTask(platform, cases, {
        userId: me(c),
        tenantSlug: p.tenant,
        caseId: p.id,
        actionId: action.data,
        expectedVersion: Number.isInteger(version) ? version : -1,
        body,
        locale: c.var.locale,
      });
    } catch (err) {
      if (err instanceof TaskInvalid) return showCase(c, p, state(err.errors), 422);
      if (err instanceof DomainError && err.status === 409) {
        return showCase(c, p, state({ _form: c.var.t(err.key, err.params) }), 409);
      }
      throw err;
    }
    setFlash(c, "citizen.task.done");
    return c.redirect(`/konto/antraege/${p.tenant}/${p.id}`, 303);
  });

  app.get("/konto/postfach", guard, async (c) => postboxPage(c, await postboxOf(platform, me(c))));

  app.get("/konto/postfach/:tenant/:id", guard, async (c) => {
    const p = params(c);
    return messagePage(c, await openMessage(platform, me(c), p.tenant, p.id));
  });

  app.post("/konto/postfach/:tenant/:id/antworten", guard, async (c) => {
    const p = params(c);
    const message = await openMessage(platform, me(c), p.tenant, p.id);
    if (message.direction !== "to-applicant") throw notFound();
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const form = replyForm.safeParse({ body: typeof body.body === "string" ? body.body : "" });
    const errors: Record<string, string> = {};
    if (!form.success) errors.body = c.var.t("citizen.reply.bodyRequired");
    const files: Attachment[] = [];
    const uploads = uploadedFiles(body.attachments);
    if (uploads.length > MAX_ATTACHMENTS) {
      errors.attachments = c.var.t("postbox.error.tooManyFiles", { max: MAX_ATTACHMENTS });
    } else {
      for (const upload of uploads) {
        try {
          files.push(await readUpload(upload, "attachments"));
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          errors.attachments = c.var.t(err.key, err.params);
          break;
        }
      }
    }
    if (!form.success || errors.attachments) {
      const values = { body: typeof body.body === "string" ? body.body : "" };
      return messagePage(c, message, { errors, values }, 422);
    }
    await replyToAuthority(platform, me(c), {
      tenantSlug: p.tenant,
      caseId: message.case_id,
      subject: c.var.t("citizen.reply.subject", { subject: message.subject }),
      body: form.data.body,
      files,
    });
    setFlash(c, "citizen.reply.sent");
    return c.redirect(`/konto/antraege/${p.tenant}/${message.case_id}#nachrichten`, 303);
  });

  app.get("/konto/dateien/:tenant/:id", guard, async (c) => {
    const p = params(c);
    const file = await citizenFile(platform, me(c), p.tenant, p.id);
    // Served as a download only; types a browser could execute are never sent as such.
    const safe = ["application/pdf", "image/jpeg", "image/png"].includes(file.content_type);
    return c.body(new Uint8Array(file.content), 200, {
      "Content-Type": safe ? file.content_type : "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
    });
  });

  app.get("/konto/profil", guard, async (c) =>
    profilePage(c, { values: profileValues(await storedProfile(platform, me(c))) }),
  );
  app.post("/konto/profil", guard, async (c) => {
    const form = await readForm(c, profileForm, c.var.t);
    if (!form.ok) return profilePage(c, form, 422);
    const stored = storedFromForm(form.data);
    if ("errors" in stored) {
      const errors = Object.fromEntries(
        Object.entries(stored.errors).map(([k, key]) => [k, c.var.t(key)]),
      );
      return profilePage(c, { errors, values: form.data as Record<string, string> }, 422);
    }
    await saveProfile(platform, me(c), stored.profile);
    setFlash(c, "citizen.profile.saved");
    return c.redirect("/konto/profil", 303);
  });

  app.get("/konto/export", guard, (c) => exportPage(c));
  app.get("/konto/export/meine-daten.json", guard, async (c) => {
    const data = await exportOf(platform, me(c));
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="buergerkonto-daten.json"',
      "Cache-Control": "private, no-store",
    });
  });

  const openCases = async (c: Context<AppEnv>) =>
    (await applicationsOf(platform, me(c))).filter((a) => !isFinal(a.statusKind));

  app.get("/konto/loeschen", guard, async (c) => deletePage(c, await openCases(c), {}));
  app.post("/konto/loeschen", guard, async (c) => {
    const form = await readForm(c, z.object({ password: z.string().min(1).max(200) }), c.var.t);
    if (!form.ok) return deletePage(c, await openCases(c), form, 422);
    try {
      await deleteAccount(platform, me(c), form.data.password);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404) throw err;
      const errors = { [err.field ?? "_form"]: c.var.t(err.key, err.params) };
      return deletePage(c, await openCases(c), { errors }, err.status === 409 ? 409 : 422);
    }
    setFlash(c, "citizen.delete.done");
    return c.redirect("/", 303);
  });
}
