import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Running } from "../../src/app.ts";
import { startTestApp } from "../helpers/app.ts";
import { Client } from "../helpers/http.ts";

describe("web shell", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it("answers health and readiness, and exposes metrics", async () => {
    const health = await fetch(`${app.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${app.url}/readyz`);
    assert.deepEqual(await ready.json(), { status: "ready" });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    assert.match(metrics, /dienstwerk_http_requests_total/);
  });

  it("sends security headers with a CSP that allows no inline script", async () => {
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  });

  it("sends the security headers and the request id on JSON answers as well", async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": "probe-42" } });
    assert.deepEqual(await res.json(), { status: "ok" });
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.equal(res.headers.get("x-request-id"), "probe-42");
    assert.equal(res.headers.get("x-frame-options"), "DENY");
    assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
  });

  it("answers an unknown municipality with a friendly German 404 page", async () => {
    const page = await new Client(app.url).get("/gibt-es-nicht/");
    assert.equal(page.status, 404);
    assert.match(page.body, /Seite nicht gefunden/);
    assert.match(page.body, /<html lang="de">/);
  });

  it("refuses a form post without CSRF token and changes nothing", async () => {
    const res = await fetch(`${app.url}/konto/anmelden`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.de&password=x",
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Formular abgelaufen/);
  });

  it("switches the language to English and back, only to paths on this site", async () => {
    const client = new Client(app.url);
    const switched = await client.get("/sprache?l=en&zurueck=/gibt-es-nicht/");
    assert.equal(switched.status, 303);
    assert.equal(switched.location, "/gibt-es-nicht/");
    const page = await client.get("/gibt-es-nicht/");
    assert.match(page.body, /Page not found/);
    const evil = await client.get("/sprache?l=de&zurueck=//evil.example/");
    assert.equal(evil.location, "/");
  });
});

describe("request size", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp({ MAX_REQUEST_MB: "1" });
  });
  after(() => app.stop());

  it("refuses a body over the limit with 413 and a clear German message", async () => {
    const res = await fetch(`${app.url}/konto/anmelden`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(2 * 1024 * 1024)}`,
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /zu groß \(höchstens 1 MB\)/);
  });
});
