/**
 * XSS in a real browser (issue 8, item 6): hostile text in a service definition's labels and
 * texts, and in an application's answers, is opened in Chromium in the studio, the citizen
 * portal and the caseworker's case file. A page hook records any script the payloads manage to
 * run (dialogs, and a global the payloads set); every page must also carry the CSP header, and
 * the payload must be shown literally (escaped), not swallowed.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Running } from "../../src/app.ts";
import {
  PASSWORD as CITIZEN_PASSWORD,
  makeCitizen,
} from "../../src/modules/accounts/__tests__/factories.ts";
import { publishService } from "../../src/modules/services/index.ts";
import { studioSession } from "../../src/modules/studio/__tests__/studio-browser.ts";
import { createService } from "../../src/modules/studio/index.ts";
import { makeStaff, PASSWORD } from "../../src/modules/tenants/__tests__/fixtures.ts";
import { createTenant } from "../../src/modules/tenants/index.ts";
import { startTestApp } from "../helpers/app.ts";
import { CHROMIUM, chromiumAvailable, launchBrowser } from "../helpers/browser.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `"><svg onload="window.__xss=3">`,
  `javascript:window.__xss=4`,
  `{{constructor.constructor('window.__xss=5')()}}`,
];
const HOSTILE = PAYLOADS.join(" ");

let app: Running;
let browser: Browser;
before(async () => {
  app = await startTestApp({ DEMO_MODE: "true" });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A context whose pages report every dialog and the payloads' global. */
async function watched(context: BrowserContext) {
  const executed: string[] = [];
  await context.addInitScript(() => {
    Object.defineProperty(window, "__xss", {
      set(v) {
        (window as unknown as { __xssHits: unknown[] }).__xssHits.push(v);
      },
      get() {
        return undefined;
      },
    });
    (window as unknown as { __xssHits: unknown[] }).__xssHits = [];
  });
  context.on("page", (p) =>
    p.on("dialog", (d) => {
      executed.push(`dialog: ${d.message()}`);
      void d.dismiss();
    }),
  );
  return executed;
}

async function check(page: Page, executed: string[], label: string) {
  const hits = await page.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits);
  assert.deepEqual(hits, [], `${label}: a payload ran`);
  assert.deepEqual(executed, [], `${label}: a dialog opened`);
}

