/**
 * Authentication abuse (issue 8, item 7), over HTTP as an attacker would try it: password and
 * second-factor brute force are throttled, a planted session id is never adopted, a form post
 * without the CSRF token (or from a foreign origin) changes nothing, and a session copied before
 * sign-out is worthless afterwards.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Running } from "../../src/app.ts";
import {
  makeCitizen,
  nextTotp,
  PASSWORD,
  secretOf,
} from "../../src/modules/accounts/__tests__/factories.ts";
import { SESSION_COOKIE } from "../../src/modules/accounts/index.ts";
import { startTestApp } from "../helpers/app.ts";
import { Client } from "../helpers/http.ts";

async function login(client: Client, email: string, password = PASSWORD) {
  const form = await client.get("/konto/anmelden");
  return client.post("/konto/anmelden", { email, password }, form);
}

describe("authentication abuse", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app?.stop());

  it("throttles password guessing: after five failures even the right password is refused for a while", async () => {
    const { email } = await makeCitizen(app);
    const attacker = new Client(app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await login(attacker, email, `falsch-${i}-passwort`)).status);
    assert.deepEqual(statuses.slice(0, 4), [422, 422, 422, 422]);
    assert.equal(statuses.at(-1), 429, `statuses ${statuses}`);
    const right = await login(attacker, email);
    assert.equal(right.status, 429);
    assert.equal(attacker.cookie(SESSION_COOKIE), undefined, "no session for a blocked sign-in");
    // the owner, from another device, is blocked as well (the account is the key), and told so
    const owner = new Client(app.url);
    const blocked = await login(owner, email);
    assert.equal(blocked.status, 429);
    assert.match(blocked.body, /Minute|versuchen Sie es/i);
  });

  it("throttles second-factor guessing", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const security = await client.get("/konto/sicherheit");
    await client.post("/konto/sicherheit/zwei-faktor-starten", {}, security);
    const setup = await client.get("/konto/sicherheit");
    const secret = secretOf(setup.body)!;
    const on = await client.post(
      "/konto/sicherheit/zwei-faktor-bestaetigen",
      { totpCode: await nextTotp(secret, 0) },
      setup,
    );
    assert.equal(on.status, 200);
    await client.post("/konto/abmelden", {}, on);

    const attacker = new Client(app.url);
    assert.equal((await login(attacker, email)).location, "/konto/zwei-faktor");
    const page = await attacker.get("/konto/zwei-faktor");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await attacker.post("/konto/zwei-faktor", { code: String(100000 + i) }, page)).status,
      );
    assert.ok(statuses.includes(429), `statuses ${statuses}`);
    // blocked: even the right code does not get through now
    const right = await attacker.post("/konto/zwei-faktor", { code: await nextTotp(secret) }, page);
    assert.equal(right.status, 429);
    assert.equal((await attacker.get("/konto/")).location, "/konto/zwei-faktor");
  });

  it("never adopts a planted session id (session fixation)", async () => {
    const { email } = await makeCitizen(app);
    const victim = new Client(app.url);
    const planted = "angreifer-kennt-diesen-wert-0123456789abcdef";
    // the attacker makes the victim's browser carry a session id the attacker knows
    await victim.send("GET", "/konto/anmelden", {
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    const form = await victim.send("GET", "/konto/anmelden", {
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    const res = await victim.send("POST", "/konto/anmelden", {
      body: new URLSearchParams({ email, password: PASSWORD, _csrf: form.csrf() ?? "" }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${SESSION_COOKIE}=${planted}; dw_csrf=${victim.cookie("dw_csrf")}`,
      },
    });
    assert.equal(res.status, 303);
    const issued = /dw_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    assert.ok(issued, "a fresh session cookie is issued");
    assert.notEqual(issued, planted);
    const attacker = new Client(app.url);
    const withPlanted = await attacker.send("GET", "/konto/", {
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    assert.equal(withPlanted.status, 303, "the planted id opens nothing");
    assert.match(withPlanted.location ?? "", /anmelden/);
  });

  it("refuses a form post without the CSRF token or from a foreign origin, and changes nothing", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const profile = {
      givenName: "Erika",
      familyName: "Gefälscht",
      street: "",
      houseNumber: "",
      postcode: "",
      city: "",
      phone: "",
    };
    const noToken = await client.send("POST", "/konto/profil", {
      body: new URLSearchParams(profile),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(noToken.status, 403);
    const page = await client.get("/konto/profil");
    const foreign = await client.send("POST", "/konto/profil", {
      body: new URLSearchParams({ ...profile, _csrf: page.csrf() ?? "" }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://boese.example",
      },
    });
    assert.equal(foreign.status, 403);
    const forged = await client.send("POST", "/konto/profil", {
      body: new URLSearchParams({ ...profile, _csrf: "gefaelschtes-token-0123456789" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(forged.status, 403);
    assert.doesNotMatch((await client.get("/konto/profil")).body, /Gefälscht/);
  });

  it("makes a session copied before sign-out worthless", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const stolen = client.cookie(SESSION_COOKIE)!;
    assert.equal((await client.get("/konto/")).status, 200);
    const page = await client.get("/konto/profil");
    await client.post("/konto/abmelden", {}, page);
    const thief = new Client(app.url);
    const res = await thief.send("GET", "/konto/", {
      headers: { cookie: `${SESSION_COOKIE}=${stolen}` },
    });
    assert.equal(res.status, 303);
    assert.match(res.location ?? "", /anmelden/);
    const data = await thief.send("GET", "/konto/export/meine-daten.json", {
      headers: { cookie: `${SESSION_COOKIE}=${stolen}` },
    });
    assert.notEqual(data.status, 200);
  });
});

describe("NUL characters in form posts", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app?.stop());

  it("are dropped, not stored and not a 500 (found by the fuzzer in the studio's API)", async () => {
    const { email } = await makeCitizen(app);
    const client = new Client(app.url);
    await login(client, email);
    const page = await client.get("/konto/profil");
    const res = await client.post(
      "/konto/profil",
      {
        givenName: "Er\u0000ika",
        familyName: "Muster\u0000mann",
        street: "",
        houseNumber: "",
        postcode: "",
        city: "",
        phone: "",
      },
      page,
    );
    assert.ok(res.status < 500, `status ${res.status}`);
    const shown = (await client.get("/konto/profil")).body;
    assert.match(shown, /value="Erika"/);
    assert.match(shown, /value="Mustermann"/);
  });

  it("in a path or query name nothing: 404, not a 500 (found by the fuzzer)", async () => {
    const client = new Client(app.url);
    for (const path of [
      "/%00/",
      "/musterstadt/dienste/%00",
      "/konto/anmelden?zurueck=%00",
      "/api/v1/x/services/%00/applications",
    ]) {
      const res = await client.get(path);
      assert.equal(res.status, 404, path);
    }
  });
});
