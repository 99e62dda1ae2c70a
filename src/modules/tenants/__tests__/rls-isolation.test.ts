import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import {
  APP_ROLE,
  type Database,
  type Db,
  openDatabase,
  type Tx,
  withPlatform,
  withTenant,
} from "../../../platform/db/database.ts";
import { insertMembership } from "../memberships.repository.ts";
import { insertOrgUnit } from "../org-units.repository.ts";
import { createTenant } from "../tenants.service.ts";

/**
 * Done-means for tenant isolation: as the application role, org units and memberships are
 * visible only inside their own tenant's context; a query that forgets the context, or runs in
 * another tenant's, sees nothing of them.
 */
describe("row-level security on tenant-owned tables", () => {
  let database: Database;
  const tenants: Record<"a" | "b", { id: string; unitId: string; userId: string }> = {} as never;

  before(async () => {
    const url = process.env.TEST_DATABASE_URL;
    assert.ok(url, "run with scripts/test.ts");
    database = openDatabase(url, process.env.TEST_APP_PASSWORD ?? "test-app-password", 4);
    for (const key of ["a", "b"] as const) {
      const slug = `rls-${key}-${randomUUID().slice(0, 8)}`;
      const { id } = await createTenant(database.db, {
        slug,
        settings: { name: `RLS ${key}`, state: "ST" },
      });
      const { id: userId } = await withPlatform(database.db, (tx) =>
        tx
          .insertInto("users")
          .values({ kind: "staff", email: `${slug}@rls.example`, password_hash: "x" })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      const unitId = await withTenant(database.db, id, async (tx) => {
        const unit = await insertOrgUnit(tx, id, { name: "Bürgerbüro" });
        await insertMembership(tx, {
          tenantId: id,
          userId,
          roles: ["caseworker"],
          orgUnitIds: [unit.id],
        });
        return unit.id;
      });
      tenants[key] = { id, unitId, userId };
    }
  });
  after(() => database?.close());

  const rowsOf = (db: Db | Tx, tenantId: string) =>
    Promise.all([
      db.selectFrom("org_units").select("id").where("tenant_id", "=", tenantId).execute(),
      db.selectFrom("memberships").select("user_id").where("tenant_id", "=", tenantId).execute(),
      db.selectFrom("org_units").select("id").execute(),
      db.selectFrom("memberships").select("user_id").execute(),
    ]);

  it("connects as the application role, which is no superuser, cannot bypass RLS and owns no table", async () => {
    const who = await sql<{ u: string }>`select current_user as u`.execute(database.db);
    assert.equal(who.rows[0].u, APP_ROLE);
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(database.db);
    assert.deepEqual(role.rows, [{ rolsuper: false, rolbypassrls: false }]);
    const owned = await sql<{ tablename: string }>`
      select tablename from pg_tables where tableowner = ${APP_ROLE}`.execute(database.db);
    assert.deepEqual(owned.rows, []);
    const forced = await sql<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relname in ('org_units', 'memberships') order by relname`.execute(database.db);
    assert.deepEqual(forced.rows, [
      { relname: "memberships", relrowsecurity: true, relforcerowsecurity: true },
      { relname: "org_units", relrowsecurity: true, relforcerowsecurity: true },
    ]);
  });

  it("returns none of a tenant's rows without a tenant context", async () => {
    const [units, members, allUnits, allMembers] = await rowsOf(database.db, tenants.a.id);
    assert.deepEqual(units, []);
    assert.deepEqual(members, []);
    assert.deepEqual(allUnits, []);
    assert.deepEqual(allMembers, []);
    const [u2, m2, all2, allM2] = await withPlatform(database.db, (tx) => rowsOf(tx, tenants.a.id));
    assert.deepEqual([u2, m2, all2, allM2], [[], [], [], []]);
  });

  it("returns none of a tenant's rows in another tenant's context", async () => {
    const [units, members, allUnits, allMembers] = await withTenant(
      database.db,
      tenants.b.id,
      (tx) => rowsOf(tx, tenants.a.id),
    );
    assert.deepEqual(units, []);
    assert.deepEqual(members, []);
    assert.ok(!allUnits.some((r) => r.id === tenants.a.unitId));
    assert.ok(!allMembers.some((r) => r.user_id === tenants.a.userId));
    assert.deepEqual(
      allUnits.map((r) => r.id),
      [tenants.b.unitId],
    );
  });

  it("returns a tenant's rows in its own context", async () => {
    const [units, members, allUnits] = await withTenant(database.db, tenants.a.id, (tx) =>
      rowsOf(tx, tenants.a.id),
    );
    assert.deepEqual(
      units.map((r) => r.id),
      [tenants.a.unitId],
    );
    assert.deepEqual(
      members.map((r) => r.user_id),
      [tenants.a.userId],
    );
    assert.deepEqual(
      allUnits.map((r) => r.id),
      [tenants.a.unitId],
    );
  });

  it("refuses to write a row for another tenant, or to change or delete one", async () => {
    await assert.rejects(
      withTenant(database.db, tenants.b.id, (tx) =>
        insertOrgUnit(tx, tenants.a.id, { name: "Eingeschleust" }),
      ),
      /row-level security/,
    );
    const changed = await withTenant(database.db, tenants.b.id, (tx) =>
      tx
        .updateTable("org_units")
        .set({ name: "Übernommen" })
        .where("tenant_id", "=", tenants.a.id)
        .executeTakeFirst(),
    );
    assert.equal(changed.numUpdatedRows, 0n);
    const deleted = await withTenant(database.db, tenants.b.id, (tx) =>
      tx.deleteFrom("memberships").where("tenant_id", "=", tenants.a.id).executeTakeFirst(),
    );
    assert.equal(deleted.numDeletedRows, 0n);
    const still = await withTenant(database.db, tenants.a.id, (tx) => rowsOf(tx, tenants.a.id));
    assert.equal(still[0].length, 1);
    assert.equal(still[1].length, 1);
  });
});
