import type { Context, Hono } from "hono";
import { z } from "zod";
import { type Finding, formatMessage } from "../../core/index.ts";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { requireStaff } from "../accounts/index.ts";
import { mountFormPreview } from "./form-preview.routes.ts";
import { mountPreview } from "./preview.routes.ts";
import {
  archiveService,
  createService,
  draftOf,
  IMPORT_LIMIT_BYTES,
  importService,
  publishDraft,
  saveDraft,
  studioServices,
  templates,
  textBlockLibrary,
  versionDefinition,
  versionsOf,
} from "./studio.service.ts";
import { studioShell } from "./studio.views.ts";

export const STUDIO_PATH = "/:tenant/studio";

const newServiceInput = z.object({
  slug: z.string().max(80),
  title: z.string().max(200),
  from: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("blank") }),
    z.object({ kind: z.literal("template"), id: z.string().max(80) }),
    z.object({ kind: z.literal("copy"), slug: z.string().max(80) }),
  ]),
});
const saveInput = z.object({ revision: z.int().min(0), definition: z.unknown() });
const publishInput = z.object({ revision: z.int().min(1) });
const archiveInput = z.object({ archived: z.boolean() });
const revisionParam = z.coerce.number().int().min(0);
const versionParam = z.coerce.number().int().min(1).max(1_000_000);

/** The JSON body of a request, checked against `schema`; a clear 400 otherwise. */
async function body<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  const json = await c.req.json().catch(() => {
    throw new DomainError("studio.error.badRequest", { status: 400 });
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DomainError("studio.error.badRequest", { status: 400 });
  return parsed.data;
}

function param<T>(schema: z.ZodType<T>, value: string | undefined): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError("error.notFound", { status: 404 });
  return parsed.data;
}

/** A linter finding with its message in the viewer's language. */
function described(c: Context<AppEnv>, f: Finding) {
  const message = f.key.startsWith("studio.")
    ? c.var.t(f.key, f.params)
    : formatMessage(f.key, f.params, c.var.locale);
  return { ...f, message };
}

/**
 * The studio at `/{tenant}/studio/` (role designer): the client-side builder's page, and the
 * JSON API it edits service definitions through. Every unsafe request carries the CSRF token
 * in `x-csrf-token`; errors are JSON (`{ error: { code, message, field } }`).
 */
export function mountStudio(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const guard = requireStaff(platform, ["designer"]);
  app.use(STUDIO_PATH, guard);
  app.use(`${STUDIO_PATH}/*`, guard);
  const api = `${STUDIO_PATH}/api`;
  const tenantId = (c: Context<AppEnv>) => c.var.tenant!.id;
  const userId = (c: Context<AppEnv>) => c.var.viewer!.userId;
  const slug = (c: Context<AppEnv>) => c.req.param("slug") ?? "";

  app.get(`${api}/services`, async (c) =>
    c.json({ services: await studioServices(db, tenantId(c)), templates: templates() }),
  );
  app.post(`${api}/services`, async (c) => {
    const input = await body(c, newServiceInput);
    return c.json(await createService(db, tenantId(c), userId(c), input), 201);
  });
  app.get(`${api}/services/:slug/draft`, async (c) =>
    c.json(await draftOf(db, tenantId(c), slug(c))),
  );
  app.put(`${api}/services/:slug/draft`, async (c) => {
    const input = await body(c, saveInput);
    return c.json(await saveDraft(db, tenantId(c), userId(c), slug(c), input));
  });
  app.post(`${api}/services/:slug/publish`, async (c) => {
    const { revision } = await body(c, publishInput);
    return c.json(await publishDraft(db, tenantId(c), userId(c), slug(c), revision), 201);
  });
  app.post(`${api}/services/:slug/archive`, async (c) => {
    const { archived } = await body(c, archiveInput);
    await archiveService(db, tenantId(c), slug(c), archived);
    return c.json({ archived });
  });
  app.get(`${api}/services/:slug/versions`, async (c) =>
    c.json({ versions: await versionsOf(db, tenantId(c), slug(c)) }),
  );
  app.get(`${api}/services/:slug/versions/:version`, async (c) => {
    const version = param(versionParam, c.req.param("version"));
    return c.json({ definition: await versionDefinition(db, tenantId(c), slug(c), version) });
  });
  app.get(`${api}/services/:slug/export`, async (c) => {
    const v = c.req.query("version");
    const definition =
      v === undefined
        ? (await draftOf(db, tenantId(c), slug(c))).definition
        : await versionDefinition(db, tenantId(c), slug(c), param(versionParam, v));
    const name = `${slug(c)}${v ? `-v${v}` : ""}.json`;
    c.header("Content-Disposition", `attachment; filename="${name}"`);
    c.header("Content-Type", "application/json; charset=utf-8");
    return c.body(`${JSON.stringify(definition, null, 2)}\n`);
  });
  app.post(`${api}/import`, async (c) => {
    const requested = c.req.query("slug");
    const result = await importService(db, tenantId(c), userId(c), await importText(c), {
      slug: requested || undefined,
    });
    if (!result.ok) return c.json({ problems: result.problems.map((f) => described(c, f)) }, 422);
    return c.json({ ...result.draft, warnings: result.warnings.map((f) => described(c, f)) }, 201);
  });
  app.post(`${api}/services/:slug/import`, async (c) => {
    const revision = param(revisionParam, c.req.query("revision"));
    const result = await importService(db, tenantId(c), userId(c), await importText(c), {
      into: { slug: slug(c), revision },
    });
    if (!result.ok) return c.json({ problems: result.problems.map((f) => described(c, f)) }, 422);
    return c.json({ ...result.draft, warnings: result.warnings.map((f) => described(c, f)) });
  });
  app.get(`${api}/library`, async (c) =>
    c.json({ library: await textBlockLibrary(db, tenantId(c)) }),
  );

  mountPreview(app, platform);
  mountFormPreview(app, platform, api);

  app.get(STUDIO_PATH, (c) => c.redirect(`/${c.var.tenant!.slug}/studio/`, 301));
  app.get(`${STUDIO_PATH}/*`, (c) => {
    if (c.req.path.startsWith(`/${c.var.tenant!.slug}/studio/api/`))
      throw new DomainError("error.notFound", { status: 404 });
    return studioShell(c);
  });
}

async function importText(c: Context<AppEnv>): Promise<string> {
  const text = await c.req.text();
  if (Buffer.byteLength(text, "utf8") > IMPORT_LIMIT_BYTES * 2)
    throw new DomainError("studio.import.tooLarge", { status: 413, params: { mb: 2 } });
  return text;
}
