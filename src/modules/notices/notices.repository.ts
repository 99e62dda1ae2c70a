import { type Selectable, sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";
import type { DB, DeliveryChannel, DocumentPayment } from "../../platform/db/schema.ts";

export type NewDocument = {
  tenantId: string;
  caseId: string;
  template: string;
  kind: DB["documents"]["kind"];
  title: string;
  filename: string;
  content: Uint8Array;
  pages: number;
  sha256: string;
  serviceVersion: number;
  templateVersion: string;
  payment: DocumentPayment | null;
  recipient: string[];
  effectKey: string | null;
  createdBy: string;
};

/**
 * Stores a generated document as the next version of its template on the case. An effect key
 * used before stores nothing and returns the earlier record (effects may run twice).
 */
export async function insertDocument(
  tx: Tx,
  d: NewDocument,
): Promise<{ id: string; version: number; created: boolean }> {
  if (d.effectKey) {
    const earlier = await tx
      .selectFrom("documents")
      .select(["id", "version"])
      .where("effect_key", "=", d.effectKey)
      .executeTakeFirst();
    if (earlier) return { ...earlier, created: false };
  }
  const row = await tx
    .insertInto("documents")
    .values({
      tenant_id: d.tenantId,
      case_id: d.caseId,
      template: d.template,
      version: sql<number>`(select coalesce(max(version), 0) + 1 from documents
        where tenant_id = ${d.tenantId} and case_id = ${d.caseId} and template = ${d.template})`,
      kind: d.kind,
      title: d.title,
      filename: d.filename,
      content: Buffer.from(d.content),
      size: d.content.length,
      pages: d.pages,
      sha256: d.sha256,
      service_version: d.serviceVersion,
      template_version: d.templateVersion,
      payment: d.payment === null ? null : JSON.stringify(d.payment),
      recipient: d.recipient,
      effect_key: d.effectKey,
      created_by: d.createdBy,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  return { ...row, created: true };
}

const documentColumns = [
  "id",
  "case_id",
  "template",
  "version",
  "kind",
  "title",
  "filename",
  "size",
  "pages",
  "sha256",
  "service_version",
  "template_version",
  "payment",
  "recipient",
  "created_by",
  "created_at",
] as const;

export type DocumentRow = Pick<Selectable<DB["documents"]>, (typeof documentColumns)[number]>;

/** The documents of a case, newest first. */
export function documentsOfCase(tx: Tx, caseId: string): Promise<DocumentRow[]> {
  return tx
    .selectFrom("documents")
    .select(documentColumns)
    .where("case_id", "=", caseId)
    .orderBy("created_at", "desc")
    .orderBy("version", "desc")
    .execute();
}

/** The newest version of a template's document on a case. */
export function latestDocument(
  tx: Tx,
  caseId: string,
  template: string,
): Promise<DocumentRow | undefined> {
  return tx
    .selectFrom("documents")
    .select(documentColumns)
    .where("case_id", "=", caseId)
    .where("template", "=", template)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function findDocument(tx: Tx, id: string): Promise<DocumentRow | undefined> {
  return tx.selectFrom("documents").select(documentColumns).where("id", "=", id).executeTakeFirst();
}

export function documentContent(tx: Tx, id: string) {
  return tx
    .selectFrom("documents")
    .select(["id", "case_id", "filename", "content", "sha256", "title"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The Kassenzeichen a case's fee notice got before (a regenerated notice keeps it). */
export async function paymentReferenceOf(
  tx: Tx,
  caseId: string,
  template: string,
): Promise<string | undefined> {
  const row = await tx
    .selectFrom("payment_references")
    .select("kassenzeichen")
    .where("case_id", "=", caseId)
    .where("template", "=", template)
    .executeTakeFirst();
  return row?.kassenzeichen;
}

/** The next number of the municipality's Kassenzeichen in a year (1, 2, ...); no gaps. */
export async function nextKassenzeichenNumber(
  tx: Tx,
  tenantId: string,
  year: number,
): Promise<number> {
  const row = await tx
    .insertInto("kassenzeichen_counters")
    .values({ tenant_id: tenantId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(["tenant_id", "year"]).doUpdateSet({ last: sql`kassenzeichen_counters.last + 1` }),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/**
 * Stores the case's Kassenzeichen; false if the municipality already gave that one (possible
 * only after its scheme changed: the caller then takes the next number).
 */
export async function insertPaymentReference(
  tx: Tx,
  r: { tenantId: string; kassenzeichen: string; caseId: string; template: string },
): Promise<boolean> {
  const row = await tx
    .insertInto("payment_references")
    .values({
      tenant_id: r.tenantId,
      kassenzeichen: r.kassenzeichen,
      case_id: r.caseId,
      template: r.template,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "kassenzeichen"]).doNothing())
    .returning("kassenzeichen")
    .executeTakeFirst();
  return row !== undefined;
}

export type NewDelivery = {
  tenantId: string;
  caseId: string;
  documentId: string;
  channel: DeliveryChannel;
  status: DB["deliveries"]["status"];
  effectKey: string | null;
  replaces?: string;
  messageId?: string;
  email?: string;
  providedAt?: Date;
  notifiedAt?: Date;
  expiresOn?: string;
};

/** Records a delivery; an effect key used before records nothing (undefined). */
export async function insertDelivery(tx: Tx, d: NewDelivery): Promise<string | undefined> {
  const row = await tx
    .insertInto("deliveries")
    .values({
      tenant_id: d.tenantId,
      case_id: d.caseId,
      document_id: d.documentId,
      channel: d.channel,
      status: d.status,
      effect_key: d.effectKey,
      replaces: d.replaces ?? null,
      message_id: d.messageId ?? null,
      email: d.email ?? null,
      provided_at: d.providedAt ?? null,
      notified_at: d.notifiedAt ?? null,
      expires_on: d.expiresOn ?? null,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "effect_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export function deliveryEffectDone(tx: Tx, effectKey: string) {
  return tx
    .selectFrom("deliveries")
    .select("id")
    .where("effect_key", "=", effectKey)
    .executeTakeFirst();
}

const deliveryColumns = [
  "d.id",
  "d.case_id",
  "d.document_id",
  "d.channel",
  "d.status",
  "d.replaces",
  "d.message_id",
  "d.email",
  "d.provided_at",
  "d.notified_at",
  "d.expires_on",
  "d.retrieved_at",
  "d.batch_id",
  "d.posted_on",
  "d.effective_on",
  "d.created_at",
] as const;

export type DeliveryRow = Omit<Selectable<DB["deliveries"]>, "tenant_id" | "effect_key">;

export function deliveriesOfCase(tx: Tx, caseId: string): Promise<DeliveryRow[]> {
  return tx
    .selectFrom("deliveries as d")
    .select(deliveryColumns)
    .where("d.case_id", "=", caseId)
    .orderBy("d.created_at")
    .execute();
}

export function findDelivery(tx: Tx, id: string): Promise<DeliveryRow | undefined> {
  return tx
    .selectFrom("deliveries as d")
    .select(deliveryColumns)
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** Marks a provided delivery retrieved; false if it was retrieved, expired or is no such. */
export async function markRetrieved(
  tx: Tx,
  where: { id: string } | { messageId: string },
  at: Date,
  effectiveOn: string,
): Promise<DeliveryRow | undefined> {
  let q = tx
    .updateTable("deliveries")
    .set({ status: "retrieved", retrieved_at: at, effective_on: effectiveOn })
    .where("status", "=", "provided");
  q = "id" in where ? q.where("id", "=", where.id) : q.where("message_id", "=", where.messageId);
  return (await q
    .returning([
      "id",
      "case_id",
      "document_id",
      "channel",
      "status",
      "replaces",
      "message_id",
      "email",
      "provided_at",
      "notified_at",
      "expires_on",
      "retrieved_at",
      "batch_id",
      "posted_on",
      "effective_on",
      "created_at",
    ])
    .executeTakeFirst()) as DeliveryRow | undefined;
}

/** Provided deliveries whose retrieval period ended before `today` (ISO date). */
export function overdueDeliveries(tx: Tx, today: string): Promise<DeliveryRow[]> {
  return tx
    .selectFrom("deliveries as d")
    .select(deliveryColumns)
    .where("d.status", "=", "provided")
    .where("d.expires_on", "<", today)
    .orderBy("d.created_at")
    .limit(500)
    .execute();
}

export async function markExpired(tx: Tx, id: string): Promise<boolean> {
  const r = await tx
    .updateTable("deliveries")
    .set({ status: "expired" })
    .where("id", "=", id)
    .where("status", "=", "provided")
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Letters waiting for the print room, oldest first, with the document to print. */
export function queuedLetters(tx: Tx, limit: number) {
  return tx
    .selectFrom("deliveries as d")
    .innerJoin("documents as doc", (j) =>
      j.onRef("doc.tenant_id", "=", "d.tenant_id").onRef("doc.id", "=", "d.document_id"),
    )
    .innerJoin("cases as c", (j) =>
      j.onRef("c.tenant_id", "=", "d.tenant_id").onRef("c.id", "=", "d.case_id"),
    )
    .select([
      "d.id",
      "d.case_id",
      "c.reference",
      "doc.title",
      "doc.content",
      "doc.sha256",
      "doc.pages",
      "doc.recipient",
    ])
    .where("d.channel", "=", "print")
    .where("d.status", "=", "queued")
    .orderBy("d.created_at")
    .orderBy("d.id")
    .limit(limit)
    .forUpdate("d")
    .skipLocked()
    .execute();
}

export async function insertBatch(
  tx: Tx,
  b: {
    tenantId: string;
    number: number;
    postedOn: string;
    letters: number;
    pages: number;
    content: Uint8Array;
    sha256: string;
    createdBy: string;
  },
): Promise<{ id: string; number: number }> {
  return tx
    .insertInto("print_batches")
    .values({
      tenant_id: b.tenantId,
      number: b.number,
      posted_on: b.postedOn,
      letters: b.letters,
      pages: b.pages,
      content: Buffer.from(b.content),
      sha256: b.sha256,
      created_by: b.createdBy,
    })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
}

export async function lastBatchNumber(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom("print_batches")
    .select((eb) => eb.fn.max("number").as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markPosted(
  tx: Tx,
  ids: string[],
  batch: { id: string; postedOn: string; effectiveOn: string },
): Promise<void> {
  await tx
    .updateTable("deliveries")
    .set({
      status: "posted",
      batch_id: batch.id,
      posted_on: batch.postedOn,
      effective_on: batch.effectiveOn,
    })
    .where("id", "in", ids)
    .where("status", "=", "queued")
    .execute();
}

export function listBatches(tx: Tx) {
  return tx
    .selectFrom("print_batches")
    .select(["id", "number", "posted_on", "letters", "pages", "sha256", "created_at"])
    .orderBy("number", "desc")
    .limit(100)
    .execute();
}

export function batchContent(tx: Tx, id: string) {
  return tx
    .selectFrom("print_batches")
    .select(["id", "number", "content", "posted_on"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function queuedCount(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom("deliveries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("channel", "=", "print")
    .where("status", "=", "queued")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The name of the staff member acting (the information block's contact); none for the system. */
export async function staffName(tx: Tx, actorId: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(actorId)) return undefined;
  const row = await tx
    .selectFrom("users")
    .select("name")
    .where("id", "=", actorId)
    .where("kind", "=", "staff")
    .executeTakeFirst();
  return row?.name || undefined;
}

/** A document of a case for download (the case in the path must be the document's). */
export function documentFile(tx: Tx, caseId: string, id: string) {
  return tx
    .selectFrom("documents")
    .select(["id", "filename", "content"])
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
}
