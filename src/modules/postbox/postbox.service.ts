import { composeDocument, germanDate } from "../../core/index.ts";
import { type Tx, withCitizen, withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translate, translator } from "../../platform/i18n/index.ts";
import { type EffectJob, findCase } from "../cases/index.ts";
import { recipientOf as addressOf } from "../documents/index.ts";
import { getServiceVersion } from "../services/index.ts";
import { getTenantById, tenantPlaceholderValues } from "../tenants/index.ts";
import { type Attachment, attachmentOf } from "./attachments.ts";
import {
  attachmentsOf,
  findCitizenFile,
  findMessage,
  findOwnCase,
  insertAttachment,
  insertMessage,
  listMessages,
  type MessageRow,
  markRead,
  messagesOfCase,
  recipientOf,
} from "./postbox.repository.ts";

export type OutgoingMessage = {
  tenant: { id: string };
  caseId: string;
  subject: string;
  body: string;
  /** The caseworker writing; null for messages written by the process (effects). */
  authorId: string | null;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

/**
 * A message from the authority to the applicant of a case, with its attachments, and the mail
 * that tells the applicant about it, in one transaction. The mail holds a link and no personal
 * data (no name, subject or reference). For caseworkers; the staff pages come later.
 */
export async function sendMessageToApplicant(
  platform: Platform,
  m: OutgoingMessage,
): Promise<{ messageId: string }> {
  const id = await withTenant(platform.database.db, m.tenant.id, (tx) =>
    deliver(platform, tx, m, undefined),
  );
  if (!id) throw new DomainError("postbox.error.noApplicant", { status: 409 });
  return { messageId: id };
}

/**
 * Called, in the municipality's transaction, when a recipient opens a message for the first time
 * (the retrieval): the notices module records the legal date of notification of what it carries.
 */
export type RetrievalHook = (
  tx: Tx,
  m: { tenantId: string; messageId: string; at: Date },
) => Promise<void>;
const retrievalHooks = new Set<RetrievalHook>();

/** Registers a retrieval hook (idempotent for the same function). */
export function onMessageRetrieved(hook: RetrievalHook): void {
  retrievalHooks.add(hook);
}

/**
 * Puts a message (with attachments) into the applicant's postbox within the caller's transaction
 * and queues the notification mail; undefined when the case has no applicant account or the
 * effect key was written before.
 */
export function deliverToPostbox(
  platform: Platform,
  tx: Tx,
  m: OutgoingMessage,
  effectKey: string,
): Promise<string | undefined> {
  return deliver(platform, tx, m, effectKey);
}

/** Writes the message unless its effect key was written before; undefined without applicant. */
async function deliver(
  platform: Platform,
  tx: Tx,
  m: OutgoingMessage,
  effectKey: string | undefined,
): Promise<string | undefined> {
  const row = await findCase(tx, m.caseId);
  if (!row) throw notFound();
  if (!row.applicant_id) return undefined;
  const messageId = await insertMessage(tx, {
    tenantId: m.tenant.id,
    caseId: row.id,
    recipientId: row.applicant_id,
    direction: "to-applicant",
    subject: m.subject.slice(0, 500),
    body: m.body,
    authorId: m.authorId,
    effectKey,
  });
  if (!messageId) return undefined;
  for (const a of m.attachments ?? []) {
    await insertAttachment(
      tx,
      { tenantId: m.tenant.id, caseId: row.id, messageId },
      attachmentOf(a),
    );
  }
  await notifyRecipient(platform, tx, row.applicant_id);
  return messageId;
}

/** The notification mail: a link to the postbox, deliberately without any personal data. */
async function notifyRecipient(platform: Platform, tx: Tx, userId: string): Promise<void> {
  const user = await recipientOf(tx, userId);
  if (!user) return;
  const link = `${platform.config.baseUrl}/konto/postfach`;
  await platform.mailer.queueMail(tx, {
    to: user.email,
    subject: translate(user.locale, "postbox.mail.subject"),
    text: translate(user.locale, "postbox.mail.text", { link }),
  });
}

/**
 * The `messageApplicant` effect: the definition's notification, its placeholders filled from
 * the case, into the postbox. Jobs run at least once; the message carries the effect's key, so a
 * repeated job writes no second message and sends no second mail.
 */
export function messageApplicantEffect(platform: Platform) {
  return async (job: EffectJob): Promise<void> => {
    const effect = job.effect;
    if (effect.type !== "messageApplicant") return;
    await withTenant(platform.database.db, job.tenantId, async (tx) => {
      const row = await findCase(tx, job.caseId);
      if (!row?.applicant_id) return;
      const service = await getServiceVersion(
        platform.database.db,
        job.tenantId,
        row.service_id,
        row.service_version,
      );
      const def = service?.definition;
      const template = def?.notifications?.find((n) => n.id === effect.notification);
      if (!def || !template) {
        throw new Error(`Notification ${effect.notification} missing in ${row.service_id}`);
      }
      const tenant = await getTenantById(platform.database.db, job.tenantId);
      const applicant = addressOf(def, row.state.data, translator("de"));
      const composed = composeDocument(
        {
          ...def,
          documents: [
            {
              id: "_message",
              title: template.subject,
              kind: "letter",
              blocks: [{ text: template.subject }, { text: template.body }],
            },
          ],
        },
        "_message",
        row.state,
        {
          case: { reference: row.reference },
          tenant: tenant ? tenantPlaceholderValues(tenant) : {},
          applicant: { name: applicant[0] ?? "", address: applicant.slice(1).join(", ") },
          today: germanDate(new Date()),
        },
      );
      const [subject, body] = composed?.paragraphs.map((p) => p.text) ?? [];
      await deliver(
        platform,
        tx,
        { tenant: { id: job.tenantId }, caseId: row.id, subject, body, authorId: null },
        `${row.id}:${effect.key}`,
      );
    });
  };
}

/** The citizen's reply to the authority on one of their cases, with attachments. */
export async function replyToAuthority(
  platform: Platform,
  userId: string,
  r: { tenantSlug: string; caseId: string; subject: string; body: string; files: Attachment[] },
): Promise<{ messageId: string }> {
  const target = await withCitizen(platform.database.db, userId, (tx) =>
    findOwnCase(tx, userId, r.tenantSlug, r.caseId),
  );
  if (!target) throw notFound();
  return withTenant(platform.database.db, target.tenant_id, async (tx) => {
    const messageId = await insertMessage(tx, {
      tenantId: target.tenant_id,
      caseId: target.id,
      recipientId: null,
      direction: "from-applicant",
      subject: r.subject.slice(0, 500),
      body: r.body,
      authorId: userId,
    });
    if (!messageId) throw new Error("reply not stored");
    for (const f of r.files) {
      await insertAttachment(tx, { tenantId: target.tenant_id, caseId: target.id, messageId }, f);
    }
    return { messageId };
  });
}

export type MessageView = MessageRow & {
  attachments: { id: string; filename: string; content_type: string; size: number }[];
};

async function withAttachments(tx: Tx, rows: MessageRow[]): Promise<MessageView[]> {
  const byTenant = new Map<string, string[]>();
  for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
  const files = (
    await Promise.all([...byTenant].map(([tenantId, ids]) => attachmentsOf(tx, tenantId, ids)))
  ).flat();
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.message_id === r.id) }));
}

