import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { sql } from "kysely";
import { DomainError } from "../errors.ts";
import { parseLocale, translator } from "../i18n/index.ts";
import { bodyLimit } from "./body-limit.ts";
import type { AppEnv, Platform } from "./context.ts";
import { page } from "./layout.ts";
import { csrfProtection, securityHeaders, setResponseHeaders } from "./security.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A capability's web surface: mounted in the order given. */
export type WebModule = { name: string; mount(app: Hono<AppEnv>): void };

export function createApp(platform: Platform, modules: WebModule[]): Hono<AppEnv> {
  const { config, metrics } = platform;
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    const log = platform.log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    c.set("viewer", undefined);
    c.set("tenant", undefined);
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath;
    metrics.httpRequests.inc({
      method: c.req.method,
      route,
      status: `${String(c.res.status)[0]}xx`,
    });
    metrics.httpDuration.observe({ method: c.req.method, route }, seconds);
    setResponseHeaders(c, { "X-Request-Id": requestId });
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      "request",
    );
  });
  app.use(securityHeaders(config.secureCookies));

  app.use(
    "/static/kern/*",
    serveStatic({
      root: path.relative(process.cwd(), path.join(ROOT, "node_modules/@kern-ux/native/dist")),
      rewriteRequestPath: (p) => p.replace(/^\/static\/kern/, ""),
      onFound: (_p, c) => {
        c.header("Cache-Control", "public, max-age=86400");
      },
    }),
  );
  // The studio's bundle (core, FEEL, zod, Preact) is ~2 MB, ~0.4 MB compressed.
  app.use("/static/studio/*", compress());
  app.use(
    "/static/studio/*",
    serveStatic({
      root: path.relative(process.cwd(), path.join(ROOT, "dist/studio")),
      rewriteRequestPath: (p) => p.replace(/^\/static\/studio/, ""),
      onFound: (_p, c) => {
        // Vite names every file by its content hash.
        c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use(
    "/static/*",
    serveStatic({
      root: path.relative(process.cwd(), path.join(ROOT, "src/platform/http/static")),
      rewriteRequestPath: (p) => p.replace(/^\/static/, ""),
    }),
  );

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await sql`select 1`.execute(platform.database.db);
      return c.json({ status: "ready" });
    } catch {
      return c.json({ status: "unavailable", reason: "database" }, 503);
    }
  });
  app.get("/metrics", async (c) => {
    c.header("Content-Type", platform.metrics.registry.contentType);
    return c.body(await platform.metrics.registry.metrics());
  });

  app.use(async (c, next) => {
    const locale = parseLocale(getCookie(c, "dw_lang")) ?? "de";
    c.set("locale", locale);
    c.set("t", translator(locale));
    await next();
  });
  // A NUL character names nothing that can exist (PostgreSQL refuses it in text): a path or
  // query carrying one is not found, before any lookup could fail on it (found by the fuzzer).
  app.use(async (c, next) => {
    if (/%00/i.test(c.req.url) || c.req.url.includes("\u0000"))
      throw new DomainError("error.notFound", { status: 404 });
    await next();
  });
  // Refuse oversized bodies before anything reads them (the CSRF check reads form bodies).
  app.use(
    bodyLimit({
      maxSize: config.maxRequestBytes,
      onError: () => {
        throw new DomainError("error.tooLarge", {
          status: 413,
          params: { mb: Math.round(config.maxRequestBytes / 1048576) },
        });
      },
    }),
  );
  app.use(csrfProtection(config.secretKey, config.secureCookies));

  app.get("/sprache", (c) => {
    const locale = parseLocale(c.req.query("l")) ?? "de";
    setCookie(c, "dw_lang", locale, { path: "/", sameSite: "Lax", maxAge: 60 * 60 * 24 * 365 });
    return c.redirect(safeReturnPath(c.req.query("zurueck")), 303);
  });

  for (const m of modules) m.mount(app);

  app.notFound((c) => errorPage(c, new DomainError("error.notFound", { status: 404 })));
  app.onError((err, c) => {
    if (err instanceof DomainError) return errorPage(c, err);
    if (isDatabaseDown(err)) {
      c.var.log?.error({ err }, "database unavailable");
      return errorPage(c, new DomainError("error.unavailable", { status: 503 }));
    }
    (c.var.log ?? platform.log).error({ err }, "unhandled error");
    return errorPage(c, undefined);
  });
  return app;
}

/** Only same-site paths are followed after a language switch or login, never other hosts. */
export function safeReturnPath(p: string | undefined): string {
  if (!p?.startsWith("/") || p.startsWith("//") || p.startsWith("/\\")) return "/";
  return p;
}

function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  // Refused or reset connections, the server shutting down or crashed (57P0x), connection
  // exceptions (08xxx), and a pooled connection that broke mid-transaction (pg then refuses the
  // rollback: "not queryable") — found by the database outage test.
  return (
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(e?.code ?? "") ||
    /^57P0[123]$/.test(e?.code ?? "") ||
    /^08/.test(e?.code ?? "") ||
    /Connection terminated|timeout exceeded when trying to connect|not queryable/.test(
      e?.message ?? "",
    )
  );
}

/** The JSON APIs: the intake API and the studio's API answer errors as JSON, not pages. */
function isJsonPath(p: string): boolean {
  return p.startsWith("/api/") || /^\/[^/]+\/studio\/api\//.test(p);
}

function errorPage(c: Context<AppEnv>, err: DomainError | undefined) {
  const status = err?.status ?? 500;
  const t = c.var.t ?? translator("de");
  if (!c.var.t) c.set("t", t);
  if (!c.var.locale) c.set("locale", "de");
  if (!c.var.csrfToken) c.set("csrfToken", "");
  const key = err?.key ?? "error.internal";
  if (isJsonPath(c.req.path)) {
    return c.json(
      {
        error: {
          code: key,
          message: t(key, err?.params),
          field: err?.field,
          requestId: c.var.requestId,
        },
      },
      status,
    );
  }
  const title = t(`${status === 500 ? "error.internal" : key}.title`);
  return page(c, {
    title,
    status,
    body: html`<h1 class="kern-title kern-title--large">${title}</h1>
      <p class="kern-body">${t(key, err?.params)}</p>
      ${status === 500 ? html`<p class="kern-body kern-body--small">${t("error.reference", { id: c.var.requestId })}</p>` : ""}
      <p class="kern-body"><a class="kern-link" href="/">${t("error.toStart")}</a></p>`,
  });
}
