/**
 * Studio benchmark (a script, not a test: it prints figures and asserts nothing).
 *
 *   npm run bench:studio [-- runs]        (default 40 runs per measurement)
 *
 * A 500-field service (the dog registration plus ten pages of fifty fields of every common
 * type, a fifth of them conditional, a seventh with a FEEL constraint) is
 *
 * 1. validated with the core linter — the check the studio runs in the browser after every
 *    change and the server runs before publishing — in this process (V8, as in Chromium);
 *    reference in the same run: a deep copy of the same definition (JSON round trip);
 * 2. saved through the studio's JSON API (PUT draft with revision check, as the builder does)
 *    against a real PostgreSQL (DATABASE_URL if set, else an embedded server under data/bench/);
 *    reference in the same run: the same UPDATE of the draft row sent straight to PostgreSQL,
 *    and an HTTP round trip to /healthz;
 * 3. when Chromium is at /usr/bin/chromium: linted in the studio itself (the time its linter
 *    panel reports after each edit of the title).
 *
 * Targets (issue 7): save under 200 ms, validation under 50 ms.
 */
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { lintDefinition } from "../src/core/index.ts";
import { report } from "./report.ts";

const runs = Number(process.argv[2] ?? 40);
if (!(runs >= 5 && runs <= 1000)) throw new Error("runs: 5..1000");

const TYPES = [
  "text",
  "integer",
  "date",
  "select",
  "boolean",
  "textarea",
  "email",
  "money",
  "radio",
  "phone",
];

/** The dog registration with ten more pages of fifty fields each. */
export function fiveHundredFields(): Record<string, any> {
  const def = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
  def.id = "fuenfhundert";
  def.meta.title = "Großer Antrag mit 500 Feldern";
  let n = 0;
  for (let p = 0; p < 10; p++) {
    const fields: Record<string, unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      n++;
      const type = TYPES[n % TYPES.length]!;
      const f: Record<string, unknown> = { id: `feld${n}`, type, label: `Angabe ${n} (${type})` };
      if (type === "text" || type === "textarea") f.maxLength = 500;
      if (type === "integer") Object.assign(f, { min: 0, max: 10_000 });
      if (type === "select" || type === "radio")
        f.options = [
          { value: "a", label: "Erste Möglichkeit" },
          { value: "b", label: "Zweite Möglichkeit" },
          { value: "c", label: "Dritte Möglichkeit" },
        ];
      if (n % 5 === 0 && i > 0) {
        const prev = fields[i - 1]!;
        f.visibleIf = prev.type === "boolean" ? `${prev.id} = true` : `${prev.id} != null`;
      }
      if (type === "integer" && n % 7 === 0)
        f.constraints = [{ rule: `feld${n} <= 5000`, message: "Höchstens 5000." }];
      if (n % 3 === 0 && type !== "boolean") f.required = true;
      fields.push(f);
    }
    def.form.pages.splice(def.form.pages.length - 1, 0, {
      id: `zusatz${p + 1}`,
      title: `Zusätzliche Angaben, Teil ${p + 1}`,
      fields,
    });
  }
  return def;
}