/** The citizen's postbox: messages from every municipality and their own replies. */
export function postboxOf(platform: Platform, userId: string): Promise<MessageView[]> {
  return withCitizen(platform.database.db, userId, async (tx) =>
    withAttachments(tx, await listMessages(tx, userId)),
  );
}

/** The correspondence of one case of the citizen, oldest first. */
export function correspondenceOf(
  platform: Platform,
  userId: string,
  c: { tenantId: string; caseId: string },
): Promise<MessageView[]> {
  return withCitizen(platform.database.db, userId, async (tx) =>
    withAttachments(tx, await messagesOfCase(tx, userId, c.tenantId, c.caseId)),
  );
}

/**
 * Opens a message for its recipient: the first opening records the time of retrieval
 * (§ 41 Abs. 2a VwVfG); later openings keep it. Anyone else's message: not found.
 */
export async function openMessage(
  platform: Platform,
  userId: string,
  tenantSlug: string,
  id: string,
  now = new Date(),
): Promise<MessageView> {
  const db = platform.database.db;
  const found = await withCitizen(db, userId, (tx) => findMessage(tx, userId, tenantSlug, id));
  if (!found) throw notFound();
  if (found.direction === "to-applicant" && found.recipient_id === userId && !found.read_at) {
    await withTenant(db, found.tenant_id, async (tx) => {
      if (!(await markRead(tx, found.id, userId, now))) return;
      for (const hook of retrievalHooks) {
        await hook(tx, { tenantId: found.tenant_id, messageId: found.id, at: now });
      }
    });
  }
  return withCitizen(db, userId, async (tx) => {
    const row = await findMessage(tx, userId, tenantSlug, id);
    if (!row) throw notFound();
    return (await withAttachments(tx, [row]))[0];
  });
}

/** A file of one of the citizen's cases, for download. */
export async function citizenFile(
  platform: Platform,
  userId: string,
  tenantSlug: string,
  fileId: string,
) {
  const file = await withCitizen(platform.database.db, userId, (tx) =>
    findCitizenFile(tx, tenantSlug, fileId),
  );
  if (!file) throw notFound();
  return file;
}
