/**
 * Fuzzing (issue 8, item 5): property-based tests with fast-check on form validation, FEEL
 * handling, definition import and the JSON endpoints — thousands of generated inputs. Bad input
 * is reported, never thrown: zero exceptions in the core, zero 5xx over HTTP, zero unhandled
 * rejections, and no partial writes (a refused request changes nothing; an accepted one exactly
 * what it says).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Running } from "../../src/app.ts";
import {
  analyseFeel,
  checkFeel,
  compileFeel,
  lintDefinition,
  loadDefinition,
  validateSubmission,
} from "../../src/core/index.ts";
import { createApiKey } from "../../src/modules/intake/index.ts";
import { publishService, referenceDefinitions } from "../../src/modules/services/index.ts";
import { studioApi } from "../../src/modules/studio/__tests__/studio-api.ts";
import { makeStaff, makeTenant } from "../../src/modules/tenants/__tests__/fixtures.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import { startTestApp } from "../helpers/app.ts";

const REFERENCE = referenceDefinitions() as Record<string, any>[];
const LOADED = REFERENCE.map((d) => {
  const r = loadDefinition(d);
  assert.ok(r.ok);
  return r.definition;
});
const fieldIds = (def: Record<string, any>): string[] =>
  def.form.pages.flatMap((p: { fields: { id: string }[] }) => p.fields.map((f) => f.id));

/** Values a form post may carry: JSON of every kind, and the strings people and attackers type. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "<script>alert(1)</script>",
    "'; drop table cases; --",
    '#import "x"',
    "]*[",
    "\u202e\u0000\ud800",
    "9".repeat(400),
    "2026-02-30",
    "31.12.9999",
    "NaN",
    "-0",
    "1e309",
    "__proto__",
  ),
);
const value = fc.oneof(fc.jsonValue(), hostileString);

describe("fuzzing the core", () => {
  it("validates generated applications to all nine services without throwing", () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LOADED.length - 1 }),
        fc.func(value),
        fc.array(fc.tuple(hostileString, value), { maxLength: 4 }),
        (i, valueFor, extra) => {
          const def = LOADED[i]!;
          const data: Record<string, unknown> = {};
          fieldIds(REFERENCE[i]!).forEach((id, k) => {
            if (k % 3 !== 2) data[id] = valueFor(id);
          });
          for (const [k, v] of extra) data[k] = v;
          const result = validateSubmission(def, data, { today: "2026-11-22" });
          if (!result.ok) {
            refused++;
            for (const e of result.errors) assert.equal(typeof e.path, "string");
          }
        },
      ),
      { numRuns: 2000 },
    );
    assert.ok(refused > 1000, `only ${refused} refused`);
  });

  it("analyses and checks any text as FEEL without throwing", () => {
    const token = fc.constantFrom(
      "a",
      "b",
      "x.y",
      "1",
      "2.5",
      '"s"',
      'date("2026-01-01")',
      "today",
      "now()",
      "+",
      "-",
      "*",
      "/",
      "**",
      "=",
      "!=",
      "<",
      ">=",
      "and",
      "or",
      "not(",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      ",",
      ":",
      "if",
      "then",
      "else",
      "for",
      "in",
      "return",
      "some",
      "every",
      "satisfies",
      "between",
      "null",
      "function(",
      "instance of",
      "..",
      "?",
      "@",
    );
    const feelish = fc.array(token, { maxLength: 12 }).map((t) => t.join(" "));
    fc.assert(
      fc.property(fc.oneof(fc.string(), feelish), (source) => {
        const analysis = analyseFeel(source);
        assert.ok(Array.isArray(analysis.refs));
        const issues = checkFeel(source, (r) =>
          r.name === "a" ? undefined : { key: "rules.unknownName", params: { name: r.name } },
        );
        assert.ok(Array.isArray(issues));
      }),
      { numRuns: 3000 },
    );
  });

  it("evaluates generated well-formed expressions on generated data without throwing", () => {
    const leaf = fc.oneof(
      fc.constantFrom("a", "b", "c", "null", "true", '"text"', "[1, 2]", "today"),
      fc.integer({ min: -1000, max: 1000 }).map(String),
    );
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc
          .tuple(
            tie("e"),
            fc.constantFrom("+", "-", "*", "/", "=", "!=", "<", ">", "and", "or"),
            tie("e"),
          )
          .map(([l, op, r]) => `(${l} ${op} ${r})`),
        fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, t, f]) => `if ${c} then ${t} else ${f}`),
        tie("e").map((e) => `count([${e}])`),
      ),
    })).e as fc.Arbitrary<string>;
    fc.assert(
      fc.property(
        expr,
        fc.dictionary(fc.constantFrom("a", "b", "c"), fc.jsonValue()),
        (source, context) => {
          if (checkFeel(source, () => undefined).length > 0) return;
          const compiled = compileFeel(source);
          compiled.value(context);
          compiled.evaluate(context);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("lints generated definitions and mutated reference services without throwing", () => {
    const pathIn = (v: unknown, choices: number[]): (string | number)[] => {
      const path: (string | number)[] = [];
      let node = v;
      for (const c of choices) {
        if (Array.isArray(node) && node.length > 0) {
          const i = c % node.length;
          path.push(i);
          node = node[i];
        } else if (node && typeof node === "object") {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const k = keys[c % keys.length]!;
          path.push(k);
          node = (node as Record<string, unknown>)[k];
        } else break;
      }
      return path;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: REFERENCE.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.oneof(value, fc.constant(undefined)),
        (i, choices, replacement) => {
          const def = structuredClone(REFERENCE[i]!);
          const path = pathIn(def, choices);
          if (path.length === 0) return;
          let node: any = def;
          for (const k of path.slice(0, -1)) node = node[k];
          const last = path.at(-1)!;
          if (replacement === undefined) {
            if (Array.isArray(node)) node.splice(Number(last), 1);
            else delete node[last];
          } else node[last] = replacement;
          const report = lintDefinition(def);
          for (const f of report.findings) assert.equal(typeof f.key, "string");
        },
      ),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        assert.equal(lintDefinition(v).publishable, false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("fuzzing the JSON endpoints", () => {
  let app: Running;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const db = () => app.platform.database.db;

  before(async () => {
    process.on("unhandledRejection", onRejection);
    app = await startTestApp({ DEMO_MODE: "true", API_RATE_LIMIT: "0" });
  });
  after(async () => {
    process.off("unhandledRejection", onRejection);
    await app?.stop();
  });

  it("the intake API answers generated bodies and headers without a 5xx, creating exactly the cases it acknowledges", async () => {
    const tenant = await makeTenant(db(), "fuzz");
    const dog = REFERENCE.find((d) => d.id === "hund-anmelden")!;
    await publishService(db(), tenant.id, dog);
    const { key } = await createApiKey(db(), tenant.id, { name: "fuzz", createdBy: null });
    const ids = fieldIds(dog);
    const example = JSON.parse(
      readFileSync("services/examples/hund-anmelden.happy.json", "utf8"),
    ).data;
    delete example.taxTagNumbers;
    delete example.signatory;
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      hostileString,
      fc.dictionary(fc.constantFrom(...ids), value).map((d) => JSON.stringify({ data: d })),
      fc
        .tuple(fc.constantFrom(...ids), value)
        .map(([k, v]) => JSON.stringify({ data: { ...example, [k]: v } })),
      fc.constant(JSON.stringify({ data: example })),
    );
    const header = fc.oneof(
      fc.uuid(),
      hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
    );
    let created = 0;
    const statuses = new Map<number, number>();
    const countCases = () =>
      withTenant(db(), tenant.id, async (tx) =>
        Number(
          (
            await tx
              .selectFrom("cases")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const before = await countCases();
    await fc.assert(
      fc.asyncProperty(body, header, fc.boolean(), async (text, idempotencyKey, json) => {
        const res = await fetch(
          `${app.url}/api/v1/${tenant.slug}/services/hund-anmelden/applications`,
          {
            method: "POST",
            headers: {
              authorization: `Bearer ${key}`,
              "content-type": json ? "application/json" : "text/plain",
              "idempotency-key": idempotencyKey,
            },
            body: text,
          },
        );
        await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        assert.ok(res.status < 500, `${res.status} for ${text.slice(0, 200)}`);
        if (res.status === 201) created++;
      }),
      { numRuns: 600 },
    );
    assert.equal(
      await countCases(),
      before + created,
      "cases made without a 201, or a 201 without a case",
    );
    assert.ok(
      (statuses.get(422) ?? 0) + (statuses.get(400) ?? 0) > 100,
      JSON.stringify([...statuses]),
    );
    assert.deepEqual(rejections, []);
  });

  it("the studio API answers generated drafts and imports without a 5xx; a refused save changes nothing", async () => {
    const tenant = await makeTenant(db(), "fuzzst");
    const designer = await studioApi(
      app,
      tenant.slug,
      (await makeStaff(db(), tenant.id, ["designer"])).email,
    );
    const created = await designer.call("POST", "/services", {
      slug: "ziel",
      title: "Ziel",
      from: { kind: "template", id: "hund-anmelden" },
    });
    assert.equal(created.status, 201);
    const services = async () =>
      (await designer.get("/services")).json<{ services: unknown[] }>().services.length;
    const countBefore = await services();
    let revision = 1;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((d) => ({ revision, definition: d })),
          fc.jsonValue(),
          fc.record({ revision: fc.oneof(fc.integer(), fc.string()), definition: fc.jsonValue() }),
          value.map((v) => ({ revision, definition: { id: "ziel", meta: v, form: v } })),
        ),
        async (payload) => {
          const res = await designer.call("PUT", "/services/ziel/draft", payload);
          assert.ok(res.status < 500, `${res.status}: ${res.body.slice(0, 200)}`);
          const now = (await designer.get("/services/ziel/draft")).json<{ revision: number }>()
            .revision;
          if (res.status === 200) {
            assert.equal(now, revision + 1);
            revision = now;
          } else assert.equal(now, revision, `refused (${res.status}) but the draft changed`);
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const res = await designer.text("POST", "/import", text);
          assert.ok(
            res.status === 422 || res.status === 413 || res.status === 409,
            `${res.status}`,
          );
        },
      ),
      { numRuns: 300 },
    );
    assert.equal(await services(), countBefore, "a refused import created a service");
    assert.deepEqual(rejections, []);
  });

  it("every other endpoint of the studio API answers generated bodies and parameters without a 5xx or a change it does not acknowledge", async () => {
    const tenant = await makeTenant(db(), "fuzzall");
    const designer = await studioApi(
      app,
      tenant.slug,
      (await makeStaff(db(), tenant.id, ["designer"])).email,
    );
    assert.equal(
      (
        await designer.call("POST", "/services", {
          slug: "ziel",
          title: "Ziel",
          from: { kind: "template", id: "hund-anmelden" },
        })
      ).status,
      201,
    );
    const state = () =>
      withTenant(db(), tenant.id, async (tx) => ({
        services: Number(
          (
            await tx
              .selectFrom("services")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        versions: Number(
          (
            await tx
              .selectFrom("service_versions")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        revision:
          (await tx.selectFrom("service_drafts").select("revision").executeTakeFirst())?.revision ??
          0,
      }));
    const expected = await state();
    const segment = fc.oneof(
      fc.constantFrom("ziel", "gibt-es-nicht", "..", "%00", "1", "-1", "99999999999"),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    const endpoint = fc.oneof(
      fc.constant(["POST", "/services"]),
      fc.constant(["POST", "/services/ziel/publish"]),
      fc.constant(["POST", "/services/ziel/archive"]),
      fc.constant(["POST", "/services/ziel/preview/form"]),
      fc.constant(["POST", "/services/ziel/preview/document"]),
      segment.map((x) => ["POST", `/services/${x}/import?revision=${x}`]),
      segment.map((x) => ["GET", `/services/${x}/draft`]),
      segment.map((x) => ["GET", `/services/ziel/versions/${x}`]),
      segment.map((x) => ["GET", `/services/ziel/export?version=${x}`]),
      segment.map((x) => ["POST", `/services/${x}/archive`]),
    ) as fc.Arbitrary<[string, string]>;
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(endpoint, fc.oneof(fc.jsonValue(), value), async ([method, path], body) => {
        const res =
          method === "GET" ? await designer.get(path) : await designer.call(method, path, body);
        statuses.set(`${res.status}`, (statuses.get(`${res.status}`) ?? 0) + 1);
        assert.ok(res.status < 500, `${method} ${path}: ${res.status} ${res.body.slice(0, 200)}`);
        if (res.status === 201 && path === "/services") expected.services++;
        if (res.status === 201 && path.endsWith("/publish")) expected.versions++;
        if (res.status < 300 && path.includes("/import")) expected.revision++;
        const now = await state();
        assert.equal(now.services, expected.services, `${method} ${path} changed the services`);
        assert.equal(now.versions, expected.versions, `${method} ${path} changed the versions`);
        assert.equal(now.revision, expected.revision, `${method} ${path} changed the draft`);
      }),
      { numRuns: 400 },
    );
    assert.ok(
      (statuses.get("400") ?? 0) + (statuses.get("422") ?? 0) + (statuses.get("404") ?? 0) > 200,
      JSON.stringify([...statuses]),
    );
    assert.deepEqual(rejections, []);
  });
});
