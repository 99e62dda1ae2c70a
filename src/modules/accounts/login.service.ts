import { withTenant } from "../../platform/db/database.ts";
import {
  newToken,
  publicSessionId,
  sha256,
  spendPasswordCheck,
  verifyPassword,
} from "./accounts.crypto.ts";
import type { AccountsDeps } from "./accounts.deps.ts";
import {
  deleteSession,
  deleteUserSessions,
  findMembershipRoles,
  findUserByEmail,
  insertSession,
  listUserSessions,
  type UserKind,
} from "./accounts.repository.ts";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  accountKey,
  addressKey,
  blockedUntil,
  clearThrottle,
  minutesUntil,
  recordFailure,
} from "./throttle.service.ts";

const MINUTE = 60_000;
/** Absolute lifetime of a signed-in session, and of the half-way state before the second factor. */
export const SESSION_LIFETIME_MS = 12 * 60 * MINUTE;
export const MFA_STAGE_LIFETIME_MS = 15 * MINUTE;
/** A session unused this long ends. */
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;

/** Where a person signs in: the citizen portal, one municipality's workspace, or the operators. */
export type LoginArea = { kind: UserKind; tenantId: string | null; platformAdmin: boolean };

export type Client = { ip: string; userAgent: string };

export type LoginOutcome =
  | { ok: true; token: string; stage: "mfa" | "full"; setupRequired: boolean }
  | { ok: false; error: "invalid" | "unverified" }
  | { ok: false; error: "blocked"; minutes: number };

/**
 * The password step. Unknown address, wrong password and "no membership in this municipality"
 * give the same answer (no account enumeration) and count as failures for the address and the
 * client. On success the previous session of this browser ends and a new token is issued.
 */
export async function passwordLogin(
  deps: AccountsDeps,
  area: LoginArea,
  input: { email: string; password: string; previousIdHash?: string },
  client: Client,
): Promise<LoginOutcome> {
  const now = deps.now();
  const keys = [accountKey(area.kind, input.email), addressKey(client.ip)];
  const until = await blockedUntil(deps.db, keys, now);
  if (until) return { ok: false, error: "blocked", minutes: minutesUntil(until, now) };

  const user = await findUserByEmail(deps.db, area.kind, input.email);
  let valid = false;
  if (user) valid = await verifyPassword(user.password_hash, input.password);
  else await spendPasswordCheck(input.password);
  if (valid && user && !(await mayEnter(deps, area, user.id, user.platform_admin))) valid = false;
  if (!valid || !user) {
    await recordFailure(deps.db, keys[0], ACCOUNT_POLICY, now);
    await recordFailure(deps.db, keys[1], ADDRESS_POLICY, now);
    return { ok: false, error: "invalid" };
  }
  if (area.kind === "citizen" && !user.email_verified_at) return { ok: false, error: "unverified" };
  await clearThrottle(deps.db, [keys[0]]);

  const hasTotp = !!user.totp_enabled_at;
  const setupRequired = area.kind === "staff" && !hasTotp && !deps.config.demoMode;
  const stage = hasTotp || setupRequired ? "mfa" : "full";
  if (input.previousIdHash) await deleteSession(deps.db, input.previousIdHash);
  const token = await openSession(
    deps,
    { userId: user.id, stage, tenantId: area.tenantId },
    client,
  );
  return { ok: true, token, stage, setupRequired };
}

async function mayEnter(
  deps: AccountsDeps,
  area: LoginArea,
  userId: string,
  platformAdmin: boolean,
): Promise<boolean> {
  if (area.kind === "citizen") return true;
  if (area.platformAdmin) return platformAdmin;
  if (!area.tenantId) return false;
  const roles = await withTenant(deps.db, area.tenantId, (tx) => findMembershipRoles(tx, userId));
  return !!roles && roles.length > 0;
}

/** Issues a new session token; only its SHA-256 is stored. */
export async function openSession(
  deps: AccountsDeps,
  s: { userId: string; stage: "mfa" | "full"; tenantId: string | null },
  client: Client,
): Promise<string> {
  const token = newToken();
  const lifetime = s.stage === "mfa" ? MFA_STAGE_LIFETIME_MS : SESSION_LIFETIME_MS;
  await insertSession(deps.db, {
    id_hash: sha256(token),
    user_id: s.userId,
    stage: s.stage,
    tenant_id: s.tenantId,
    expires_at: new Date(deps.now().getTime() + lifetime),
    ip: client.ip.slice(0, 100),
    user_agent: client.userAgent.slice(0, 300),
  });
  return token;
}

/** Replaces a half-way session with a full one under a new token (no session fixation). */
export async function promoteSession(
  deps: AccountsDeps,
  session: { idHash: string; userId: string; tenantId: string | null },
  client: Client,
): Promise<string> {
  await deleteSession(deps.db, session.idHash);
  return openSession(
    deps,
    { userId: session.userId, stage: "full", tenantId: session.tenantId },
    client,
  );
}

export function logout(deps: AccountsDeps, idHash: string): Promise<void> {
  return deleteSession(deps.db, idHash);
}

export type SessionView = {
  publicId: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ip: string;
};

export async function listSessions(
  deps: AccountsDeps,
  userId: string,
  currentIdHash: string,
): Promise<SessionView[]> {
  const rows = await listUserSessions(deps.db, userId, deps.now());
  return rows.map((r) => ({
    publicId: publicSessionId(r.id_hash),
    current: r.id_hash === currentIdHash,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    userAgent: r.user_agent ?? "",
    ip: r.ip ?? "",
  }));
}

/** Ends one of the user's own sessions, named by its public id; false when there is none. */
export async function revokeSession(
  deps: AccountsDeps,
  userId: string,
  publicId: string,
): Promise<boolean> {
  const rows = await listUserSessions(deps.db, userId, deps.now());
  const row = rows.find((r) => publicSessionId(r.id_hash) === publicId);
  if (!row) return false;
  await deleteSession(deps.db, row.id_hash);
  return true;
}

export function revokeAllSessions(deps: AccountsDeps, userId: string): Promise<void> {
  return deleteUserSessions(deps.db, userId);
}
