/**
 * Services: a municipality's versioned service definitions. Publishing stores an immutable
 * version (after the core linter found no error); applications start on the newest published
 * version and stay on it. Loaded definitions are cached by (tenant, service, version).
 */
import "./services.messages.ts";

export { referenceDefinitions } from "./reference.ts";
export {
  ensureService,
  findServiceBySlug,
  findVersion,
  listServices,
  listVersions,
  setArchived,
} from "./services.repository.ts";
export {
  type CatalogueEntry,
  catalogue,
  forgetLatest,
  getPublishedService,
  getServiceVersion,
  type PublishedService,
  publishService,
} from "./services.service.ts";