/** A copy whose every FEEL expression is new text (trailing spaces), defeating the parse cache. */
function withFreshExpressions(def: Record<string, any>, n: number): Record<string, any> {
  const pad = " ".repeat(n);
  const FEEL = new Set([
    "visibleIf",
    "requiredIf",
    "computed",
    "rule",
    "guard",
    "when",
    "if",
    "value",
  ]);
  const visit = (v: any): any => {
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          FEEL.has(k) && typeof x === "string" ? x + pad : visit(x),
        ]),
      );
    return v;
  };
  return visit(def);
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95) };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const def = fiveHundredFields();
  const fieldCount = def.form.pages.reduce(
    (n: number, p: { fields: unknown[] }) => n + p.fields.length,
    0,
  );
  const json = JSON.stringify(def);
  const first = lintDefinition(def);
  const errors = first.findings.filter((f) => f.severity === "error");
  if (errors.length > 0)
    throw new Error(
      `the 500-field definition does not lint: ${JSON.stringify(errors.slice(0, 3))}`,
    );

  // 1. validation. The core keeps parsed FEEL by source text, so a lint after an edit (the
  // studio's case) re-parses only changed expressions; "cold" makes every expression new.
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = withFreshExpressions(def, i + 1);
    const t = performance.now();
    lintDefinition(fresh);
    cold.push(performance.now() - t);
  }
  for (let i = 0; i < 5; i++) lintDefinition(def);
  const lint: number[] = [];
  const copy: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    lintDefinition(def);
    lint.push(performance.now() - t);
    t = performance.now();
    JSON.parse(JSON.stringify(def));
    copy.push(performance.now() - t);
  }

  // 2. saves through the API
  const { startDienstwerk } = await import("../src/app.ts");
  const { loadConfig } = await import("../src/platform/config.ts");
  const { openScratchDatabase } = await import("../scripts/scratch-database.ts");
  const { createTenant, addMember } = await import("../src/modules/tenants/index.ts");
  const { createStaffUser } = await import("../src/modules/accounts/index.ts");
  const { Client } = await import("../test/helpers/http.ts");
  const { buildStudio } = await import("../scripts/build-studio.ts");
  await buildStudio();

  const secretKey = "dienstwerk-bench-secret-key-000000000000";
  const scratch = await openScratchDatabase({
    prefix: "dienstwerk_bench",
    dataDir: path.resolve("data/bench"),
    secretKey,
  });
  const app = await startDienstwerk(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: scratch.adminUrl,
      DATABASE_APP_PASSWORD: "bench-app-password",
      SECRET_KEY: secretKey,
      HOST: "127.0.0.1",
      PORT: "0",
      BASE_URL: "http://127.0.0.1",
      LOG_LEVEL: "silent",
      // staff sign in without a second factor
      DEMO_MODE: "true",
      JOBS: "false",
    }),
  );
  const direct = new pg.Client({ connectionString: scratch.adminUrl });
  let save: ReturnType<typeof stats>;
  let sql: ReturnType<typeof stats>;
  let health: ReturnType<typeof stats>;
  let browserLint: ReturnType<typeof stats> | undefined;
  let pgVersion = "";
  try {
    const db = app.platform.database.db;
    const slug = `bench-${Date.now().toString(36)}`;
    const tenant = await createTenant(db, { slug, settings: { name: "Benchstadt", state: "ST" } });
    const email = `designer-${slug}@bench.example`;
    const password = "Ein-sicheres-Bench-Passwort";
    const { id: userId } = await createStaffUser(db, { email, name: "Bench Designer", password });
    await addMember(db, { tenantId: tenant.id, userId, roles: ["designer"] });
    const base = app.url.replace("localhost", "127.0.0.1");
    const client = new Client(base);
    const form = await client.get(`/${slug}/amt/anmelden`);
    await client.post(`/${slug}/amt/anmelden`, { email, password }, form);
    const shell = await client.get(`/${slug}/studio/`);
    const csrf = /data-csrf="([^"]+)"/.exec(shell.body)?.[1];
    if (!csrf) throw new Error(`no studio page (${shell.status})`);
    const api = (method: string, p: string, body: unknown) =>
      client.send(method, `/${slug}/studio/api${p}`, {
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
      });
    const created = await api("POST", "/services", {
      slug: def.id,
      title: def.meta.title,
      from: { kind: "blank" },
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.body}`);
    let revision = 1;
    const saves: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      def.meta.description = `Beschreibung, Stand ${i}`;
      const t = performance.now();
      const res = await api("PUT", `/services/${def.id}/draft`, { revision, definition: def });
      const elapsed = performance.now() - t;
      if (res.status !== 200) throw new Error(`save: ${res.status} ${res.body}`);
      revision = res.json<{ revision: number }>().revision;
      if (i >= 3) saves.push(elapsed);
    }
    save = stats(saves);

    await direct.connect();
    pgVersion = (await direct.query("show server_version")).rows[0].server_version;
    const sqlTimes: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      def.meta.description = `Direkt, Stand ${i}`;
      const t = performance.now();
      await direct.query(
        `update service_drafts set definition = $1, revision = revision + 1, updated_at = now()
         where tenant_id = $2 and service_id = (select id from services where tenant_id = $2 and slug = $3)`,
        [JSON.stringify(def), tenant.id, def.id],
      );
      if (i >= 3) sqlTimes.push(performance.now() - t);
    }
    sql = stats(sqlTimes);
    const healthTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fetch(`${base}/healthz`).then((r) => r.text());
      healthTimes.push(performance.now() - t);
    }
    health = stats(healthTimes);

    browserLint = await lintInBrowser(base, slug, def.id, email, password);
  } finally {
    await direct.end().catch(() => {});
    await app.stop();
    await scratch.close();
  }

  const cpu = cpus();
  console.log(`\nStudio benchmark, ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB; PostgreSQL ${pgVersion} (${scratch.where}); Node ${process.version}`,
  );
  console.log(
    `definition: ${fieldCount} fields on ${def.form.pages.length} pages, ${(json.length / 1024).toFixed(0)} KB JSON; ${runs} runs each\n`,
  );
  const rows: [
    string,
    { median: number; p95: number },
    string,
    { median: number; p95: number },
    string,
  ][] = [
    [
      "validation after an edit (Node)",
      stats(lint),
      "deep copy (JSON round trip)",
      stats(copy),
      "< 50 ms",
    ],
    [
      "validation, every expression new (Node)",
      stats(cold),
      "deep copy (JSON round trip)",
      stats(copy),
      "< 50 ms",
    ],
    ["save round trip (PUT draft)", save, "same UPDATE straight to PostgreSQL", sql, "< 200 ms"],
    ["save round trip (PUT draft)", save, "HTTP round trip to /healthz", health, ""],
  ];
  if (browserLint)
    rows.push([
      "validation in the studio (Chromium)",
      browserLint,
      "validation in Node (above)",
      stats(lint),
      "< 50 ms",
    ]);
  console.log("| measurement | median | p95 | reference | ref. median | ratio (median) | target |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [name, v, refName, ref, target] of rows)
    console.log(
      `| ${name} | ${ms(v.median)} | ${ms(v.p95)} | ${refName} | ${ms(ref.median)} | ${(v.median / ref.median).toFixed(1)}× | ${target} |`,
    );
  const validation = stats(lint);
  report([
    {
      bench: "studio",
      measurement: `validation of a ${fieldCount}-field service after an edit (core linter), median`,
      value: validation.median,
      unit: "ms",
      reference: "deep copy of the definition",
      referenceValue: stats(copy).median,
      better: "lower",
      target: "< 50 ms",
      met: validation.median < 50,
    },
    {
      bench: "studio",
      measurement: `validation of a ${fieldCount}-field service, every expression new, median`,
      value: stats(cold).median,
      unit: "ms",
      reference: "deep copy of the definition",
      referenceValue: stats(copy).median,
      better: "lower",
      target: "< 50 ms",
      met: stats(cold).median < 50,
    },
    {
      bench: "studio",
      measurement: `studio save round trip, ${fieldCount}-field service, median`,
      value: save.median,
      unit: "ms",
      reference: "the same UPDATE straight to PostgreSQL",
      referenceValue: sql.median,
      better: "lower",
      target: "< 200 ms",
      met: save.median < 200,
    },
    ...(browserLint
      ? [
          {
            bench: "studio",
            measurement: "validation in the studio in Chromium, median",
            value: browserLint.median,
            unit: "ms",
            reference: "validation in Node",
            referenceValue: validation.median,
            better: "lower" as const,
            target: "< 50 ms",
            met: browserLint.median < 50,
          },
        ]
      : []),
  ]);
}

/** The studio's own figure: the lint time its panel shows after each edit, in Chromium. */
async function lintInBrowser(
  base: string,
  tenant: string,
  service: string,
  email: string,
  password: string,
) {
  const { chromiumAvailable, launchBrowser } = await import("../test/helpers/browser.ts");
  if (!chromiumAvailable()) return undefined;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/${tenant}/amt/anmelden`);
    await page.fill("#email", email);
    await page.fill("#password", password);
    await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
    await page.goto(`${base}/${tenant}/studio/dienste/${service}/allgemein`);
    await page.waitForSelector("[data-path='meta.title']");
    const samples: number[] = [];
    for (let i = 0; i < Math.min(runs, 20); i++) {
      await page.fill("[data-path='meta.title']", `Großer Antrag ${i}`);
      await page.click("#tab-pruefung");
      const text = await page.waitForFunction((n) => {
        const el = document.querySelector(".studio-lint [role=status]");
        const title = document.querySelector(".studio-editor h1")?.textContent ?? "";
        return title.endsWith(` ${n}`) && el ? el.textContent : null;
      }, i);
      const m = /geprüft in ([\d.]+) ms/.exec(String(await text.jsonValue()));
      if (m) samples.push(Number(m[1]));
      await page.click("#tab-allgemein");
    }
    return samples.length ? stats(samples.slice(2)) : undefined;
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
