import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testDatabaseUrl } from "../../../../test/helpers/app.ts";
import { type Database, openDatabase } from "../../../platform/db/database.ts";
import { ACCOUNT_POLICY, blockedUntil, clearThrottle, recordFailure } from "../throttle.service.ts";
import { unique } from "./factories.ts";

const MIN = 60_000;

describe("sign-in throttle (with a test clock)", () => {
  let database: Database;
  before(() => {
    database = openDatabase(
      testDatabaseUrl(),
      process.env.TEST_APP_PASSWORD ?? "test-app-password",
      2,
    );
  });
  after(() => database.close());

  it("blocks from the fifth failure, doubles the wait up to 15 minutes, and lets it expire", async () => {
    const db = database.db;
    const key = `test:${unique()}`;
    const t0 = new Date("2026-11-20T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < 4; i++)
      assert.equal(await recordFailure(db, key, ACCOUNT_POLICY, at(i)), undefined);
    const first = await recordFailure(db, key, ACCOUNT_POLICY, at(4));
    assert.equal(first?.getTime(), at(4 + MIN).getTime());
    assert.ok(await blockedUntil(db, [key], at(30_000)));
    assert.equal(await blockedUntil(db, [key], at(61_000)), undefined, "the block expires");

    const second = await recordFailure(db, key, ACCOUNT_POLICY, at(2 * MIN));
    assert.equal(second?.getTime(), at(4 * MIN).getTime(), "doubled: 2 minutes");
    let last: Date | undefined;
    for (let i = 0; i < 10; i++) last = await recordFailure(db, key, ACCOUNT_POLICY, at(5 * MIN));
    assert.equal(last?.getTime(), at(20 * MIN).getTime(), "capped at 15 minutes");
    assert.equal(await blockedUntil(db, [key], at(21 * MIN)), undefined);

    // After the window with no running block, counting starts again.
    assert.equal(await recordFailure(db, key, ACCOUNT_POLICY, at(40 * MIN)), undefined);
  });

  it("success clears the count", async () => {
    const db = database.db;
    const key = `test:${unique()}`;
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordFailure(db, key, ACCOUNT_POLICY, now);
    assert.ok(await blockedUntil(db, [key], now));
    await clearThrottle(db, [key]);
    assert.equal(await blockedUntil(db, [key], now), undefined);
    assert.equal(await recordFailure(db, key, ACCOUNT_POLICY, now), undefined);
  });
});
