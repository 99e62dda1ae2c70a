import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { dogApplication as dogData, dogService } from "../../../../test/helpers/dog.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { listEvents } from "../../cases/index.ts";
import { publishService } from "../../services/index.ts";
import { createApiKey, revokeKey } from "../index.ts";

type Tenant = { id: string; slug: string };

describe("JSON intake API", () => {
  let app: Running;
  let a: Tenant;
  let b: Tenant;
  let keyA: string;
  let keyB: string;
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ API_RATE_LIMIT: "0" });
    a = await makeTenant(app);
    b = await makeTenant(app);
    await publishService(db(), a.id, dogService);
    await publishService(db(), b.id, dogService);
    keyA = (await createApiKey(db(), a.id, { name: "Scanstelle", createdBy: null })).key;
    keyB = (await createApiKey(db(), b.id, { name: "Portal", createdBy: null })).key;
  });
  after(() => app?.stop());

  const path = (t: Tenant, service = "hund-anmelden") =>
    `/api/v1/${t.slug}/services/${service}/applications`;

  function submit(
    o: {
      tenant?: Tenant;
      service?: string;
      key?: string | null;
      idempotencyKey?: string | null;
      body?: string;
      data?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { "content-type": "application/json", ...o.headers };
    const key = o.key === undefined ? keyA : o.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const idem = o.idempotencyKey === undefined ? randomUUID() : o.idempotencyKey;
    if (idem !== null) headers["idempotency-key"] = idem;
    return fetch(new URL(path(o.tenant ?? a, o.service), app.url), {
      method: "POST",
      headers,
      body: o.body ?? JSON.stringify({ data: o.data ?? dogData }),
    });
  }

  const countCases = (tenant: Tenant) =>
    withTenant(db(), tenant.id, async (tx) =>
      Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(tx)).rows[0].n),
    );

  it("201: creates a case (channel api) with history, answering reference, status and Location", async () => {
    const res = await submit();
    assert.equal(res.status, 201);
    // Token-authenticated: the API hands out no cookie (no session, no CSRF cookie).
    assert.equal(res.headers.get("set-cookie"), null);
    const body = await res.json();
    assert.match(body.caseId, /^[0-9a-f-]{36}$/);
    assert.match(body.reference, /^HUND-\d{4}-\d{5}$/);
    assert.equal(typeof body.status, "string");
    assert.equal(res.headers.get("location"), `/api/v1/${a.slug}/applications/${body.caseId}`);
    const events = await withTenant(db(), a.id, (tx) => listEvents(tx, body.caseId));
    assert.equal(events[0].type, "case.started");
    const row = await withTenant(db(), a.id, (tx) =>
      tx
        .selectFrom("cases")
        .select(["channel", "applicant_id"])
        .where("id", "=", body.caseId)
        .executeTakeFirstOrThrow(),
    );
    assert.deepEqual(row, { channel: "api", applicant_id: null });

    const status = await fetch(new URL(res.headers.get("location")!, app.url), {
      headers: { authorization: `Bearer ${keyA}` },
    });
    assert.equal(status.status, 200);
    assert.deepEqual(await status.json(), body);
  });

  it("200: a replay with the same key and body returns the same case; 409 for another body", async () => {
    const idempotencyKey = randomUUID();
    const first = await submit({ idempotencyKey });
    assert.equal(first.status, 201);
    const created = await first.json();
    const replay = await submit({ idempotencyKey });
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), created);
    const other = await submit({
      idempotencyKey,
      data: { ...dogData, applicantEmail: "anders@example.org" },
    });
    assert.equal(other.status, 409);
    const err = await other.json();
    assert.equal(err.error.code, "cases.error.idempotencyConflict");
    assert.match(err.error.message, /Idempotenzschlüssel/);
  });

  it("two identical requests at the same moment create one case", async () => {
    const idempotencyKey = randomUUID();
    const before = await countCases(a);
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit({ idempotencyKey })));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).caseId)));
    assert.equal(ids.size, 1);
    assert.equal(await countCases(a), before + 1);
  });

  it("422: invalid data lists every problem by path, in German or English", async () => {
    const before = await countCases(a);
    const { applicantEmail: _e, ...withoutName } = dogData;
    const res = await submit({ data: { ...withoutName, unknownField: 1 } });
    assert.equal(res.status, 422);
    const { error } = await res.json();
    assert.equal(error.code, "cases.error.invalid");
    assert.match(error.message, /fehlerhafte Angaben/);
    assert.ok(
      error.problems.some(
        (p: { path: string; code: string }) =>
          p.path === "unknownField" && p.code === "validation.unknownField",
      ),
    );
    for (const p of error.problems) assert.equal(typeof p.message, "string");

    const en = await submit({
      data: { ...withoutName },
      headers: { "accept-language": "en-GB,en;q=0.9,de;q=0.5" },
    });
    assert.equal(en.status, 422);
    const english = (await en.json()).error;
    assert.match(english.message, /invalid entries/);
    assert.ok(english.problems.every((p: { message: string }) => !/Bitte/.test(p.message)));
    assert.equal(await countCases(a), before);
  });

  it("404: an unknown service, for an authenticated caller", async () => {
    const res = await submit({ service: "gibt-es-nicht" });
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, "intake.error.serviceNotFound");
  });

  it("401: no key, a wrong key, a key of another municipality, an unknown municipality — all alike", async () => {
    const answers = [
      await submit({ key: null }),
      await submit({ key: `dwk_${"x".repeat(43)}` }),
      await submit({ key: "kein-schluessel" }),
      await submit({ key: keyB }), // B's key on A
      await submit({ tenant: b }), // A's key on B
      await submit({ tenant: { id: randomUUID(), slug: "gibt-es-nicht" }, key: keyA }),
      await submit({ tenant: { id: randomUUID(), slug: "gibt-es-nicht" }, key: null }),
      await submit({ service: "gibt-es-nicht", key: null }),
    ];
    const bodies = [];
    for (const res of answers) {
      assert.equal(res.status, 401);
      assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
      const { error } = await res.json();
      bodies.push({ code: error.code, message: error.message });
    }
    assert.equal(new Set(bodies.map((x) => JSON.stringify(x))).size, 1);
    // B's key still works at B.
    assert.equal((await submit({ tenant: b, key: keyB })).status, 201);
  });

  it("401: a revoked key stops working at once", async () => {
    const { id, key } = await createApiKey(db(), a.id, { name: "Kurzlebig", createdBy: null });
    assert.equal((await submit({ key })).status, 201);
    await revokeKey(db(), a.id, id);
    const res = await submit({ key });
    assert.equal(res.status, 401);
  });

  it("401: a key revoked by another process is refused by the case's own transaction", async () => {
    const { id, key } = await createApiKey(db(), a.id, { name: "Anderswo", createdBy: null });
    const idem = randomUUID();
    assert.equal((await submit({ key, idempotencyKey: idem })).status, 201);
    // Revoked in the database directly, as another instance of the app would: this process
    // still remembers the key as live, and the transaction storing the case asks again.
    await withTenant(db(), a.id, (tx) =>
      tx.updateTable("api_keys").set({ revoked_at: new Date() }).where("id", "=", id).execute(),
    );
    const before = await countCases(a);
    const fresh = await submit({ key });
    assert.equal(fresh.status, 401);
    assert.match(fresh.headers.get("www-authenticate") ?? "", /Bearer/);
    assert.equal((await fresh.json()).error.code, "intake.error.unauthorized");
    const replay = await submit({ key, idempotencyKey: idem });
    assert.equal(replay.status, 401);
    assert.equal(await countCases(a), before);
  });

  it("records when a key was last used", async () => {
    const { id, key } = await createApiKey(db(), a.id, { name: "Zähler", createdBy: null });
    await submit({ key, service: "gibt-es-nicht" });
    const row = await withTenant(db(), a.id, (tx) =>
      tx
        .selectFrom("api_keys")
        .select("last_used_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    );
    assert.ok(row.last_used_at);
  });

  it("400: malformed JSON, a body without data, a missing or too short Idempotency-Key", async () => {
    const before = await countCases(a);
    const bad = await submit({ body: "{ data: " });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, "intake.error.malformedJson");
    for (const body of ["[]", "{}", '{"data": [1]}', '"text"', "null"]) {
      const res = await submit({ body });
      assert.equal(res.status, 400, body);
      assert.equal((await res.json()).error.code, "intake.error.badRequest");
    }
    for (const idempotencyKey of [null, "kurz", "x".repeat(201), "mit leerzeichen drin"]) {
      const res = await submit({ idempotencyKey });
      assert.equal(res.status, 400, String(idempotencyKey));
      assert.equal((await res.json()).error.code, "intake.error.idempotencyKey");
    }
    assert.equal(await countCases(a), before);
  });

  it("415: a body that is not application/json", async () => {
    const res = await submit({ headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal(res.status, 415);
    assert.equal((await res.json()).error.code, "intake.error.unsupportedMediaType");
    const text = await submit({ headers: { "content-type": "text/plain" } });
    assert.equal(text.status, 415);
  });

  it("413: a body over 1 MB, with or without Content-Length", async () => {
    const huge = JSON.stringify({ data: { ...dogData, applicantPhone: "x".repeat(1_100_000) } });
    const res = await submit({ body: huge });
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, "intake.error.tooLarge");
    const streamed = await fetch(new URL(path(a), app.url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${keyA}`,
        "idempotency-key": randomUUID(),
      },
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
  });

  it("serves the OpenAPI 3.1 document listing the endpoint, its security and responses", async () => {
    const res = await fetch(new URL("/api/v1/openapi.json", app.url));
    assert.equal(res.status, 200);
    const doc = JSON.parse(await res.text());
    assert.equal(doc.openapi, "3.1.0");
    const op = doc.paths["/api/v1/{tenant}/services/{service}/applications"].post;
    assert.ok(op);
    for (const code of ["200", "201", "400", "401", "404", "409", "413", "415", "422"])
      assert.ok(op.responses[code], code);
    assert.ok(
      op.parameters.some(
        (p: { name: string; required: boolean }) => p.name === "Idempotency-Key" && p.required,
      ),
    );
    assert.equal(doc.components.securitySchemes.apiKey.scheme, "bearer");
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    assert.ok(refs.length > 0);
    for (const [, name] of refs) assert.ok(doc.components.schemas[name], name);
    assert.equal(doc.components.schemas.ApplicationRequest.required[0], "data");
  });
});

describe("JSON intake API rate limit", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp({ API_RATE_LIMIT: "1" });
  });
  after(() => app?.stop());

  it("429 with Retry-After once a key exceeds its rate", async () => {
    const tenant = await makeTenant(app);
    const { key } = await createApiKey(app.platform.database.db, tenant.id, {
      name: "Eilig",
      createdBy: null,
    });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await fetch(new URL(`/api/v1/${tenant.slug}/services/x/applications`, app.url), {
        method: "POST",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "idempotency-key": randomUUID(),
        },
        body: "{}",
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    assert.deepEqual(statuses, [400, 400, 429, 429]);
    assert.equal(retryAfter, "1");
  });
});
