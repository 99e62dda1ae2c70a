import type { Db, Tx } from "../../platform/db/database.ts";
import type { TenantSettings } from "../../platform/db/schema.ts";
import type { Attachment } from "../postbox/index.ts";

/** The stored profile: the shape of src/core AccountProfile without the e-mail (kept on the user). */
export type StoredProfile = {
  givenName?: string;
  familyName?: string;
  phone?: string;
  address?: { street: string; houseNumber: string; postcode: string; city: string };
};

export async function findAccount(tx: Tx, userId: string) {
  return tx
    .selectFrom("users")
    .select(["id", "email", "name", "locale", "kind", "profile", "created_at", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function updateProfile(tx: Tx, userId: string, profile: StoredProfile) {
  await tx
    .updateTable("users")
    .set({ profile: JSON.stringify(profile), updated_at: new Date() })
    .where("id", "=", userId)
    .where("kind", "=", "citizen")
    .execute();
}

export type ApplicationRow = {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  id: string;
  reference: string;
  service_id: string;
  service_version: number;
  service_title: string;
  status: string;
  version: number;
  received_at: Date;
  updated_at: Date;
};

/** The citizen's cases in every municipality (run in `withCitizen`: RLS shows only theirs). */
export function listApplications(tx: Tx, userId: string): Promise<ApplicationRow[]> {
  return applicationQuery(tx, userId).orderBy("c.received_at", "desc").execute();
}

/** One case of the citizen, by municipality slug and id; undefined for anyone else's. */
export function findApplication(
  tx: Tx,
  userId: string,
  tenantSlug: string,
  caseId: string,
): Promise<ApplicationRow | undefined> {
  return applicationQuery(tx, userId)
    .where("t.slug", "=", tenantSlug)
    .where("c.id", "=", caseId)
    .executeTakeFirst();
}

function applicationQuery(tx: Tx, userId: string) {
  return tx
    .selectFrom("cases as c")
    .innerJoin("tenants as t", "t.id", "c.tenant_id")
    .innerJoin("service_versions as v", (j) =>
      j
        .onRef("v.tenant_id", "=", "c.tenant_id")
        .onRef("v.service_id", "=", "c.service_id")
        .onRef("v.version", "=", "c.service_version"),
    )
    .select([
      "c.tenant_id",
      "t.slug as tenant_slug",
      "t.name as tenant_name",
      "c.id",
      "c.reference",
      "c.service_id",
      "c.service_version",
      "v.title as service_title",
      "c.status",
      "c.version",
      "c.received_at",
      "c.updated_at",
    ])
    .where("c.applicant_id", "=", userId);
}

/** The case's data and history, for the export (in `withCitizen`). */
export async function caseRecord(tx: Tx, tenantId: string, caseId: string) {
  const row = await tx
    .selectFrom("cases")
    .select(["state", "channel"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", caseId)
    .executeTakeFirst();
  const events = await tx
    .selectFrom("case_events")
    .select(["seq", "type", "actor_id", "at", "payload"])
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
  return { row, events };
}

export function caseFiles(tx: Tx, tenantId: string, caseId: string) {
  return tx
    .selectFrom("files")
    .select(["id", "filename", "content_type", "size", "field_path", "message_id", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
}

/** Deletes the citizen: sessions, codes, tokens, drafts go with them (foreign keys cascade). */
export async function deleteCitizen(tx: Tx, userId: string): Promise<boolean> {
  const r = await tx
    .deleteFrom("users")
    .where("id", "=", userId)
    .where("kind", "=", "citizen")
    .executeTakeFirst();
  return r.numDeletedRows === 1n;
}

/** A file the applicant provides as input of an action on their case (tenant context). */
export async function insertCaseFile(
  tx: Tx,
  at: { tenantId: string; caseId: string; fieldPath: string },
  a: Attachment,
): Promise<string> {
  const row = await tx
    .insertInto("files")
    .values({
      tenant_id: at.tenantId,
      case_id: at.caseId,
      field_path: at.fieldPath,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: a.sha256,
      content: a.content,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteFiles(tx: Tx, ids: string[]): Promise<void> {
  await tx.deleteFrom("files").where("id", "in", ids).execute();
}

/** A municipality's settings (instance-wide table): its Bundesland for deadlines. */
export async function tenantSettings(db: Db, tenantId: string) {
  const row = await db
    .selectFrom("tenants")
    .select("settings")
    .where("id", "=", tenantId)
    .executeTakeFirst();
  return row?.settings as TenantSettings | undefined;
}

/** The citizen's drafts in every municipality (`withCitizen`), for the data export. */
export function exportDrafts(tx: Tx) {
  return tx
    .selectFrom("drafts")
    .select(["id", "service_id", "data", "created_at", "expires_at"])
    .execute();
}
