import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { germanDate, isValidKassenzeichen, KassenzeichenScheme } from "../../../core/index.ts";
import { createOrgUnit, getTenant, membersOf, orgUnitsOf } from "../index.ts";
import { makeStaff, makeTenant, PASSWORD, postMultipart, signInStaff } from "./fixtures.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const goodSettings = {
  name: "Gemeinde Neuheim",
  state: "SN",
  street: "Am Rathaus 2",
  postcode: "01067",
  city: "Neuheim",
  email: "info@neuheim.example",
  phone: "0351 1234",
  website: "https://neuheim.example",
  openingHours: "Mo–Fr 8–12 Uhr",
  primaryColour: "#123456",
  iban: "DE02 1203 0000 0000 2020 51",
  bic: "BYLADEM1001",
  bankName: "DKB",
  impressum: "Gemeinde Neuheim\n\nAm Rathaus 2",
  privacy: "Datenschutz",
  accessibility: "Barrierefreiheit",
};

describe("tenant administration", () => {
  let app: Running;
  let smtp: TestSmtp;
  let tenant: { id: string; slug: string; name: string };
  let admin: { id: string; email: string };
  let client: Client;
  const db = () => app.platform.database.db;
  const base = () => `/${tenant.slug}/amt/verwaltung`;

  before(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    app = await startTestApp({ DEMO_MODE: "true", SMTP_URL: smtpUrl });
    tenant = await makeTenant(db(), "verw");
    admin = await makeStaff(db(), tenant.id, ["admin"]);
    client = new Client(app.url);
    await signInStaff(client, tenant.slug, admin.email);
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it("shows the administration overview to an admin, and 404 to a caseworker", async () => {
    const page = await client.get(`${base()}/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Einstellungen/);
    assert.match(page.body, /Organisationseinheiten/);
    assert.match(page.body, /Mitarbeitende/);
    const caseworker = await makeStaff(db(), tenant.id, ["caseworker"]);
    const other = new Client(app.url);
    await signInStaff(other, tenant.slug, caseworker.email);
    for (const path of ["/", "/einstellungen", "/organisationseinheiten", "/mitarbeitende"]) {
      assert.equal((await other.get(`${base()}${path}`)).status, 404, path);
    }
    const form = await other.get(`/${tenant.slug}/amt/`);
    const post = await other.post(`${base()}/einstellungen`, goodSettings, form);
    assert.equal(post.status, 404);
    assert.equal((await getTenant(db(), tenant.slug))!.name, tenant.name);
  });

  it("refuses a bad IBAN with 422, names the field, and changes nothing", async () => {
    const before = await getTenant(db(), tenant.slug);
    const form = await client.get(`${base()}/einstellungen`);
    assert.equal(form.status, 200);
    const res = await client.post(
      `${base()}/einstellungen`,
      { ...goodSettings, iban: "DE02120300000000202052" },
      form,
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /href="#iban"/);
    assert.match(res.body, /id="iban-error"/);
    assert.match(res.body, /gültige IBAN/);
    // The other values the person typed are kept in the form.
    assert.match(res.body, /value="Gemeinde Neuheim"/);
    const after = await getTenant(db(), tenant.slug);
    assert.deepEqual(after, before);
  });

  it("refuses a bad BIC, postcode and colour, each on its field", async () => {
    const form = await client.get(`${base()}/einstellungen`);
    const res = await client.post(
      `${base()}/einstellungen`,
      { ...goodSettings, bic: "XX", postcode: "123", primaryColour: "blau", state: "XY" },
      form,
    );
    assert.equal(res.status, 422);
    for (const f of ["bic", "postcode", "primaryColour", "state"]) {
      assert.match(res.body, new RegExp(`id="${f}-error"`), f);
    }
    const light = await client.post(
      `${base()}/einstellungen`,
      { ...goodSettings, primaryColour: "#ffff00" },
      form,
    );
    assert.equal(light.status, 422);
    assert.match(light.body, /zu hell/);
    assert.equal((await getTenant(db(), tenant.slug))!.name, tenant.name);
  });

  it("saves valid settings, which the start page and legal pages then show", async () => {
    const form = await client.get(`${base()}/einstellungen`);
    const res = await client.post(`${base()}/einstellungen`, goodSettings, form);
    assert.equal(res.status, 303);
    const saved = await getTenant(db(), tenant.slug);
    assert.equal(saved!.name, "Gemeinde Neuheim");
    assert.equal(saved!.settings.bank?.iban, "DE02120300000000202051");
    assert.equal(saved!.settings.state, "SN");
    const confirmed = await client.follow(res);
    assert.match(confirmed.body, /Die Einstellungen wurden gespeichert/);
    const home = await client.get(`/${tenant.slug}/`);
    assert.match(home.body, /Am Rathaus 2/);
    const theme = await client.get(`/${tenant.slug}/theme.css`);
    assert.match(theme.body, /#123456/);
    const impressum = await client.get(`/${tenant.slug}/impressum`);
    assert.match(impressum.body, /<p class="kern-body">Am Rathaus 2<\/p>/);
  });

  it("sets the Kassenzeichen scheme, shows its first number, and refuses a bad one on its field", async () => {
    const form = await client.get(`${base()}/einstellungen`);
    assert.match(form.body, /id="kzPrefix"/);
    const scheme = {
      kzPrefix: "kz",
      kzYearDigits: "4",
      kzSequenceDigits: "8",
      kzCheckDigit: "mod97",
      postalDays: "3",
    };
    const res = await client.post(`${base()}/einstellungen`, { ...goodSettings, ...scheme }, form);
    assert.equal(res.status, 303);
    const saved = await getTenant(db(), tenant.slug);
    assert.deepEqual(saved!.settings.kassenzeichen, {
      prefix: "KZ",
      yearDigits: 4,
      sequenceDigits: 8,
      checkDigit: "mod97",
    });
    assert.equal(saved!.settings.postalDays, 3);
    const year = germanDate(new Date()).slice(0, 4);
    const shown = await client.get(`${base()}/einstellungen`);
    const example = new RegExp(`KZ${year}00000001(\\d\\d)<`).exec(shown.body);
    assert.ok(example, "the example number is shown");
    const parsed = KassenzeichenScheme.parse({
      prefix: "KZ",
      yearDigits: 4,
      sequenceDigits: 8,
      checkDigit: "mod97",
    });
    assert.ok(isValidKassenzeichen(parsed, `KZ${year}00000001${example[1]}`));
    // Saving the other settings keeps the scheme (the form carries it).
    const again = await client.post(
      `${base()}/einstellungen`,
      { ...goodSettings, ...scheme, city: "Neuheim (Sachsen)" },
      shown,
    );
    assert.equal(again.status, 303);
    assert.equal((await getTenant(db(), tenant.slug))!.settings.kassenzeichen?.prefix, "KZ");

    const before = await getTenant(db(), tenant.slug);
    const bad = await client.post(
      `${base()}/einstellungen`,
      {
        ...goodSettings,
        kzPrefix: "KZ-1",
        kzSequenceDigits: "12",
        kzCheckDigit: "crc",
        postalDays: "5",
      },
      shown,
    );
    assert.equal(bad.status, 422);
    for (const f of ["kzPrefix", "kzSequenceDigits", "kzCheckDigit", "postalDays"]) {
      assert.match(bad.body, new RegExp(`id="${f}-error"`), f);
      assert.match(bad.body, new RegExp(`href="#${f}"`), f);
    }
    assert.deepEqual(await getTenant(db(), tenant.slug), before);
  });

  it("refuses a disguised or oversized logo and keeps a real PNG", async () => {
    const form = await client.get(`${base()}/einstellungen`);
    const csrf = form.csrf()!;
    const html = new Blob(["<html><script>alert(1)</script></html>"], { type: "image/png" });
    const disguised = await postMultipart(client, `${base()}/logo`, csrf, { logo: html });
    assert.equal(disguised.status, 422);
    assert.match(disguised.body, /kein PNG- oder JPEG-Bild/);
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'], {
      type: "image/svg+xml",
    });
    assert.equal(
      (await postMultipart(client, `${base()}/logo`, csrf, { logo: svg }, "a.svg")).status,
      422,
    );
    const big = new Blob([PNG, Buffer.alloc(500 * 1024)], { type: "image/png" });
    const oversized = await postMultipart(client, `${base()}/logo`, csrf, { logo: big });
    assert.equal(oversized.status, 413);
    assert.match(oversized.body, /größer als 500 KB/);
    const empty = await postMultipart(client, `${base()}/logo`, csrf, { logo: "" });
    assert.equal(empty.status, 422);
    assert.equal((await client.get(`/${tenant.slug}/logo`)).status, 404);

    const good = await postMultipart(client, `${base()}/logo`, csrf, {
      logo: new Blob([PNG], { type: "application/octet-stream" }),
    });
    assert.equal(good.status, 303);
    const logo = await fetch(`${app.url}/${tenant.slug}/logo`);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get("content-type"), "image/png");
    assert.deepEqual(Buffer.from(await logo.arrayBuffer()), PNG);
  });

  it("creates, renames and deletes org units; refuses duplicates and deleting one in use", async () => {
    const page = await client.get(`${base()}/organisationseinheiten`);
    assert.equal(page.status, 200);
    const created = await client.post(
      `${base()}/organisationseinheiten`,
      { name: "Standesamt", email: "standesamt@neuheim.example" },
      page,
    );
    assert.equal(created.status, 303);
    const dup = await client.post(`${base()}/organisationseinheiten`, { name: "Standesamt" }, page);
    assert.equal(dup.status, 409);
    assert.match(dup.body, /gibt es bereits/);
    const empty = await client.post(`${base()}/organisationseinheiten`, { name: "" }, page);
    assert.equal(empty.status, 422);
    let units = await orgUnitsOf(db(), tenant.id);
    assert.deepEqual(
      units.map((u) => u.name),
      ["Standesamt"],
    );
    const unit = units[0];

    const edit = await client.get(`${base()}/organisationseinheiten/${unit.id}`);
    assert.equal(edit.status, 200);
    const renamed = await client.post(
      `${base()}/organisationseinheiten/${unit.id}`,
      { name: "Standesamt und Friedhof" },
      edit,
    );
    assert.equal(renamed.status, 303);
    units = await orgUnitsOf(db(), tenant.id);
    assert.equal(units[0].name, "Standesamt und Friedhof");

    const member = await makeStaff(db(), tenant.id, ["caseworker"], [unit.id]);
    const inUse = await client.post(
      `${base()}/organisationseinheiten/${unit.id}/loeschen`,
      {},
      edit,
    );
    assert.equal(inUse.status, 409);
    assert.match(inUse.body, /noch Mitarbeitenden zugeordnet/);
    assert.equal((await orgUnitsOf(db(), tenant.id)).length, 1);

    const memberPage = await client.get(`${base()}/mitarbeitende/${member.id}`);
    const moved = await client.post(
      `${base()}/mitarbeitende/${member.id}`,
      { roles: "caseworker" },
      memberPage,
    );
    assert.equal(moved.status, 303);
    const deleted = await client.post(
      `${base()}/organisationseinheiten/${unit.id}/loeschen`,
      {},
      edit,
    );
    assert.equal(deleted.status, 303);
    assert.equal((await orgUnitsOf(db(), tenant.id)).length, 0);
    assert.equal((await client.get(`${base()}/organisationseinheiten/${unit.id}`)).status, 404);
    assert.equal((await client.get(`${base()}/organisationseinheiten/kein-uuid`)).status, 404);
  });

  it("invites a person by mail, who sets a password and signs in with the roles given", async () => {
    const unit = await createOrgUnit(db(), tenant.id, { name: "Bürgerbüro" });
    const email = `neu-${Date.now()}@neuheim.example`;
    const page = await client.get(`${base()}/mitarbeitende`);
    const body = new URLSearchParams({ _csrf: page.csrf()!, email, name: "Nora Neu" });
    body.append("roles", "caseworker");
    body.append("roles", "approver");
    body.append("orgUnitIds", unit.id);
    const invited = await client.request("POST", `${base()}/mitarbeitende`, body);
    assert.equal(invited.status, 303, invited.body.slice(0, 500));
    const listed = await client.follow(invited);
    assert.match(listed.body, /Die Einladung wurde verschickt/);
    assert.match(listed.body, /Nora Neu/);
    assert.match(listed.body, /Eingeladen/);

    const mail = await smtp.waitFor(email);
    const link = /(http:\/\/\S+\/amt\/passwort-neu\?token=[\w-]+)/.exec(mail.text)?.[1];
    assert.ok(link, `no invitation link in: ${mail.text}`);
    assert.ok(link.includes(`/${tenant.slug}/amt/`));

    const person = new Client(app.url);
    const resetPage = await person.get(link.slice(app.url.length));
    assert.equal(resetPage.status, 200);
    const token = new URL(link).searchParams.get("token")!;
    const set = await person.post(
      `/${tenant.slug}/amt/passwort-neu`,
      { token, password: PASSWORD, passwordRepeat: PASSWORD },
      resetPage,
    );
    assert.ok(set.status < 400, `setting the password failed: ${set.status}`);
    await signInStaff(person, tenant.slug, email);
    assert.equal((await person.get(`/${tenant.slug}/amt/`)).status, 200);
    assert.equal((await person.get(`${base()}/`)).status, 404, "no admin role, no administration");

    const members = await membersOf(db(), tenant.id);
    const nora = members.find((m) => m.email === email)!;
    assert.deepEqual([...nora.roles].sort(), ["approver", "caseworker"]);
    assert.deepEqual(nora.org_unit_ids, [unit.id]);
    assert.equal(nora.active, true);

    const again = await client.post(
      `${base()}/mitarbeitende`,
      { email, name: "Nora Neu", roles: "caseworker" },
      page,
    );
    assert.equal(again.status, 409);
    assert.match(again.body, /gehört bereits/);
  });

  it("adds an existing staff account of another municipality without a new account", async () => {
    const elsewhere = await makeTenant(db(), "anders");
    const person = await makeStaff(db(), elsewhere.id, ["caseworker"]);
    const page = await client.get(`${base()}/mitarbeitende`);
    const res = await client.post(
      `${base()}/mitarbeitende`,
      { email: person.email.toUpperCase(), name: "egal", roles: "auditor" },
      page,
    );
    assert.equal(res.status, 303);
    const m = (await membersOf(db(), tenant.id)).find((x) => x.user_id === person.id);
    assert.deepEqual(m?.roles, ["auditor"]);
    assert.equal(smtp.mails.filter((x) => x.to.includes(person.email)).length, 0);
  });

  it("refuses an invitation without roles or with another municipality's org unit", async () => {
    const foreign = await makeTenant(db(), "fremd");
    const foreignUnit = await createOrgUnit(db(), foreign.id, { name: "Fremdamt" });
    const page = await client.get(`${base()}/mitarbeitende`);
    const email = `ohne-${Date.now()}@neuheim.example`;
    const noRoles = await client.post(
      `${base()}/mitarbeitende`,
      { email, name: "Ohne Rolle" },
      page,
    );
    assert.equal(noRoles.status, 422);
    assert.match(noRoles.body, /mindestens eine Rolle/);
    const foreignUnitRes = await client.post(
      `${base()}/mitarbeitende`,
      { email, name: "Fremd", roles: "caseworker", orgUnitIds: foreignUnit.id },
      page,
    );
    assert.equal(foreignUnitRes.status, 422);
    assert.ok(!(await membersOf(db(), tenant.id)).some((m) => m.email === email));
  });

  it("keeps at least one admin", async () => {
    const page = await client.get(`${base()}/mitarbeitende/${admin.id}`);
    assert.equal(page.status, 200);
    const demote = await client.post(
      `${base()}/mitarbeitende/${admin.id}`,
      { roles: "caseworker" },
      page,
    );
    assert.equal(demote.status, 409);
    assert.match(demote.body, /mindestens eine Person mit der Rolle Verwaltung/);
    const remove = await client.post(`${base()}/mitarbeitende/${admin.id}/entfernen`, {}, page);
    assert.equal(remove.status, 409);
    const me = (await membersOf(db(), tenant.id)).find((m) => m.user_id === admin.id);
    assert.deepEqual(me?.roles, ["admin"]);

    const second = await makeStaff(db(), tenant.id, ["admin"]);
    const removed = await client.post(`${base()}/mitarbeitende/${second.id}/entfernen`, {}, page);
    assert.equal(removed.status, 303);
    assert.ok(!(await membersOf(db(), tenant.id)).some((m) => m.user_id === second.id));
  });
});
