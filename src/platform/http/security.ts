import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DomainError } from "../errors.ts";
import type { AppEnv } from "./context.ts";

const CSRF_COOKIE = "dw_csrf";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF protection for cookie-authenticated forms: a random per-browser cookie, and a form token
 * that is its HMAC under the instance secret (an attacker who can plant a cookie still cannot
 * compute the token). Every unsafe request outside the token-authenticated JSON API must carry
 * the token in `_csrf` or `x-csrf-token`; requests from a foreign Origin are refused outright.
 */
export function csrfProtection(secret: string, secureCookies: boolean): MiddlewareHandler<AppEnv> {
  const sign = (v: string) => createHmac("sha256", secret).update(`csrf:${v}`).digest("base64url");
  return async (c, next) => {
    // The JSON API is authenticated by a bearer key, never by a cookie: nothing to protect, and
    // no cookie to hand its clients.
    if (c.req.path.startsWith("/api/")) return next();
    let cookie = getCookie(c, CSRF_COOKIE);
    if (!cookie || !/^[\w-]{20,64}$/.test(cookie)) {
      cookie = randomBytes(24).toString("base64url");
      setCookie(c, CSRF_COOKIE, cookie, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: secureCookies,
      });
    }
    const expected = sign(cookie);
    c.set("csrfToken", expected);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      if (origin && origin !== new URL(c.req.url).origin && origin !== "null") {
        throw new DomainError("error.csrf", { status: 403 });
      }
      let given = c.req.header("x-csrf-token");
      if (!given) {
        const ct = c.req.header("content-type") ?? "";
        if (
          ct.startsWith("application/x-www-form-urlencoded") ||
          ct.startsWith("multipart/form-data")
        ) {
          const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
          given = typeof body._csrf === "string" ? body._csrf : undefined;
          await dropNul(c.req.bodyCache.formData);
        }
      }
      if (!given || !safeEqual(given, expected))
        throw new DomainError("error.csrf", { status: 403 });
    }
    await next();
  };
}

/**
 * NUL cannot be stored (PostgreSQL refuses it in text) and is never typed: it is dropped from
 * every field of a form post here, once, in the form data Hono keeps for every later
 * `parseBody`, so that no form can turn it into a 500.
 */
async function dropNul(cached: unknown): Promise<void> {
  // Hono keeps the promise of the parsed form data (typed as the data itself).
  const form = (await Promise.resolve(cached).catch(() => undefined)) as FormData | undefined;
  if (!form) return;
  const keys = new Set<string>();
  form.forEach((_, key) => {
    keys.add(key);
  });
  for (const key of keys) {
    const values = form.getAll(key);
    if (!values.some((v) => typeof v === "string" && v.includes("\u0000"))) continue;
    form.delete(key);
    for (const v of values)
      form.append(key, typeof v === "string" ? v.replaceAll("\u0000", "") : v);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The studio's pages (not its API or assets). */
const STUDIO_PAGE = /^\/[^/]+\/studio(\/(?!api\/)|$)/;

/**
 * Security headers: a CSP without inline scripts, no framing, HSTS behind TLS. A route that set a
 * stricter CSP of its own (downloads: `sandbox`, `default-src 'none'`) keeps it.
 */
export function securityHeaders(tls: boolean): MiddlewareHandler<AppEnv> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  // The studio shows its notice preview (a PDF made by the server) in a frame of a blob: URL.
  const studioCsp = `${csp}; frame-src 'self' blob:`;
  const fixed: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(tls ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
  return async (c, next) => {
    await next();
    const own = c.res.headers.has("Content-Security-Policy");
    setResponseHeaders(
      c,
      own
        ? fixed
        : { ...fixed, "Content-Security-Policy": STUDIO_PAGE.test(c.req.path) ? studioCsp : csp },
    );
  };
}

/**
 * Sets headers on the response a handler has made. `c.header` after the handler copies the
 * whole response for every header it sets (in case its headers are immutable), and the copy
 * leaves @hono/node-server's fast path for string bodies (bench/submit: eight copies per API
 * answer, ~3 % of the server's CPU); the headers of the responses we make can be set in place.
 * Immutable headers (a response passed on from `fetch`) go the copying way.
 */
export function setResponseHeaders(c: Context, headers: Record<string, string>): void {
  try {
    const target = c.res.headers;
    for (const [name, value] of Object.entries(headers)) target.set(name, value);
  } catch {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }
}
