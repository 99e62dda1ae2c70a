import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type TextBlockRow = {
  key: string;
  title: string | null;
  text: string;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
};

/** The municipality's blocks by key, with who changed each last. */
export function listBlocks(tx: Tx, tenantId: string): Promise<TextBlockRow[]> {
  return tx
    .selectFrom("text_blocks as b")
    .leftJoin("users as u", "u.id", "b.updated_by")
    .select([
      "b.key",
      "b.title",
      "b.text",
      "b.version",
      "b.updated_at",
      "u.name as updated_by_name",
    ])
    .where("b.tenant_id", "=", tenantId)
    .orderBy("b.key")
    .execute();
}

/**
 * The blocks' texts for composing and linting. `share` locks them until the transaction ends,
 * so that a block cannot be changed or deleted while a service that uses it is published.
 */
export async function libraryRows(
  tx: Tx,
  tenantId: string,
  share = false,
): Promise<{ key: string; title: string | null; text: string }[]> {
  const query = tx
    .selectFrom("text_blocks")
    .select(["key", "title", "text"])
    .where("tenant_id", "=", tenantId);
  return share ? query.forShare().execute() : query.execute();
}

/** One block, locked for a change in this transaction. */
export function findBlockForUpdate(tx: Tx, tenantId: string, key: string) {
  return tx
    .selectFrom("text_blocks")
    .select(["key", "title", "text", "version"])
    .where("tenant_id", "=", tenantId)
    .where("key", "=", key)
    .forUpdate()
    .executeTakeFirst();
}

export function findBlock(tx: Tx, tenantId: string, key: string) {
  return tx
    .selectFrom("text_blocks")
    .select(["key", "title", "text", "version"])
    .where("tenant_id", "=", tenantId)
    .where("key", "=", key)
    .executeTakeFirst();
}

/** Inserts a block; false if the key is taken. */
export async function insertBlock(
  tx: Tx,
  b: { tenantId: string; key: string; title: string | null; text: string; userId: string },
): Promise<boolean> {
  const row = await tx
    .insertInto("text_blocks")
    .values({
      tenant_id: b.tenantId,
      key: b.key,
      title: b.title,
      text: b.text,
      updated_by: b.userId,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves a block's new text as the next version. */
export async function updateBlock(
  tx: Tx,
  b: { tenantId: string; key: string; title: string | null; text: string; userId: string },
): Promise<void> {
  await tx
    .updateTable("text_blocks")
    .set({
      title: b.title,
      text: b.text,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: b.userId,
    })
    .where("tenant_id", "=", b.tenantId)
    .where("key", "=", b.key)
    .execute();
}

export async function deleteBlock(tx: Tx, tenantId: string, key: string): Promise<void> {
  await tx
    .deleteFrom("text_blocks")
    .where("tenant_id", "=", tenantId)
    .where("key", "=", key)
    .execute();
}

/**
 * Published service versions whose documents take the block `key` from the library (a version
 * with a block of that key of its own does not): title and definition of each, newest first.
 * Reads the services module's table: the services module depends on this one (publishing reads
 * the library), so asking it would be a cycle.
 */
export async function publishedVersionsUsing(
  tx: Tx,
  tenantId: string,
  key: string,
): Promise<{ slug: string; title: string; version: number; definition: unknown }[]> {
  const { rows } = await sql<{ slug: string; title: string; version: number; definition: unknown }>`
    select s.slug, v.title, v.version, v.definition
    from service_versions v
    join services s on s.tenant_id = v.tenant_id and s.id = v.service_id
    where v.tenant_id = ${tenantId} and v.state = 'published'
      and not coalesce(v.definition -> 'textBlocks', '{}'::jsonb) ? ${key}
      and exists (
        select 1
        from jsonb_array_elements(coalesce(v.definition -> 'documents', '[]'::jsonb)) d,
             jsonb_array_elements(coalesce(d -> 'blocks', '[]'::jsonb)) b
        where b ->> 'textBlock' = ${key})
    order by s.slug, v.version desc`.execute(tx);
  return rows;
}
