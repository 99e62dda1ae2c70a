import type { Context, Hono } from "hono";
import { z } from "zod";
import { formatMessage } from "../../core/index.ts";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { formPage, visiblePages } from "../portal/index.ts";
import "./form-preview.messages.ts";
import { assertServiceExists, loadForPreview, previewData } from "./form-preview.service.ts";

const previewInput = z.object({
  definition: z.unknown(),
  page: z.string().max(200),
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * `POST /{tenant}/studio/api/services/:slug/preview/form` with `{definition, page, data?}`:
 * one page of the draft's form rendered by the portal's own form renderer, as an anonymous
 * citizen sees it (conditions evaluated against `data`), answered as `{html, formOnly}`.
 * Nothing is stored: a preview never makes a draft or a case. A draft whose form does not load
 * is answered 422 with the problems.
 */
export function mountFormPreview(app: Hono<AppEnv>, platform: Platform, api: string) {
  app.post(`${api}/services/:slug/preview/form`, async (c) => {
    const input = await readInput(c);
    const tenant = c.var.tenant!;
    await assertServiceExists(platform.database.db, tenant.id, c.req.param("slug") ?? "");
    const loaded = loadForPreview(input.definition);
    if (!loaded.ok) {
      const problems = loaded.problems.map((p) => ({
        ...p,
        severity: "error",
        message: formatMessage(p.key, p.params ?? {}, c.var.locale),
      }));
      return c.json({ problems }, 422);
    }
    const def = loaded.definition;
    const page = def.form.pages.find((p) => p.id === input.page);
    if (!page) throw new DomainError("studio.preview.unknownPage", { status: 422, field: "page" });
    const data = previewData(def, input.data);
    // The preview is what an anonymous citizen sees: no session, no form token in it.
    c.set("viewer", undefined);
    c.set("csrfToken", "");
    let html: string;
    try {
      const rendered = await formPage(c, {
        base: `/${tenant.slug}/dienste/${c.req.param("slug")}`,
        def,
        page,
        data,
        errors: new Map(),
        isFirst: visiblePages(def, data)[0]?.id === page.id,
        anonymous: true,
      });
      html = await rendered.text();
    } catch {
      throw new DomainError("studio.preview.badData", { status: 422, field: "data" });
    }
    return c.json({ html, page: page.id, formOnly: loaded.formOnly });
  });
}

async function readInput(c: Context<AppEnv>) {
  const json = await c.req.json().catch(() => {
    throw new DomainError("studio.error.badRequest", { status: 400 });
  });
  const parsed = previewInput.safeParse(json);
  if (!parsed.success) throw new DomainError("studio.error.badRequest", { status: 400 });
  return parsed.data;
}
