import { createHash } from "node:crypto";
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Problem } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import { bodyLimit } from "../../platform/http/body-limit.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { type Locale, type Params, translator } from "../../platform/i18n/index.ts";
import { type Cases, findCase, SubmissionInvalid } from "../cases/index.ts";
import { getTenant } from "../tenants/index.ts";
import { authenticateApiKey, recentCaller, rememberCaller } from "./api-keys.service.ts";
import {
  type ApiProblem,
  applicationRequest,
  idempotencyKey,
  MAX_BODY_BYTES,
} from "./intake.schema.ts";
import { openApiDocument } from "./openapi.ts";
import { keyRateLimiter } from "./rate-limit.ts";

export const API_BASE = "/api/v1";

type Caller = { tenant: { id: string; slug: string; state?: string }; keyId: string };
type IntakeEnv = { Variables: AppEnv["Variables"] & { caller: Caller } };

/** The JSON error every API answer shares: code, localised message, request id, problems. */
function apiError(
  c: Context<IntakeEnv>,
  status: ContentfulStatusCode,
  code: string,
  o: { params?: Params; problems?: ApiProblem[] } = {},
) {
  return c.json(
    {
      error: {
        code,
        message: c.var.t(code, o.params),
        requestId: c.var.requestId,
        ...(o.problems ? { problems: o.problems } : {}),
      },
    },
    status,
  );
}

/** API clients carry no language cookie: `Accept-Language` chooses (German unless English first). */
function apiLocale(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const accepted = (c.req.header("accept-language") ?? "")
      .split(",")
      .map((part) => {
        const [tag, q] = part.trim().split(";q=");
        return { lang: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) || 0 };
      })
      .filter((x) => x.lang === "de" || x.lang === "en")
      .sort((a, b) => b.q - a.q);
    const locale: Locale = accepted[0]?.lang === "en" ? "en" : "de";
    c.set("locale", locale);
    c.set("t", translator(locale));
    await next();
  };
}

/**
 * `Authorization: Bearer <key>` of the URL's municipality. Unknown municipality, missing,
 * unknown, revoked or foreign key all get the same 401, so that nobody learns without a key
 * which municipalities or services exist.
 */
function authenticate(
  platform: Platform,
  o: { recent?: boolean } = {},
): MiddlewareHandler<IntakeEnv> {
  const db = platform.database.db;
  const limiter = keyRateLimiter(platform.config.apiRateLimit ?? 0);
  const lookUp = async (slug: string, bearer: string): Promise<Caller | undefined> => {
    if (o.recent) {
      const hit = recentCaller<Caller["tenant"]>(slug, bearer);
      if (hit) return { tenant: hit.tenant, keyId: hit.keyId };
    }
    const tenant = await getTenant(db, slug);
    const key = tenant ? await authenticateApiKey(db, tenant.id, bearer) : undefined;
    if (!tenant || !key) return undefined;
    const caller = {
      tenant: { id: tenant.id, slug: tenant.slug, state: tenant.settings.state },
      keyId: key.id,
    };
    rememberCaller(slug, bearer, caller.tenant, key.id);
    return caller;
  };
  return async (c, next) => {
    const slug = c.req.param("tenant") ?? "";
    const bearer = /^Bearer +(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const caller =
      bearer && /^[a-z0-9-]{2,60}$/.test(slug) ? await lookUp(slug, bearer) : undefined;
    if (!caller) return unauthorized(c);
    const wait = limiter.take(caller.keyId);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return apiError(c, 429, "intake.error.rateLimited", { params: { seconds: wait } });
    }
    c.set("caller", caller);
    return next();
  };
}

function unauthorized(c: Context<IntakeEnv>) {
  c.header("WWW-Authenticate", 'Bearer realm="dienstwerk"');
  return apiError(c, 401, "intake.error.unauthorized");
}

function problemsOf(c: Context<IntakeEnv>, problems: readonly Problem[]): ApiProblem[] {
  return problems.map((p) => ({ path: p.path, code: p.key, message: c.var.t(p.key, p.params) }));
}

