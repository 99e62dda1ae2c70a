import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { browserSkip, expectAccessible, launchBrowser } from "../../../../test/helpers/browser.ts";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { publishService } from "../../services/index.ts";
import { foldForSearch, searchCatalogue } from "../catalogue-search.ts";
import { createOrgUnit } from "../index.ts";
import { makeTenant } from "./fixtures.ts";

const service = (file: string) => JSON.parse(readFileSync(`services/${file}.json`, "utf8"));
const titlesIn = (body: string) =>
  [...body.matchAll(/<h4 class="kern-title"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);

describe("catalogue search (pure)", () => {
  it("folds case, umlauts and ß", () => {
    assert.equal(foldForSearch("Straße GASTSTÄTTE"), foldForSearch("strasse gaststaette"));
    assert.equal(foldForSearch("Gaststätte"), foldForSearch("Gaststatte"));
  });
  it("needs every word, in title, description or keywords", () => {
    const items = [
      { slug: "a", title: "Hund anmelden", description: "Steuer", keywords: ["Vierbeiner"] },
      { slug: "b", title: "Kita-Platz", description: "Betreuung", keywords: [] },
    ];
    assert.deepEqual(
      searchCatalogue(items, "vierbeiner").map((s) => s.slug),
      ["a"],
    );
    assert.deepEqual(
      searchCatalogue(items, "hund betreuung").map((s) => s.slug),
      [],
    );
    assert.equal(searchCatalogue(items, "  ").length, 2);
  });
});

describe("catalogue on the municipality's start page", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  before(async () => {
    app = await startTestApp();
    const db = app.platform.database.db;
    tenant = await makeTenant(db, "kat");
    await createOrgUnit(db, tenant.id, { name: "Ordnungsamt" });
    const dog = service("hund-anmelden");
    await publishService(db, tenant.id, dog);
    await publishService(db, tenant.id, service("gaststaettengestattung"));
    const kita = service("kita-platz-beantragen");
    kita.meta.category = "Familie und Kinder";
    await publishService(db, tenant.id, kita);
  });
  after(() => app?.stop());

  it("lists every service under its category, with a search form that works without JS", async () => {
    const page = await new Client(app.url).get(`/${tenant.slug}/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<form method="get" action="\/[^"]+\/" role="search"/);
    assert.match(page.body, /name="q"/);
    assert.equal(titlesIn(page.body).length, 3);
    assert.match(page.body, /<h3 [^>]*>Familie und Kinder<\/h3>/, "meta.category");
    assert.match(page.body, /href="#kategorie-\d">Familie und Kinder<\/a> \(1\)/);
    assert.match(page.body, /<h3 [^>]*>Steuern Abgaben<\/h3>/, "org unit key in words");
    assert.match(
      page.body,
      /<h3 [^>]*>Ordnungsamt<\/h3>/,
      "the org unit ordnungsamt-gewerbe falls under",
    );
  });

  it("finds services by title, description and keywords, case- and umlaut-insensitively", async () => {
    const client = new Client(app.url);
    const byTitle = await client.get(`/${tenant.slug}/?q=HUND`);
    assert.equal(byTitle.status, 200);
    assert.deepEqual(titlesIn(byTitle.body), [service("hund-anmelden").meta.title]);
    assert.match(byTitle.body, /1 Online-Dienst zu „HUND“/);
    assert.match(byTitle.body, /value="HUND"/, "the query is kept in the field");

    const folded = await client.get(`/${tenant.slug}/?q=${encodeURIComponent("gaststaette")}`);
    assert.deepEqual(titlesIn(folded.body), [service("gaststaettengestattung").meta.title]);

    const keyword = service("kita-platz-beantragen").meta.keywords?.[0];
    if (keyword) {
      const byKeyword = await client.get(`/${tenant.slug}/?q=${encodeURIComponent(keyword)}`);
      assert.ok(titlesIn(byKeyword.body).includes(service("kita-platz-beantragen").meta.title));
    }
  });

  it("says so when nothing matches, and links back to all services", async () => {
    const page = await new Client(app.url).get(
      `/${tenant.slug}/?q=${encodeURIComponent("<Bürgerbus>")}`,
    );
    assert.equal(page.status, 200);
    assert.deepEqual(titlesIn(page.body), []);
    assert.match(page.body, /Zu „&lt;Bürgerbus&gt;“ haben wir keinen Online-Dienst gefunden/);
    assert.match(page.body, new RegExp(`href="/${tenant.slug}/">Alle Online-Dienste anzeigen`));
  });

  describe("in a browser", { skip: browserSkip }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    it("start page, results and empty result pass axe; search with the keyboard", async () => {
      // JavaScript on only for axe: the page itself loads no script, the form is a plain GET.
      const context = await browser.newContext({ javaScriptEnabled: true });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(`${app.url}/${tenant.slug}/`);
      await expectAccessible(page);
      await page.focus("#q");
      await page.keyboard.type("kita");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      assert.match(page.url(), /\?q=kita$/);
      await expectAccessible(page);
      await page.goto(`${app.url}/${tenant.slug}/?q=nichts`);
      await expectAccessible(page);
      await context.close();
    });
  });
});
