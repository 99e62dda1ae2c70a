import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { SESSION_COOKIE } from "../../accounts/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { statisticsOf } from "../index.ts";
import { publishFrist, submitFrist } from "./fixtures.ts";

describe("statistics", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    tenant = await makeTenant(db(), "stat");
    await publishFrist(app, tenant.id);
    const worker = await makeStaff(db(), tenant.id, ["caseworker"]);
    const actor = { id: worker.id, roles: ["caseworker"] };
    for (const daysAgo of [2, 4, 10]) {
      const { caseId } = await submitFrist(app, tenant.id, { daysAgo: 0 });
      await app.cases.perform({
        tenant: { id: tenant.id },
        caseId,
        actionId: "confirm",
        actor,
        input: {},
        now: new Date(Date.now() + daysAgo * 86_400_000),
      });
    }
    await submitFrist(app, tenant.id, { daysAgo: 20 }); // open, past its 3-day deadline
  });
  after(() => app?.stop());

  it("counts cases by status, per week, processing time percentiles and overdue cases", async () => {
    const [s] = await statisticsOf(app.platform, tenant.id);
    assert.equal(s.slug, "frist-test");
    assert.equal(s.total, 4);
    assert.deepEqual(
      s.byStatus.map((x) => [x.id, x.count]),
      [
        ["neu", 1],
        ["bestaetigt", 3],
        ["geschlossen", 0],
      ],
    );
    assert.equal(s.weeks.length, 12);
    assert.equal(
      s.weeks.reduce((n, w) => n + w.count, 0),
      4,
    );
    assert.equal(s.weeks.at(-1)?.count, 3, "three received this week");
    assert.equal(s.finished, 3);
    assert.equal(Math.round(s.medianDays!), 4);
    assert.ok(s.p90Days! > 8 && s.p90Days! <= 10, `p90 ${s.p90Days}`);
    assert.equal(s.overdue, 1);
  });

  it("shows the page with a chart and its table, and a CSV export for German Excel", async () => {
    const auditor = await makeStaff(db(), tenant.id, ["auditor"]);
    const client = new Client(app.url);
    await signInStaff(client, tenant.slug, auditor.email);
    const res = await client.get(`/${tenant.slug}/amt/statistik`);
    assert.equal(res.status, 200);
    assert.match(res.body, /<svg[^>]+role="img"/);
    assert.match(res.body, /Osterfeuer anzeigen \(Test\): Eingänge je Woche<\/caption>/);
    assert.match(res.body, /Frist überschritten/);
    const csv = await fetch(new URL(`/${tenant.slug}/amt/statistik.csv`, app.url), {
      headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
    });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
    const text = bytes.subarray(3).toString("utf8");
    assert.match(text, /^Dienst;Kennzahl;Status oder Woche;Wert\r\n/);
    assert.match(text, /Osterfeuer anzeigen \(Test\);status;Bestätigt;3\r\n/);
    assert.match(text, /Osterfeuer anzeigen \(Test\);overdue;;1\r\n/);
  });

  it("is not there for a designer or another municipality's staff", async () => {
    const designer = await makeStaff(db(), tenant.id, ["designer"]);
    const client = new Client(app.url);
    await signInStaff(client, tenant.slug, designer.email);
    assert.equal((await client.get(`/${tenant.slug}/amt/statistik`)).status, 404);
    const other = await makeTenant(db(), "stat2");
    const stranger = await makeStaff(db(), other.id, ["caseworker"]);
    const c2 = new Client(app.url);
    await signInStaff(c2, other.slug, stranger.email);
    assert.equal((await c2.get(`/${tenant.slug}/amt/statistik`)).status, 404);
  });
});
