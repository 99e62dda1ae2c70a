import type { Hono } from "hono";
import { z } from "zod";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { type FieldErrors, readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requirePlatformAdmin } from "../accounts/index.ts";
import { allTenants, createMunicipality, STATES, slugSchema } from "../tenants/index.ts";
import { platformAdminPage } from "./admin.views.ts";

const newMunicipality = z.object({
  name: z.string().trim().min(2).max(200),
  slug: slugSchema,
  state: z.enum(STATES, { message: "tenants.error.state" }),
  adminEmail: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** `/admin/`: the platform operators' list of municipalities and the form to create one. */
export function mountPlatformAdmin(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const guard = requirePlatformAdmin();
  const baseUrl = () => platform.config.baseUrl;
  app.get("/admin", guard, (c) => c.redirect("/admin/", 301));
  app.get("/admin/", guard, async (c) =>
    platformAdminPage(c, { tenants: await allTenants(db), baseUrl: baseUrl() }),
  );
  app.post("/admin/kommunen", guard, async (c) => {
    const form = await readForm(c, newMunicipality, c.var.t);
    let errors: FieldErrors | undefined = form.ok ? undefined : form.errors;
    let status: 409 | 422 = 422;
    if (form.ok) {
      try {
        await createMunicipality(platform, form.data);
        setFlash(c, "admin.created");
        return c.redirect("/admin/", 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status === 404 || err.status === 403) throw err;
        errors = { [err.field ?? "_form"]: c.var.t(err.key, err.params) };
        status = err.status === 409 ? 409 : 422;
      }
    }
    return platformAdminPage(c, {
      tenants: await allTenants(db),
      baseUrl: baseUrl(),
      values: form.ok ? { ...form.data, adminEmail: form.data.adminEmail ?? "" } : form.values,
      errors,
      status,
    });
  });
}
