import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { createService, draftOf, publishDraft } from "../../studio/index.ts";
import { createOrgUnit, getTenant, membersOf, orgUnitsOf } from "../index.ts";
import { makeStaff, makeTenant, signInStaff } from "./fixtures.ts";

/**
 * Done-means for tenant isolation on the web: staff of municipality A get 404 for every page of
 * B's workspace (`/{B}/amt/...`), GET and POST, whatever their roles in A. The routes are read
 * from the app itself, so a page added later is covered without changing this test.
 */

// Sign-in pages are reachable without a session by design; they show nothing of B's workspace.
const PUBLIC = new Set([
  "anmelden",
  "zwei-faktor",
  "zwei-faktor-einrichten",
  "passwort-vergessen",
  "passwort-neu",
  "abmelden",
]);

type Route = { method: string; path: string };

/** Route → the answers to A's staff of each role set on B's resource; printed after the run. */
const matrix = new Map<string, string[]>();

describe("cross-tenant isolation of the staff workspace", () => {
  let app: Running;
  let a: { id: string; slug: string };
  let b: { id: string; slug: string; name: string };
  let bUnit: { id: string };
  let bAdmin: { id: string; email: string };
  let routes: Route[];
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    a = await makeTenant(db(), "iso-a");
    b = await makeTenant(db(), "iso-b");
    bUnit = await createOrgUnit(db(), b.id, { name: "Geheimamt B" });
    bAdmin = await makeStaff(db(), b.id, ["admin", "caseworker", "designer"], [bUnit.id]);
    // a service of B in the studio, published once, so that its studio routes have real targets
    await createService(db(), b.id, bAdmin.id, {
      slug: "geheimdienst",
      title: "Geheimamt B Dienst",
      from: { kind: "template", id: "hund-anmelden" },
    });
    await publishDraft(db(), b.id, bAdmin.id, "geheimdienst", 1);
    const seen = new Set<string>();
    routes = app.app.routes
      .filter(
        (r) =>
          (r.path.startsWith("/:tenant/amt") || r.path.startsWith("/:tenant/studio")) &&
          ["GET", "POST", "PUT"].includes(r.method),
      )
      .filter((r) => !PUBLIC.has(r.path.split("/").pop() ?? ""))
      .filter((r) => {
        const key = `${r.method} ${r.path}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((r) => ({ method: r.method, path: r.path }));
  });
  after(async () => {
    if (matrix.size > 0)
      console.log(
        `\nstaff of A on B's workspace and studio (${matrix.size} routes):\n${[...matrix]
          .map(([route, cells]) => `  ${route}  ${cells.join("  ")}`)
          .join("\n")}\n`,
      );
    await app?.stop();
  });

  /** The concrete path for B, using B's real ids where the route names them. */
  function pathForB(route: string): { path: string; known: boolean } {
    let known = true;
    const path = route
      .replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => {
        if (name === "tenant") return b.slug;
        if (name === "id") return bUnit.id;
        if (name === "userId") return bAdmin.id;
        if (name === "slug") return "geheimdienst";
        if (name === "version") return "1";
        known = false;
        return randomUUID();
      })
      .replace(/\*/g, () => {
        known = false;
        return "x";
      });
    return { path, known };
  }

  it("enumerates the workspace routes, including the administration", () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    assert.ok(paths.includes("GET /:tenant/amt/"), paths.join("\n"));
    assert.ok(paths.includes("GET /:tenant/amt/verwaltung/einstellungen"));
    assert.ok(paths.includes("POST /:tenant/amt/verwaltung/mitarbeitende/:userId/entfernen"));
    assert.ok(paths.includes("PUT /:tenant/studio/api/services/:slug/draft"), paths.join("\n"));
    assert.ok(routes.length >= 15, `only ${routes.length} routes`);
  });

  it("lets B's own admin reach B's pages (so the 404s below mean something)", async () => {
    const client = new Client(app.url);
    await signInStaff(client, b.slug, bAdmin.email);
    for (const r of routes.filter((x) => x.method === "GET")) {
      const { path, known } = pathForB(r.path);
      if (!known) continue;
      const res = await client.get(path);
      assert.ok(res.status < 400, `${path}: ${res.status}`);
    }
  });

  for (const roles of [
    ["caseworker"],
    ["admin"],
    ["admin", "designer", "caseworker", "approver", "auditor"],
  ] as const) {
    it(`answers 404 to a signed-in ${roles.join("+")} of A for every page of B`, async () => {
      const person = await makeStaff(db(), a.id, [...roles]);
      const client = new Client(app.url);
      await signInStaff(client, a.slug, person.email);
      const home = await client.get(`/${a.slug}/amt/`);
      assert.equal(home.status, 200, "the person works in A");
      const csrf = home.csrf() ?? (await client.get(`/${a.slug}/`)).csrf();
      assert.ok(csrf);

      const failures: string[] = [];
      for (const r of routes) {
        const { path } = pathForB(r.path);
        const res =
          r.method === "GET"
            ? await client.get(path)
            : r.method === "PUT"
              ? await client.send("PUT", path, {
                  body: JSON.stringify({ revision: 1, definition: { id: "geheimdienst" } }),
                  headers: { "content-type": "application/json", "x-csrf-token": csrf },
                })
              : await client.post(path, {
                  _csrf: csrf,
                  name: "Übernommen",
                  state: "ST",
                  roles: "caseworker",
                  email: "x@evil.example",
                });
        if (res.status !== 404) failures.push(`${r.method} ${path}: ${res.status}`);
        const row = `${r.method} ${r.path}`;
        matrix.set(row, [...(matrix.get(row) ?? []), `${roles.join("+")}: ${res.status}`]);
        assert.doesNotMatch(res.body, /Geheimamt B/, `${r.method} ${path} shows B's data`);
      }
      assert.deepEqual(failures, [], `not 404:\n${failures.join("\n")}`);

      // Nothing of B changed, and A's session still works.
      assert.equal((await getTenant(db(), b.slug))!.name, b.name);
      assert.deepEqual(
        (await orgUnitsOf(db(), b.id)).map((u) => u.name),
        ["Geheimamt B"],
      );
      const members = await membersOf(db(), b.id);
      assert.deepEqual(
        members.map((m) => [m.user_id, [...m.roles].sort()]),
        [[bAdmin.id, ["admin", "caseworker", "designer"]]],
      );
      assert.equal((await draftOf(db(), b.id, "geheimdienst")).revision, 1);
      assert.equal((await client.get(`/${a.slug}/amt/`)).status, 200);
    });
  }

  it("answers 404 to the public sign-in pages' POSTs too, without changing B", async () => {
    const person = await makeStaff(db(), a.id, ["admin"]);
    const client = new Client(app.url);
    await signInStaff(client, a.slug, person.email);
    // Signing in at B with A's credentials must not open B's workspace.
    const form = await client.get(`/${b.slug}/amt/anmelden`);
    const res = await client.post(
      `/${b.slug}/amt/anmelden`,
      { email: person.email, password: "Ein-sicheres-Test-Passwort" },
      form,
    );
    assert.notEqual(res.status, 303);
    assert.equal((await client.get(`/${b.slug}/amt/verwaltung/`)).status, 404);
  });
});
