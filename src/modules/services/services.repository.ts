import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type PublishedRow = {
  service_id: string;
  slug: string;
  version: number;
  title: string;
  definition: unknown;
  published_at: Date;
};

export function findServiceBySlug(tx: Tx, slug: string) {
  return tx
    .selectFrom("services")
    .select(["id", "slug", "archived_at"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** The service `slug`, created if it does not exist yet (safe when two publishers race). */
export async function ensureService(
  tx: Tx,
  tenantId: string,
  slug: string,
): Promise<{ id: string }> {
  await tx
    .insertInto("services")
    .values({ tenant_id: tenantId, slug })
    .onConflict((oc) => oc.columns(["tenant_id", "slug"]).doNothing())
    .execute();
  return tx.selectFrom("services").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
}

/** The next version number of a service, taking a lock so two publishers cannot race. */
export async function nextVersion(tx: Tx, serviceId: string): Promise<number> {
  await sql`select 1 from services where id = ${serviceId} for update`.execute(tx);
  const row = await tx
    .selectFrom("service_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return (row?.v ?? 0) + 1;
}

export function insertPublishedVersion(
  tx: Tx,
  v: {
    tenantId: string;
    serviceId: string;
    version: number;
    title: string;
    definition: unknown;
    publishedBy: string | null;
  },
) {
  return tx
    .insertInto("service_versions")
    .values({
      tenant_id: v.tenantId,
      service_id: v.serviceId,
      version: v.version,
      state: "published",
      title: v.title,
      definition: JSON.stringify(v.definition),
      published_at: new Date(),
      published_by: v.publishedBy,
    })
    .execute();
}

/** Service versions joined with their service, selecting what a `PublishedRow` holds. */
function versionsWithService(tx: Tx) {
  return tx
    .selectFrom("service_versions as v")
    .innerJoin("services as s", (j) =>
      j.onRef("s.id", "=", "v.service_id").onRef("s.tenant_id", "=", "v.tenant_id"),
    )
    .select(["v.service_id", "s.slug", "v.version", "v.title", "v.definition", "v.published_at"]);
}

/** The newest published version of the service `slug`, unless archived. */
export function findLatestPublished(tx: Tx, slug: string): Promise<PublishedRow | undefined> {
  return versionsWithService(tx)
    .where("s.slug", "=", slug)
    .where("s.archived_at", "is", null)
    .where("v.state", "=", "published")
    .orderBy("v.version", "desc")
    .limit(1)
    .executeTakeFirst() as Promise<PublishedRow | undefined>;
}

export function findVersion(
  tx: Tx,
  serviceId: string,
  version: number,
): Promise<PublishedRow | undefined> {
  return versionsWithService(tx)
    .where("v.service_id", "=", serviceId)
    .where("v.version", "=", version)
    .executeTakeFirst() as Promise<PublishedRow | undefined>;
}

/** Newest published version of every service that is not archived, by title. */
export function listLatestPublished(tx: Tx): Promise<PublishedRow[]> {
  return versionsWithService(tx)
    .distinctOn("v.service_id")
    .where("s.archived_at", "is", null)
    .where("v.state", "=", "published")
    .orderBy("v.service_id")
    .orderBy("v.version", "desc")
    .execute() as Promise<PublishedRow[]>;
}

/** Every service of the municipality (archived ones too) with its newest published version. */
export function listServices(tx: Tx) {
  return tx
    .selectFrom("services as s")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("service_versions as v")
          .select(["v.version", "v.title", "v.published_at"])
          .whereRef("v.service_id", "=", "s.id")
          .whereRef("v.tenant_id", "=", "s.tenant_id")
          .where("v.state", "=", "published")
          .orderBy("v.version", "desc")
          .limit(1)
          .as("p"),
      (j) => j.onTrue(),
    )
    .select([
      "s.id",
      "s.slug",
      "s.created_at",
      "s.archived_at",
      "p.version",
      "p.title",
      "p.published_at",
    ])
    .orderBy("s.slug")
    .execute();
}

export function setArchived(tx: Tx, serviceId: string, archived: boolean) {
  return tx
    .updateTable("services")
    .set({ archived_at: archived ? new Date() : null })
    .where("id", "=", serviceId)
    .executeTakeFirst();
}

/** The published versions of a service, newest first, with who published them. */
export function listVersions(tx: Tx, serviceId: string) {
  return tx
    .selectFrom("service_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select(["v.version", "v.title", "v.published_at", "u.name as published_by"])
    .where("v.service_id", "=", serviceId)
    .where("v.state", "=", "published")
    .orderBy("v.version", "desc")
    .execute();
}
