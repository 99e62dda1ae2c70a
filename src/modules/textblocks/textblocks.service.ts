import { z } from "zod";
import {
  checkLibraryBlock,
  type LibraryBlock,
  lintDefinition,
  type TextBlockLibrary,
} from "../../core/index.ts";
import { type Db, type Tx, withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import {
  deleteBlock,
  findBlock,
  findBlockForUpdate,
  insertBlock,
  libraryRows,
  listBlocks,
  publishedVersionsUsing,
  type TextBlockRow,
  updateBlock,
} from "./textblocks.repository.ts";

const KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const blockText = {
  title: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  text: z.string().trim().min(1).max(20000),
};

/** A new block as entered on the page: its key (how services name it), title and text. */
export const newBlockInput = z.object({
  key: z.string().trim().max(60).regex(KEY, "textblocks.error.key"),
  ...blockText,
});

/** A changed block: title and text, and the version the form showed. */
export const blockChangeInput = z.object({
  ...blockText,
  version: z.coerce.number().int().min(1),
});

export type NewBlock = { key: string; title?: string; text: string };
export type BlockChange = { title?: string; text: string; version: number };

/**
 * The municipality's text blocks by key, as `composeDocument` and `lintDefinition` take them.
 * With `lock`, the blocks stay locked against changes until the transaction ends (publishing).
 */
export async function libraryOf(
  tx: Tx,
  tenantId: string,
  options: { lock?: boolean } = {},
): Promise<Record<string, LibraryBlock>> {
  const library: Record<string, LibraryBlock> = {};
  for (const row of await libraryRows(tx, tenantId, options.lock)) {
    library[row.key] = row.title ? { title: row.title, text: row.text } : { text: row.text };
  }
  return library;
}

export function blocksOf(db: Db, tenantId: string): Promise<TextBlockRow[]> {
  return withTenant(db, tenantId, (tx) => listBlocks(tx, tenantId));
}

/** One block; 404 for a key the municipality does not have. */
export async function blockOf(db: Db, tenantId: string, key: string) {
  const block = KEY.test(key)
    ? await withTenant(db, tenantId, (tx) => findBlock(tx, tenantId, key))
    : undefined;
  if (!block) throw notFound();
  return block;
}

/** Library blocks serve every service: only the platform's placeholders, checked before saving. */
function checkPlaceholders(text: string): void {
  const [problem] = checkLibraryBlock(text);
  if (problem) throw new DomainError(problem.key, { field: "text", params: problem.params });
}

/** Adds a block; a taken key or a placeholder naming service data is refused, nothing saved. */
export async function createBlock(
  db: Db,
  tenantId: string,
  userId: string,
  input: NewBlock,
): Promise<void> {
  checkPlaceholders(input.text);
  const inserted = await withTenant(db, tenantId, (tx) =>
    insertBlock(tx, {
      tenantId,
      key: input.key,
      title: input.title ?? null,
      text: input.text,
      userId,
    }),
  );
  if (!inserted) throw new DomainError("textblocks.error.keyTaken", { status: 409, field: "key" });
}

/**
 * Saves a block's new title and text as its next version. Refused, with nothing changed, when
 * the block changed since the form was shown, when a placeholder names service data, or when a
 * published service using the block would no longer pass the linter with the new text (a
 * date its document does not define, payment outside a fee notice).
 */
export async function saveBlock(
  db: Db,
  tenantId: string,
  userId: string,
  key: string,
  input: BlockChange,
): Promise<void> {
  checkPlaceholders(input.text);
  await withTenant(db, tenantId, async (tx) => {
    const current = await findBlockForUpdate(tx, tenantId, key);
    if (!current) throw notFound();
    if (current.version !== input.version) {
      throw new DomainError("textblocks.error.stale", {
        status: 409,
        field: "text",
        params: { version: current.version },
      });
    }
    const library = await libraryOf(tx, tenantId);
    library[key] = input.title ? { title: input.title, text: input.text } : { text: input.text };
    const broken = await servicesBrokenBy(tx, tenantId, key, library);
    if (broken.length > 0) {
      throw new DomainError("textblocks.error.breaksServices", {
        field: "text",
        params: { services: broken.join(", ") },
      });
    }
    await updateBlock(tx, { tenantId, key, title: input.title ?? null, text: input.text, userId });
  });
}

/** Titles of published services using `key` that the linter refuses with `library`. */
async function servicesBrokenBy(
  tx: Tx,
  tenantId: string,
  key: string,
  library: TextBlockLibrary,
): Promise<string[]> {
  const broken = new Set<string>();
  for (const version of await publishedVersionsUsing(tx, tenantId, key)) {
    if (broken.has(version.title)) continue;
    if (!lintDefinition(version.definition, { library }).publishable) broken.add(version.title);
  }
  return [...broken];
}

/** Deletes a block; refused while a published service version takes it from the library. */
export async function removeBlock(db: Db, tenantId: string, key: string): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    // the lock first: a publication in flight holds the library, and is seen once it commits
    if (!(await findBlockForUpdate(tx, tenantId, key))) throw notFound();
    const users = await publishedVersionsUsing(tx, tenantId, key);
    if (users.length > 0) {
      const services = [...new Set(users.map((u) => u.title))].join(", ");
      throw new DomainError("textblocks.error.inUse", { status: 409, params: { services } });
    }
    await deleteBlock(tx, tenantId, key);
  });
}
