import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../platform/db/database.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import {
  type ApiKeyRow,
  findApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  useApiKey,
} from "./api-keys.repository.ts";

export type { ApiKeyRow };

const PREFIX = "dwk_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 43 base62 characters: about 256 bits of randomness. */
const LENGTH = 43;
const KEY_SHAPE = /^dwk_[0-9A-Za-z]{43}$/;

export const apiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "intake.apiKeys.error.nameRequired")
    .max(100, "intake.apiKeys.error.nameTooLong"),
});

/** Keys are stored only as this hash; the key itself is shown once and never again. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function generateApiKey(): string {
  let out = PREFIX;
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Creates a key for the municipality; the returned `key` exists nowhere else afterwards. */
export async function createApiKey(
  db: Db,
  tenantId: string,
  input: { name: string; createdBy: string | null },
): Promise<{ id: string; key: string }> {
  const key = generateApiKey();
  const { id } = await withTenant(db, tenantId, (tx) =>
    insertApiKey(tx, {
      tenantId,
      name: input.name,
      keyHash: hashApiKey(key),
      createdBy: input.createdBy,
    }),
  );
  return { id, key };
}

export function apiKeysOf(db: Db, tenantId: string): Promise<ApiKeyRow[]> {
  return withTenant(db, tenantId, (tx) => listApiKeys(tx, tenantId));
}

export async function apiKeyOf(db: Db, tenantId: string, id: string) {
  if (!z.uuid().safeParse(id).success) throw new DomainError("error.notFound", { status: 404 });
  const row = await withTenant(db, tenantId, (tx) => findApiKey(tx, tenantId, id));
  if (!row) throw new DomainError("error.notFound", { status: 404 });
  return row;
}

/** Revokes a key at once: the next request with it is refused. Revoking twice changes nothing. */
export async function revokeKey(db: Db, tenantId: string, id: string): Promise<void> {
  await apiKeyOf(db, tenantId, id);
  await withTenant(db, tenantId, (tx) => revokeApiKey(tx, tenantId, id));
  for (const [k, v] of recentCallers) if (v.keyId === id) recentCallers.delete(k);
}

/** How long a key recently found live answers from memory for submissions (see below). */
export const RECENT_CALLER_MS = 10_000;
const MAX_RECENT_CALLERS = 10_000;

export type RecentCaller<T> = { tenant: T; keyId: string; at: number };
const recentCallers = new Map<string, RecentCaller<unknown>>();

/**
 * For submissions only: the municipality and key a presented key was found to be in the last
 * {@link RECENT_CALLER_MS}, without asking the database. This is a shortcut, not the check: the
 * transaction that stores the case asks again whether the key is live (`findLiveKeysAndStoredCases`
 * in the case writer, one query per batch), so a revoked key never creates a case — in this process
 * or in another. Reads (`GET`) always ask the database.
 */
export function recentCaller<T>(slug: string, presented: string): RecentCaller<T> | undefined {
  const key = `${slug}\0${hashApiKey(presented)}`;
  const hit = recentCallers.get(key);
  if (!hit) return undefined;
  if (Date.now() - hit.at > RECENT_CALLER_MS) {
    recentCallers.delete(key);
    return undefined;
  }
  return hit as RecentCaller<T>;
}

export function rememberCaller<T>(slug: string, presented: string, tenant: T, keyId: string) {
  if (recentCallers.size >= MAX_RECENT_CALLERS) recentCallers.clear();
  recentCallers.set(`${slug}\0${hashApiKey(presented)}`, { tenant, keyId, at: Date.now() });
}

/**
 * The live key of `tenantId` that `presented` is, or undefined. The lookup runs in the URL
 * municipality's context, so a key of another municipality is simply not found.
 */
export async function authenticateApiKey(
  db: Db,
  tenantId: string,
  presented: string,
): Promise<{ id: string } | undefined> {
  if (!KEY_SHAPE.test(presented)) return undefined;
  return withTenant(db, tenantId, (tx) => useApiKey(tx, tenantId, hashApiKey(presented)));
}