/**
 * Client keys are scoped to the API key (two clients cannot collide, and a client cannot probe
 * the portal's keys); hashed, so that a 200-character client key fits the column.
 */
function scopedIdempotencyKey(keyId: string, clientKey: string): string {
  return `api:${keyId}:${createHash("sha256").update(clientKey).digest("base64url")}`;
}

/** Reads `{ "data": {...} }`: 415, 400 (JSON, envelope) or the parsed body. */
async function readApplication(c: Context<IntakeEnv>) {
  const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json")
    return { error: apiError(c, 415, "intake.error.unsupportedMediaType") };
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return { error: apiError(c, 400, "intake.error.malformedJson") };
  }
  const parsed = applicationRequest.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: i.path.join("."),
      code: `request.${i.code}`,
      message: c.var.t("intake.error.envelope"),
    }));
    return { error: apiError(c, 400, "intake.error.badRequest", { problems }) };
  }
  return { data: parsed.data.data };
}

/** `POST /api/v1/{tenant}/services/{service}/applications` and the OpenAPI document. */
export function mountIntake(app: Hono<AppEnv>, platform: Platform, cases: Cases) {
  const api = app as unknown as Hono<IntakeEnv>;
  const db = platform.database.db;
  api.use(`${API_BASE}/*`, apiLocale());

  // Built once: it depends only on the schemas and the instance's address.
  const openApi = JSON.stringify(openApiDocument(platform.config.baseUrl));
  api.get(`${API_BASE}/openapi.json`, (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Content-Type", "application/json");
    return c.body(openApi);
  });

  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is not read: the connection cannot carry another request.
      c.header("Connection", "close");
      return apiError(c as Context<IntakeEnv>, 413, "intake.error.tooLarge", {
        params: { max: MAX_BODY_BYTES },
      });
    },
  });

  api.post(
    `${API_BASE}/:tenant/services/:service/applications`,
    // A key found live in the last seconds is taken from memory; the case's transaction checks
    // it again, so a revoked key is refused there (401) and stores nothing.
    authenticate(platform, { recent: true }),
    limit,
    async (c) => {
      const { tenant, keyId } = c.var.caller;
      const clientKey = idempotencyKey.safeParse(c.req.header("idempotency-key"));
      if (!clientKey.success) {
        const problems = [
          {
            path: "Idempotency-Key",
            code: "request.idempotencyKey",
            message: c.var.t("intake.error.idempotencyKey"),
          },
        ];
        return apiError(c, 400, "intake.error.idempotencyKey", { problems });
      }
      const body = await readApplication(c);
      if (body.error) return body.error;
      try {
        const submitted = await cases.submit({
          tenant,
          serviceSlug: c.req.param("service"),
          data: body.data,
          applicantId: null,
          channel: "api",
          idempotencyKey: scopedIdempotencyKey(keyId, clientKey.data),
          apiKey: { id: keyId },
        });
        const { caseId, reference, status } = submitted;
        c.header("Location", `${API_BASE}/${tenant.slug}/applications/${caseId}`);
        return c.json({ caseId, reference, status }, submitted.created ? 201 : 200);
      } catch (err) {
        if (err instanceof SubmissionInvalid)
          return apiError(c, 422, err.key, {
            params: err.params,
            problems: problemsOf(c, err.problems),
          });
        if (err instanceof DomainError && err.key === "cases.error.apiKeyRevoked") {
          return unauthorized(c);
        }
        if (err instanceof DomainError && err.key === "error.notFound")
          return apiError(c, 404, "intake.error.serviceNotFound");
        if (err instanceof DomainError)
          return apiError(c, err.status, err.key, { params: err.params });
        throw err;
      }
    },
  );

  api.get(`${API_BASE}/:tenant/applications/:caseId`, authenticate(platform), async (c) => {
    const { tenant } = c.var.caller;
    const id = c.req.param("caseId");
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await withTenant(db, tenant.id, (tx) => findCase(tx, id))
      : undefined;
    if (row?.channel !== "api") return apiError(c, 404, "error.notFound");
    return c.json({ caseId: row.id, reference: row.reference, status: row.status });
  });
}
