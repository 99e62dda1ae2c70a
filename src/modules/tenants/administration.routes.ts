import type { Context, Hono } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { type FieldErrors, readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff } from "../accounts/index.ts";
import {
  createOrgUnit,
  deleteOrgUnit,
  orgUnitInput,
  orgUnitOf,
  orgUnitsOf,
  renameOrgUnitTo,
} from "./org-units.service.ts";
import { orgUnitPage, orgUnitsPage } from "./org-units.views.ts";
import {
  removeTenantLogo,
  saveTenantLogo,
  saveTenantSettings,
  settingsFormValues,
} from "./settings.service.ts";
import { administrationPage, settingsPage } from "./settings.views.ts";
import {
  invitationInput,
  inviteStaff,
  memberOf,
  membershipInput,
  membersOf,
  removeMember,
  updateMember,
} from "./staff.service.ts";
import { memberPage, staffPage } from "./staff.views.ts";
import { tenantSettingsInput } from "./tenants.schema.ts";
import { getTenant } from "./tenants.service.ts";

export const ADMINISTRATION_PATH = "/:tenant/amt/verwaltung";

type Failure = { errors: FieldErrors; status: 409 | 413 | 422 };

/** Runs a use case; a domain error the user can fix becomes a message on its field. */
async function attempt(c: Context<AppEnv>, fn: () => Promise<unknown>): Promise<Failure | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    if (!(err instanceof DomainError) || err.status === 404 || err.status === 403) throw err;
    const status = err.status === 409 || err.status === 413 ? err.status : 422;
    return { errors: { [err.field ?? "_form"]: c.var.t(err.key, err.params) }, status };
  }
}

/** Checkbox groups (roles, org units), which `readForm` reads as single values. */
async function readMembership(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const strings = (v: unknown) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === "string",
    );
  const checked = { roles: strings(body.roles), orgUnitIds: strings(body.orgUnitIds) };
  const parsed = membershipInput.safeParse(checked);
  if (parsed.success) return { ok: true as const, data: parsed.data, checked };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]);
    errors[name] ??= c.var.t(
      issue.message.startsWith("tenants.") ? issue.message : "validation.invalid",
    );
  }
  return { ok: false as const, errors, checked };
}

