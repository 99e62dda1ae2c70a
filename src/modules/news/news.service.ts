import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type Db, isUniqueViolation, withCitizen, withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translate } from "../../platform/i18n/index.ts";
import {
  deleteSubscription,
  deleteTopic,
  findTopic,
  insertItem,
  insertTopic,
  listTopics,
  recentItems,
  replaceSubscriptions,
  subscribersOf,
  topicIdsIn,
  topicsForCitizen,
} from "./news.repository.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const topicInput = z.object({ name: z.string().trim().min(1).max(100) });
export const newsInput = z.object({
  topic: z.string().regex(UUID, "news.error.topic"),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20000),
});

export function topicsOf(db: Db, tenantId: string) {
  return withTenant(db, tenantId, (tx) => listTopics(tx, tenantId));
}

export function newsOf(db: Db, tenantId: string) {
  return withTenant(db, tenantId, (tx) => recentItems(tx, tenantId));
}

export async function createTopic(db: Db, tenantId: string, name: string) {
  try {
    return await withTenant(db, tenantId, (tx) => insertTopic(tx, tenantId, name));
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("news.error.topicTaken", { status: 409, field: "name" });
    throw err;
  }
}

export async function removeTopic(db: Db, tenantId: string, id: string) {
  if (!UUID.test(id)) return;
  await withTenant(db, tenantId, (tx) => deleteTopic(tx, tenantId, id));
}

/**
 * Publishes a news item on a topic: the item and one mail per subscriber (each with its own
 * unsubscribe link) are written in one transaction, so either all are sent or none.
 */
export async function publishNews(
  platform: Platform,
  tenant: { id: string; slug: string; name: string },
  input: z.infer<typeof newsInput> & { authorId: string },
): Promise<{ recipients: number }> {
  return withTenant(platform.database.db, tenant.id, async (tx) => {
    const topic = await findTopic(tx, tenant.id, input.topic);
    if (!topic) throw new DomainError("news.error.topic", { status: 422, field: "topic" });
    const subscribers = await subscribersOf(tx, tenant.id, topic.id);
    await insertItem(tx, {
      tenant_id: tenant.id,
      topic_id: topic.id,
      title: input.title,
      body: input.body,
      author_id: input.authorId,
      recipients: subscribers.length,
    });
    for (const s of subscribers) {
      const token = unsubscribeToken(platform.config.secretKey, tenant.id, topic.id, s.id);
      const link = `${platform.config.baseUrl}/${tenant.slug}/neuigkeiten/abbestellen?t=${token}`;
      await platform.mailer.queueMail(tx, {
        to: s.email,
        subject: translate(s.locale, "news.mail.subject", {
          tenant: tenant.name,
          title: input.title,
        }),
        text: translate(s.locale, "news.mail.text", {
          body: input.body,
          topic: topic.name,
          tenant: tenant.name,
          link,
        }),
      });
    }
    return { recipients: subscribers.length };
  });
}

export type CitizenTopics = {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  topics: { id: string; name: string; subscribed: boolean }[];
}[];

/** Every municipality with topics, and what the citizen subscribed to. */
export async function subscriptionsOf(db: Db, userId: string): Promise<CitizenTopics> {
  const rows = await withCitizen(db, userId, (tx) => topicsForCitizen(tx, userId));
  const out: CitizenTopics = [];
  for (const r of rows) {
    let group = out.at(-1);
    if (group?.tenantId !== r.tenant_id) {
      group = {
        tenantId: r.tenant_id,
        tenantName: r.tenant_name,
        tenantSlug: r.tenant_slug,
        topics: [],
      };
      out.push(group);
    }
    group.topics.push({ id: r.id, name: r.name, subscribed: r.subscribed });
  }
  return out;
}

/** Sets the citizen's subscriptions in one municipality to exactly `topicIds` (unknown ones ignored). */
export async function setSubscriptions(
  db: Db,
  userId: string,
  tenantId: string,
  topicIds: string[],
) {
  if (!UUID.test(tenantId)) throw new DomainError("error.notFound", { status: 404 });
  const wanted = [...new Set(topicIds.filter((id) => UUID.test(id)))];
  await withTenant(db, tenantId, async (tx) => {
    const known = (await topicIdsIn(tx, tenantId, wanted)).map((r) => r.id);
    await replaceSubscriptions(tx, tenantId, userId, known);
  });
}

function mac(secretKey: string, tenantId: string, topicId: string, userId: string) {
  return createHmac("sha256", secretKey)
    .update(`news-unsubscribe\0${tenantId}\0${topicId}\0${userId}`)
    .digest("base64url");
}

/** A token that unsubscribes one person from one topic, without signing in. */
export function unsubscribeToken(
  secretKey: string,
  tenantId: string,
  topicId: string,
  userId: string,
): string {
  return `${topicId}.${userId}.${mac(secretKey, tenantId, topicId, userId)}`;
}

/** The topic and person a token names, if it was made by this instance for this municipality. */
export function readUnsubscribeToken(
  secretKey: string,
  tenantId: string,
  token: string,
): { topicId: string; userId: string } | undefined {
  const [topicId, userId, given, ...rest] = token.split(".");
  if (rest.length > 0 || !topicId || !userId || !given) return undefined;
  if (!UUID.test(topicId) || !UUID.test(userId)) return undefined;
  const expected = Buffer.from(mac(secretKey, tenantId, topicId, userId));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { topicId, userId };
}

export function topicOf(db: Db, tenantId: string, topicId: string) {
  return withTenant(db, tenantId, (tx) => findTopic(tx, tenantId, topicId));
}

export async function unsubscribe(db: Db, tenantId: string, topicId: string, userId: string) {
  await withTenant(db, tenantId, (tx) => deleteSubscription(tx, tenantId, topicId, userId));
}
