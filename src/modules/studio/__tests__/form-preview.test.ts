import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { SESSION_COOKIE } from "../../accounts/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";

const dog = () => JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));

describe("studio form preview", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  let designer: Client;
  let csrf: string;

  async function post(client: Client, token: string, path: string, body: unknown) {
    const cookie = ["dw_csrf", SESSION_COOKIE]
      .map((n) => `${n}=${client.cookie(n) ?? ""}`)
      .join("; ");
    const res = await fetch(new URL(path, app.url), {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-csrf-token": token },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async function signedIn(slug: string, email: string): Promise<{ client: Client; token: string }> {
    const client = new Client(app.url);
    await signInStaff(client, slug, email);
    const token = (await client.get(`/${slug}/amt/`)).csrf();
    assert.ok(token, "no CSRF token on the workspace page");
    return { client, token };
  }

  const preview = (body: unknown, client = designer, token = csrf) =>
    post(client, token, `/${tenant.slug}/studio/api/services/hund/preview/form`, body);

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    const db = app.platform.database.db;
    tenant = await makeTenant(db, "fp");
    const staff = await makeStaff(db, tenant.id, ["designer"]);
    ({ client: designer, token: csrf } = await signedIn(tenant.slug, staff.email));
    const created = await post(designer, csrf, `/${tenant.slug}/studio/api/services`, {
      slug: "hund",
      title: "Hund anmelden",
      from: { kind: "template", id: "hund-anmelden" },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
  });
  after(async () => {
    await app?.stop();
  });

  it("renders a page of a reference service with the portal's form renderer", async () => {
    const res = await preview({ definition: dog(), page: "halter" });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const html = String(res.json.html);
    assert.match(html, /<form method="post"/);
    assert.match(html, /Angaben zur Hundehalterin \/ zum Hundehalter/);
    assert.match(html, /Geburtsdatum/);
    assert.match(html, /Telefonnummer \(für Rückfragen\)/);
    assert.equal(res.json.formOnly, false);
    // an anonymous citizen's view: no form token of the designer's session in it
    assert.doesNotMatch(html, new RegExp(csrf));
  });

  it("shows a conditional field only when the sample data meets its condition", async () => {
    const hidden = await preview({ definition: dog(), page: "erklaerung", data: {} });
    assert.equal(hidden.status, 200);
    assert.doesNotMatch(String(hidden.json.html), /IBAN des zu belastenden Kontos/);
    assert.match(String(hidden.json.html), /SEPA-Lastschriftmandat/);
    const shown = await preview({
      definition: dog(),
      page: "erklaerung",
      data: { sepaMandate: true },
    });
    assert.equal(shown.status, 200);
    assert.match(String(shown.json.html), /IBAN des zu belastenden Kontos/);
  });

  it("previews the form of an unfinished draft whose catalogue facts are still missing", async () => {
    const def = dog();
    def.meta.leikaKey = "";
    def.process.actions[0].to = "nirgends";
    const res = await preview({ definition: def, page: "halter" });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.formOnly, true);
    assert.match(String(res.json.html), /Geburtsdatum/);
  });

  it("answers a form that does not load with 422 and its problems", async () => {
    const def = dog();
    def.form.pages[2].fields[3].visibleIf = "gibtEsNicht = true";
    def.form.pages[0].fields[1].type = "zauberfeld";
    const res = await preview({ definition: def, page: "halter" });
    assert.equal(res.status, 422);
    const problems = res.json.problems as { path: string; message: string }[];
    assert.ok(problems.length > 0);
    assert.ok(
      problems.some((p) => p.path.startsWith("form.pages[0].fields[1]")),
      JSON.stringify(problems),
    );
    assert.ok(problems.every((p) => typeof p.message === "string" && p.message.length > 0));

    const unknownName = dog();
    unknownName.form.pages[2].fields[3].visibleIf = "gibtEsNicht = true";
    const res2 = await preview({ definition: unknownName, page: "halter" });
    assert.equal(res2.status, 422);
    const p2 = res2.json.problems as { path: string; message: string }[];
    assert.deepEqual(
      p2.map((p) => p.path),
      ["form.pages[2].fields[3].visibleIf"],
    );
    assert.match(p2[0]!.message, /gibtEsNicht/);

    const page = await preview({ definition: dog(), page: "keine-seite" });
    assert.equal(page.status, 422);
    const bad = await preview({ definition: dog() });
    assert.equal(bad.status, 400);
  });

  it("escapes a hostile label", async () => {
    const def = dog();
    def.form.pages[0].fields[1].label = "<script>alert(1)</script>";
    def.form.pages[0].title = '<img src=x onerror="alert(2)">';
    const res = await preview({ definition: def, page: "halter" });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const html = String(res.json.html);
    assert.doesNotMatch(html, /<script>alert\(1\)/);
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it("is not there for a designer of another municipality, a caseworker, or another service", async () => {
    const db = app.platform.database.db;
    const other = await makeTenant(db, "fp-other");
    const stranger = await makeStaff(db, other.id, ["designer"]);
    const s = await signedIn(other.slug, stranger.email);
    const res = await preview({ definition: dog(), page: "halter" }, s.client, s.token);
    assert.equal(res.status, 404);

    const worker = await makeStaff(db, tenant.id, ["caseworker"]);
    const w = await signedIn(tenant.slug, worker.email);
    const res2 = await preview({ definition: dog(), page: "halter" }, w.client, w.token);
    assert.equal(res2.status, 404);

    const missing = await post(
      designer,
      csrf,
      `/${tenant.slug}/studio/api/services/gibt-es-nicht/preview/form`,
      { definition: dog(), page: "halter" },
    );
    assert.equal(missing.status, 404);
  });
});
