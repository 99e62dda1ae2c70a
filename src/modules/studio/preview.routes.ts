import type { Context, Hono } from "hono";
import { z } from "zod";
import { formatMessage } from "../../core/index.ts";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { previewDocument, sandboxFacts } from "./preview.service.ts";
import { STUDIO_PATH } from "./studio.routes.ts";

/** The largest preview request: a definition (the largest reference service is ~60 KB) and data. */
const PREVIEW_LIMIT_BYTES = 4 * 1024 * 1024;

const previewInput = z.object({
  definition: z.unknown(),
  document: z.string().min(1).max(80),
  data: z.record(z.string(), z.unknown()).optional(),
  status: z.string().max(80).optional(),
});

/**
 * The notice preview and the test run's facts, under the studio's API (role designer, CSRF):
 * `POST …/services/:slug/preview/document` renders a notice of the posted draft as PDF (nothing
 * stored, nothing sent); `GET …/sandbox` gives the municipality's placeholder values and Land.
 */
export function mountPreview(app: Hono<AppEnv>, platform: Platform) {
  const api = `${STUDIO_PATH}/api`;
  const tenantId = (c: Context<AppEnv>) => c.var.tenant!.id;

  app.post(`${api}/services/:slug/preview/document`, async (c) => {
    if (Number(c.req.header("content-length") ?? 0) > PREVIEW_LIMIT_BYTES)
      throw new DomainError("studio.preview.tooLarge", { status: 413 });
    const text = await c.req.text();
    if (Buffer.byteLength(text, "utf8") > PREVIEW_LIMIT_BYTES)
      throw new DomainError("studio.preview.tooLarge", { status: 413 });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError("studio.error.badRequest", { status: 400 });
    }
    const parsed = previewInput.safeParse(json);
    if (!parsed.success) throw new DomainError("studio.error.badRequest", { status: 400 });
    const result = await previewDocument(
      platform,
      tenantId(c),
      c.req.param("slug") ?? "",
      parsed.data,
    );
    if (!result.ok) {
      const problems = result.problems.map((p) => ({
        ...p,
        severity: "error",
        message: formatMessage(p.key, p.params, c.var.locale),
      }));
      const code = result.reason === "fees" ? "studio.preview.fees" : "studio.preview.notLoadable";
      return c.json(
        {
          error: {
            code,
            message: c.var.t(code, {
              count: problems.length,
              detail: problems.map((p) => p.message).join(" "),
            }),
          },
          problems,
        },
        422,
      );
    }
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", 'inline; filename="vorschau.pdf"');
    c.header("Cache-Control", "no-store");
    return c.body(result.pdf as Uint8Array<ArrayBuffer>);
  });

  app.get(`${api}/sandbox`, async (c) => c.json(await sandboxFacts(platform, tenantId(c))));
}
