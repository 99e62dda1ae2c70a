import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { dogApplication as application, dogService } from "../../../../test/helpers/dog.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { catalogue, publishService } from "../../services/index.ts";
import { findCase, listEvents, SubmissionInvalid, submitApplication } from "../index.ts";

const dogExample = { data: application };

describe("publishing services and submitting applications", () => {
  let app: Running;
  let tenant: { id: string; slug: string; state: string };
  before(async () => {
    app = await startTestApp();
    tenant = { ...(await makeTenant(app)), state: "ST" };
    await publishService(app.platform.database.db, tenant.id, dogService);
  });
  after(() => app.stop());

  const submit = (data: unknown, key: string | null) =>
    submitApplication(app.platform, {
      tenant,
      serviceSlug: "hund-anmelden",
      data,
      applicantId: null,
      channel: "online",
      idempotencyKey: key,
      receivedAt: new Date("2026-11-20T10:00:00Z"),
    });

  it("lists a published service in the municipality's catalogue", async () => {
    const entries = await catalogue(app.platform.database.db, tenant.id);
    assert.deepEqual(
      entries.map((e) => e.slug),
      ["hund-anmelden"],
    );
    assert.match(entries[0].title, /Hund/);
  });

  it("refuses to publish a broken definition and stores nothing", async () => {
    const broken = {
      ...dogService,
      id: "kaputt",
      process: { ...dogService.process, initialStatus: "gibtsnicht" },
    };
    await assert.rejects(
      publishService(app.platform.database.db, tenant.id, broken),
      /notPublishable/,
    );
    const entries = await catalogue(app.platform.database.db, tenant.id);
    assert.equal(
      entries.some((e) => e.slug === "kaputt"),
      false,
    );
  });

  it("creates one case with reference and history, and a retry with the same key returns it", async () => {
    const key = `key-${Date.now()}-a`;
    const first = await submit(dogExample.data, key);
    assert.equal(first.created, true);
    assert.match(first.reference, /^HUND-2026-\d{5}$/);
    const again = await submit(dogExample.data, key);
    assert.deepEqual(again, { ...first, created: false });
    const events = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      listEvents(tx, first.caseId),
    );
    assert.equal(events[0].type, "case.started");
    const count = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      sql<{
        n: number;
      }>`select count(*)::int as n from cases where idempotency_key = ${key}`.execute(tx),
    );
    assert.equal(count.rows[0].n, 1);
  });

  it("creates exactly one case when the same submission arrives twice at the same moment", async () => {
    const key = `key-${Date.now()}-b`;
    const [a, b] = await Promise.all([submit(dogExample.data, key), submit(dogExample.data, key)]);
    assert.equal(a.caseId, b.caseId);
    assert.equal([a.created, b.created].filter(Boolean).length, 1);
  });

  it("stores a burst of submissions together: each once, repeats answered with their first case", async () => {
    const stamp = Date.now();
    const keys = Array.from({ length: 40 }, (_, i) => `burst-${stamp}-${i % 30}`); // 10 repeats
    const results = await Promise.all(keys.map((k) => submit(dogExample.data, k)));
    const byKey = new Map<string, Set<string>>();
    for (const [i, k] of keys.entries()) {
      byKey.set(k, new Set([...(byKey.get(k) ?? []), results[i].caseId]));
    }
    assert.ok(
      [...byKey.values()].every((ids) => ids.size === 1),
      "one case per key",
    );
    const cases = new Set(results.map((r) => r.caseId));
    assert.equal(cases.size, 30);
    assert.equal(new Set(results.map((r) => r.reference)).size, 30, "references are unique");
    assert.equal(results.filter((r) => r.created).length, 30);
  });

  it("refuses other data under a key that was already used", async () => {
    const key = `key-${Date.now()}-c`;
    await submit(dogExample.data, key);
    await assert.rejects(
      submit({ ...dogExample.data, existingDogs: 3 }, key),
      (err: Error & { status?: number }) => err.status === 409,
    );
  });

  it("refuses invalid data with every field error and writes nothing", async () => {
    const before = await caseCount();
    await assert.rejects(
      submit(
        { ...dogExample.data, applicantEmail: "keine-mail", dogs: "viele" },
        `key-${Date.now()}-d`,
      ),
      (err: unknown) => {
        assert.ok(err instanceof SubmissionInvalid);
        const paths = err.problems.map((p) => p.path);
        assert.ok(paths.includes("applicantEmail"), paths.join(","));
        assert.ok(
          paths.some((p) => p.startsWith("dogs")),
          paths.join(","),
        );
        return true;
      },
    );
    assert.equal(await caseCount(), before);
  });

  it("answers 404 for a service that is not published here", async () => {
    await assert.rejects(
      submitApplication(app.platform, {
        ...{ tenant, data: {}, applicantId: null, channel: "online", idempotencyKey: null },
        serviceSlug: "osterfeuer",
      }),
      (err: Error & { status?: number }) => err.status === 404,
    );
  });

  it("keeps published versions immutable and cases invisible to another municipality", async () => {
    const db = app.platform.database.db;
    await assert.rejects(
      withTenant(db, tenant.id, (tx) => sql`update service_versions set title = 'x'`.execute(tx)),
      /immutable/,
    );
    const other = await makeTenant(app);
    const seen = await withTenant(db, other.id, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from cases`.execute(tx),
    );
    assert.equal(seen.rows[0].n, 0);
    assert.ok((await caseCount()) > 0);
    await assert.rejects(
      withTenant(db, tenant.id, (tx) => sql`delete from case_events`.execute(tx)),
      /permission denied/,
    );
  });

  async function caseCount(): Promise<number> {
    const r = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from cases`.execute(tx),
    );
    return r.rows[0].n;
  }
});

