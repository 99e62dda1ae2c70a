/**
 * Text blocks (Textbausteine): the municipality's library of paragraphs — remedy notices,
 * data-protection and payment notes — that every service's notices use by key after the
 * service's own blocks. Admins keep them at `/{tenant}/amt/verwaltung/textbausteine`; a block
 * may name only the platform's placeholders, every save is a new version, and a block that a
 * published service uses can be neither deleted nor changed so that the service's notices
 * break. New municipalities start with migration 0015's default blocks. `libraryOf` gives the
 * library to `composeDocument` and `lintDefinition`.
 */
import "./textblocks.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountTextBlocks } from "./textblocks.routes.ts";

export { TEXT_BLOCKS_PATH } from "./textblocks.routes.ts";
export {
  blocksOf,
  createBlock,
  libraryOf,
  removeBlock,
  saveBlock,
} from "./textblocks.service.ts";

/** Mount after the session module and before the municipality pages. */
export function textBlocksModule(platform: Platform): WebModule {
  return { name: "textblocks", mount: (app: Hono<AppEnv>) => mountTextBlocks(app, platform) };
}
