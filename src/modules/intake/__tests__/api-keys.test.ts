import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { hashApiKey } from "../index.ts";

/** The API key pages, driven like a browser without JavaScript. */
describe("API key administration", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  let client: Client;
  const db = () => app.platform.database.db;
  const base = () => `/${tenant.slug}/amt/verwaltung/api-schluessel`;
  const keyIn = (body: string) =>
    /<code class="api-key" id="api-key">(dwk_[0-9A-Za-z]+)<\/code>/.exec(body)?.[1];
  const call = (key: string) =>
    fetch(new URL(`/api/v1/${tenant.slug}/services/gibt-es-nicht/applications`, app.url), {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ data: {} }),
    });

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true", API_RATE_LIMIT: "0" });
    tenant = await makeTenant(db(), "api");
    const admin = await makeStaff(db(), tenant.id, ["admin"]);
    client = new Client(app.url);
    await signInStaff(client, tenant.slug, admin.email);
  });
  after(() => app?.stop());

  it("links the API keys from the administration start page", async () => {
    const page = await client.get(`/${tenant.slug}/amt/verwaltung/`);
    assert.match(page.body, /href="[^"]*\/amt\/verwaltung\/api-schluessel"/);
  });

  it("shows a new key exactly once and stores only its SHA-256 hash", async () => {
    const form = await client.get(base());
    assert.equal(form.status, 200);
    assert.match(form.body, /Es gibt noch keine API-Schlüssel/);
    const created = await client.post(base(), { name: "Scanstelle Rathaus" }, form);
    assert.equal(created.status, 200);
    assert.equal(created.headers.get("cache-control"), "no-store");
    const key = keyIn(created.body);
    assert.ok(key, "the key is shown");
    assert.match(key, /^dwk_[0-9A-Za-z]{43}$/);

    const rows = await withTenant(db(), tenant.id, (tx) =>
      tx.selectFrom("api_keys").selectAll().where("tenant_id", "=", tenant.id).execute(),
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].key_hash, hashApiKey(key));
    assert.ok(!JSON.stringify(rows).includes(key.slice(4)), "the key itself is stored nowhere");

    const list = await client.get(base());
    assert.match(list.body, /Scanstelle Rathaus/);
    assert.ok(!list.body.includes(key), "the list never shows the key again");
    assert.match(list.body, /nie/);

    // It works (404 for an unknown service means: authenticated), then is revoked.
    assert.equal((await call(key)).status, 404);
    const revoke = await client.post(`${base()}/${rows[0].id}/widerrufen`, {}, list);
    assert.equal(revoke.status, 303);
    const after = await client.follow(revoke);
    assert.match(after.body, /widerrufen am/);
    assert.match(after.body, /funktioniert ab sofort nicht mehr/);
    assert.equal((await call(key)).status, 401);
  });

  it("asks for a name, next to the field, with an error summary", async () => {
    const form = await client.get(base());
    const res = await client.post(base(), { name: "  " }, form);
    assert.equal(res.status, 422);
    assert.match(res.body, /class="kern-alert kern-alert--danger error-summary"/);
    assert.match(res.body, /href="#name"/);
    assert.match(res.body, /Bitte geben Sie eine Bezeichnung ein/);
    assert.equal(keyIn(res.body), undefined);
  });

  it("refuses a forged form post (no CSRF token) and creates nothing", async () => {
    const res = await client.post(base(), { name: "Gefälscht", _csrf: "falsch" });
    assert.equal(res.status, 403);
    const list = await client.get(base());
    assert.ok(!list.body.includes("Gefälscht"));
  });

  it("is not found for a caseworker, for another municipality's admin and for an unknown key id", async () => {
    const other = await makeTenant(db(), "api");
    const caseworker = await makeStaff(db(), tenant.id, ["caseworker"]);
    const cw = new Client(app.url);
    await signInStaff(cw, tenant.slug, caseworker.email);
    assert.equal((await cw.get(base())).status, 404);
    assert.equal((await client.get(`/${other.slug}/amt/verwaltung/api-schluessel`)).status, 404);
    const list = await client.get(base());
    const res = await client.post(`${base()}/${randomUUID()}/widerrufen`, {}, list);
    assert.equal(res.status, 404);
    const bad = await client.post(`${base()}/kein-uuid/widerrufen`, {}, list);
    assert.equal(bad.status, 404);
  });

  it("sends a signed-out visitor to the sign-in", async () => {
    const res = await new Client(app.url).get(base());
    assert.equal(res.status, 303);
    assert.match(res.location ?? "", /anmelden/);
  });
});
