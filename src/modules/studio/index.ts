/**
 * The no-code studio at `/{tenant}/studio/` (role designer): a client-side builder
 * (`src/studio/`, Preact, built by Vite into dist/studio) that edits service definitions
 * through the JSON API mounted here — drafts saved with a revision check, publishing through
 * the services module (linter first, immutable versions), archive, versions, export and
 * import of the exchange format (one definition as JSON).
 */
import "./studio.messages.ts";
import "./preview.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountStudio } from "./studio.routes.ts";

export { STUDIO_DIST, studioAssets } from "./studio.assets.ts";
export { STUDIO_PATH } from "./studio.routes.ts";
export {
  blankDefinition,
  createService,
  draftOf,
  importService,
  publishDraft,
  saveDraft,
} from "./studio.service.ts";

/** Mount after the session module and before the municipality pages. */
export function studioModule(platform: Platform): WebModule {
  return { name: "studio", mount: (app: Hono<AppEnv>) => mountStudio(app, platform) };
}
