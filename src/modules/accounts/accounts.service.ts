import type { Db } from "../../platform/db/database.ts";
import { isUniqueViolation, withPlatform, withTenant } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Locale } from "../../platform/i18n/index.ts";
import {
  hashPassword,
  newToken,
  sha256,
  UNUSABLE_PASSWORD,
  verifyPassword,
} from "./accounts.crypto.ts";
import { type AccountsDeps, accountsDeps } from "./accounts.deps.ts";
import { accountMail } from "./accounts.mail.ts";
import {
  consumeAuthToken,
  deleteAuthTokens,
  deleteUserSessions,
  findUsableAuthToken,
  findUserByEmail,
  findUserById,
  insertAuthToken,
  insertUser,
  type TokenPurpose,
  type UserKind,
  updateUser,
  upsertMembership,
} from "./accounts.repository.ts";
import { accountKey, clearThrottle } from "./throttle.service.ts";

const HOUR = 3_600_000;
export const TOKEN_LIFETIME: Record<"verify" | "reset" | "invite", number> = {
  verify: 48 * HOUR,
  reset: 1 * HOUR,
  invite: 7 * 24 * HOUR,
};

/** Where a mail link of an account area points: "/konto", "/{tenant}/amt" or "/admin". */
export type AreaPath = string;

/** A fresh mail token for `userId`, inserted in `tx`; returns the link with the clear token. */
async function issueToken(
  deps: AccountsDeps,
  tx: Parameters<typeof insertAuthToken>[0],
  userId: string,
  purpose: TokenPurpose,
  lifetimeMs: number,
  page: string,
): Promise<string> {
  const token = newToken();
  await insertAuthToken(tx, {
    tokenHash: sha256(token),
    userId,
    purpose,
    expiresAt: new Date(deps.now().getTime() + lifetimeMs),
  });
  return `${deps.config.baseUrl}${page}?token=${token}`;
}

/**
 * Registers a Bürgerkonto and mails the confirmation link. The answer is the same whether or not
 * the address is known (no account enumeration): a known, confirmed address gets a hint mail
 * instead; a known, unconfirmed one takes the new password and gets a fresh link.
 */
export async function registerCitizen(
  deps: AccountsDeps,
  input: { name: string; email: string; password: string; locale: Locale },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await withPlatform(deps.db, async (tx) => {
    const existing = await findUserByEmail(tx, "citizen", input.email);
    if (existing?.email_verified_at) {
      await deps.mailer.queueMail(
        tx,
        accountMail("alreadyRegistered", existing, `${deps.config.baseUrl}/konto/anmelden`),
      );
      return;
    }
    let userId = existing?.id;
    if (existing) {
      await updateUser(tx, existing.id, {
        name: input.name,
        password_hash: passwordHash,
        locale: input.locale,
      });
      await deleteAuthTokens(tx, existing.id, "verify-email");
    } else {
      userId = (
        await insertUser(tx, {
          kind: "citizen",
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
        })
      ).id;
    }
    const link = await issueToken(
      deps,
      tx,
      userId!,
      "verify-email",
      TOKEN_LIFETIME.verify,
      "/konto/bestaetigen",
    );
    await deps.mailer.queueMail(
      tx,
      accountMail("verify", { email: input.email, name: input.name, locale: input.locale }, link),
    );
  });
}

/** Confirms an address with the mailed token; false when the token is unknown, used or expired. */
export function verifyEmail(deps: AccountsDeps, token: string): Promise<boolean> {
  return withPlatform(deps.db, async (tx) => {
    const userId = await consumeAuthToken(tx, sha256(token), "verify-email", deps.now());
    if (!userId) return false;
    await updateUser(tx, userId, { email_verified_at: deps.now() });
    return true;
  });
}

/** Mails a reset link if the account exists; silent otherwise (same answer either way). */
export async function requestPasswordReset(
  deps: AccountsDeps,
  input: { kind: UserKind; email: string; area: AreaPath },
): Promise<void> {
  await withPlatform(deps.db, async (tx) => {
    const user = await findUserByEmail(tx, input.kind, input.email);
    if (!user) return;
    const link = await issueToken(
      deps,
      tx,
      user.id,
      "reset-password",
      TOKEN_LIFETIME.reset,
      `${input.area}/passwort-neu`,
    );
    await deps.mailer.queueMail(tx, accountMail("reset", user, link));
  });
}

export async function resetTokenUsable(deps: AccountsDeps, token: string): Promise<boolean> {
  return !!(await findUsableAuthToken(deps.db, sha256(token), "reset-password", deps.now()));
}

/**
 * Sets a new password with a mailed token: ends every session of the account, lifts its sign-in
 * block and counts as a confirmed address (the person read the mail).
 */
