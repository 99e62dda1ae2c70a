import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { listEvents } from "../../cases/index.ts";
import { makeStaff, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { makeInboxTenant, submitDog } from "./fixtures.ts";

const DAY = 86_400_000;
const refsIn = (body: string) =>
  [
    ...body.matchAll(
      /<th scope="row" class="kern-table__cell"><a [^>]*>([A-Z]+-\d{4}-\d{5})<\/a>/g,
    ),
  ].map((m) => m[1]);
const countOf = (body: string, label: string) => {
  const m = new RegExp(
    `${label}\\s*<span class="kern-badge[^>]*><span[^>]*><span class="kern-sr-only">\\(</span>(\\d+)`,
  ).exec(body);
  return m ? Number(m[1]) : undefined;
};

/** The inbox over HTTP, as a browser without JavaScript uses it. */
describe("caseworker inbox", () => {
  let app: Running;
  let env: Awaited<ReturnType<typeof makeInboxTenant>>;
  const clients: Record<string, Client> = {};
  const cases: Record<string, { caseId: string; reference: string }> = {};
  const base = () => `/${env.tenant.slug}/amt/`;
  const version = async (caseId: string) =>
    withTenant(app.platform.database.db, env.tenant.id, (tx) =>
      tx.selectFrom("cases").select("version").where("id", "=", caseId).executeTakeFirstOrThrow(),
    ).then((r) => r.version);

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    env = await makeInboxTenant(app);
    for (const [name, s] of Object.entries(env.staff)) {
      clients[name] = new Client(app.url);
      await signInStaff(clients[name], env.tenant.slug, s.email);
    }
    const old = new Date(Date.now() - 40 * DAY);
    cases.fresh = await submitDog(app, env.tenant, { familyName: "Schulze", dogName: "Hasso" });
    cases.overdue = await submitDog(app, env.tenant, {
      familyName: "Krüger",
      dogName: "Waldi",
      receivedAt: old,
      channel: "post",
    });
    cases.followUp = await submitDog(app, env.tenant, { familyName: "Lehmann", receivedAt: old });
    // A follow-up 14 days after a request made 30 days ago: due now.
    await app.cases.perform({
      tenant: env.tenant,
      caseId: cases.followUp.caseId,
      actionId: "requestInformation",
      actor: { id: env.staff.anna.id, roles: ["caseworker"] },
      input: { missingItems: "Nachweis der Haftpflichtversicherung" },
      now: new Date(Date.now() - 30 * DAY),
    });
    cases.proposed = await submitDog(app, env.tenant, { familyName: "Neumann" });
    await app.cases.perform({
      tenant: env.tenant,
      caseId: cases.proposed.caseId,
      actionId: "discontinue",
      actor: { id: env.staff.anna.id, roles: ["caseworker"] },
      input: { discontinueReason: "Hund lebt nicht in der Gemeinde." },
    });
  });
  after(() => app?.stop());

  it("shows each role only the workspace pages it may open, and each of those opens", async () => {
    const navOf = (body: string) =>
      [...(/<nav[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? "").matchAll(/href="([^"]+)"/g)].map(
        (m) => m[1].replace(`/${env.tenant.slug}`, ""),
      );
    const people = {
      auditor: await makeStaff(app.platform.database.db, env.tenant.id, ["auditor"]),
      designer: await makeStaff(app.platform.database.db, env.tenant.id, ["designer"]),
    };
    const expected = {
      anna: [
        "/amt/",
        "/amt/erfassung",
        "/amt/sammelaktion",
        "/amt/statistik",
        "/amt/postausgang",
        "/amt/sicherheit",
      ],
      auditor: ["/amt/", "/amt/statistik", "/amt/sicherheit"],
      designer: ["/amt/sicherheit", "/studio/"],
    };
    for (const [name, links] of Object.entries(expected)) {
      let client = clients[name];
      if (!client) {
        client = new Client(app.url);
        await signInStaff(client, env.tenant.slug, people[name as keyof typeof people].email);
      }
      const home = await client.get(base());
      const nav = navOf(home.body).filter((h) => h.startsWith("/amt/") || h.startsWith("/studio/"));
      assert.deepEqual(nav, links, name);
      for (const href of links) {
        const res = await client.get(`/${env.tenant.slug}${href}`);
        assert.equal(res.status, 200, `${name} ${href}`);
      }
    }
  });

  it("routes new cases to the org unit named by the definition and lists them as unassigned", async () => {
    const page = await clients.anna.get(`${base()}?ansicht=offen`);
    assert.equal(page.status, 200);
    const refs = refsIn(page.body);
    for (const c of Object.values(cases)) assert.ok(refs.includes(c.reference), c.reference);
    assert.equal(countOf(page.body, "Nicht zugewiesen"), 4);
    assert.equal(countOf(page.body, "Meine Teams"), 4);
    assert.equal(countOf(page.body, "Meine"), 0);
  });

  it("shows only the own org units' cases to a caseworker; another unit's case is 404", async () => {
    const page = await clients.otto.get(`${base()}?ansicht=alle`);
    assert.equal(page.status, 200);
    assert.deepEqual(refsIn(page.body), []);
    const form = await clients.otto.get(base());
    const claim = await clients.otto.post(
      `/${env.tenant.slug}/amt/vorgaenge/${cases.fresh.caseId}/uebernehmen`,
      { version: String(await version(cases.fresh.caseId)) },
      form,
    );
    assert.equal(claim.status, 404);
    const assign = await clients.otto.get(
      `/${env.tenant.slug}/amt/vorgaenge/${cases.fresh.caseId}/zuweisen`,
    );
    assert.equal(assign.status, 404);
    // Every page of that case, not only the inbox's: the case file and the follow-up form.
    for (const rest of ["", "/wiedervorlage"]) {
      const other = await clients.otto.get(
        `/${env.tenant.slug}/amt/vorgaenge/${cases.fresh.caseId}${rest}`,
      );
      assert.equal(other.status, 404, `case file${rest}`);
    }
    const own = await clients.admin.get(`/${env.tenant.slug}/amt/vorgaenge/${cases.fresh.caseId}`);
    assert.equal(own.status, 200, "the same page exists for someone allowed to see it");
    const admin = await clients.admin.get(`${base()}?ansicht=alle`);
    assert.equal(refsIn(admin.body).length, 4, "admins see every case");
  });

  it("lists overdue deadlines and due follow-ups in their views", async () => {
    const frist = refsIn((await clients.anna.get(`${base()}?ansicht=frist`)).body);
    assert.ok(frist.includes(cases.overdue.reference));
    assert.ok(!frist.includes(cases.fresh.reference));
    const wv = refsIn((await clients.anna.get(`${base()}?ansicht=wiedervorlage`)).body);
    assert.deepEqual(wv, [cases.followUp.reference]);
  });

  it("offers a proposal for second approval to another approver, not to the proposer", async () => {
    const carla = await clients.carla.get(`${base()}?ansicht=freigabe`);
    assert.deepEqual(refsIn(carla.body), [cases.proposed.reference]);
    assert.equal(countOf(carla.body, "Zur Freigabe"), 1);
    const anna = await clients.anna.get(`${base()}?ansicht=freigabe`);
    assert.deepEqual(refsIn(anna.body), [], "anna proposed it and is no approver");
  });

  it("filters by channel, status and received date and refuses a malformed date", async () => {
    const post = refsIn((await clients.anna.get(`${base()}?ansicht=alle&kanal=post`)).body);
    assert.deepEqual(post, [cases.overdue.reference]);
    const rueckfrage = refsIn(
      (await clients.anna.get(`${base()}?ansicht=alle&status=rueckfrage`)).body,
    );
    assert.deepEqual(rueckfrage, [cases.followUp.reference]);
    const today = new Date().toISOString().slice(0, 10);
    const recent = refsIn((await clients.anna.get(`${base()}?ansicht=alle&von=${today}`)).body);
    assert.deepEqual(recent.sort(), [cases.fresh.reference, cases.proposed.reference].sort());
    const bad = await clients.anna.get(`${base()}?ansicht=alle&von=gestern`);
    assert.equal(bad.status, 422);
    assert.match(bad.body, /Bitte geben Sie ein Datum im Format JJJJ-MM-TT an/);
    assert.match(bad.body, /value="gestern"/);
  });

  it("finds cases by reference, applicant name and a word of the data, with German stemming", async () => {
    const search = async (q: string) =>
      refsIn(
        (await clients.anna.get(`${base()}?ansicht=alle&suche=${encodeURIComponent(q)}`)).body,
      );
    assert.deepEqual(await search(cases.overdue.reference), [cases.overdue.reference]);
    assert.deepEqual(await search("Krüger"), [cases.overdue.reference]);
    assert.deepEqual(await search("Hasso"), [cases.fresh.reference]);
    // "Hunde" stems to "hund", as does the reference prefix HUND: every dog case matches.
    assert.equal((await search("Hunde")).length, 4);
    // the insurer "Beispiel Versicherung AG" is in every application's data
    assert.equal((await search("Versicherungen")).length, 4);
    assert.deepEqual(await search("Gibtesnicht"), []);
  });

  it("claims, releases and reassigns with the version seen, refusing a stale page", async () => {
    const caseId = cases.fresh.caseId;
    const at = `/${env.tenant.slug}/amt/vorgaenge/${caseId}`;
    const seen = String(await version(caseId));
    const form = await clients.anna.get(base());
    const claimed = await clients.anna.post(`${at}/uebernehmen`, { version: seen }, form);
    assert.equal(claimed.status, 303);
    const mine = await clients.anna.get(base());
    assert.deepEqual(refsIn(mine.body), [cases.fresh.reference]);
    assert.match(mine.body, /Sie bearbeiten den Vorgang jetzt/);

    // Bert acts on the page he loaded before Anna claimed it.
    const bertForm = await clients.bert.get(base());
    const stale = await clients.bert.post(`${at}/uebernehmen`, { version: seen }, bertForm);
    assert.equal(stale.status, 409);
    assert.match(stale.body, /inzwischen von jemand anderem geändert/);
    assert.deepEqual(refsIn((await clients.bert.get(base())).body), [], "nothing changed");

    const reassign = await clients.anna.get(`${at}/zuweisen`);
    assert.equal(reassign.status, 200);
    const moved = await clients.anna.post(
      `${at}/zuweisen`,
      { version: String(await version(caseId)), person: env.staff.bert.id },
      reassign,
    );
    assert.equal(moved.status, 303);
    assert.deepEqual(refsIn((await clients.bert.get(base())).body), [cases.fresh.reference]);
    const released = await clients.bert.post(
      `${at}/abgeben`,
      { version: String(await version(caseId)) },
      bertForm,
    );
    assert.equal(released.status, 303);
    assert.deepEqual(refsIn((await clients.bert.get(base())).body), []);

    const events = await withTenant(app.platform.database.db, env.tenant.id, (tx) =>
      listEvents(tx, caseId),
    );
    const assigned = events.filter((e) => e.type === "case.assigned");
    assert.equal(assigned.length, 3, "claim, reassign and release are in the history");
  });

  it("moves a case to another org unit, where its caseworkers see it", async () => {
    const caseId = cases.overdue.caseId;
    const at = `/${env.tenant.slug}/amt/vorgaenge/${caseId}/zuweisen`;
    const form = await clients.admin.get(at);
    const moved = await clients.admin.post(
      at,
      { version: String(await version(caseId)), organisationseinheit: env.units.order.id },
      form,
    );
    assert.equal(moved.status, 303);
    assert.deepEqual(refsIn((await clients.otto.get(`${base()}?ansicht=teams`)).body), [
      cases.overdue.reference,
    ]);
    const anna = await clients.anna.get(`/${env.tenant.slug}/amt/vorgaenge/${caseId}/zuweisen`);
    assert.equal(anna.status, 404);
  });
});
