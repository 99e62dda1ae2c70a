import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import pg from "pg";
import { startTestApp, testDatabaseUrl } from "../../../../test/helpers/app.ts";
import { dogApplication as application, dogService } from "../../../../test/helpers/dog.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import type { Running } from "../../../app.ts";
import { publishService } from "../../services/index.ts";
import { sealTenantHistory, verifyTenantHistory } from "../index.ts";

const run = promisify(execFile);

/** A superuser connection: what someone with direct database access could do. */
async function asDatabaseOwner(query: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(query, params);
  } finally {
    await client.end();
  }
}

function auditCli(slug: string) {
  return run(process.execPath, ["src/cli.ts", "audit", "verify", "--tenant", slug], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_APP_PASSWORD: process.env.TEST_APP_PASSWORD ?? "test-app-password",
      LOG_LEVEL: "silent",
    },
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
}

describe("the hash-chained case history", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  async function tenantWithHistory(cases: number) {
    const tenant = { ...(await makeTenant(app)), state: "ST" };
    await publishService(app.platform.database.db, tenant.id, dogService);
    const ids: string[] = [];
    for (let i = 0; i < cases; i++) {
      const { caseId } = await app.cases.submit({
        tenant,
        serviceSlug: "hund-anmelden",
        data: application,
        applicantId: null,
        channel: "online",
        idempotencyKey: null,
      });
      await app.cases.perform({
        tenant,
        caseId,
        actionId: "startReview",
        actor: { id: "cw", roles: ["caseworker"] },
        input: {},
      });
      ids.push(caseId);
    }
    return { tenant, ids };
  }

  it("seals every event and verifies the intact chain; sealing again adds nothing", async () => {
    const { tenant } = await tenantWithHistory(3);
    const db = app.platform.database.db;
    assert.equal(await sealTenantHistory(db, tenant.id), 6);
    assert.equal(await sealTenantHistory(db, tenant.id), 0);
    assert.deepEqual(await verifyTenantHistory(db, tenant.id), { sealed: 6, unsealed: 0 });
  });

  it("detects an event changed directly in the database, at that event", async () => {
    const { tenant, ids } = await tenantWithHistory(2);
    const db = app.platform.database.db;
    await sealTenantHistory(db, tenant.id);
    await asDatabaseOwner(
      'update case_events set payload = payload || \'{"to":"festgesetzt"}\' where tenant_id = $1 and case_id = $2 and seq = 2',
      [tenant.id, ids[1]],
    );
    const result = await verifyTenantHistory(db, tenant.id);
    assert.equal(result.broken?.reason, "changed");
    assert.equal(result.broken?.caseId, ids[1]);
    assert.equal(result.broken?.chainSeq, 4);
    assert.equal(result.sealed, 3, "the links before the change still verify");
  });

  it("detects a deleted event and events cut off at the end", async () => {
    const db = app.platform.database.db;
    const first = await tenantWithHistory(2);
    await sealTenantHistory(db, first.tenant.id);
    await asDatabaseOwner(
      "delete from case_events where tenant_id = $1 and case_id = $2 and seq = 1",
      [first.tenant.id, first.ids[1]],
    );
    assert.equal((await verifyTenantHistory(db, first.tenant.id)).broken?.reason, "missing");

    const second = await tenantWithHistory(1);
    await sealTenantHistory(db, second.tenant.id);
    await asDatabaseOwner("delete from case_events where tenant_id = $1 and seq = 2", [
      second.tenant.id,
    ]);
    assert.equal((await verifyTenantHistory(db, second.tenant.id)).broken?.reason, "head");
  });

  it("reports through the CLI: exit 0 when intact, 1 with the first broken link", async () => {
    const { tenant, ids } = await tenantWithHistory(1);
    const intact = await auditCli(tenant.slug);
    assert.equal(intact.code, 0, intact.out);
    assert.match(intact.out, /chain intact, 2 events verified/);
    await asDatabaseOwner(
      "update case_events set actor_id = 'someone-else' where tenant_id = $1 and case_id = $2 and seq = 1",
      [tenant.id, ids[0]],
    );
    const broken = await auditCli(tenant.slug);
    assert.equal(broken.code, 1);
    assert.match(broken.out, /BROKEN at link 1/);
  });

  it("keeps the history insert-only for the application", async () => {
    const { tenant } = await tenantWithHistory(1);
    const { withTenant } = await import("../../../platform/db/database.ts");
    const { sql } = await import("kysely");
    await assert.rejects(
      withTenant(app.platform.database.db, tenant.id, (tx) =>
        sql`update case_events set payload = '{}'`.execute(tx),
      ),
      /permission denied/,
    );
  });
});
