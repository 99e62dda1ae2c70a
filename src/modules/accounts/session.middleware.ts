import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { sha256 } from "./accounts.crypto.ts";
import { deleteSession, findSessionWithUser, touchSession } from "./accounts.repository.ts";
import type { Client } from "./login.service.ts";
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from "./login.service.ts";

export const SESSION_COOKIE = "dw_session";
const TOKEN_FORMAT = /^[\w-]{43}$/;

/**
 * Loads the signed-in person for every request from the `dw_session` cookie. An expired or idle
 * session is deleted and its cookie cleared; `last_seen_at` is written at most once a minute.
 */
export function sessionMiddleware(
  platform: Platform,
  now: () => Date = () => new Date(),
): MiddlewareHandler<AppEnv> {
  const db = platform.database.db;
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && TOKEN_FORMAT.test(token)) {
      const idHash = sha256(token);
      const s = await findSessionWithUser(db, idHash);
      const t = now();
      const idle = s && t.getTime() - s.last_seen_at.getTime() > SESSION_IDLE_MS;
      if (!s || s.expires_at <= t || idle) {
        if (s) await deleteSession(db, idHash);
        clearSessionCookie(c);
      } else {
        c.set("viewer", {
          userId: s.user_id,
          kind: s.kind,
          name: s.name,
          email: s.email,
          sessionIdHash: idHash,
          stage: s.stage,
          tenantId: s.tenant_id,
          platformAdmin: s.platform_admin,
        });
        if (t.getTime() - s.last_seen_at.getTime() > 60_000) await touchSession(db, idHash, t);
      }
    } else if (token) {
      clearSessionCookie(c);
    }
    await next();
  };
}

export function setSessionCookie(c: Context<AppEnv>, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/**
 * The client's address: the socket peer, or behind a trusted proxy the address that proxy put
 * last into X-Forwarded-For (earlier entries can be forged by the client).
 */
export function clientOf(c: Context<AppEnv>, trustProxy: boolean): Client {
  let ip = "";
  if (trustProxy) ip = c.req.header("x-forwarded-for")?.split(",").pop()?.trim() ?? "";
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? "";
    } catch {
      ip = "";
    }
  }
  return { ip: ip || "unknown", userAgent: c.req.header("user-agent") ?? "" };
}
