import type { Context, Hono } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireCitizen, requireStaff } from "../accounts/index.ts";
import {
  createTopic,
  newsInput,
  newsOf,
  publishNews,
  readUnsubscribeToken,
  removeTopic,
  setSubscriptions,
  subscriptionsOf,
  topicInput,
  topicOf,
  topicsOf,
  unsubscribe,
} from "./news.service.ts";
import { newsAdminBase, newsAdminPage, subscriptionsPage, unsubscribePage } from "./news.views.ts";

export const NEWS_ADMIN_PATH = "/:tenant/amt/verwaltung/neuigkeiten";

/** Tenant admins: topics and news items at `/{tenant}/amt/verwaltung/neuigkeiten`. */
function mountAdmin(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const guard = requireStaff(platform, ["admin"]);
  app.use(NEWS_ADMIN_PATH, guard);
  app.use(`${NEWS_ADMIN_PATH}/*`, guard);
  const tenantId = (c: Context<AppEnv>) => c.var.tenant!.id;
  const render = async (
    c: Context<AppEnv>,
    extra: Parameters<typeof newsAdminPage>[1] | object = {},
  ) =>
    newsAdminPage(c, {
      topics: await topicsOf(db, tenantId(c)),
      items: await newsOf(db, tenantId(c)),
      ...extra,
    });

  app.get(NEWS_ADMIN_PATH, (c) => render(c));
  app.post(`${NEWS_ADMIN_PATH}/themen`, async (c) => {
    const form = await readForm(c, topicInput, c.var.t);
    if (!form.ok)
      return render(c, { topicErrors: form.errors, topicValues: form.values, status: 422 });
    try {
      await createTopic(db, tenantId(c), form.data.name);
    } catch (err) {
      if (err instanceof DomainError && err.field === "name") {
        return render(c, {
          topicErrors: { name: c.var.t(err.key) },
          topicValues: { name: form.data.name },
          status: 409,
        });
      }
      throw err;
    }
    setFlash(c, "news.topic.created");
    return c.redirect(newsAdminBase(c), 303);
  });
  app.post(`${NEWS_ADMIN_PATH}/themen/:id/loeschen`, async (c) => {
    await removeTopic(db, tenantId(c), c.req.param("id"));
    setFlash(c, "news.topic.deleted");
    return c.redirect(newsAdminBase(c), 303);
  });
  app.post(NEWS_ADMIN_PATH, async (c) => {
    const form = await readForm(c, newsInput, c.var.t);
    if (!form.ok)
      return render(c, { newsErrors: form.errors, newsValues: form.values, status: 422 });
    const tenant = c.var.tenant!;
    try {
      await publishNews(platform, tenant, { ...form.data, authorId: c.var.viewer!.userId });
      setFlash(c, "news.published");
    } catch (err) {
      if (err instanceof DomainError && err.field === "topic") {
        return render(c, {
          newsErrors: { topic: c.var.t(err.key) },
          newsValues: form.data,
          status: 422,
        });
      }
      throw err;
    }
    return c.redirect(newsAdminBase(c), 303);
  });
}

/** Citizens: `/konto/abonnements`, and the unsubscribe link from the mails. */
function mountCitizen(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  app.use("/konto/abonnements", requireCitizen());
  app.get("/konto/abonnements", async (c) =>
    subscriptionsPage(c, await subscriptionsOf(db, c.var.viewer!.userId)),
  );
  app.post("/konto/abonnements", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const tenant = typeof body.tenant === "string" ? body.tenant : "";
    const topics = Object.entries(body)
      .filter(([k]) => k.startsWith("topic-"))
      .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is string => typeof v === "string");
    await setSubscriptions(db, c.var.viewer!.userId, tenant, topics);
    setFlash(c, "news.subscriptions.saved");
    return c.redirect("/konto/abonnements", 303);
  });

  const path = "/:tenant/neuigkeiten/abbestellen";
  app.get(path, async (c) => {
    const token = c.req.query("t") ?? "";
    const tenant = c.var.tenant!;
    const who = readUnsubscribeToken(platform.config.secretKey, tenant.id, token);
    const topic = who && (await topicOf(db, tenant.id, who.topicId));
    if (!topic) return unsubscribePage(c, { invalid: true });
    return unsubscribePage(c, { token, topic: topic.name });
  });
  app.post(path, async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.t === "string" ? body.t : "";
    const tenant = c.var.tenant!;
    const who = readUnsubscribeToken(platform.config.secretKey, tenant.id, token);
    const topic = who && (await topicOf(db, tenant.id, who.topicId));
    if (!who || !topic) return unsubscribePage(c, { invalid: true });
    await unsubscribe(db, tenant.id, who.topicId, who.userId);
    return unsubscribePage(c, { done: topic.name });
  });
}

export function mountNews(app: Hono<AppEnv>, platform: Platform) {
  mountAdmin(app, platform);
  mountCitizen(app, platform);
}
