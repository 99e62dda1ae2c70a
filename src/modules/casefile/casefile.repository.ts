import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

/** The case's history, oldest first, with the name and kind of each person who acted. */
export function historyOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom("case_events as e")
    .leftJoin("users as u", (j) => j.on(sql`u.id::text`, "=", sql.ref("e.actor_id")))
    .select(["e.seq", "e.type", "e.actor_id", "e.at", "e.payload", "u.name", "u.kind"])
    .where("e.case_id", "=", caseId)
    .orderBy("e.seq")
    .execute();
}

/** Files of the case without their content: uploads of the form and tasks, and attachments. */
export function filesOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom("files")
    .select(["id", "filename", "content_type", "size", "field_path", "message_id", "created_at"])
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
}

export function findFile(tx: Tx, caseId: string, fileId: string) {
  return tx
    .selectFrom("files")
    .select(["id", "filename", "content_type", "size", "content"])
    .where("case_id", "=", caseId)
    .where("id", "=", fileId)
    .executeTakeFirst();
}

/** The correspondence with the applicant, both directions, oldest first. */
export function messagesOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom("postbox_messages as m")
    .leftJoin("users as u", "u.id", "m.author_id")
    .select([
      "m.id",
      "m.direction",
      "m.subject",
      "m.body",
      "m.created_at",
      "m.read_at",
      "m.author_id",
      "u.name as author_name",
    ])
    .where("m.case_id", "=", caseId)
    .orderBy("m.created_at")
    .execute();
}

export function notesOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom("case_notes as n")
    .leftJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.body", "n.created_at", "u.name as author_name"])
    .where("n.case_id", "=", caseId)
    .orderBy("n.created_at")
    .execute();
}

export async function insertNote(
  tx: Tx,
  n: { tenantId: string; caseId: string; authorId: string; body: string },
): Promise<void> {
  await tx
    .insertInto("case_notes")
    .values({ tenant_id: n.tenantId, case_id: n.caseId, author_id: n.authorId, body: n.body })
    .execute();
}

/** Records one staff view of the case's personal data (the log is insert-only). */
export async function logAccess(
  tx: Tx,
  a: {
    tenantId: string;
    caseId: string;
    userId: string;
    what: "view" | "download";
    fileId?: string;
  },
): Promise<void> {
  await tx
    .insertInto("case_access_log")
    .values({
      tenant_id: a.tenantId,
      case_id: a.caseId,
      user_id: a.userId,
      what: a.what,
      file_id: a.fileId ?? null,
    })
    .execute();
}

export function accessLogOf(tx: Tx, caseId: string, limit = 200) {
  return tx
    .selectFrom("case_access_log as l")
    .leftJoin("users as u", "u.id", "l.user_id")
    .leftJoin("files as f", (j) =>
      j.onRef("f.tenant_id", "=", "l.tenant_id").onRef("f.id", "=", "l.file_id"),
    )
    .select(["l.id", "l.at", "l.what", "u.name as user_name", "f.filename"])
    .where("l.case_id", "=", caseId)
    .orderBy("l.id", "desc")
    .limit(limit)
    .execute();
}

/** Display names of users (staff and applicants), by id. */
export async function namesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (valid.length === 0) return new Map();
  const rows = await tx
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "in", valid)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
