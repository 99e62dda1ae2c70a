import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type DraftRow = {
  id: string;
  service_id: string;
  service_version: number;
  user_id: string | null;
  data: Record<string, unknown>;
  page: string | null;
  submit_key: string;
  updated_at: Date;
  expires_at: Date;
};

const draftColumns = [
  "id",
  "service_id",
  "service_version",
  "user_id",
  "data",
  "page",
  "submit_key",
  "updated_at",
  "expires_at",
] as const;

/** The newest unexpired draft of a citizen for a service. */
export function findDraftOfUser(
  tx: Tx,
  userId: string,
  serviceId: string,
  now: Date,
): Promise<DraftRow | undefined> {
  return tx
    .selectFrom("drafts")
    .select(draftColumns)
    .where("user_id", "=", userId)
    .where("service_id", "=", serviceId)
    .where("expires_at", ">", now)
    .orderBy("updated_at", "desc")
    .limit(1)
    .executeTakeFirst() as Promise<DraftRow | undefined>;
}

/** The unexpired draft behind a resume token (its hash). */
export function findDraftByToken(
  tx: Tx,
  tokenHash: string,
  now: Date,
): Promise<DraftRow | undefined> {
  return tx
    .selectFrom("drafts")
    .select(draftColumns)
    .where("resume_token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst() as Promise<DraftRow | undefined>;
}

export async function insertDraft(
  tx: Tx,
  d: {
    tenantId: string;
    serviceId: string;
    version: number;
    userId: string | null;
    tokenHash: string | null;
    data: Record<string, unknown>;
    page: string;
    submitKey: string;
    expiresAt: Date;
  },
): Promise<DraftRow> {
  return (await tx
    .insertInto("drafts")
    .values({
      tenant_id: d.tenantId,
      service_id: d.serviceId,
      service_version: d.version,
      user_id: d.userId,
      resume_token_hash: d.tokenHash,
      data: JSON.stringify(d.data),
      page: d.page,
      submit_key: d.submitKey,
      expires_at: d.expiresAt,
    })
    .returning(draftColumns)
    .executeTakeFirstOrThrow()) as DraftRow;
}

export async function updateDraft(
  tx: Tx,
  id: string,
  d: {
    data: Record<string, unknown>;
    page: string;
    version: number;
    userId?: string;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .updateTable("drafts")
    .set({
      data: JSON.stringify(d.data),
      page: d.page,
      service_version: d.version,
      ...(d.userId ? { user_id: d.userId } : {}),
      updated_at: sql`now()`,
      expires_at: d.expiresAt,
    })
    .where("id", "=", id)
    .execute();
}

export async function setResumeToken(tx: Tx, id: string, tokenHash: string): Promise<void> {
  await tx
    .updateTable("drafts")
    .set({ resume_token_hash: tokenHash })
    .where("id", "=", id)
    .execute();
}

/** Deletes a draft and the files uploaded to it that no case has taken over. */
export async function deleteDraft(tx: Tx, id: string): Promise<boolean> {
  await tx.deleteFrom("files").where("draft_id", "=", id).where("case_id", "is", null).execute();
  const r = await tx.deleteFrom("drafts").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Hands the draft's files to the case it became. */
export async function moveFilesToCase(tx: Tx, draftId: string, caseId: string): Promise<void> {
  await tx
    .updateTable("files")
    .set({ case_id: caseId, draft_id: null })
    .where("draft_id", "=", draftId)
    .execute();
}

/** Deletes the tenant's expired drafts and their files; returns how many drafts went. */
export async function deleteExpired(tx: Tx, now: Date): Promise<number> {
  const expired = tx.selectFrom("drafts").select("id").where("expires_at", "<=", now);
  await tx
    .deleteFrom("files")
    .where("draft_id", "in", expired)
    .where("case_id", "is", null)
    .execute();
  const r = await tx.deleteFrom("drafts").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type StoredFile = {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  draft_id: string | null;
};

export async function insertFile(
  tx: Tx,
  f: {
    tenantId: string;
    draftId: string;
    fieldPath: string;
    filename: string;
    contentType: string;
    content: Buffer;
    sha256: string;
  },
): Promise<{ id: string }> {
  return tx
    .insertInto("files")
    .values({
      tenant_id: f.tenantId,
      draft_id: f.draftId,
      field_path: f.fieldPath,
      filename: f.filename,
      content_type: f.contentType,
      size: f.content.length,
      sha256: f.sha256,
      content: f.content,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A file of this draft, with its content (downloads check the draft, never trust the id). */
export function findDraftFile(
  tx: Tx,
  draftId: string,
  fileId: string,
): Promise<(StoredFile & { content: Buffer }) | undefined> {
  return tx
    .selectFrom("files")
    .select(["id", "filename", "content_type", "size", "draft_id", "content"])
    .where("draft_id", "=", draftId)
    .where("id", "=", fileId)
    .executeTakeFirst();
}

export async function deleteDraftFile(tx: Tx, draftId: string, fileId: string): Promise<void> {
  await tx.deleteFrom("files").where("draft_id", "=", draftId).where("id", "=", fileId).execute();
}

export type DraftListRow = {
  id: string;
  tenant_slug: string;
  tenant_name: string;
  service_slug: string;
  title: string;
  updated_at: Date;
  expires_at: Date;
};

/** A citizen's unexpired drafts in every municipality (run in the citizen's context). */
export function listDraftsOfUser(tx: Tx, userId: string, now: Date): Promise<DraftListRow[]> {
  return tx
    .selectFrom("drafts as d")
    .innerJoin("services as s", (j) =>
      j.onRef("s.tenant_id", "=", "d.tenant_id").onRef("s.id", "=", "d.service_id"),
    )
    .innerJoin("service_versions as v", (j) =>
      j
        .onRef("v.tenant_id", "=", "d.tenant_id")
        .onRef("v.service_id", "=", "d.service_id")
        .onRef("v.version", "=", "d.service_version"),
    )
    .innerJoin("tenants as t", "t.id", "d.tenant_id")
    .select([
      "d.id",
      "t.slug as tenant_slug",
      "t.name as tenant_name",
      "s.slug as service_slug",
      "v.title",
      "d.updated_at",
      "d.expires_at",
    ])
    .where("d.user_id", "=", userId)
    .where("d.expires_at", ">", now)
    .orderBy("d.updated_at", "desc")
    .execute();
}

/** The municipality of one of the citizen's drafts (citizen context: others' ids match nothing). */
export function findDraftTenantOfUser(
  tx: Tx,
  userId: string,
  id: string,
): Promise<{ id: string; tenant_id: string } | undefined> {
  return tx
    .selectFrom("drafts")
    .select(["id", "tenant_id"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Name and email of a user, for prefilling forms. */
export function findUserContact(
  tx: Tx,
  userId: string,
): Promise<{ name: string; email: string } | undefined> {
  return tx
    .selectFrom("users")
    .select(["name", "email"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** Every municipality's id (drafts expire in each, in its own tenant context). */
export function listTenantIds(tx: Tx): Promise<{ id: string }[]> {
  return tx.selectFrom("tenants").select("id").execute();
}