it("hostile labels, texts and answers run no script in the studio, the portal and the case file", {
  skip,
}, async () => {
  const db = app.platform.database.db;
  const slug = `xss-${randomBytes(4).toString("hex")}`;
  const tenant = await createTenant(db, {
    slug,
    settings: { name: "Gemeinde Musterstadt", state: "ST" },
  });
  const caseworker = await makeStaff(db, tenant.id, ["caseworker"]);

  // A service whose labels, hints, options, status titles and notice texts are all hostile.
  const dog = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
  dog.meta.title = `Hund ${HOSTILE}`;
  dog.meta.description = HOSTILE;
  dog.form.pages[0].title = `Halter ${HOSTILE}`;
  dog.form.pages[0].fields[0].label = `Name ${HOSTILE}`;
  dog.form.pages[0].fields[0].hint = HOSTILE;
  dog.process.statuses[0].title = `Eingegangen ${HOSTILE}`;
  dog.process.actions[0].title = `Übernehmen ${HOSTILE}`;
  await publishService(db, tenant.id, dog);

  // The studio: the same service as a draft, every tab opened.
  const { page, studio, context, pageErrors, designer } = await studioSession(app, browser, slug, {
    tenant: { id: tenant.id, slug },
  });
  const executedStudio = await watched(context);
  const designerId = (
    await db
      .selectFrom("users")
      .select("id")
      .where("email", "like", "designer-%")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow()
  ).id;
  await createService(db, tenant.id, designer.id, {
    slug: "boese",
    title: "Böse",
    from: { kind: "copy", slug: "hund-anmelden" },
  });
  const studioPage = await context.newPage();
  await studioPage.goto(`${studio}dienste/boese/allgemein`);
  await studioPage.waitForSelector(".studio-editor h1");
  const csp = (await studioPage.goto(`${studio}dienste/boese/allgemein`))?.headers()[
    "content-security-policy"
  ];
  assert.match(csp ?? "", /script-src 'self'/);
  await studioPage.waitForSelector(".studio-editor h1");
  for (const tab of [
    "allgemein",
    "formular",
    "ablauf",
    "gebuehren",
    "bescheide",
    "pruefung",
    "testlauf",
    "versionen",
  ]) {
    await studioPage.click(`#tab-${tab}`);
    await studioPage.waitForTimeout(200);
  }
  await studioPage.click("#tab-allgemein");
  assert.equal(await studioPage.inputValue("[data-path='meta.description']"), HOSTILE);
  await studioPage.click("#tab-formular");
  assert.match(
    await studioPage.locator("main").innerText(),
    /Name <script>window.__xss=1<\/script>/,
  );
  await check(studioPage, executedStudio, "studio");
  assert.deepEqual(pageErrors, []);
  await page.close();

  // The citizen portal: the service page and the form, with hostile answers.
  const citizen = await makeCitizen(app);
  const cctx = await browser.newContext();
  const executedPortal = await watched(cctx);
  const cp = await cctx.newPage();
  await cp.goto(`${app.url}/konto/anmelden`);
  await cp.getByLabel("E-Mail-Adresse", { exact: true }).fill(citizen.email);
  await cp.getByLabel("Passwort", { exact: true }).fill(CITIZEN_PASSWORD);
  await cp.keyboard.press("Enter");
  await cp.waitForURL(`${app.url}/konto/`);
  const servicePage = await cp.goto(`${app.url}/${slug}/dienste/hund-anmelden`);
  assert.match(servicePage?.headers()["content-security-policy"] ?? "", /script-src 'self'/);
  assert.match(await cp.locator("main").innerText(), /<script>window.__xss=1<\/script>/);
  await cp.getByRole("link", { name: "Antrag starten" }).click();
  await cp.locator('[name="applicantName.givenName"]').fill(PAYLOADS[1]!);
  await cp.locator('[name="applicantName.familyName"]').fill(PAYLOADS[2]!);
  await cp.locator('button.kern-btn--primary[value="weiter"]').click();
  await cp.waitForLoadState();
  await check(cp, executedPortal, "portal");

  // The case file: a case with hostile answers.
  const data = JSON.parse(readFileSync("services/examples/hund-anmelden.happy.json", "utf8")).data;
  delete data.taxTagNumbers;
  delete data.signatory;
  data.applicantName = { givenName: PAYLOADS[1], familyName: PAYLOADS[0] };
  data.dogs[0].dogName = PAYLOADS[2];
  // SQL and Typst injection attempts: stored and shown literally
  data.dogs[0].dogInsurer = "'; drop table cases; --";
  data.dogs[0].dogPolicyNumber = '#import "x" ]*[ $x$';
  const { caseId } = await app.cases.submit({
    tenant: { id: tenant.id },
    serviceSlug: "hund-anmelden",
    data,
    applicantId: citizen.id,
    channel: "online",
    idempotencyKey: null,
  });
  const wctx = await browser.newContext();
  const executedWork = await watched(wctx);
  const wp = await wctx.newPage();
  await wp.goto(`${app.url}/${slug}/amt/anmelden`);
  await wp.fill("#email", caseworker.email);
  await wp.fill("#password", PASSWORD);
  await Promise.all([wp.waitForNavigation(), wp.click("main button[type=submit]")]);
  for (const path of ["/amt/?ansicht=alle", `/amt/vorgaenge/${caseId}`]) {
    const res = await wp.goto(`${app.url}/${slug}${path}`);
    assert.match(res?.headers()["content-security-policy"] ?? "", /script-src 'self'/, path);
    await check(wp, executedWork, `workspace ${path}`);
  }
  const caseFile = await wp.locator("main").innerText();
  assert.match(caseFile, /<svg onload=/);
  assert.ok(caseFile.includes("'; drop table cases; --"), "SQL text not shown literally");
  assert.ok(caseFile.includes('#import "x" ]*[ $x$'), "Typst text not shown literally");
  await Promise.all([cctx.close(), wctx.close(), context.close()]);
});
