import { createHmac, timingSafeEqual } from "node:crypto";
import {
  firstValueOfType,
  germanDate,
  germanDateText,
  notifiedAfterRetrieval,
  retrievalDeadline,
} from "../../core/index.ts";
import { type Tx, withTenant } from "../../platform/db/database.ts";
import type { DeliveryChannel } from "../../platform/db/schema.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translate, translator } from "../../platform/i18n/index.ts";
import { type CaseRow, type EffectJob, findCase, recordCaseEvent } from "../cases/index.ts";
import { deliverToPostbox, type RetrievalHook } from "../postbox/index.ts";
import { getServiceVersion } from "../services/index.ts";
import { getTenantById } from "../tenants/index.ts";
import {
  type DeliveryRow,
  type DocumentRow,
  deliveryEffectDone,
  documentContent,
  findDelivery,
  findDocument,
  insertDelivery,
  latestDocument,
  markExpired,
  markRetrieved,
  overdueDeliveries,
} from "./notices.repository.ts";

/** What the `deliver` effect may ask for; `mail` (letter post) is the print channel. */
type Requested = "postbox" | "email" | "mail" | "print" | undefined;

/**
 * The channel a document goes out on: the one asked for if it can reach the applicant, else the
 * next that can — the postbox needs an account, e-mail an address in the application, and the
 * post always works (the address is printed on the notice).
 */
export function channelFor(requested: Requested, c: { hasAccount: boolean; email?: string }) {
  const order: DeliveryChannel[] =
    requested === "print" || requested === "mail"
      ? ["print"]
      : requested === "email"
        ? ["email", "print"]
        : ["postbox", "email", "print"];
  return order.find(
    (ch) => (ch !== "postbox" || c.hasAccount) && (ch !== "email" || Boolean(c.email)),
  ) as DeliveryChannel;
}

type Delivery = {
  tenant: { id: string; slug: string; name: string };
  row: CaseRow;
  document: DocumentRow;
  channel: DeliveryChannel;
  effectKey: string | null;
  replaces?: string;
  email?: string;
  now: Date;
};

/**
 * Sends a document on one channel within the caller's transaction and records it in the case
 * history: into the postbox (with the notification mail), as a link by e-mail, or into the queue
 * of the next print batch. Returns the delivery's id (undefined if its effect ran before).
 */
export async function sendDocument(platform: Platform, tx: Tx, d: Delivery) {
  const common = {
    tenantId: d.tenant.id,
    caseId: d.row.id,
    documentId: d.document.id,
    effectKey: d.effectKey,
    replaces: d.replaces,
  };
  let id: string | undefined;
  let until: string | undefined;
  if (d.channel === "postbox") {
    const file = await documentContent(tx, d.document.id);
    if (!file) throw new Error(`Document ${d.document.id} has no content`);
    const t = translator("de");
    const messageId = await deliverToPostbox(
      platform,
      tx,
      {
        tenant: { id: d.tenant.id },
        caseId: d.row.id,
        subject: t("notices.postbox.subject", { title: d.document.title }),
        body: t("notices.postbox.body", {
          title: d.document.title,
          reference: d.row.reference,
          tenant: d.tenant.name,
        }),
        authorId: null,
        attachments: [
          { filename: file.filename, contentType: "application/pdf", content: file.content },
        ],
      },
      `${d.effectKey ?? `redelivery:${d.replaces}`}:postbox`,
    );
    if (!messageId) return undefined;
    until = retrievalDeadline(d.now);
    id = await insertDelivery(tx, {
      ...common,
      channel: "postbox",
      status: "provided",
      messageId,
      providedAt: d.now,
      notifiedAt: d.now,
      expiresOn: until,
    });
  } else if (d.channel === "email") {
    until = retrievalDeadline(d.now);
    id = await insertDelivery(tx, {
      ...common,
      channel: "email",
      status: "provided",
      email: d.email,
      providedAt: d.now,
      notifiedAt: d.now,
      expiresOn: until,
    });
    if (id && d.email) {
      const link = `${platform.config.baseUrl}${retrievalPath(platform.config.secretKey, d.tenant, id)}`;
      await platform.mailer.queueMail(tx, {
        to: d.email,
        subject: translate("de", "notices.mail.subject"),
        text: translate("de", "notices.mail.text", { link, until: germanDateText(until) }),
      });
    }
  } else {
    id = await insertDelivery(tx, { ...common, channel: "print", status: "queued" });
  }
  if (!id) return undefined;
  await recordCaseEvent(tx, {
    tenantId: d.tenant.id,
    caseId: d.row.id,
    type: "document.delivered",
    actorId: "system",
    at: d.now,
    payload: {
      deliveryId: id,
      documentId: d.document.id,
      title: d.document.title,
      version: d.document.version,
      channel: d.channel,
      ...(until ? { until } : {}),
      ...(d.email ? { email: d.email } : {}),
      ...(d.replaces ? { replaces: d.replaces } : {}),
    },
  });
  return id;
}

/**
 * The `deliver` effect (a job, run at least once): the newest version of the document the action
 * made goes out on the channel asked for, or the fallback. The document was stored with the
 * action, so it is there; a job that runs twice finds its delivery and does nothing.
 */
