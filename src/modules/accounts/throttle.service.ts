import type { Db } from "../../platform/db/database.ts";
import { withPlatform } from "../../platform/db/database.ts";
import {
  deleteThrottles,
  findThrottles,
  lockThrottle,
  saveThrottle,
} from "./accounts.repository.ts";

/**
 * Throttling of sign-in attempts. Failures are counted per key within a window; from `threshold`
 * failures on, the key is blocked for `baseMs`, doubling with each further failure up to `maxMs`.
 * A block always ends, so nobody can lock a person out for good; success (or a password reset)
 * clears the account's key.
 */
export type ThrottlePolicy = { threshold: number; baseMs: number; maxMs: number; windowMs: number };

export const ACCOUNT_POLICY: ThrottlePolicy = {
  threshold: 5,
  baseMs: 60_000,
  maxMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** A whole office may share one address: a higher bar before its address is slowed down. */
export const ADDRESS_POLICY: ThrottlePolicy = { ...ACCOUNT_POLICY, threshold: 25 };

export const accountKey = (kind: string, email: string) => `account:${kind}:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const secondFactorKey = (userId: string) => `mfa:${userId}`;

/** The end of the longest running block among `keys`, if any. */
export async function blockedUntil(db: Db, keys: string[], now: Date): Promise<Date | undefined> {
  const rows = await findThrottles(db, keys);
  let until: Date | undefined;
  for (const r of rows) {
    if (r.blocked_until && r.blocked_until > now && (!until || r.blocked_until > until))
      until = r.blocked_until;
  }
  return until;
}

/** Counts a failure for `key`; returns the block that now applies, if any. */
export function recordFailure(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Date | undefined> {
  return withPlatform(db, async (tx) => {
    const row = await lockThrottle(tx, key, now);
    const windowOver = now.getTime() - row.first_failure_at.getTime() > policy.windowMs;
    const blockOver = !row.blocked_until || row.blocked_until <= now;
    if (windowOver && blockOver) {
      row.failures = 0;
      row.first_failure_at = now;
    }
    row.failures += 1;
    const over = row.failures - policy.threshold;
    row.blocked_until =
      over >= 0
        ? new Date(now.getTime() + Math.min(policy.baseMs * 2 ** Math.min(over, 20), policy.maxMs))
        : null;
    await saveThrottle(tx, row);
    return row.blocked_until ?? undefined;
  });
}

export function clearThrottle(db: Db, keys: string[]): Promise<void> {
  return deleteThrottles(db, keys);
}

/** Whole minutes until `until`, at least one: what the user is told to wait. */
export const minutesUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
