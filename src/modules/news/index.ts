/**
 * News by topic (Neuigkeiten): a municipality's admins keep topics and publish news items at
 * `/{tenant}/amt/verwaltung/neuigkeiten`; each item is mailed to the topic's subscribers in the
 * item's transaction, every mail with a signed unsubscribe link
 * (`/{tenant}/neuigkeiten/abbestellen?t=`, no sign-in). Citizens choose their topics per
 * municipality at `/konto/abonnements`.
 */
import "./news.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountNews } from "./news.routes.ts";

export { exportSubscriptions } from "./news.repository.ts";
export { NEWS_ADMIN_PATH } from "./news.routes.ts";
export {
  createTopic,
  publishNews,
  readUnsubscribeToken,
  setSubscriptions,
  subscriptionsOf,
  unsubscribeToken,
} from "./news.service.ts";

/** Mount after the session module and before the municipality pages. */
export function newsModule(platform: Platform): WebModule {
  return { name: "news", mount: (app: Hono<AppEnv>) => mountNews(app, platform) };
}
