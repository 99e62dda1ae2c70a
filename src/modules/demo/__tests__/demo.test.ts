import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { getTenant, membersOf, orgUnitsOf } from "../../tenants/index.ts";
import {
  DEMO_CASEWORKER,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  demoBanner,
  seedDemo,
  seedDemoIfEmpty,
} from "../index.ts";

const DEMO_EMAILS = sql<string>`(email like '%@musterstadt.example' or email like '%@beispielburg.example' or email in ('plattform@dienstwerk.example', 'erika.mustermann@example.org'))`;

describe("demo data", () => {
  let app: Running;
  const db = () => app.platform.database.db;

  /** Everything the seed creates, counted. */
  async function census() {
    const tenants = await Promise.all(DEMO_TENANTS.map((t) => getTenant(db(), t.slug)));
    const units = await Promise.all(tenants.map((t) => orgUnitsOf(db(), t!.id)));
    const members = await Promise.all(tenants.map((t) => membersOf(db(), t!.id)));
    const users = await sql<{
      n: number;
    }>`select count(*)::int as n from users where ${DEMO_EMAILS}`.execute(db());
    return {
      tenants: tenants.map((t) => t?.slug),
      units: units.map((u) => u.length),
      members: members.map((m) => m.length),
      users: users.rows[0].n,
    };
  }

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
  });
  after(() => app?.stop());

  it("seeds both municipalities with units, every role, an operator and a citizen; twice creates nothing twice", async () => {
    // Two seeds at once (as from two processes) and one after: no error, no duplicate.
    await Promise.all([seedDemo(db()), seedDemo(db())]);
    const first = await census();
    assert.deepEqual(first.tenants, ["musterstadt", "beispielburg"]);
    assert.deepEqual(first.units, [3, 3]);
    assert.deepEqual(first.members, [5, 5]);
    assert.equal(first.users, 12);
    await seedDemo(db());
    assert.equal(await seedDemoIfEmpty(app.platform), true);
    assert.deepEqual(await census(), first);

    const musterstadt = (await getTenant(db(), "musterstadt"))!;
    assert.equal(musterstadt.name, "Gemeinde Musterstadt");
    assert.equal(musterstadt.settings.state, "ST");
    assert.equal(musterstadt.settings.bank?.iban, "DE02120300000000202051");
    assert.equal(musterstadt.settings.bank?.bic, "BYLADEM1001");
    const roles = new Set((await membersOf(db(), musterstadt.id)).flatMap((m) => m.roles));
    assert.deepEqual([...roles].sort(), ["admin", "approver", "auditor", "caseworker", "designer"]);
  });

  it("shows Musterstadt with the demo sign-in, and the demo caseworker gets in without a second factor", async () => {
    await seedDemo(db());
    const client = new Client(app.url);
    const home = await client.get("/musterstadt/");
    assert.equal(home.status, 200);
    assert.match(home.body, /Gemeinde Musterstadt/);
    assert.match(home.body, new RegExp(DEMO_CASEWORKER.replace(".", "\\.")));
    assert.match(home.body, new RegExp(DEMO_PASSWORD));
    assert.match(home.body, /href="\/musterstadt\/amt\/anmelden"/);
    assert.match((await client.get("/")).body, /Stadt Beispielburg/);

    const form = await client.get("/musterstadt/amt/anmelden");
    const signedIn = await client.post(
      "/musterstadt/amt/anmelden",
      { email: DEMO_CASEWORKER, password: DEMO_PASSWORD },
      form,
    );
    assert.equal(signedIn.status, 303);
    const workspace = await client.follow(signedIn);
    assert.equal(workspace.status, 200);
    assert.match(workspace.body, /Musterstadt/);
  });

  it("prints the caseworker sign-in URL, email and password on start", () => {
    const text = demoBanner("http://localhost:3000");
    assert.match(text, /http:\/\/localhost:3000\/musterstadt\/amt\/anmelden/);
    assert.match(text, new RegExp(DEMO_CASEWORKER.replace(".", "\\.")));
    assert.match(text, new RegExp(DEMO_PASSWORD));
    assert.match(text, /Passwort \/ password/);
  });

  it("shows no demo sign-in when demo mode is off", async () => {
    await seedDemo(db());
    const off = await startTestApp({ DEMO_MODE: "false" });
    try {
      const home = await new Client(off.url).get("/musterstadt/");
      assert.equal(home.status, 200);
      assert.doesNotMatch(home.body, new RegExp(DEMO_PASSWORD));
    } finally {
      await off.stop();
    }
  });
});
