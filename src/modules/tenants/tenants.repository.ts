import { sql } from "kysely";
import type { Db, Tx } from "../../platform/db/database.ts";
import type { TenantSettings } from "../../platform/db/schema.ts";

export type TenantRow = {
  id: string;
  slug: string;
  name: string;
  settings: TenantSettings;
  has_logo: boolean;
  created_at: Date;
};

const columns = ["id", "slug", "name", "settings", "created_at"] as const;

export function findTenantById(db: Db | Tx, id: string): Promise<TenantRow | undefined> {
  return db
    .selectFrom("tenants")
    .select(columns)
    .select((eb) => eb("logo", "is not", null).as("has_logo"))
    .where("id", "=", id)
    .executeTakeFirst() as Promise<TenantRow | undefined>;
}

export function findTenantBySlug(db: Db | Tx, slug: string): Promise<TenantRow | undefined> {
  return db
    .selectFrom("tenants")
    .select(columns)
    .select((eb) => eb("logo", "is not", null).as("has_logo"))
    .where("slug", "=", slug)
    .executeTakeFirst() as Promise<TenantRow | undefined>;
}

export function listTenants(db: Db | Tx): Promise<TenantRow[]> {
  return db
    .selectFrom("tenants")
    .select(columns)
    .select((eb) => eb("logo", "is not", null).as("has_logo"))
    .orderBy("name")
    .execute() as Promise<TenantRow[]>;
}

export function insertTenant(
  tx: Tx,
  t: { id?: string; slug: string; name: string; settings: TenantSettings },
): Promise<{ id: string }> {
  return tx
    .insertInto("tenants")
    .values({ id: t.id, slug: t.slug, name: t.name, settings: JSON.stringify(t.settings) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * Gives a new municipality the default text blocks (remedy notices, data protection, fees),
 * with migration 0015's function: the texts live there once, for new and existing municipalities.
 * Runs in the municipality's own row-level-security context.
 */
export async function seedDefaultTextBlocks(tx: Tx, tenantId: string): Promise<void> {
  await sql`select seed_default_text_blocks(${tenantId}::uuid)`.execute(tx);
}

export function findTenantLogo(db: Db, slug: string) {
  return db
    .selectFrom("tenants")
    .select(["logo", "logo_type"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export async function updateTenantSettings(
  tx: Tx,
  id: string,
  t: { name: string; settings: TenantSettings },
): Promise<void> {
  await tx
    .updateTable("tenants")
    .set({ name: t.name, settings: JSON.stringify(t.settings), updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function updateTenantLogo(
  tx: Tx,
  id: string,
  logo: { data: Buffer; type: string } | null,
): Promise<void> {
  await tx
    .updateTable("tenants")
    .set({ logo: logo?.data ?? null, logo_type: logo?.type ?? null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function countTenants(db: Db | Tx): Promise<number> {
  const r = await db
    .selectFrom("tenants")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
