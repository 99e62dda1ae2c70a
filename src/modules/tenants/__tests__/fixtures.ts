import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Client } from "../../../../test/helpers/http.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { Role } from "../../../platform/db/schema.ts";
import { createStaffUser, SESSION_COOKIE } from "../../accounts/index.ts";
import { addMember, createTenant } from "../index.ts";

export const PASSWORD = "Ein-sicheres-Test-Passwort";

/** A municipality of its own for one test, with a slug nobody else uses. */
export async function makeTenant(db: Db, prefix = "t") {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const name = `Gemeinde ${slug}`;
  const { id } = await createTenant(db, { slug, settings: { name, state: "ST" } });
  return { id, slug, name };
}

/** A staff user with a password and the given roles in the tenant. */
export async function makeStaff(db: Db, tenantId: string, roles: Role[], orgUnitIds?: string[]) {
  const email = `${roles.join("-")}-${randomUUID().slice(0, 8)}@test.example`;
  const { id } = await createStaffUser(db, {
    email,
    name: `Person ${roles[0]}`,
    password: PASSWORD,
  });
  await addMember(db, { tenantId, userId: id, roles, orgUnitIds });
  return { id, email };
}

/** Signs in at the municipality's staff sign-in (demo mode: no second factor). */
export async function signInStaff(
  client: Client,
  slug: string,
  email: string,
  password = PASSWORD,
) {
  const form = await client.get(`/${slug}/amt/anmelden`);
  const res = await client.post(`/${slug}/amt/anmelden`, { email, password }, form);
  assert.equal(res.status, 303, `sign-in of ${email} failed: ${res.body.slice(0, 300)}`);
  assert.ok(client.cookie(SESSION_COOKIE));
}

/** Posts a multipart form (file uploads) with the client's cookies and CSRF token. */
export async function postMultipart(
  client: Client,
  path: string,
  csrf: string,
  fields: Record<string, string | Blob>,
  filename = "logo.png",
) {
  const form = new FormData();
  form.set("_csrf", csrf);
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") form.set(k, v);
    else form.set(k, v, filename);
  }
  const cookie = ["dw_csrf", SESSION_COOKIE]
    .map((n) => `${n}=${client.cookie(n) ?? ""}`)
    .join("; ");
  const res = await fetch(new URL(path, client.base), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie },
  });
  return { status: res.status, body: await res.text(), location: res.headers.get("location") };
}
