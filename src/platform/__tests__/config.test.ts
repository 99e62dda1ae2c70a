import assert from "node:assert/strict";
import { it } from "node:test";
import { ConfigError, loadConfig } from "../config.ts";

const base = { SECRET_KEY: "x".repeat(32), DATABASE_APP_PASSWORD: "p" };

it("refuses a wrong setting with a message naming it", () => {
  assert.throws(
    () => loadConfig({ ...base, PORT: "seventy" }),
    (err: Error) => err instanceof ConfigError && /PORT/.test(err.message),
  );
  assert.throws(() => loadConfig({ ...base, SECRET_KEY: "short" }), /SECRET_KEY/);
  assert.throws(() => loadConfig({ ...base, KEEP_ALIVE_SECONDS: "0" }), /KEEP_ALIVE_SECONDS/);
});

it("turns on demo mode outside production and secure cookies behind https", () => {
  assert.equal(loadConfig({ ...base }).demoMode, true);
  assert.equal(loadConfig({ ...base, NODE_ENV: "production" }).demoMode, false);
  assert.equal(loadConfig({ ...base, BASE_URL: "https://dienste.example.de" }).secureCookies, true);
  assert.equal(loadConfig({ ...base }).secureCookies, false);
});

it("keeps idle connections 65 s unless told otherwise", () => {
  assert.equal(loadConfig({ ...base }).keepAliveSeconds, 65);
  assert.equal(loadConfig({ ...base, KEEP_ALIVE_SECONDS: "125" }).keepAliveSeconds, 125);
});
