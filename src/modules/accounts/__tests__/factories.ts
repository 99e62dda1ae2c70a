import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import type { Running } from "../../../app.ts";
import type { Role } from "../../../platform/db/schema.ts";
import { createTenant } from "../../tenants/index.ts";
import { createCitizen, createStaffUser, grantMembership } from "../index.ts";

export const PASSWORD = "ein langes Passwort 2026";

export const unique = () => randomUUID().slice(0, 8);

export async function makeTenant(app: Running) {
  const u = unique();
  return createTenant(app.platform.database.db, {
    slug: `stadt-${u}`,
    settings: { name: `Stadt ${u}`, state: "ST" },
  });
}

export async function makeCitizen(app: Running, opts: { verified?: boolean } = {}) {
  const email = `buerger-${unique()}@example.org`;
  const { id } = await createCitizen(app.platform, {
    email,
    name: "Erika Mustermann",
    password: PASSWORD,
    verified: opts.verified,
  });
  return { id, email };
}

export async function makeStaff(app: Running, tenantId: string, roles: Role[] = ["caseworker"]) {
  const email = `amt-${unique()}@example.org`;
  const { id } = await createStaffUser(app.platform, {
    email,
    name: "Max Amt",
    password: PASSWORD,
  });
  await grantMembership(app.platform.database.db, { tenantId, userId: id, roles });
  return { id, email };
}

/**
 * A TOTP code that is valid now and not yet used: the code of the next time step (the server
 * accepts one step of drift and refuses steps it has already seen).
 */
export function nextTotp(secret: string, stepsAhead = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

export const secretOf = (body: string) => /data-secret="([A-Z2-7]+)"/.exec(body)?.[1];
export const recoveryCodesOf = (body: string) =>
  [...body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]);
export const linkIn = (text: string, base: string) =>
  new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/[^\\s]+)`).exec(text)?.[1];
