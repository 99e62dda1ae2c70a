import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { checkLibraryBlock } from "../../../core/index.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { DomainError } from "../../../platform/errors.ts";
import { getPublishedService, publishService, referenceDefinitions } from "../../services/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { blocksOf, createBlock, libraryOf, removeBlock } from "../index.ts";

const DEFAULT_KEYS = [
  "datenschutzhinweis",
  "gebuehrenbegruendung",
  "hinweisZahlungspflicht",
  "rechtsbehelfsbelehrungKlage",
  "rechtsbehelfsbelehrungWiderspruch",
];

/** The dog registration with the library's data-protection notice appended to its first document. */
function dogUsing(block: string) {
  const dog = structuredClone(
    referenceDefinitions().find((d) => (d as { id: string }).id === "hund-anmelden"),
  ) as { meta: { title: string }; documents: { blocks: object[] }[] };
  dog.documents[0].blocks.push({ textBlock: block });
  return dog;
}

describe("the municipality's text blocks", () => {
  let app: Running;
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
  });
  after(async () => {
    await app?.stop();
  });

  it("a new municipality starts with the default blocks, each using platform placeholders only", async () => {
    const tenant = await makeTenant(db(), "tb");
    const blocks = await blocksOf(db(), tenant.id);
    assert.deepEqual(
      blocks.map((b) => b.key),
      DEFAULT_KEYS,
    );
    for (const b of blocks) {
      assert.deepEqual(checkLibraryBlock(b.text), [], b.key);
      assert.equal(b.version, 1);
    }
    assert.match(blocks[4].text, /\{\{tenant\.name\}\}/);
  });

  it("another municipality sees none of them (row-level security)", async () => {
    const a = await makeTenant(db(), "tba");
    const b = await makeTenant(db(), "tbb");
    const admin = await makeStaff(db(), a.id, ["admin"]);
    await createBlock(db(), a.id, admin.id, { key: "nurInA", text: "Nur {{tenant.name}}." });
    const seenFromB = await withTenant(db(), b.id, (tx) => libraryOf(tx, a.id));
    assert.deepEqual(seenFromB, {});
    const own = await withTenant(db(), b.id, (tx) => libraryOf(tx, b.id));
    assert.deepEqual(Object.keys(own).sort(), DEFAULT_KEYS);
    const inA = await withTenant(db(), a.id, (tx) => libraryOf(tx, a.id));
    assert.deepEqual(inA.nurInA, { text: "Nur {{tenant.name}}." });
  });

  it("refuses to delete a block a published service uses, naming the service", async () => {
    const tenant = await makeTenant(db(), "tbd");
    const dog = dogUsing("datenschutzhinweis");
    await publishService(db(), tenant.id, dog);
    await assert.rejects(removeBlock(db(), tenant.id, "datenschutzhinweis"), (err) => {
      assert.ok(err instanceof DomainError);
      assert.equal(err.key, "textblocks.error.inUse");
      assert.equal(err.params?.services, dog.meta.title);
      return true;
    });
    assert.ok((await blocksOf(db(), tenant.id)).some((b) => b.key === "datenschutzhinweis"));
    // an unused one goes
    await removeBlock(db(), tenant.id, "gebuehrenbegruendung");
    assert.ok(!(await blocksOf(db(), tenant.id)).some((b) => b.key === "gebuehrenbegruendung"));
  });

  it("refuses to publish a service whose block is in neither the service nor the library", async () => {
    const tenant = await makeTenant(db(), "tbp");
    const dog = dogUsing("gibtEsNicht");
    const last = dog.documents[0].blocks.length - 1;
    await assert.rejects(publishService(db(), tenant.id, dog), (err) => {
      assert.ok(err instanceof DomainError);
      assert.equal(err.key, "services.error.notPublishable");
      assert.equal(err.params?.first, `documents[0].blocks[${last}].textBlock`);
      assert.match(String(err.params?.finding), /„gibtEsNicht“/);
      return true;
    });
    assert.equal(await getPublishedService(db(), tenant.id, "hund-anmelden"), undefined);
  });

  it("refuses to publish a service using the default Klage notice while its court is a gap", async () => {
    const tenant = await makeTenant(db(), "tbg");
    const dog = dogUsing("rechtsbehelfsbelehrungKlage");
    await assert.rejects(publishService(db(), tenant.id, dog), (err) => {
      assert.ok(err instanceof DomainError);
      assert.equal(err.key, "services.error.notPublishable");
      assert.match(String(err.params?.finding), /Lücke.*zuständigen Verwaltungsgerichts eintragen/);
      return true;
    });
    assert.equal(await getPublishedService(db(), tenant.id, "hund-anmelden"), undefined);
  });

  describe("admin pages (HTTP, no JavaScript)", () => {
    let tenant: { id: string; slug: string; name: string };
    let client: Client;
    const base = () => `/${tenant.slug}/amt/verwaltung/textbausteine`;
    const block = async (key: string) =>
      (await blocksOf(db(), tenant.id)).find((b) => b.key === key);

    before(async () => {
      tenant = await makeTenant(db(), "tbh");
      const admin = await makeStaff(db(), tenant.id, ["admin"]);
      client = new Client(app.url);
      await signInStaff(client, tenant.slug, admin.email);
      await publishService(db(), tenant.id, dogUsing("datenschutzhinweis"));
    });

    it("lists the blocks and links them from the administration overview", async () => {
      const overview = await client.get(`/${tenant.slug}/amt/verwaltung/`);
      assert.match(overview.body, /href="[^"]*\/amt\/verwaltung\/textbausteine"/);
      const list = await client.get(base());
      assert.equal(list.status, 200);
      for (const key of DEFAULT_KEYS) assert.match(list.body, new RegExp(`>${key}<`));
      // The default Klage notice leaves the court to fill in: marked in the list.
      assert.equal(list.body.match(/Lücke ausfüllen/g)?.length, 1);
    });

    it("is not there for a caseworker", async () => {
      const caseworker = await makeStaff(db(), tenant.id, ["caseworker"]);
      const other = new Client(app.url);
      await signInStaff(other, tenant.slug, caseworker.email);
      assert.equal((await other.get(base())).status, 404);
      const form = await other.get(`/${tenant.slug}/amt/`);
      const post = await other.post(base(), { key: "x", text: "y" }, form);
      assert.equal(post.status, 404);
      assert.equal(await block("x"), undefined);
    });

    it("creates a block, and refuses a taken key or service data at the field", async () => {
      const form = await client.get(base());
      const created = await client.post(
        base(),
        { key: "hinweisOeffnungszeiten", title: "Öffnungszeiten", text: "{{tenant.openingHours}}" },
        form,
      );
      assert.equal(created.status, 303);
      assert.equal((await block("hinweisOeffnungszeiten"))?.title, "Öffnungszeiten");

      const taken = await client.post(
        base(),
        { key: "hinweisOeffnungszeiten", text: "Anders" },
        form,
      );
      assert.equal(taken.status, 409);
      assert.match(taken.body, /Einen Textbaustein mit diesem Schlüssel gibt es schon/);

      const data = await client.post(
        base(),
        { key: "hundHinweis", text: "Ihr Hund {{dogName}}" },
        form,
      );
      assert.equal(data.status, 422);
      assert.match(data.body, /id="text-error"/);
      assert.match(data.body, /nicht „dogName“/);
      assert.equal(await block("hundHinweis"), undefined);

      const badKey = await client.post(base(), { key: "1 falsch", text: "Text" }, form);
      assert.equal(badKey.status, 422);
      assert.match(badKey.body, /id="key-error"/);
    });

    it("saves a change as the next version; a bad placeholder or a stale form changes nothing", async () => {
      const path = `${base()}/rechtsbehelfsbelehrungKlage`;
      const before = (await block("rechtsbehelfsbelehrungKlage"))!;
      const form = await client.get(path);
      assert.equal(form.status, 200);

      const bad = await client.post(
        path,
        { version: String(before.version), title: "X", text: "Klage bis {{tenant.court}}" },
        form,
      );
      assert.equal(bad.status, 422);
      assert.match(bad.body, /tenant\.court/);
      assert.deepEqual(await block("rechtsbehelfsbelehrungKlage"), before);

      const text = before.text.replace(
        "[Name und Anschrift des zuständigen Verwaltungsgerichts eintragen]",
        "Magdeburg, Breiter Weg 203–206, 39104 Magdeburg,",
      );
      const saved = await client.post(
        path,
        { version: String(before.version), title: before.title ?? "", text },
        form,
      );
      assert.equal(saved.status, 303);
      assert.match(form.body, /Dieser Baustein hat noch eine Lücke/);
      assert.doesNotMatch((await client.get(path)).body, /Dieser Baustein hat noch eine Lücke/);
      assert.doesNotMatch((await client.get(base())).body, /Lücke ausfüllen/);
      const after = (await block("rechtsbehelfsbelehrungKlage"))!;
      assert.equal(after.version, before.version + 1);
      assert.equal(after.text, text);

      const stale = await client.post(
        path,
        { version: String(before.version), title: "", text: "Veraltet" },
        form,
      );
      assert.equal(stale.status, 409);
      assert.match(stale.body, /inzwischen geändert/);
      assert.deepEqual(await block("rechtsbehelfsbelehrungKlage"), after);
    });

    it("refuses a change that would break a published service's notice", async () => {
      const path = `${base()}/datenschutzhinweis`;
      const before = (await block("datenschutzhinweis"))!;
      const form = await client.get(path);
      const res = await client.post(
        path,
        { version: String(before.version), text: "Frist bis {{dates.remedyEnd}}." },
        form,
      );
      assert.equal(res.status, 422);
      assert.match(res.body, /Hund anmelden/);
      assert.deepEqual(await block("datenschutzhinweis"), before);
    });

    it("deletes an unused block, and refuses a used one with the service's name", async () => {
      const form = await client.get(`${base()}/datenschutzhinweis`);
      const used = await client.post(`${base()}/datenschutzhinweis/loeschen`, {}, form);
      assert.equal(used.status, 409);
      assert.match(used.body, /verwendet.*Hund anmelden/s);
      assert.ok(await block("datenschutzhinweis"));

      const gone = await client.post(`${base()}/gebuehrenbegruendung/loeschen`, {}, form);
      assert.equal(gone.status, 303);
      assert.equal(await block("gebuehrenbegruendung"), undefined);
      assert.equal((await client.get(`${base()}/gebuehrenbegruendung`)).status, 404);
    });
  });
});
