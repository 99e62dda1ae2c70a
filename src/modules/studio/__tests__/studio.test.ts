import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import type { Running } from "../../../app.ts";
import { lintDefinition } from "../../../core/index.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { catalogue, getPublishedService, referenceDefinitions } from "../../services/index.ts";
import { makeStaff, makeTenant } from "../../tenants/__tests__/fixtures.ts";
import { type StudioApi, studioApi } from "./studio-api.ts";

type Draft = { slug: string; revision: number; definition: Record<string, any> };

describe("the studio's JSON API", () => {
  let app: Running;
  const db = () => app.platform.database.db;
  let tenant: { id: string; slug: string };
  let designer: StudioApi;
  let colleague: StudioApi;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    tenant = await makeTenant(db(), "stapi");
    designer = await studioApi(
      app,
      tenant.slug,
      (await makeStaff(db(), tenant.id, ["designer"])).email,
    );
    colleague = await studioApi(
      app,
      tenant.slug,
      (await makeStaff(db(), tenant.id, ["designer"])).email,
    );
  });
  after(async () => {
    await app?.stop();
  });

  it("creates a blank service whose missing catalogue facts the linter names", async () => {
    const res = await designer.call("POST", "/services", {
      slug: "osterfeuer",
      title: "Osterfeuer anzeigen",
      from: { kind: "blank" },
    });
    assert.equal(res.status, 201, res.body);
    const draft = res.json<Draft>();
    assert.equal(draft.revision, 1);
    assert.equal(draft.definition.id, "osterfeuer");
    const paths = lintDefinition(draft.definition).findings.map((f) => f.path);
    for (const p of ["meta.description", "meta.leikaKey", "meta.legalBasis", "meta.orgUnit"])
      assert.ok(paths.includes(p), `${p} not named: ${paths.join(", ")}`);
    // the same short name again is refused at its field
    const again = await designer.call("POST", "/services", {
      slug: "osterfeuer",
      title: "Noch einmal",
      from: { kind: "blank" },
    });
    assert.equal(again.status, 409);
    assert.equal(again.json<{ error: { field: string } }>().error.field, "slug");
    const bad = await designer.call("POST", "/services", {
      slug: "Oster Feuer!",
      title: "x",
      from: { kind: "blank" },
    });
    assert.equal(bad.status, 422);
    assert.match(bad.json<{ error: { message: string } }>().error.message, /Kleinbuchstaben/);
  });

  it("refuses a save based on an older revision and names who saved", async () => {
    await designer.call("POST", "/services", {
      slug: "parallel",
      title: "Parallel",
      from: { kind: "blank" },
    });
    const draft = (await designer.get("/services/parallel/draft")).json<Draft>();
    const mine = structuredClone(draft.definition);
    mine.meta.description = "Meine Beschreibung";
    const theirs = structuredClone(draft.definition);
    theirs.meta.description = "Ihre Beschreibung";
    const first = await colleague.call("PUT", "/services/parallel/draft", {
      revision: draft.revision,
      definition: theirs,
    });
    assert.equal(first.status, 200, first.body);
    assert.equal(first.json<{ revision: number }>().revision, 2);
    const second = await designer.call("PUT", "/services/parallel/draft", {
      revision: draft.revision,
      definition: mine,
    });
    assert.equal(second.status, 409);
    assert.match(
      second.json<{ error: { message: string } }>().error.message,
      /Person designer.*Stand 2/,
    );
    const stored = (await designer.get("/services/parallel/draft")).json<Draft>();
    assert.equal(stored.definition.meta.description, "Ihre Beschreibung");
    assert.equal(stored.revision, 2);
    // the short name cannot change through a save, and a draft must be an object
    const renamed = { ...stored.definition, id: "anders" };
    const r = await designer.call("PUT", "/services/parallel/draft", {
      revision: 2,
      definition: renamed,
    });
    assert.equal(r.status, 422);
    assert.equal(r.json<{ error: { field: string } }>().error.field, "id");
    const notObject = await designer.call("PUT", "/services/parallel/draft", {
      revision: 2,
      definition: [1],
    });
    assert.equal(notObject.status, 422);
    // text the database cannot store (found by the fuzzer): refused at its place, not a 500
    const nul = { ...stored.definition, meta: { ...stored.definition.meta, title: "Titel\u0000" } };
    const refusedNul = await designer.call("PUT", "/services/parallel/draft", {
      revision: 2,
      definition: nul,
    });
    assert.equal(refusedNul.status, 422);
    assert.equal(refusedNul.json<{ error: { field: string } }>().error.field, "meta.title");
    const surrogate = {
      ...stored.definition,
      meta: { ...stored.definition.meta, title: "\ud800" },
    };
    assert.equal(
      (
        await designer.call("PUT", "/services/parallel/draft", {
          revision: 2,
          definition: surrogate,
        })
      ).status,
      422,
    );
    const garbage = await designer.text("PUT", "/services/parallel/draft", "{nicht json");
    assert.equal(garbage.status, 400);
    assert.equal((await designer.get("/services/parallel/draft")).json<Draft>().revision, 2);
  });

  it("publishes only a draft without errors, as immutable numbered versions, from a template", async () => {
    const created = await designer.call("POST", "/services", {
      slug: "hund",
      title: "Hund anmelden (Studio)",
      from: { kind: "template", id: "hund-anmelden" },
    });
    assert.equal(created.status, 201, created.body);
    const draft = created.json<Draft>();
    assert.equal(draft.definition.meta.title, "Hund anmelden (Studio)");

    // an error blocks publishing
    const broken = structuredClone(draft.definition);
    broken.process.initialStatus = "gibtEsNicht";
    const saved = await designer.call("PUT", "/services/hund/draft", {
      revision: 1,
      definition: broken,
    });
    assert.equal(saved.status, 200);
    const refused = await designer.call("POST", "/services/hund/publish", { revision: 2 });
    assert.equal(refused.status, 422);
    assert.equal(await getPublishedService(db(), tenant.id, "hund"), undefined);

    await designer.call("PUT", "/services/hund/draft", {
      revision: 2,
      definition: draft.definition,
    });
    // publishing names the revision it saw: an older one is refused
    const stale = await designer.call("POST", "/services/hund/publish", { revision: 2 });
    assert.equal(stale.status, 409);
    const ok = await designer.call("POST", "/services/hund/publish", { revision: 3 });
    assert.equal(ok.status, 201, ok.body);
    assert.equal(ok.json<{ version: number }>().version, 1);
    const live = await getPublishedService(db(), tenant.id, "hund");
    assert.equal(live?.version, 1);
    assert.equal(live?.definition.meta.title, "Hund anmelden (Studio)");

    // a second version; the first stays as it was
    const v2 = structuredClone(draft.definition);
    v2.meta.title = "Hund anmelden, Version 2";
    await designer.call("PUT", "/services/hund/draft", { revision: 3, definition: v2 });
    assert.equal(
      (await designer.call("POST", "/services/hund/publish", { revision: 4 })).status,
      201,
    );
    const versions = (await designer.get("/services/hund/versions")).json<{
      versions: { version: number; title: string; publishedBy: string }[];
    }>().versions;
    assert.deepEqual(
      versions.map((v) => [v.version, v.title]),
      [
        [2, "Hund anmelden, Version 2"],
        [1, "Hund anmelden (Studio)"],
      ],
    );
    assert.equal(versions[0].publishedBy, "Person designer");
    const v1 = (await designer.get("/services/hund/versions/1")).json<{
      definition: Draft["definition"];
    }>();
    assert.equal(v1.definition.meta.title, "Hund anmelden (Studio)");
    // the database refuses to change a published version even for its owner
    await assert.rejects(
      withTenant(db(), tenant.id, (tx) =>
        tx.updateTable("service_versions").set({ title: "x" }).where("version", "=", 1).execute(),
      ),
    );
  });

  it("archives a service out of the catalogue and restores it", async () => {
    const inCatalogue = async () =>
      (await catalogue(db(), tenant.id)).some((e) => e.slug === "hund");
    assert.ok(await inCatalogue());
    assert.equal(
      (await designer.call("POST", "/services/hund/archive", { archived: true })).status,
      200,
    );
    assert.ok(!(await inCatalogue()));
    const listed = (await designer.get("/services")).json<{
      services: { slug: string; archived: boolean }[];
    }>();
    assert.equal(listed.services.find((s) => s.slug === "hund")?.archived, true);
    await designer.call("POST", "/services/hund/archive", { archived: false });
    assert.ok(await inCatalogue());
  });

  it("exports a service as one JSON file that imports into another municipality unchanged", async () => {
    const exported = await designer.get("/services/hund/export?version=1");
    assert.equal(exported.status, 200);
    assert.match(
      exported.headers.get("content-disposition") ?? "",
      /attachment; filename="hund-v1.json"/,
    );
    const other = await makeTenant(db(), "stimp");
    const otherDesigner = await studioApi(
      app,
      other.slug,
      (await makeStaff(db(), other.id, ["designer"])).email,
    );
    const imported = await otherDesigner.text("POST", "/import", exported.body);
    assert.equal(imported.status, 201, imported.body);
    const draft = imported.json<Draft>();
    assert.equal(draft.slug, "hund");
    assert.deepEqual(draft.definition, JSON.parse(exported.body));
    // importing the same short name twice is refused
    assert.equal((await otherDesigner.text("POST", "/import", exported.body)).status, 409);
    // under another short name it works
    const renamed = await otherDesigner.text("POST", "/import?slug=hund-zwei", exported.body);
    assert.equal(renamed.status, 201);
    assert.equal(renamed.json<Draft>().definition.id, "hund-zwei");
  });

  it("imports nothing from a broken or hostile file and lists every problem", async () => {
    const before = (await designer.get("/services")).json<{ services: unknown[] }>().services
      .length;
    const notJson = await designer.text("POST", "/import", "{ this is not json");
    assert.equal(notJson.status, 422);
    assert.match(
      notJson.json<{ problems: { message: string }[] }>().problems[0].message,
      /kein gültiges JSON/,
    );

    const dog = structuredClone(
      referenceDefinitions().find((d) => (d as { id: string }).id === "hund-anmelden"),
    ) as Draft["definition"];
    dog.id = "kaputt";
    // schema problems: every one is listed
    const schema = structuredClone(dog);
    schema.meta.leikaKey = "123";
    schema.meta.processingTime.value = 0;
    const broken = await designer.text("POST", "/import", JSON.stringify(schema));
    assert.equal(broken.status, 422);
    const problems = broken.json<{ problems: { path: string; message: string }[] }>().problems;
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      "meta.leikaKey",
      "meta.processingTime.value",
    ]);
    // references between the parts (checked once the schema holds): every one is listed
    const structure = structuredClone(dog);
    structure.process.initialStatus = "gibtEsNicht";
    structure.process.actions[0].to = "auchNicht";
    const st = await designer.text("POST", "/import", JSON.stringify(structure));
    assert.equal(st.status, 422);
    const stPaths = st.json<{ problems: { path: string }[] }>().problems.map((p) => p.path);
    assert.ok(stPaths.includes("process.initialStatus"), stPaths.join(", "));
    assert.ok(stPaths.includes("process.actions[0].to"), stPaths.join(", "));
    // rules (checked once the references hold): every one is listed
    const rules = structuredClone(dog);
    rules.form.pages[0].fields[0].visibleIf = "(((";
    rules.process.actions[0].guard = "gibtEsNichtFeld = 1";
    const r = await designer.text("POST", "/import", JSON.stringify(rules));
    assert.equal(r.status, 422);
    const paths = r.json<{ problems: { path: string }[] }>().problems.map((p) => p.path);
    assert.ok(paths.includes("form.pages[0].fields[0].visibleIf"), paths.join(", "));
    assert.ok(paths.includes("process.actions[0].guard"), paths.join(", "));

    const hostile = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "schemaVersion": 1, "id": "boese"}`;
    const h = await designer.text("POST", "/import", hostile);
    assert.equal(h.status, 422);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    assert.equal((await designer.text("POST", "/import", deep)).status, 422);
    const huge = JSON.stringify({ id: "gross", pad: "x".repeat(3 * 1024 * 1024) });
    assert.ok([413, 422].includes((await designer.text("POST", "/import", huge)).status));

    const after = (await designer.get("/services")).json<{ services: unknown[] }>().services.length;
    assert.equal(after, before);
  });

  it("is there for designers of this municipality only, and refuses posts without the CSRF token", async () => {
    const caseworker = await studioApi(
      app,
      tenant.slug,
      (await makeStaff(db(), tenant.id, ["caseworker"])).email,
    );
    assert.equal((await caseworker.get("/services")).status, 404);
    assert.equal((await caseworker.get("/services/hund/draft")).status, 404);
    const other = await makeTenant(db(), "stoth");
    const foreign = await studioApi(
      app,
      other.slug,
      (await makeStaff(db(), other.id, ["designer"])).email,
    );
    // the other municipality's designer, on this municipality's studio
    const cross = await foreign.client.send(
      "GET",
      `/${tenant.slug}/studio/api/services/hund/draft`,
    );
    assert.equal(cross.status, 404);
    // ...and on their own studio, this municipality's service does not exist
    assert.equal((await foreign.get("/services/hund/draft")).status, 404);
    const noToken = await designer.client.send(
      "POST",
      `/${tenant.slug}/studio/api/services/hund/archive`,
      {
        body: JSON.stringify({ archived: true }),
        headers: { "content-type": "application/json" },
      },
    );
    assert.equal(noToken.status, 403);
    assert.ok(await getPublishedService(db(), tenant.id, "hund"));
    // the page itself: the builder's shell with its assets
    const shell = await designer.client.get(`/${tenant.slug}/studio/`);
    assert.equal(shell.status, 200);
    assert.match(shell.body, /<script type="module" src="\/static\/studio\/assets\/[^"]+\.js">/);
  });
});
