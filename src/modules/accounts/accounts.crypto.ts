import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomInt,
} from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Hashes a password with argon2id (the library's defaults: 19 MiB, t=2, p=1, OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches `hashed`; false for an unusable hash (invited, not yet set). */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  if (!hashed.startsWith("$argon2")) return false;
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one password check. Used for unknown addresses, so that the answer time
 * does not tell whether an account exists.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("dienstwerk-no-such-account");
  await verify(await dummyHash, password).catch(() => false);
}

/** A password hash that matches nothing: invited staff until they choose a password. */
export const UNUSABLE_PASSWORD = "!unset";

/** A random URL-safe secret of 256 bits (session tokens, mail tokens). */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** What is stored of a high-entropy secret: its SHA-256, hex. */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

/** A session's public id on the security page: derived, so the page never shows the stored hash. */
export const publicSessionId = (idHash: string): string => sha256(`public:${idHash}`).slice(0, 20);

// Unambiguous characters: no 0/o, 1/l/i.
const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten single-use recovery codes like `k7d2m-x9rpa` (about 49 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** Recovery codes are compared without case, spaces and dashes. */
export const normaliseRecoveryCode = (code: string): string =>
  code.toLowerCase().replace(/[\s-]/g, "");

export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

/**
 * AES-256-GCM for TOTP secrets at rest, under a key derived (HKDF) from the instance secret, so a
 * database dump alone does not yield second factors.
 */
export function secretBox(secretKey: string): SecretBox {
  const key = Buffer.from(
    hkdfSync("sha256", secretKey, "dienstwerk", "accounts:totp-secret:v1", 32),
  );
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url")}`;
    },
    open(sealed) {
      if (!sealed.startsWith("v1:")) throw new Error("Unknown secret format");
      const raw = Buffer.from(sealed.slice(3), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
