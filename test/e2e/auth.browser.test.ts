import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  linkIn,
  makeStaff,
  makeTenant,
  nextTotp,
  PASSWORD,
  unique,
} from "../../src/modules/accounts/__tests__/factories.ts";
import { browserSkip, expectAccessible, useAppAndBrowser } from "../helpers/browser.ts";
import { TestSmtp } from "../helpers/smtp.ts";

describe("sign-in in a real browser, every page checked with axe", { skip: browserSkip }, () => {
  let smtp: TestSmtp;
  const suite = useAppAndBrowser(async () => {
    smtp = new TestSmtp();
    return { SMTP_URL: await smtp.start() };
  });
  // Registered after the suite's hooks, so it runs once the app has stopped.
  after(() => smtp?.stop());

  /** Asserts the current page has no axe violations (and remembers it was checked). */
  async function accessible(page: Page, expectPath?: string | RegExp) {
    const path = new URL(page.url()).pathname;
    if (typeof expectPath === "string") assert.equal(path, expectPath);
    else if (expectPath) assert.match(path, expectPath);
    await expectAccessible(page);
  }

  /** Types into the field with `label` like a person: focus it, then type. */
  async function typeInto(page: Page, label: string, text: string) {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
  }

  it("a citizen registers, confirms, turns on TOTP and signs in again with a code", async () => {
    const { app, browser } = suite;
    const page = await browser.newPage();
    const email = `browser-${unique()}@example.org`;
    await page.goto(`${app.url}/konto/registrieren`);
    await accessible(page, "/konto/registrieren");

    // A mistake first: the error summary and field errors must be accessible too.
    await typeInto(page, "Vor- und Nachname", "Erika Browser");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type("zu kurz");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#fehler");
    await accessible(page, "/konto/registrieren");
    assert.equal(await page.inputValue("#name"), "Erika Browser");

    await typeInto(page, "Neues Passwort", PASSWORD);
    await typeInto(page, "Neues Passwort wiederholen", PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/konto\/bestaetigen$/);
    await accessible(page);

    const mail = await smtp.waitFor(email);
    const link = linkIn(mail.text, app.url);
    assert.ok(link, mail.text);
    await page.goto(`${app.url}${link}`);
    await page.waitForURL(/\/konto\/anmelden$/);
    assert.match((await page.textContent("main")) ?? "", /E-Mail-Adresse ist bestätigt/);
    await accessible(page);

    await typeInto(page, "E-Mail-Adresse", email);
    await typeInto(page, "Passwort", "falsches Passwort!");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#fehler");
    await accessible(page, "/konto/anmelden");
    await typeInto(page, "Passwort", PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/konto\/$/);
    await accessible(page);

    await page.getByRole("link", { name: "Sicherheit" }).click();
    await page.waitForURL(/\/konto\/sicherheit$/);
    await accessible(page);
    await page.getByRole("button", { name: "Zwei-Faktor-Authentisierung einschalten" }).click();
    await page.waitForSelector("img.totp-qr");
    await accessible(page, "/konto/sicherheit");
    const secret = (await page.getAttribute("code.totp-secret", "data-secret"))!;
    await typeInto(page, "Sicherheitscode", await nextTotp(secret, 0));
    await page.keyboard.press("Enter");
    await page.waitForSelector(".recovery-codes");
    assert.equal(await page.locator(".recovery-codes li").count(), 10);
    await accessible(page);
    await page.getByRole("link", { name: /Codes gesichert/ }).click();
    await page.waitForURL(/\/konto\/sicherheit$/);
    await accessible(page);

    await page.getByRole("button", { name: "Abmelden" }).first().click();
    await page.waitForURL(`${app.url}/`);
    await accessible(page);

    await page.goto(`${app.url}/konto/anmelden`);
    await typeInto(page, "E-Mail-Adresse", email);
    await typeInto(page, "Passwort", PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/konto\/zwei-faktor$/);
    await accessible(page);
    await typeInto(page, "Sicherheitscode", await nextTotp(secret));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/konto\/$/);
    await accessible(page);
    assert.match((await page.textContent("main")) ?? "", /Erika Browser/);
    await page.close();
  });

  it("a caseworker signs in, sets up the mandatory TOTP, and signs in with a code", async () => {
    const { app, browser } = suite;
    const tenant = await makeTenant(app);
    const staff = await makeStaff(app, tenant.id);
    const area = `/${tenant.slug}/amt`;
    const page = await browser.newPage();

    await page.goto(`${app.url}${area}/`);
    await page.waitForURL(new RegExp(`${area}/anmelden\\?zurueck=`));
    await accessible(page);
    await typeInto(page, "E-Mail-Adresse", staff.email);
    await typeInto(page, "Passwort", PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`${area}/zwei-faktor-einrichten`));
    await accessible(page);
    const secret = (await page.getAttribute("code.totp-secret", "data-secret"))!;
    await typeInto(page, "Sicherheitscode", "000000");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#fehler");
    await accessible(page);
    await typeInto(page, "Sicherheitscode", await nextTotp(secret, 0));
    await page.keyboard.press("Enter");
    await page.waitForSelector(".recovery-codes");
    await accessible(page);
    await page.getByRole("link", { name: /Codes gesichert/ }).click();
    await page.waitForURL(`${app.url}${area}/`);
    assert.match((await page.textContent("h1")) ?? "", /Posteingang/);
    await accessible(page);
    await page.getByRole("link", { name: "Sicherheit" }).click();
    await accessible(page, `${area}/sicherheit`);

    await page.getByRole("button", { name: "Abmelden" }).first().click();
    await page.waitForURL(new RegExp(`${area}/anmelden$`));
    await accessible(page);
    await typeInto(page, "E-Mail-Adresse", staff.email);
    await typeInto(page, "Passwort", PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`${area}/zwei-faktor$`));
    await accessible(page);
    await typeInto(page, "Sicherheitscode", await nextTotp(secret));
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}${area}/`);
    await accessible(page);
    await page.close();
  });
});
