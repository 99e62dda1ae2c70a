import type { Db } from "../../platform/db/database.ts";

export function listOutbox(db: Db, limit = 100) {
  return db
    .selectFrom("dev_outbox")
    .select(["id", "created_at", "recipient", "subject"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export function findOutboxMail(db: Db, id: number) {
  return db.selectFrom("dev_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
