/**
 * Accounts: sign-in for citizens (the instance-wide Bürgerkonto) and staff (per municipality, and
 * platform operators), with e-mail confirmation, password reset, TOTP second factor with recovery
 * codes, sessions in PostgreSQL and throttling of failed attempts.
 *
 * Mount `sessionModule` right after the tenant context (it loads `c.var.viewer` for every
 * request), then `accountsModule`. Other modules protect their pages with `requireStaff`,
 * `requireCitizen` and `requirePlatformAdmin`; the areas `/konto/*`, `/{tenant}/amt/*` and
 * `/admin/*` are also guarded as a whole (deny by default) once `accountsModule` is mounted.
 */
import "./accounts.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { accountsDeps } from "./accounts.deps.ts";
import { mountAccounts } from "./accounts.routes.ts";
import { sessionMiddleware } from "./session.middleware.ts";

export { hashPassword, verifyPassword } from "./accounts.crypto.ts";
export { type AccountsDeps, accountsDeps } from "./accounts.deps.ts";
export {
  requireCitizen,
  requirePlatformAdmin,
  requireStaff,
  staffRoles,
} from "./accounts.guards.ts";
export { listUserSessions } from "./accounts.repository.ts";
export { PASSWORD_MAX, PASSWORD_MIN } from "./accounts.schema.ts";
export {
  createCitizen,
  createStaffUser,
  findCitizenByEmail,
  findStaffUserByEmail,
  grantMembership,
  requestPasswordReset,
} from "./accounts.service.ts";
export { revokeAllSessions } from "./login.service.ts";
export { SESSION_COOKIE, sessionMiddleware } from "./session.middleware.ts";

/** Loads the signed-in person (`c.var.viewer`) for every request; mount right after tenants. */
export function sessionModule(platform: Platform, now?: () => Date): WebModule {
  return {
    name: "session",
    mount: (app: Hono<AppEnv>) => {
      app.use(sessionMiddleware(platform, now));
    },
  };
}

/** The sign-in, registration, second-factor, reset and security pages of all three areas. */
export function accountsModule(platform: Platform, opts: { now?: () => Date } = {}): WebModule {
  return {
    name: "accounts",
    mount: (app: Hono<AppEnv>) => mountAccounts(app, platform, accountsDeps(platform, opts.now)),
  };
}
