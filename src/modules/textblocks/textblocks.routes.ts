import type { Context, Hono } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { type FieldErrors, readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff } from "../accounts/index.ts";
import {
  blockChangeInput,
  blockOf,
  blocksOf,
  createBlock,
  newBlockInput,
  removeBlock,
  saveBlock,
} from "./textblocks.service.ts";
import { textBlockPage, textBlocksBase, textBlocksPage } from "./textblocks.views.ts";

export const TEXT_BLOCKS_PATH = "/:tenant/amt/verwaltung/textbausteine";

type Failure = { errors: FieldErrors; status: 409 | 422 };

/** Runs a use case; a domain error the user can fix becomes a message at its field. */
async function attempt(c: Context<AppEnv>, fn: () => Promise<unknown>): Promise<Failure | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    if (!(err instanceof DomainError) || err.status === 404 || err.status === 403) throw err;
    const status = err.status === 409 ? 409 : 422;
    return { errors: { [err.field ?? "_form"]: c.var.t(err.key, err.params) }, status };
  }
}

/** Tenant admins: the municipality's text blocks at `/{tenant}/amt/verwaltung/textbausteine`. */
export function mountTextBlocks(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const guard = requireStaff(platform, ["admin"]);
  const path = TEXT_BLOCKS_PATH;
  app.use(path, guard);
  app.use(`${path}/*`, guard);
  const tenantId = (c: Context<AppEnv>) => c.var.tenant!.id;
  const userId = (c: Context<AppEnv>) => c.var.viewer!.userId;

  app.get(path, async (c) => textBlocksPage(c, { blocks: await blocksOf(db, tenantId(c)) }));
  app.post(path, async (c) => {
    const form = await readForm(c, newBlockInput, c.var.t);
    const failed = form.ok
      ? await attempt(c, () => createBlock(db, tenantId(c), userId(c), form.data))
      : { errors: form.errors, status: 422 as const };
    if (failed) {
      const values = form.ok ? toValues(form.data) : form.values;
      return textBlocksPage(c, { blocks: await blocksOf(db, tenantId(c)), values, ...failed });
    }
    setFlash(c, "textblocks.created");
    return c.redirect(textBlocksBase(c), 303);
  });

  app.get(`${path}/:key`, async (c) =>
    textBlockPage(c, { block: await blockOf(db, tenantId(c), c.req.param("key")) }),
  );
  app.post(`${path}/:key`, async (c) => {
    const block = await blockOf(db, tenantId(c), c.req.param("key"));
    const form = await readForm(c, blockChangeInput, c.var.t);
    const failed = form.ok
      ? await attempt(c, () => saveBlock(db, tenantId(c), userId(c), block.key, form.data))
      : { errors: form.errors, status: 422 as const };
    if (failed) {
      const values = form.ok ? toValues(form.data) : form.values;
      return textBlockPage(c, { block, values, ...failed });
    }
    setFlash(c, "textblocks.saved");
    return c.redirect(textBlocksBase(c), 303);
  });
  app.post(`${path}/:key/loeschen`, async (c) => {
    const block = await blockOf(db, tenantId(c), c.req.param("key"));
    const failed = await attempt(c, () => removeBlock(db, tenantId(c), block.key));
    if (failed) return textBlockPage(c, { block, ...failed });
    setFlash(c, "textblocks.deleted");
    return c.redirect(textBlocksBase(c), 303);
  });
}

/** Parsed form data back as the form's values, to show them again. */
function toValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, v === undefined ? "" : String(v)]),
  );
}
