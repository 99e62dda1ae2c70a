/**
 * Tenant-isolation matrix (issue 8, item 4) for the routes outside the staff workspace and the
 * studio (those are covered route by route in src/modules/tenants/__tests__/cross-tenant.test.ts):
 * every citizen route naming a municipality or a resource, and every route of the JSON API, is
 * called on resources of citizen Y in municipality B — as Y (so that the refusals below mean
 * something), as another citizen X, anonymously, with an API key of municipality A, and with a
 * revoked key of B. The matrix is printed; no caller but Y (and B's key for B's API) may see
 * Y's case, and no body may contain Y's data. The database's row-level security is checked too.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import pg from "pg";
import type { Running } from "../../src/app.ts";
import { makeCitizen } from "../../src/modules/accounts/__tests__/factories.ts";
import { applyForDog, makeDogTenant, signIn } from "../../src/modules/citizen/__tests__/support.ts";
import { createApiKey, revokeKey } from "../../src/modules/intake/index.ts";
import { sendMessageToApplicant } from "../../src/modules/postbox/index.ts";
import { APP_ROLE } from "../../src/platform/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { Client } from "../helpers/http.ts";

let app: Running;
before(async () => {
  app = await startTestApp({ DEMO_MODE: "true", API_RATE_LIMIT: "0" });
});
after(() => app?.stop());

it("no citizen, anonymous caller or other municipality's API key reaches Y's case in B: the matrix", async () => {
  const db = app.platform.database.db;
  const { tenant: b, staff } = await makeDogTenant(app);
  const { tenant: a } = await makeDogTenant(app);
  const y = await makeCitizen(app);
  const x = await makeCitizen(app);
  const { caseId } = await applyForDog(app, b, y.id);
  const { messageId } = await sendMessageToApplicant(app.platform, {
    tenant: b,
    caseId,
    subject: "Geheime Nachricht an Y",
    body: "Nur für Y bestimmt.",
    authorId: staff.id,
  });
  const keyA = (await createApiKey(db, a.id, { name: "A", createdBy: null })).key;
  const keyB = await createApiKey(db, b.id, { name: "B", createdBy: null });
  const revokedB = await createApiKey(db, b.id, { name: "B alt", createdBy: null });
  await revokeKey(db, b.id, revokedB.id);
  const secret = "Geheime Nachricht an Y";

  type Caller = {
    name: string;
    call: (method: string, path: string) => Promise<{ status: number; body: string }>;
  };
  const viaClient =
    (client: Client): Caller["call"] =>
    async (method, path) => {
      const page =
        method === "GET"
          ? await client.get(path)
          : await client.post(path, {
              body: "x",
              _csrf: (await client.get("/konto/")).csrf() ?? "",
            });
      return { status: page.status, body: page.body };
    };
  const bearer =
    (key: string): Caller["call"] =>
    async (method, path) => {
      const res = await fetch(new URL(path, app.url), {
        method,
        redirect: "manual",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "idempotency-key": crypto.randomUUID(),
        },
        body: method === "POST" ? JSON.stringify({ data: {} }) : undefined,
      });
      return { status: res.status, body: await res.text() };
    };
  const callers: Caller[] = [
    { name: "Y (owner)", call: viaClient(await signIn(app, y.email)) },
    { name: "citizen X", call: viaClient(await signIn(app, x.email)) },
    { name: "anonymous", call: viaClient(new Client(app.url)) },
    { name: "API key of A", call: bearer(keyA) },
    { name: "revoked key of B", call: bearer(revokedB.key) },
    { name: "API key of B", call: bearer(keyB.key) },
  ];
  const routes: { method: string; path: string; owner: string[] }[] = [
    { method: "GET", path: `/konto/antraege/${b.slug}/${caseId}`, owner: ["Y (owner)"] },
    {
      method: "POST",
      path: `/konto/antraege/${b.slug}/${caseId}/aktion/supplyInformation`,
      owner: ["Y (owner)"],
    },
    { method: "GET", path: `/konto/postfach/${b.slug}/${messageId}`, owner: ["Y (owner)"] },
    {
      method: "POST",
      path: `/konto/postfach/${b.slug}/${messageId}/antworten`,
      owner: ["Y (owner)"],
    },
    { method: "GET", path: `/konto/dateien/${b.slug}/${crypto.randomUUID()}`, owner: [] },
    { method: "GET", path: "/konto/export/meine-daten.json", owner: ["Y (owner)"] },
    { method: "POST", path: `/konto/entwuerfe/${crypto.randomUUID()}/loeschen`, owner: [] },
    { method: "GET", path: `/${b.slug}/abruf/${crypto.randomUUID()}`, owner: [] },
    { method: "GET", path: `/api/v1/${b.slug}/applications/${caseId}`, owner: ["API key of B"] },
    {
      method: "POST",
      path: `/api/v1/${b.slug}/services/hund-anmelden/applications`,
      owner: ["API key of B"],
    },
    { method: "GET", path: `/api/v1/${a.slug}/applications/${caseId}`, owner: [] },
  ];
  // The app's own list of routes: every citizen and API route naming a resource is in the matrix.
  const parametrised = app.app.routes.filter(
    (r) => (r.path.startsWith("/konto/") || r.path.startsWith("/api/v1/")) && r.path.includes(":"),
  );
  const pattern = (p: string) => new RegExp(`^${p.replace(/:\w+(\{[^}]*\})?/g, "[^/]+")}$`);
  const missing = parametrised.filter(
    (r) => !routes.some((m) => m.method === r.method && pattern(r.path).test(m.path)),
  );
  assert.deepEqual(
    missing.map((r) => `${r.method} ${r.path}`),
    [],
    "routes missing from the matrix",
  );

  const rows: string[] = [];
  const leaks: string[] = [];
  for (const r of routes) {
    const cells: string[] = [];
    for (const c of callers) {
      const res = await c.call(r.method, r.path);
      const ok = res.status >= 200 && res.status < 300;
      cells.push(String(res.status));
      const allowed = r.owner.includes(c.name);
      if (!allowed && ok && r.path.includes("export")) {
        // an export is always the caller's own data: it must not contain Y's
        if (res.body.includes(caseId) || res.body.includes(secret))
          leaks.push(`${c.name} ${r.method} ${r.path}`);
      } else if (!allowed && (ok || res.body.includes(secret)))
        leaks.push(`${c.name}: ${r.method} ${r.path} → ${res.status}`);
    }
    rows.push(
      `| ${r.method} ${r.path.replace(b.slug, "{B}").replace(a.slug, "{A}").replace(caseId, "{case of Y}").replace(messageId, "{message to Y}")} | ${cells.join(" | ")} |`,
    );
  }
  console.log(
    `\n| route | ${callers.map((c) => c.name).join(" | ")} |\n|---|${callers.map(() => "---").join("|")}|\n${rows.join("\n")}\n`,
  );
  assert.deepEqual(leaks, [], `leaks:\n${leaks.join("\n")}`);
  // The owner really sees the case and the message (so that the refusals above mean something).
  const own = await callers[0]!.call("GET", `/konto/postfach/${b.slug}/${messageId}`);
  assert.match(own.body, new RegExp(secret));

  // Row-level security in the database: the application role, in A's context, sees none of B's rows.
  const appUrl = app.platform.database.appUrl;
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(`select set_config('app.tenant_id', $1, true)`, [a.id]);
    const seen = await client.query(`select count(*)::int as n from cases where tenant_id = $1`, [
      b.id,
    ]);
    assert.equal(seen.rows[0].n, 0);
    const messages = await client.query(
      `select count(*)::int as n from postbox_messages where tenant_id = $1`,
      [b.id],
    );
    assert.equal(messages.rows[0].n, 0);
    await assert.rejects(
      client.query(
        `insert into cases (tenant_id, reference, service_id, service_version, status, state, channel, received_at) values ($1, 'X', $1, 1, 'x', '{}', 'api', now())`,
        [b.id],
      ),
    );
    await client.query("rollback");
    const role = await client.query(
      "select current_user as u, (select rolbypassrls from pg_roles where rolname = current_user) as bypass",
    );
    assert.equal(role.rows[0].u, APP_ROLE);
    assert.equal(role.rows[0].bypass, false);
  } finally {
    await client.end();
  }
});
