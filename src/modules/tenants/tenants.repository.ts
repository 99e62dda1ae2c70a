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
  t: { slug: string; name: string; settings: TenantSettings },
): Promise<{ id: string }> {
  return tx
    .insertInto("tenants")
    .values({ slug: t.slug, name: t.name, settings: JSON.stringify(t.settings) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function findTenantLogo(db: Db, slug: string) {
  return db
    .selectFrom("tenants")
    .select(["logo", "logo_type"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}