describe("the municipality's Land", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it("decides the deadline calendar from the municipality's settings, not from the caller", async () => {
    // 10 working days from Thursday 28 Oct 2027 cross All Saints' Day (1 Nov): a public
    // holiday in Nordrhein-Westfalen, not in Sachsen-Anhalt. Callers pass only the id.
    const dueIn = async (state: "ST" | "NW") => {
      const tenant = await makeTenant(app, state);
      await publishService(app.platform.database.db, tenant.id, dogService);
      const { caseId } = await app.cases.submit({
        tenant: { id: tenant.id },
        serviceSlug: "hund-anmelden",
        data: dogExample.data,
        applicantId: null,
        channel: "online",
        idempotencyKey: null,
        receivedAt: new Date("2027-10-28T09:00:00Z"),
      });
      const row = await withTenant(app.platform.database.db, tenant.id, (tx) =>
        findCase(tx, caseId),
      );
      return row?.state.dueDate;
    };
    const st = await dueIn("ST");
    const nw = await dueIn("NW");
    assert.ok(st && nw);
    assert.ok(nw > st, `NW ${nw} should end later than ST ${st}`);
  });
});

describe("performing actions on a case", () => {
  let app: Running;
  let tenant: { id: string; slug: string; state: string };
  before(async () => {
    app = await startTestApp();
    tenant = { ...(await makeTenant(app)), state: "ST" };
    await publishService(app.platform.database.db, tenant.id, dogService);
  });
  after(() => app.stop());

  it("moves the case on, and refuses a stale version and a person without the role", async () => {
    const { caseId } = await app.cases.submit({
      tenant,
      serviceSlug: "hund-anmelden",
      data: dogExample.data,
      applicantId: null,
      channel: "online",
      idempotencyKey: null,
    });
    const caseworker = { id: "cw-1", roles: ["caseworker"] };
    const seen = await app.cases.withActions({ tenant, caseId }, caseworker);
    assert.ok(seen);
    assert.ok(
      seen.actions.some((a) => a.actionId === "startReview"),
      JSON.stringify(seen.actions),
    );
    const citizen = { id: "someone", roles: ["applicant"] };
    await assert.rejects(
      app.cases.perform({ tenant, caseId, actionId: "startReview", actor: citizen, input: {} }),
      (err: Error & { status?: number }) => err.status === 409,
    );
    const done = await app.cases.perform({
      tenant,
      caseId,
      actionId: "startReview",
      actor: caseworker,
      input: {},
      expectedVersion: seen.row.version,
    });
    assert.equal(done.status, "inPruefung");
    // A second person acting on the page they loaded before the change is refused.
    await assert.rejects(
      app.cases.perform({
        tenant,
        caseId,
        actionId: "startReview",
        actor: caseworker,
        input: {},
        expectedVersion: seen.row.version,
      }),
      (err: Error & { key?: string }) => err.key === "cases.error.stale",
    );
    const events = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      listEvents(tx, caseId),
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ["case.started", "action.performed"],
    );
  });
});
