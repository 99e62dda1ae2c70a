import { correction, generate } from "lean-qr";
import { toPngDataURL } from "lean-qr/extras/node_export";
import { generateSecret, generateURI, verify } from "otplib";
import { withPlatform } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import {
  newRecoveryCodes,
  normaliseRecoveryCode,
  sha256,
  verifyPassword,
} from "./accounts.crypto.ts";
import type { AccountsDeps } from "./accounts.deps.ts";
import {
  advanceTotpStep,
  countUnusedRecoveryCodes,
  findUserById,
  replaceRecoveryCodes,
  spendRecoveryCode,
  type UserRow,
  updateUser,
} from "./accounts.repository.ts";
import { type Client, promoteSession } from "./login.service.ts";
import {
  ACCOUNT_POLICY,
  blockedUntil,
  clearThrottle,
  minutesUntil,
  recordFailure,
  secondFactorKey,
} from "./throttle.service.ts";

const ISSUER = "Dienstwerk";

/** The TOTP time step a 6-digit code matches (±1 step of clock drift), or undefined. */
async function matchTotp(secret: string, code: string, after: number | null, now: Date) {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const r = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      afterTimeStep: after ?? undefined,
    });
    return r.valid && "timeStep" in r ? r.timeStep : undefined;
  } catch {
    return undefined;
  }
}

const cleanCode = (code: string) => code.replace(/\s/g, "");

/** Checks a TOTP code (not replayable) or spends a recovery code. */
async function checkSecondFactor(deps: AccountsDeps, user: UserRow, code: string) {
  if (!user.totp_enabled_at || !user.totp_secret) return false;
  const c = cleanCode(code);
  const step = await matchTotp(deps.box.open(user.totp_secret), c, user.totp_last_step, deps.now());
  if (step !== undefined) return advanceTotpStep(deps.db, user.id, step);
  const normal = normaliseRecoveryCode(c);
  if (normal.length !== 10) return false;
  return spendRecoveryCode(deps.db, user.id, sha256(normal), deps.now());
}

export type SecondFactorOutcome =
  | { ok: true; token: string }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "blocked"; minutes: number };

/**
 * The second step of signing in. Failures are throttled per account like passwords; success
 * replaces the half-way session with a full one under a new token.
 */
export async function completeSecondFactor(
  deps: AccountsDeps,
  session: { idHash: string; userId: string; tenantId: string | null },
  code: string,
  client: Client,
): Promise<SecondFactorOutcome> {
  const now = deps.now();
  const key = secondFactorKey(session.userId);
  const until = await blockedUntil(deps.db, [key], now);
  if (until) return { ok: false, error: "blocked", minutes: minutesUntil(until, now) };
  const user = await findUserById(deps.db, session.userId);
  if (!user || !(await checkSecondFactor(deps, user, code))) {
    await recordFailure(deps.db, key, ACCOUNT_POLICY, now);
    return { ok: false, error: "invalid" };
  }
  await clearThrottle(deps.db, [key]);
  return { ok: true, token: await promoteSession(deps, session, client) };
}

export type TotpSetup = { secret: string; qrDataUrl: string };

/** The pending (not yet confirmed) TOTP secret, made on first call; shown as QR code and text. */
export async function pendingTotpSetup(deps: AccountsDeps, userId: string): Promise<TotpSetup> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError("error.notFound", { status: 404 });
  if (user.totp_enabled_at) throw new DomainError("accounts.error.totpAlreadyOn", { status: 409 });
  let secret = user.totp_secret ? deps.box.open(user.totp_secret) : undefined;
  if (!secret) {
    secret = generateSecret();
    await updateUser(deps.db, userId, { totp_secret: deps.box.seal(secret), totp_last_step: null });
  }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  return { secret, qrDataUrl: qrDataUrl(uri) };
}

/** The QR code of an `otpauth:` link as a PNG `data:` URL, about 240 pixels wide. */
function qrDataUrl(uri: string): string {
  const code = generate(uri, { minCorrectionLevel: correction.M });
  const scale = Math.ceil(240 / (code.size + 4));
  return toPngDataURL(code, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 2, scale });
}

export async function hasPendingTotp(deps: AccountsDeps, userId: string): Promise<boolean> {
  const u = await findUserById(deps.db, userId);
  return !!u && !u.totp_enabled_at && !!u.totp_secret;
}

/** Discards a pending setup (the person changed their mind). */
export async function cancelTotpSetup(deps: AccountsDeps, userId: string): Promise<void> {
  const u = await findUserById(deps.db, userId);
  if (u && !u.totp_enabled_at) await updateUser(deps.db, userId, { totp_secret: null });
}

/** Turns TOTP on after a correct code; returns the ten recovery codes to show once. */
export async function confirmTotp(
  deps: AccountsDeps,
  userId: string,
  code: string,
  field = "code",
): Promise<string[]> {
  const user = await findUserById(deps.db, userId);
  if (!user?.totp_secret || user.totp_enabled_at) {
    throw new DomainError("accounts.error.totpNoSetup", { status: 409 });
  }
  const now = deps.now();
  const key = secondFactorKey(userId);
  const until = await blockedUntil(deps.db, [key], now);
  if (until) {
    throw new DomainError("error.tooManyRequests", {
      status: 429,
      field,
      params: { minutes: minutesUntil(until, now) },
    });
  }
  const step = await matchTotp(deps.box.open(user.totp_secret), cleanCode(code), null, now);
  if (step === undefined) {
    await recordFailure(deps.db, key, ACCOUNT_POLICY, now);
    throw new DomainError("accounts.error.code", { field });
  }
  await clearThrottle(deps.db, [key]);
  const codes = newRecoveryCodes();
  await withPlatform(deps.db, async (tx) => {
    await updateUser(tx, userId, { totp_enabled_at: now, totp_last_step: step });
    await replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    );
  });
  return codes;
}

/** New recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(deps: AccountsDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user?.totp_enabled_at) throw new DomainError("accounts.error.totpNoSetup", { status: 409 });
  const codes = newRecoveryCodes();
  await withPlatform(deps.db, (tx) =>
    replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    ),
  );
  return codes;
}

/**
 * Turns TOTP off after checking the password. Staff may not, outside demo mode: for them the
 * second factor is mandatory.
 */
export async function disableTotp(deps: AccountsDeps, userId: string, password: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError("error.notFound", { status: 404 });
  if (user.kind === "staff" && !deps.config.demoMode) {
    throw new DomainError("accounts.error.totpMandatory", { status: 409 });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new DomainError("accounts.error.currentPassword", { field: "disablePassword" });
  }
  await withPlatform(deps.db, async (tx) => {
    await updateUser(tx, userId, {
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(tx, userId, []);
  });
}

export type SecurityState = {
  totpEnabled: boolean;
  totpPending: boolean;
  recoveryCodesLeft: number;
  totpMandatory: boolean;
};

export async function securityState(deps: AccountsDeps, userId: string): Promise<SecurityState> {
  const u = await findUserById(deps.db, userId);
  return {
    totpEnabled: !!u?.totp_enabled_at,
    totpPending: !!u && !u.totp_enabled_at && !!u.totp_secret,
    recoveryCodesLeft: u?.totp_enabled_at ? await countUnusedRecoveryCodes(deps.db, userId) : 0,
    totpMandatory: u?.kind === "staff" && !deps.config.demoMode,
  };
}

export async function userHasTotp(deps: AccountsDeps, userId: string): Promise<boolean> {
  return !!(await findUserById(deps.db, userId))?.totp_enabled_at;
}