/** `/{tenant}/amt/verwaltung/...`: settings, logo, org units and staff, for tenant admins. */
export function mountAdministration(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const base = ADMINISTRATION_PATH;
  const guard = requireStaff(platform, ["admin"]);
  const tenantOf = (c: Context<AppEnv>) => c.var.tenant!;
  const here = (c: Context<AppEnv>, rest: string) => `/${tenantOf(c).slug}/amt/verwaltung${rest}`;
  app.use(base, guard);
  app.use(`${base}/*`, guard);

  app.get(base, (c) => c.redirect(here(c, "/"), 301));
  app.get(`${base}/`, (c) => administrationPage(c));

  // --- settings and logo ---
  const showSettings = async (
    c: Context<AppEnv>,
    o: {
      values?: Record<string, string>;
      errors?: FieldErrors;
      logoError?: string;
      status?: 409 | 413 | 422;
    } = {},
  ) => {
    const tenant = (await getTenant(db, tenantOf(c).slug))!;
    return settingsPage(c, {
      values: o.values ?? settingsFormValues(tenant),
      errors: o.errors,
      logoError: o.logoError,
      hasLogo: tenant.has_logo,
      status: o.status,
    });
  };
  app.get(`${base}/einstellungen`, (c) => showSettings(c));
  app.post(`${base}/einstellungen`, async (c) => {
    const form = await readForm(c, tenantSettingsInput, c.var.t);
    if (!form.ok) return showSettings(c, { values: form.values, errors: form.errors, status: 422 });
    await saveTenantSettings(db, tenantOf(c).id, form.data);
    setFlash(c, "tenants.admin.settingsSaved");
    return c.redirect(here(c, "/einstellungen"), 303);
  });
  app.post(`${base}/logo`, async (c) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file =
      body.logo instanceof File ? new Uint8Array(await body.logo.arrayBuffer()) : undefined;
    const failed = await attempt(c, () => saveTenantLogo(db, tenantOf(c).id, file));
    if (failed) return showSettings(c, { logoError: failed.errors.logo, status: failed.status });
    setFlash(c, "tenants.logo.saved");
    return c.redirect(here(c, "/einstellungen"), 303);
  });
  app.post(`${base}/logo/entfernen`, async (c) => {
    await removeTenantLogo(db, tenantOf(c).id);
    setFlash(c, "tenants.logo.removed");
    return c.redirect(here(c, "/einstellungen"), 303);
  });

  // --- org units ---
  const units = `${base}/organisationseinheiten`;
  app.get(units, async (c) => orgUnitsPage(c, { units: await orgUnitsOf(db, tenantOf(c).id) }));
  app.post(units, async (c) => {
    const form = await readForm(c, orgUnitInput, c.var.t);
    const failed = form.ok
      ? await attempt(c, () => createOrgUnit(db, tenantOf(c).id, form.data))
      : { errors: form.errors, status: 422 as const };
    if (failed) {
      const list = await orgUnitsOf(db, tenantOf(c).id);
      const values = form.ok ? { name: form.data.name, email: form.data.email ?? "" } : form.values;
      return orgUnitsPage(c, { units: list, values, ...failed });
    }
    setFlash(c, "tenants.orgUnit.created");
    return c.redirect(here(c, "/organisationseinheiten"), 303);
  });
  app.get(`${units}/:id`, async (c) =>
    orgUnitPage(c, { unit: await orgUnitOf(db, tenantOf(c).id, c.req.param("id")) }),
  );
  app.post(`${units}/:id`, async (c) => {
    const unit = await orgUnitOf(db, tenantOf(c).id, c.req.param("id"));
    const form = await readForm(c, orgUnitInput.pick({ name: true }), c.var.t);
    const failed = form.ok
      ? await attempt(c, () => renameOrgUnitTo(db, tenantOf(c).id, unit.id, form.data.name))
      : { errors: form.errors, status: 422 as const };
    if (failed) {
      const values = form.ok ? { name: form.data.name } : form.values;
      return orgUnitPage(c, { unit, values, ...failed });
    }
    setFlash(c, "tenants.orgUnit.renamed");
    return c.redirect(here(c, "/organisationseinheiten"), 303);
  });
  app.post(`${units}/:id/loeschen`, async (c) => {
    const unit = await orgUnitOf(db, tenantOf(c).id, c.req.param("id"));
    const failed = await attempt(c, () => deleteOrgUnit(db, tenantOf(c).id, unit.id));
    if (failed) return orgUnitPage(c, { unit, ...failed });
    setFlash(c, "tenants.orgUnit.deleted");
    return c.redirect(here(c, "/organisationseinheiten"), 303);
  });

  // --- staff ---
  const staff = `${base}/mitarbeitende`;
  const unitChoices = async (tenantId: string) =>
    (await orgUnitsOf(db, tenantId)).map((u) => ({ id: u.id, name: u.name }));
  app.get(staff, async (c) =>
    staffPage(c, {
      members: await membersOf(db, tenantOf(c).id),
      units: await unitChoices(tenantOf(c).id),
    }),
  );
  app.post(staff, async (c) => {
    const tenant = tenantOf(c);
    const form = await readForm(c, invitationInput.pick({ email: true, name: true }), c.var.t);
    const membership = await readMembership(c);
    let failed: Failure | null = null;
    let outcome: "invited" | "added" = "invited";
    if (!form.ok || !membership.ok) {
      failed = {
        errors: { ...(form.ok ? {} : form.errors), ...(membership.ok ? {} : membership.errors) },
        status: 422,
      };
    } else {
      const input = { ...form.data, ...membership.data };
      failed = await attempt(c, async () => {
        outcome = await inviteStaff(platform, tenant, input);
      });
    }
    if (failed) {
      return staffPage(c, {
        members: await membersOf(db, tenant.id),
        units: await unitChoices(tenant.id),
        values: form.ok ? form.data : form.values,
        checked: membership.checked,
        ...failed,
      });
    }
    setFlash(c, outcome === "invited" ? "tenants.staff.invitedDone" : "tenants.staff.added");
    return c.redirect(here(c, "/mitarbeitende"), 303);
  });
  app.get(`${staff}/:userId`, async (c) =>
    memberPage(c, {
      member: await memberOf(db, tenantOf(c).id, c.req.param("userId")),
      units: await unitChoices(tenantOf(c).id),
    }),
  );
  app.post(`${staff}/:userId`, async (c) => {
    const tenantId = tenantOf(c).id;
    const member = await memberOf(db, tenantId, c.req.param("userId"));
    const membership = await readMembership(c);
    const failed = membership.ok
      ? await attempt(c, () => updateMember(db, tenantId, member.user_id, membership.data))
      : { errors: membership.errors, status: 422 as const };
    if (failed) {
      return memberPage(c, {
        member,
        units: await unitChoices(tenantId),
        checked: membership.checked,
        ...failed,
      });
    }
    setFlash(c, "tenants.staff.updated");
    return c.redirect(here(c, "/mitarbeitende"), 303);
  });
  app.post(`${staff}/:userId/entfernen`, async (c) => {
    const tenantId = tenantOf(c).id;
    const member = await memberOf(db, tenantId, c.req.param("userId"));
    const failed = await attempt(c, () => removeMember(db, tenantId, member.user_id));
    if (failed) return memberPage(c, { member, units: await unitChoices(tenantId), ...failed });
    setFlash(c, "tenants.staff.removed");
    return c.redirect(here(c, "/mitarbeitende"), 303);
  });
}
