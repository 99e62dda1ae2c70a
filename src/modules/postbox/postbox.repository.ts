import type { Tx } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { Attachment } from "./attachments.ts";

export type NewMessage = {
  tenantId: string;
  caseId: string;
  recipientId: string | null;
  direction: DB["postbox_messages"]["direction"];
  subject: string;
  body: string;
  authorId: string | null;
  effectKey?: string;
};

/** Inserts a message; with an effect key that was used already, nothing (undefined). */
export async function insertMessage(tx: Tx, m: NewMessage): Promise<string | undefined> {
  const row = await tx
    .insertInto("postbox_messages")
    .values({
      tenant_id: m.tenantId,
      case_id: m.caseId,
      recipient_id: m.recipientId,
      direction: m.direction,
      subject: m.subject,
      body: m.body,
      author_id: m.authorId,
      effect_key: m.effectKey ?? null,
    })
    .onConflict((oc) => oc.constraint("postbox_messages_effect_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function insertAttachment(
  tx: Tx,
  at: { tenantId: string; caseId: string; messageId: string },
  a: Attachment,
): Promise<void> {
  await tx
    .insertInto("files")
    .values({
      tenant_id: at.tenantId,
      case_id: at.caseId,
      message_id: at.messageId,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: a.sha256,
      content: a.content,
    })
    .execute();
}

export type MessageRow = {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  id: string;
  case_id: string;
  reference: string;
  direction: DB["postbox_messages"]["direction"];
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  recipient_id: string | null;
};

/**
 * Messages visible to the citizen of the `withCitizen` transaction: those addressed to them and
 * the replies they wrote (row-level security shows nothing else), newest first.
 */
function messageQuery(tx: Tx) {
  return tx
    .selectFrom("postbox_messages as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .innerJoin("cases as c", (j) =>
      j.onRef("c.tenant_id", "=", "m.tenant_id").onRef("c.id", "=", "m.case_id"),
    )
    .select([
      "m.tenant_id",
      "t.slug as tenant_slug",
      "t.name as tenant_name",
      "m.id",
      "m.case_id",
      "c.reference",
      "m.direction",
      "m.subject",
      "m.body",
      "m.created_at",
      "m.read_at",
      "m.recipient_id",
    ]);
}

export function listMessages(tx: Tx, userId: string): Promise<MessageRow[]> {
  return messageQuery(tx)
    .where((w) => w.or([w("m.recipient_id", "=", userId), w("m.author_id", "=", userId)]))
    .orderBy("m.created_at", "desc")
    .execute();
}

export function messagesOfCase(
  tx: Tx,
  userId: string,
  tenantId: string,
  caseId: string,
): Promise<MessageRow[]> {
  return messageQuery(tx)
    .where((w) => w.or([w("m.recipient_id", "=", userId), w("m.author_id", "=", userId)]))
    .where("m.tenant_id", "=", tenantId)
    .where("m.case_id", "=", caseId)
    .orderBy("m.created_at", "asc")
    .execute();
}

export function findMessage(
  tx: Tx,
  userId: string,
  tenantSlug: string,
  id: string,
): Promise<MessageRow | undefined> {
  return messageQuery(tx)
    .where((w) => w.or([w("m.recipient_id", "=", userId), w("m.author_id", "=", userId)]))
    .where("t.slug", "=", tenantSlug)
    .where("m.id", "=", id)
    .executeTakeFirst();
}

/**
 * Records the recipient's first retrieval (§ 41 Abs. 2a VwVfG): only a message addressed to
 * `userId` and not yet read; a later opening keeps the first time. Runs in the tenant's context.
 */
/** Records the first opening; false when it was opened before (or is no such message). */
export async function markRead(tx: Tx, id: string, userId: string, at: Date): Promise<boolean> {
  const r = await tx
    .updateTable("postbox_messages")
    .set({ read_at: at })
    .where("id", "=", id)
    .where("recipient_id", "=", userId)
    .where("direction", "=", "to-applicant")
    .where("read_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function attachmentsOf(tx: Tx, tenantId: string, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom("files")
    .select(["id", "message_id", "filename", "content_type", "size"])
    .where("tenant_id", "=", tenantId)
    .where("message_id", "in", messageIds)
    .orderBy("created_at")
    .execute();
}

/** A file of one of the citizen's cases (`withCitizen`), with its content. */
export function findCitizenFile(tx: Tx, tenantSlug: string, fileId: string) {
  return tx
    .selectFrom("files as f")
    .innerJoin("tenants as t", "t.id", "f.tenant_id")
    .select(["f.id", "f.filename", "f.content_type", "f.size", "f.content"])
    .where("t.slug", "=", tenantSlug)
    .where("f.id", "=", fileId)
    .where("f.case_id", "is not", null)
    .executeTakeFirst();
}

/** The recipient's address and language for the notification mail (instance-wide table). */
export function recipientOf(tx: Tx, userId: string) {
  return tx
    .selectFrom("users")
    .select(["email", "locale"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** The municipality's name for placeholders (`{{tenant.name}}`). */
/** A case of the citizen (`withCitizen`) by municipality slug and id. */
export function findOwnCase(tx: Tx, userId: string, tenantSlug: string, caseId: string) {
  return tx
    .selectFrom("cases as c")
    .innerJoin("tenants as t", "t.id", "c.tenant_id")
    .select(["c.tenant_id", "c.id"])
    .where("t.slug", "=", tenantSlug)
    .where("c.id", "=", caseId)
    .where("c.applicant_id", "=", userId)
    .executeTakeFirst();
}

/** Every postbox message of the citizen (`withCitizen`), for the data export. */
export function exportMessages(tx: Tx) {
  return tx
    .selectFrom("postbox_messages as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select([
      "t.name as municipality",
      "m.case_id",
      "m.direction",
      "m.subject",
      "m.body",
      "m.created_at",
      "m.read_at",
    ])
    .orderBy("m.created_at")
    .execute();
}