export async function resetPassword(
  deps: AccountsDeps,
  input: { token: string; password: string },
): Promise<{ kind: UserKind } | undefined> {
  const passwordHash = await hashPassword(input.password);
  const user = await withPlatform(deps.db, async (tx) => {
    const userId = await consumeAuthToken(tx, sha256(input.token), "reset-password", deps.now());
    if (!userId) return undefined;
    const u = await findUserById(tx, userId);
    if (!u) return undefined;
    if (input.password.toLowerCase() === u.email.toLowerCase()) {
      throw new DomainError("accounts.error.passwordIsEmail", { field: "password" });
    }
    await updateUser(tx, userId, {
      password_hash: passwordHash,
      ...(u.email_verified_at ? {} : { email_verified_at: deps.now() }),
    });
    await deleteUserSessions(tx, userId);
    return u;
  });
  if (!user) return undefined;
  await clearThrottle(deps.db, [accountKey(user.kind, user.email)]);
  return { kind: user.kind };
}

/** Changes the password after checking the current one; other sessions of the account end. */
export async function changePassword(
  deps: AccountsDeps,
  input: { userId: string; current: string; next: string; keepSessionIdHash: string },
): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.current))) {
    throw new DomainError("accounts.error.currentPassword", { field: "currentPassword" });
  }
  if (input.next.toLowerCase() === user.email.toLowerCase()) {
    throw new DomainError("accounts.error.passwordIsEmail", { field: "password" });
  }
  const passwordHash = await hashPassword(input.next);
  await withPlatform(deps.db, async (tx) => {
    await updateUser(tx, user.id, { password_hash: passwordHash });
    await deleteUserSessions(tx, user.id, input.keepSessionIdHash);
  });
}

type Target = Db | Platform;
const isPlatform = (t: Target): t is Platform => "database" in t && "mailer" in t;
const dbOf = (t: Target): Db => (isPlatform(t) ? t.database.db : t);

/**
 * Creates a Bürgerkonto directly (factories, demo data, CLI): confirmed unless `verified: false`.
 */
export async function createCitizen(
  target: Target,
  input: { email: string; name: string; password: string; verified?: boolean; locale?: Locale },
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await withPlatform(dbOf(target), (tx) =>
      insertUser(tx, {
        kind: "citizen",
        email: input.email,
        name: input.name,
        passwordHash,
        emailVerifiedAt: input.verified === false ? null : new Date(),
        locale: input.locale,
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("accounts.error.emailTaken", { status: 409, field: "email" });
    throw err;
  }
}

/**
 * Creates a staff user (caseworker, designer, platform operator). Without a password the person
 * gets an invitation mail with a link to choose one (valid 7 days); that needs the platform (for
 * the mailer), not only the database. `area` is where the link points: "/{tenant}/amt" or, by
 * default, "/admin" for operators.
 */
export async function createStaffUser(
  target: Target,
  input: {
    email: string;
    name: string;
    password?: string;
    platformAdmin?: boolean;
    tenantSlug?: string;
    locale?: Locale;
  },
): Promise<{ id: string; invited: boolean }> {
  if (!input.password && !isPlatform(target)) {
    throw new Error("createStaffUser without a password needs the platform to send the invitation");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : UNUSABLE_PASSWORD;
  try {
    return await withPlatform(dbOf(target), async (tx) => {
      const { id } = await insertUser(tx, {
        kind: "staff",
        email: input.email,
        name: input.name,
        passwordHash,
        platformAdmin: input.platformAdmin ?? false,
        emailVerifiedAt: input.password ? new Date() : null,
        locale: input.locale,
      });
      if (input.password) return { id, invited: false };
      const deps = accountsDeps(target as Platform);
      const area = input.tenantSlug ? `/${input.tenantSlug}/amt` : "/admin";
      const link = await issueToken(
        deps,
        tx,
        id,
        "reset-password",
        TOKEN_LIFETIME.invite,
        `${area}/passwort-neu`,
      );
      await deps.mailer.queueMail(
        tx,
        accountMail(
          "invite",
          { email: input.email, name: input.name, locale: input.locale ?? "de" },
          link,
        ),
      );
      return { id, invited: true };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("accounts.error.emailTaken", { status: 409, field: "email" });
    throw err;
  }
}

/** Gives a staff user roles in a municipality (replacing earlier roles there). */
export function grantMembership(
  db: Db,
  input: { tenantId: string; userId: string; roles: Role[] },
): Promise<void> {
  return withTenant(db, input.tenantId, (tx) =>
    upsertMembership(tx, input.tenantId, input.userId, input.roles),
  );
}

/** A citizen account (Bürgerkonto) by email, e.g. to link an application entered by staff. */
export function findCitizenByEmail(db: Db, email: string) {
  return findUserByEmail(db, "citizen", email).then((u) =>
    u ? { id: u.id, email: u.email, name: u.name } : undefined,
  );
}

export function findStaffUserByEmail(db: Db, email: string) {
  return findUserByEmail(db, "staff", email).then((u) =>
    u ? { id: u.id, email: u.email, name: u.name, platformAdmin: u.platform_admin } : undefined,
  );
}
