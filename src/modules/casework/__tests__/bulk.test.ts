import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { findCase } from "../../cases/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { createOrgUnit } from "../../tenants/index.ts";
import { publishFrist, submitFrist } from "./fixtures.ts";

describe("bulk actions", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  let client: Client;
  let worker: { id: string; email: string };
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    tenant = await makeTenant(db(), "bulk");
    await publishFrist(app, tenant.id);
    worker = await makeStaff(db(), tenant.id, ["caseworker"]);
    client = new Client(app.url);
    await signInStaff(client, tenant.slug, worker.email);
  });
  after(() => app?.stop());

  it("confirms the selected cases, each on its own, and lists a stale one with its reason", async () => {
    const made: Awaited<ReturnType<typeof submitFrist>>[] = [];
    for (let i = 0; i < 5; i++)
      made.push(await submitFrist(app, tenant.id, { name: `Feuer ${i}` }));
    const path = `/${tenant.slug}/amt/sammelaktion`;
    const list = await client.get(`${path}?service=frist-test&status=neu`);
    assert.equal(list.status, 200);
    for (const m of made) assert.match(list.body, new RegExp(m.reference));
    // someone else confirms the third case after the list was shown
    await app.cases.perform({
      tenant: { id: tenant.id },
      caseId: made[2].caseId,
      actionId: "confirm",
      actor: { id: worker.id, roles: ["caseworker"] },
      input: {},
    });
    const picked = made.slice(0, 4).map((m) => `${m.caseId}:1:${m.reference}`);
    const body = new URLSearchParams({ service: "frist-test", status: "neu", action: "confirm" });
    for (const p of picked) body.append("case", p);
    body.set("_csrf", list.csrf() ?? "");
    const res = await client.request("POST", path, body);
    assert.equal(res.status, 200, res.body.slice(0, 300));
    assert.match(res.body, /Bestätigen: 3 erledigt, 1 nicht möglich/);
    assert.match(res.body, new RegExp(`${made[2].reference}</a>: Der Vorgang wurde`));
    for (const i of [0, 1, 3]) {
      const row = await withTenant(db(), tenant.id, (tx) => findCase(tx, made[i].caseId));
      assert.equal(row?.status, "bestaetigt");
    }
    const untouched = await withTenant(db(), tenant.id, (tx) => findCase(tx, made[4].caseId));
    assert.equal(untouched?.status, "neu");
  });

  it("offers and performs nothing on cases of another org unit", async () => {
    const other = await makeTenant(db(), "bulk-units");
    await publishFrist(app, other.id);
    // The service routes to "Ordnungsamt"; the caseworker works in "Bauamt".
    const routed = await createOrgUnit(db(), other.id, { name: "Ordnungsamt" });
    const own = await createOrgUnit(db(), other.id, { name: "Bauamt" });
    const stranger = await makeStaff(db(), other.id, ["caseworker"], [own.id]);
    const theirs = await submitFrist(app, other.id, { name: "Feuer am Hafen" });
    const routedTo = await withTenant(db(), other.id, (tx) =>
      tx
        .selectFrom("cases")
        .select(["org_unit_id", "version"])
        .where("id", "=", theirs.caseId)
        .executeTakeFirstOrThrow(),
    );
    assert.equal(routedTo.org_unit_id, routed.id);
    const c = new Client(app.url);
    await signInStaff(c, other.slug, stranger.email);
    const path = `/${other.slug}/amt/sammelaktion`;
    const list = await c.get(`${path}?service=frist-test&status=neu`);
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.body, new RegExp(theirs.reference));
    // a forged post naming the case
    const body = new URLSearchParams({ service: "frist-test", status: "neu", action: "confirm" });
    body.append("case", `${theirs.caseId}:1:${theirs.reference}`);
    body.set("_csrf", list.csrf() ?? "");
    const res = await c.request("POST", path, body);
    assert.equal(res.status, 200, res.body.slice(0, 300));
    assert.match(res.body, /Bestätigen: 0 erledigt, 1 nicht möglich/);
    const after = await withTenant(db(), other.id, (tx) => findCase(tx, theirs.caseId));
    assert.equal(after?.status, "neu");
    assert.equal(after?.version, routedTo.version);
  });

  it("asks for an action and for cases, next to the field", async () => {
    const path = `/${tenant.slug}/amt/sammelaktion`;
    const list = await client.get(`${path}?service=frist-test&status=neu`);
    const res = await client.post(
      path,
      { service: "frist-test", status: "neu", action: "confirm" },
      list,
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /Bitte wählen Sie mindestens einen Vorgang/);
  });
});
