import { z } from "zod";
import type { Platform } from "../../platform/http/context.ts";
import { inviteStaff } from "./staff.service.ts";
import { parseOrThrow, type TenantSettingsDraft } from "./tenants.schema.ts";
import { createTenant } from "./tenants.service.ts";

const adminEmail = z.object({
  adminEmail: z.string().trim().toLowerCase().email("validation.email").max(254).optional(),
});

/**
 * Creates a municipality and, given an email, invites its first administrator (a new staff
 * account gets an invitation mail; an existing one gets the membership). Used by the platform
 * operators' pages, the CLI and nothing else; the demo data builds its municipalities itself.
 */
export async function createMunicipality(
  platform: Platform,
  input: {
    slug: string;
    name: string;
    state: string;
    adminEmail?: string;
    settings?: Omit<TenantSettingsDraft, "name" | "state">;
  },
): Promise<{ id: string; slug: string; invited?: string }> {
  // Everything is checked before anything is written, so that a bad email leaves no tenant behind.
  const { adminEmail: email } = parseOrThrow(adminEmail, {
    adminEmail: input.adminEmail || undefined,
  });
  const tenant = await createTenant(platform.database.db, {
    slug: input.slug,
    // The state is checked against the list of Länder by createTenant.
    settings: { ...input.settings, name: input.name, state: input.state } as TenantSettingsDraft,
  });
  if (!email) return tenant;
  await inviteStaff(platform, tenant, { email, name: email, roles: ["admin"], orgUnitIds: [] });
  return { ...tenant, invited: email };
}
