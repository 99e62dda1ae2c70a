import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { pngQrCodes } from "../../../../test/helpers/pdf.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { createStaffUser } from "../index.ts";
import {
  linkIn,
  makeCitizen,
  makeStaff,
  makeTenant,
  nextTotp,
  PASSWORD,
  recoveryCodesOf,
  secretOf,
  unique,
} from "./factories.ts";

describe("accounts", () => {
  let app: Running;
  let smtp: TestSmtp;
  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ SMTP_URL: await smtp.start() });
  });
  after(async () => {
    await app.stop();
    await smtp.stop();
  });

  async function login(client: Client, email: string, password = PASSWORD, at = "/konto") {
    const form = await client.get(`${at}/anmelden`);
    return client.post(`${at}/anmelden`, { email, password }, form);
  }

  it("registers a citizen, confirms the address from the mailed link, and signs in", async () => {
    const client = new Client(app.url);
    const email = `neu-${unique()}@example.org`;
    const form = await client.get("/konto/registrieren");
    assert.equal(form.status, 200);
    const bad = await client.post(
      "/konto/registrieren",
      { name: "Erika", email, password: "kurz", passwordRepeat: "kurz" },
      form,
    );
    assert.equal(bad.status, 422);
    assert.match(bad.body, /mindestens 12 Zeichen/);
    assert.match(bad.body, /value="Erika"/);
    const sameAsEmail = await client.post(
      "/konto/registrieren",
      { name: "Erika", email, password: email, passwordRepeat: email },
      form,
    );
    assert.equal(sameAsEmail.status, 422);
    assert.match(sameAsEmail.body, /nicht Ihre E-Mail-Adresse sein/);

    const done = await client.post(
      "/konto/registrieren",
      { name: "Erika Neu", email, password: PASSWORD, passwordRepeat: PASSWORD },
      form,
    );
    assert.equal(done.status, 303);
    assert.equal(done.location, "/konto/bestaetigen");

    const early = await login(client, email);
    assert.equal(early.status, 422);
    assert.match(early.body, /bestätigen Sie zuerst/);

    const mail = await smtp.waitFor(email);
    assert.match(mail.subject, /bestätigen/);
    const link = linkIn(mail.text, app.url);
    assert.ok(link?.startsWith("/konto/bestaetigen?token="), mail.text);
    if (!link) return;
    const confirmed = await client.get(link);
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.location, "/konto/anmelden");
    const again = await client.get(link);
    assert.match(again.body, /ungültig oder abgelaufen/);

    const ok = await login(client, email);
    assert.equal(ok.status, 303);
    assert.equal(ok.location, "/konto/");
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith("dw_session="));
    assert.match(cookie ?? "", /HttpOnly/i);
    assert.match(cookie ?? "", /SameSite=Lax/i);
    const home = await client.get("/konto/");
    assert.equal(home.status, 200);
    assert.match(home.body, /Erika Neu/);
    assert.match(home.body, new RegExp(email));
  });

  it("answers a wrong password and an unknown address with the same generic error", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    const wrong = await login(client, email, "falsches Passwort 123");
    const unknown = await login(client, `niemand-${unique()}@example.org`);
    assert.equal(wrong.status, 422);
    assert.equal(unknown.status, 422);
    const message = (b: string) => /E-Mail-Adresse oder Passwort sind nicht richtig/.test(b);
    assert.ok(message(wrong.body) && message(unknown.body));
    assert.equal(client.cookie("dw_session"), undefined);
    const empty = await client.post("/konto/anmelden", {}, await client.get("/konto/anmelden"));
    assert.equal(empty.status, 422);
  });

  it("blocks an account after five failures, and a password reset lifts the block", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    for (let i = 0; i < 5; i++) {
      assert.equal((await login(client, email, `falsch falsch ${i}`)).status, 422);
    }
    const blocked = await login(client, email);
    assert.equal(blocked.status, 429);
    assert.match(blocked.body, /Zu viele Versuche/);

    const forgot = await client.get("/konto/passwort-vergessen");
    const sent = await client.post("/konto/passwort-vergessen", { email }, forgot);
    assert.match(sent.body, /E-Mail ist unterwegs/);
    const mail = await smtp.waitFor(email);
    const link = linkIn(mail.text, app.url)!;
    assert.ok(link.startsWith("/konto/passwort-neu?token="), mail.text);
    const resetForm = await client.get(link);
    assert.equal(resetForm.status, 200);
    const token = new URL(link, app.url).searchParams.get("token")!;
    const mismatch = await client.post(
      "/konto/passwort-neu",
      { token, password: "ein neues langes Passwort", passwordRepeat: "anders" },
      resetForm,
    );
    assert.equal(mismatch.status, 422);
    const reset = await client.post(
      "/konto/passwort-neu",
      { token, password: "ein neues langes Passwort", passwordRepeat: "ein neues langes Passwort" },
      resetForm,
    );
    assert.equal(reset.status, 303);
    assert.equal((await login(client, email, "ein neues langes Passwort")).status, 303);
    const reused = await client.get(link);
    assert.match(reused.body, /ungültig oder abgelaufen/);
  });

  it("turns TOTP on, then asks for a code at sign-in; a recovery code works once", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const security = await client.get("/konto/sicherheit");
    assert.equal(security.status, 200);
    await client.post("/konto/sicherheit/zwei-faktor-starten", {}, security);
    const setup = await client.get("/konto/sicherheit");
    const secret = secretOf(setup.body);
    assert.ok(secret, "the page shows the key to type in");
    const qr = /src="data:image\/png;base64,([^"]+)"/.exec(setup.body)?.[1];
    assert.ok(qr, "the page shows the QR code");
    const [uri] = pngQrCodes(Buffer.from(qr, "base64"));
    assert.match(uri, /^otpauth:\/\/totp\//);
    assert.equal(new URL(uri).searchParams.get("secret"), secret, "the code holds the key");
    const wrong = await client.post(
      "/konto/sicherheit/zwei-faktor-bestaetigen",
      { totpCode: "000000" },
      setup,
    );
    assert.equal(wrong.status, 422);
    const on = await client.post(
      "/konto/sicherheit/zwei-faktor-bestaetigen",
      { totpCode: await nextTotp(secret, 0) },
      setup,
    );
    assert.equal(on.status, 200);
    const codes = recoveryCodesOf(on.body);
    assert.equal(codes.length, 10);
    await client.post("/konto/abmelden", {}, on);

    const step1 = await login(client, email);
    assert.equal(step1.status, 303);
    assert.equal(step1.location, "/konto/zwei-faktor");
    const halfWayCookie = client.cookie("dw_session");
    assert.equal((await client.get("/konto/")).location, "/konto/zwei-faktor");
    const mfa = await client.get("/konto/zwei-faktor");
    assert.match(mfa.body, /autocomplete="one-time-code"/);
    const bad = await client.post("/konto/zwei-faktor", { code: "123456" }, mfa);
    assert.equal(bad.status, 422);
    const good = await client.post("/konto/zwei-faktor", { code: await nextTotp(secret) }, mfa);
    assert.equal(good.status, 303);
    assert.equal(good.location, "/konto/");
    assert.notEqual(client.cookie("dw_session"), halfWayCookie, "token rotated");
    assert.equal((await client.get("/konto/")).status, 200);
    await client.post("/konto/abmelden", {}, await client.get("/konto/sicherheit"));

    await login(client, email);
    let page = await client.get("/konto/zwei-faktor");
    const recovered = await client.post("/konto/zwei-faktor", { code: codes[0] }, page);
    assert.equal(recovered.status, 303);
    await client.post("/konto/abmelden", {}, await client.get("/konto/sicherheit"));
    await login(client, email);
    page = await client.get("/konto/zwei-faktor");
    const replay = await client.post("/konto/zwei-faktor", { code: codes[0] }, page);
    assert.equal(replay.status, 422);
  });

  it("lists sessions and revoking one makes its cookie useless", async () => {
    const { email } = await makeCitizen(app);
    const laptop = new Client(app.url);
    const phone = new Client(app.url);
    await login(laptop, email);
    await login(phone, email);
    assert.equal((await phone.get("/konto/")).status, 200);
    const security = await laptop.get("/konto/sicherheit");
    assert.match(security.body, /Dieses Gerät/);
    const ids = [...security.body.matchAll(/name="session" value="([0-9a-f]{20})"/g)];
    assert.equal(ids.length, 1, "one other session with a revoke button");
    const revoked = await laptop.post(
      "/konto/sicherheit/sitzung-beenden",
      { session: ids[0][1] },
      security,
    );
    assert.equal(revoked.status, 303);
    const after = await phone.get("/konto/");
    assert.equal(after.status, 303);
    assert.match(after.location ?? "", /^\/konto\/anmelden/);
    assert.equal((await laptop.get("/konto/")).status, 200);
  });

  it("signs out: the old cookie no longer opens the account", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const cookie = client.cookie("dw_session")!;
    const home = await client.get("/konto/");
    const out = await client.post("/konto/abmelden", {}, home);
    assert.equal(out.status, 303);
    const replay = await fetch(`${app.url}/konto/`, {
      headers: { cookie: `dw_session=${cookie}` },
      redirect: "manual",
    });
    assert.equal(replay.status, 303);
    assert.match(replay.headers.get("location") ?? "", /^\/konto\/anmelden/);
  });

  it("keeps staff to their municipality: no sign-in at another, 404 on its workspace", async () => {
    const a = await makeTenant(app);
    const b = await makeTenant(app);
    const staff = await makeStaff(app, a.id, ["caseworker", "approver"]);
    const client = new Client(app.url);

    const anonymous = await client.get(`/${a.slug}/amt/`);
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.location, `/${a.slug}/amt/anmelden?zurueck=%2F${a.slug}%2Famt%2F`);

    const atB = await login(client, staff.email, PASSWORD, `/${b.slug}/amt`);
    assert.equal(atB.status, 422);
    assert.match(atB.body, /E-Mail-Adresse oder Passwort sind nicht richtig/);

    // Outside demo mode staff must set up TOTP before anything else.
    const atA = await login(client, staff.email, PASSWORD, `/${a.slug}/amt`);
    assert.equal(atA.status, 303);
    assert.equal(atA.location, `/${a.slug}/amt/zwei-faktor-einrichten`);
    assert.equal((await client.get(`/${a.slug}/amt/`)).location, `/${a.slug}/amt/zwei-faktor`);
    const setup = await client.get(`/${a.slug}/amt/zwei-faktor-einrichten`);
    const secret = secretOf(setup.body)!;
    const done = await client.post(
      `/${a.slug}/amt/zwei-faktor-einrichten`,
      { code: await nextTotp(secret, 0) },
      setup,
    );
    assert.equal(done.status, 200);
    assert.equal(recoveryCodesOf(done.body).length, 10);

    const inbox = await client.get(`/${a.slug}/amt/`);
    assert.equal(inbox.status, 200);
    assert.match(inbox.body, /Posteingang/);
    assert.match(inbox.body, /Freigabe/);
    assert.equal((await client.get(`/${b.slug}/amt/`)).status, 404);
    assert.equal((await client.get(`/${b.slug}/amt/sicherheit`)).status, 404);

    const citizen = new Client(app.url);
    await login(citizen, (await makeCitizen(app)).email);
    assert.equal((await citizen.get(`/${a.slug}/amt/`)).status, 404);
    assert.equal((await client.get("/admin/")).status, 404, "staff is no platform operator");
  });

  it("signs platform operators in at /admin with a second factor; others get the generic error", async () => {
    const tenant = await makeTenant(app);
    const caseworker = await makeStaff(app, tenant.id);
    const email = `betrieb-${unique()}@example.org`;
    await createStaffUser(app.platform, {
      email,
      name: "Olga Betrieb",
      password: PASSWORD,
      platformAdmin: true,
    });
    const client = new Client(app.url);
    const refused = await login(client, caseworker.email, PASSWORD, "/admin");
    assert.equal(refused.status, 422);
    assert.match(refused.body, /E-Mail-Adresse oder Passwort sind nicht richtig/);

    const step1 = await login(client, email, PASSWORD, "/admin");
    assert.equal(step1.location, "/admin/zwei-faktor-einrichten");
    assert.equal((await client.get("/admin/sicherheit")).location, "/admin/zwei-faktor");
    const setup = await client.get("/admin/zwei-faktor-einrichten");
    const done = await client.post(
      "/admin/zwei-faktor-einrichten",
      { code: await nextTotp(secretOf(setup.body)!, 0) },
      setup,
    );
    assert.equal(done.status, 200);
    const security = await client.get("/admin/sicherheit");
    assert.equal(security.status, 200);
    assert.match(security.body, /kann nicht ausgeschaltet werden/);
    assert.equal((await client.get(`/${tenant.slug}/amt/`)).status, 404, "no municipality session");
  });
});