export function deliverEffect(platform: Platform) {
  return async (job: EffectJob): Promise<void> => {
    const effect = job.effect;
    if (effect.type !== "deliver") return;
    const key = `${job.caseId}:${effect.key}`;
    await withTenant(platform.database.db, job.tenantId, async (tx) => {
      if (await deliveryEffectDone(tx, key)) return;
      const row = await findCase(tx, job.caseId);
      if (!row) return;
      const document = await latestDocument(tx, row.id, effect.document);
      if (!document) {
        platform.log.warn({ caseId: row.id, document: effect.document }, "nothing to deliver");
        return;
      }
      const service = await getServiceVersion(
        platform.database.db,
        job.tenantId,
        row.service_id,
        row.service_version,
      );
      const found = service && firstValueOfType(service.definition, row.state.data, "email");
      const email = typeof found === "string" ? found : undefined;
      const channel = channelFor(effect.channel, { hasAccount: !!row.applicant_id, email });
      const tenant = await getTenantById(platform.database.db, job.tenantId);
      if (!tenant) return;
      await sendDocument(platform, tx, {
        tenant,
        row,
        document,
        channel,
        effectKey: key,
        email,
        now: new Date(),
      });
    });
  };
}

/** Records the retrieval of what a postbox message carried (the hook the postbox calls). */
export const recordPostboxRetrieval: RetrievalHook = async (tx, m) => {
  const delivery = await markRetrieved(
    tx,
    { messageId: m.messageId },
    m.at,
    notifiedAfterRetrieval(m.at),
  );
  if (delivery) await retrievalEvent(tx, m.tenantId, delivery, m.at);
};

async function retrievalEvent(tx: Tx, tenantId: string, d: DeliveryRow, at: Date) {
  const doc = await documentContent(tx, d.document_id);
  await recordCaseEvent(tx, {
    tenantId,
    caseId: d.case_id,
    type: "document.retrieved",
    actorId: "system",
    at,
    payload: {
      deliveryId: d.id,
      documentId: d.document_id,
      title: doc?.title ?? "",
      channel: d.channel,
      effectiveOn: d.effective_on,
    },
  });
}

// Retrieval by e-mail link ---------------------------------------------------------------------

function retrievalToken(secretKey: string, tenantId: string, deliveryId: string): string {
  return createHmac("sha256", secretKey)
    .update(`notice-retrieval\0${tenantId}\0${deliveryId}`)
    .digest("base64url");
}

/** The path of the retrieval page a notification e-mail links to (signed, per delivery). */
export function retrievalPath(
  secretKey: string,
  tenant: { id: string; slug: string },
  deliveryId: string,
): string {
  return `/${tenant.slug}/abruf/${deliveryId}?t=${retrievalToken(secretKey, tenant.id, deliveryId)}`;
}

export function retrievalTokenValid(
  secretKey: string,
  tenantId: string,
  deliveryId: string,
  token: string,
): boolean {
  const expected = Buffer.from(retrievalToken(secretKey, tenantId, deliveryId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Retrieves an e-mailed document: the first retrieval within the period records the time and the
 * legal date of notification; later ones just download. Expired: nothing (the caller says so).
 */
export async function retrieveByLink(
  platform: Platform,
  tenantId: string,
  deliveryId: string,
  now = new Date(),
) {
  return withTenant(platform.database.db, tenantId, async (tx) => {
    const d = await findDelivery(tx, deliveryId);
    if (d?.channel !== "email") return undefined;
    if (d.status === "expired") return { status: "expired" as const };
    if (d.status === "provided") {
      const done = await markRetrieved(tx, { id: d.id }, now, notifiedAfterRetrieval(now));
      if (done) await retrievalEvent(tx, tenantId, done, now);
    }
    const file = await documentContent(tx, d.document_id);
    if (!file) return undefined;
    return { status: "retrieved" as const, file };
  });
}

// The ten-day rule -------------------------------------------------------------------------------

/**
 * Ends the provision of documents not retrieved within ten days of the notification and sends
 * each by post instead (§ 41 Abs. 2a Satz 3 VwVfG: notify another way); both go into the case
 * history. Returns how many expired.
 */
export async function expireUnretrieved(
  platform: Platform,
  tenant: { id: string; slug: string; name: string },
  now = new Date(),
): Promise<number> {
  const today = germanDate(now);
  return withTenant(platform.database.db, tenant.id, async (tx) => {
    let expired = 0;
    for (const d of await overdueDeliveries(tx, today)) {
      if (!(await markExpired(tx, d.id))) continue;
      expired++;
      const doc = await documentContent(tx, d.document_id);
      await recordCaseEvent(tx, {
        tenantId: tenant.id,
        caseId: d.case_id,
        type: "document.expired",
        actorId: "system",
        at: now,
        payload: {
          deliveryId: d.id,
          documentId: d.document_id,
          title: doc?.title ?? "",
          channel: d.channel,
          until: d.expires_on,
        },
      });
      const row = await findCase(tx, d.case_id);
      const document = await findDocument(tx, d.document_id);
      if (!row || !document) continue;
      await sendDocument(platform, tx, {
        tenant,
        row,
        document,
        channel: "print",
        effectKey: `${d.id}:fallback`,
        replaces: d.id,
        now,
      });
    }
    return expired;
  });
}
