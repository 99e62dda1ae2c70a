import type { Context, Hono } from "hono";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff } from "../accounts/index.ts";
import { apiKeyInput, apiKeysOf, createApiKey, revokeKey } from "./api-keys.service.ts";
import { apiKeyCreatedPage, apiKeysBase, apiKeysPage } from "./api-keys.views.ts";

export const API_KEYS_PATH = "/:tenant/amt/verwaltung/api-schluessel";

/** `/{tenant}/amt/verwaltung/api-schluessel`: tenant admins create and revoke API keys. */
export function mountApiKeys(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const tenantId = (c: Context<AppEnv>) => c.var.tenant!.id;
  const guard = requireStaff(platform, ["admin"]);
  app.use(API_KEYS_PATH, guard);
  app.use(`${API_KEYS_PATH}/*`, guard);

  app.get(API_KEYS_PATH, async (c) => apiKeysPage(c, { keys: await apiKeysOf(db, tenantId(c)) }));
  app.post(API_KEYS_PATH, async (c) => {
    const form = await readForm(c, apiKeyInput, c.var.t);
    if (!form.ok) {
      const keys = await apiKeysOf(db, tenantId(c));
      return apiKeysPage(c, { keys, values: form.values, errors: form.errors, status: 422 });
    }
    const created = await createApiKey(db, tenantId(c), {
      name: form.data.name,
      createdBy: c.var.viewer!.userId,
    });
    return apiKeyCreatedPage(c, {
      name: form.data.name,
      key: created.key,
      baseUrl: platform.config.baseUrl,
    });
  });
  app.post(`${API_KEYS_PATH}/:id/widerrufen`, async (c) => {
    await revokeKey(db, tenantId(c), c.req.param("id"));
    setFlash(c, "intake.apiKeys.revoked");
    return c.redirect(apiKeysBase(c), 303);
  });
}
