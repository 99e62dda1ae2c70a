import { sql } from "kysely";
import type { Db, Tx } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";

export type UserKind = "citizen" | "staff";
export type TokenPurpose = "verify-email" | "reset-password";

export type UserRow = {
  id: string;
  kind: UserKind;
  email: string;
  name: string;
  password_hash: string;
  platform_admin: boolean;
  email_verified_at: Date | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  locale: "de" | "en";
};

const userColumns = [
  "id",
  "kind",
  "email",
  "name",
  "password_hash",
  "platform_admin",
  "email_verified_at",
  "totp_secret",
  "totp_enabled_at",
  "totp_last_step",
  "locale",
] as const;

export function findUserByEmail(
  db: Db | Tx,
  kind: UserKind,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .select(userColumns)
    .where("kind", "=", kind)
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db | Tx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
}

export function insertUser(
  tx: Tx,
  u: {
    kind: UserKind;
    email: string;
    name: string;
    passwordHash: string;
    platformAdmin?: boolean;
    emailVerifiedAt?: Date | null;
    locale?: "de" | "en";
  },
): Promise<{ id: string }> {
  return tx
    .insertInto("users")
    .values({
      kind: u.kind,
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      platform_admin: u.platformAdmin ?? false,
      email_verified_at: u.emailVerifiedAt ?? null,
      locale: u.locale ?? "de",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  tx: Db | Tx,
  id: string,
  patch: Partial<{
    name: string;
    password_hash: string;
    email_verified_at: Date;
    totp_secret: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: number | null;
    locale: "de" | "en";
  }>,
): Promise<void> {
  await tx
    .updateTable("users")
    .set({ ...patch, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Records an accepted TOTP step unless a later one was accepted meanwhile (no replay race). */
export async function advanceTotpStep(tx: Db | Tx, userId: string, step: number): Promise<boolean> {
  const r = await tx
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- mail tokens ---

export async function insertAuthToken(
  tx: Tx,
  t: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto("auth_tokens")
    .values({
      token_hash: t.tokenHash,
      user_id: t.userId,
      purpose: t.purpose,
      expires_at: t.expiresAt,
    })
    .execute();
}

/** Marks a valid, unused token as used and returns its user; undefined when not usable. */
export async function consumeAuthToken(
  tx: Tx,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | undefined> {
  const row = await tx
    .updateTable("auth_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

export function findUsableAuthToken(
  db: Db,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<{ user_id: string } | undefined> {
  return db
    .selectFrom("auth_tokens")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function deleteAuthTokens(tx: Tx, userId: string, purpose: TokenPurpose) {
  await tx
    .deleteFrom("auth_tokens")
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .execute();
}

// --- sessions ---

export type SessionRow = {
  id_hash: string;
  user_id: string;
  stage: "mfa" | "full";
  tenant_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
};

export async function insertSession(
  tx: Db | Tx,
  s: Omit<SessionRow, "created_at" | "last_seen_at">,
): Promise<void> {
  await tx.insertInto("sessions").values(s).execute();
}

export function findSessionWithUser(db: Db, idHash: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id_hash",
      "s.user_id",
      "s.stage",
      "s.tenant_id",
      "s.last_seen_at",
      "s.expires_at",
      "u.kind",
      "u.name",
      "u.email",
      "u.platform_admin",
    ])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteSession(db: Db | Tx, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteUserSessions(
  db: Db | Tx,
  userId: string,
  exceptIdHash?: string,
): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptIdHash) q = q.where("id_hash", "!=", exceptIdHash);
  await q.execute();
}

export function listUserSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("user_id", "=", userId)
    .where("stage", "=", "full")
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
}

// --- recovery codes ---

export async function replaceRecoveryCodes(tx: Tx, userId: string, hashes: string[]) {
  await tx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (hashes.length === 0) return;
  await tx
    .insertInto("recovery_codes")
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Uses a recovery code once: true when it was unused and is now spent. */
export async function spendRecoveryCode(
  db: Db | Tx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// --- memberships (tenant-owned: call inside withTenant) ---

export async function findMembershipRoles(tx: Tx, userId: string): Promise<Role[] | undefined> {
  const row = await tx
    .selectFrom("memberships")
    .select("roles")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.roles;
}

export async function upsertMembership(tx: Tx, tenantId: string, userId: string, roles: Role[]) {
  await tx
    .insertInto("memberships")
    .values({ tenant_id: tenantId, user_id: userId, roles })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doUpdateSet({ roles }))
    .execute();
}

// --- login throttle ---

export type ThrottleRow = {
  key: string;
  failures: number;
  first_failure_at: Date;
  blocked_until: Date | null;
};

export function findThrottles(db: Db | Tx, keys: string[]): Promise<ThrottleRow[]> {
  return db.selectFrom("login_throttle").selectAll().where("key", "in", keys).execute();
}

export async function lockThrottle(tx: Tx, key: string, now: Date): Promise<ThrottleRow> {
  await tx
    .insertInto("login_throttle")
    .values({ key, failures: 0, first_failure_at: now })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return tx
    .selectFrom("login_throttle")
    .selectAll()
    .where("key", "=", key)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function saveThrottle(tx: Tx, row: ThrottleRow): Promise<void> {
  await tx
    .updateTable("login_throttle")
    .set({
      failures: row.failures,
      first_failure_at: row.first_failure_at,
      blocked_until: row.blocked_until,
    })
    .where("key", "=", row.key)
    .execute();
}

export async function deleteThrottles(db: Db | Tx, keys: string[]): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "in", keys).execute();
}
