import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type TopicRow = { id: string; name: string; subscribers: number };
export type NewsItemRow = {
  id: string;
  title: string;
  topic_name: string;
  recipients: number;
  published_at: Date;
};

/** The municipality's topics with their number of subscribers, by name. */
export function listTopics(tx: Tx, tenantId: string): Promise<TopicRow[]> {
  return tx
    .selectFrom("news_topics as t")
    .leftJoin("news_subscriptions as s", (j) =>
      j.onRef("s.tenant_id", "=", "t.tenant_id").onRef("s.topic_id", "=", "t.id"),
    )
    .select(["t.id", "t.name", sql<number>`count(s.user_id)::int`.as("subscribers")])
    .where("t.tenant_id", "=", tenantId)
    .groupBy(["t.id", "t.name"])
    .orderBy("t.name")
    .execute();
}

export function findTopic(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom("news_topics")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function insertTopic(tx: Tx, tenantId: string, name: string) {
  return tx
    .insertInto("news_topics")
    .values({ tenant_id: tenantId, name })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function deleteTopic(tx: Tx, tenantId: string, id: string) {
  return tx
    .deleteFrom("news_topics")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Everyone subscribed to a topic, with the address and language to write to. */
export function subscribersOf(tx: Tx, tenantId: string, topicId: string) {
  return tx
    .selectFrom("news_subscriptions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.email", "u.locale"])
    .where("s.tenant_id", "=", tenantId)
    .where("s.topic_id", "=", topicId)
    .orderBy("u.id")
    .execute();
}

export function insertItem(
  tx: Tx,
  item: {
    tenant_id: string;
    topic_id: string;
    title: string;
    body: string;
    author_id: string;
    recipients: number;
  },
) {
  return tx.insertInto("news_items").values(item).returning("id").executeTakeFirstOrThrow();
}

export function recentItems(tx: Tx, tenantId: string, limit = 20): Promise<NewsItemRow[]> {
  return tx
    .selectFrom("news_items as i")
    .innerJoin("news_topics as t", (j) =>
      j.onRef("t.tenant_id", "=", "i.tenant_id").onRef("t.id", "=", "i.topic_id"),
    )
    .select(["i.id", "i.title", "t.name as topic_name", "i.recipients", "i.published_at"])
    .where("i.tenant_id", "=", tenantId)
    .orderBy("i.published_at", "desc")
    .limit(limit)
    .execute();
}

/** Every municipality's topics and whether the citizen subscribed (read in `withCitizen`). */
export function topicsForCitizen(tx: Tx, userId: string) {
  return tx
    .selectFrom("news_topics as t")
    .innerJoin("tenants as m", "m.id", "t.tenant_id")
    .leftJoin("news_subscriptions as s", (j) =>
      j
        .onRef("s.tenant_id", "=", "t.tenant_id")
        .onRef("s.topic_id", "=", "t.id")
        .on("s.user_id", "=", userId),
    )
    .select([
      "t.tenant_id",
      "m.name as tenant_name",
      "m.slug as tenant_slug",
      "t.id",
      "t.name",
      sql<boolean>`s.user_id is not null`.as("subscribed"),
    ])
    .orderBy("m.name")
    .orderBy("t.name")
    .execute();
}

export function topicIdsIn(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string }[]);
  return tx
    .selectFrom("news_topics")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .execute();
}

export async function replaceSubscriptions(
  tx: Tx,
  tenantId: string,
  userId: string,
  topicIds: string[],
) {
  let del = tx
    .deleteFrom("news_subscriptions")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId);
  if (topicIds.length > 0) del = del.where("topic_id", "not in", topicIds);
  await del.execute();
  if (topicIds.length === 0) return;
  await tx
    .insertInto("news_subscriptions")
    .values(topicIds.map((topic_id) => ({ tenant_id: tenantId, topic_id, user_id: userId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function deleteSubscription(tx: Tx, tenantId: string, topicId: string, userId: string) {
  return tx
    .deleteFrom("news_subscriptions")
    .where("tenant_id", "=", tenantId)
    .where("topic_id", "=", topicId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** The citizen's subscriptions in every municipality, for the data export (in `withCitizen`). */
export function exportSubscriptions(tx: Tx, userId: string) {
  return tx
    .selectFrom("news_subscriptions as s")
    .innerJoin("news_topics as t", (j) =>
      j.onRef("t.tenant_id", "=", "s.tenant_id").onRef("t.id", "=", "s.topic_id"),
    )
    .innerJoin("tenants as m", "m.id", "s.tenant_id")
    .select(["m.name as municipality", "t.name as topic", "s.created_at as subscribedAt"])
    .where("s.user_id", "=", userId)
    .orderBy("m.name")
    .orderBy("t.name")
    .execute();
}
