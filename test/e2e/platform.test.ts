import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
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

  it("keeps an idle connection open for 65 s, longer than a reverse proxy's 60 s, and says so", async () => {
    // Node's own agent ignores the server's Keep-Alive hint, like a proxy keeping its upstream
    // connections for its own idle time: the connection must outlive Node's default (5 s + 1 s).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; keepAlive: string; port: number }>((resolve, reject) => {
        http
          .get(`${app.url}/healthz`, { agent }, (res) => {
            const port = res.socket.localPort ?? -1; // the socket goes back to the pool at the end
            res.resume();
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                keepAlive: String(res.headers["keep-alive"]),
                port,
              }),
            );
          })
          .on("error", reject);
      });
    try {
      const first = await get();
      assert.equal(first.keepAlive, "timeout=65");
      await sleep(7_000);
      const second = await get();
      assert.equal(second.status, 200);
      assert.equal(second.port, first.port, "the idle connection was closed");
    } finally {
      agent.destroy();
    }
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
