import { z } from "zod";
import { type Db, withTenant } from "../../platform/db/database.ts";
import { ROLES, type Role } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { createStaffUser, findStaffUserByEmail } from "../accounts/index.ts";
import {
  deleteMembership,
  findMember,
  insertMembership,
  listMembers,
  lockAdminCount,
  type MemberRow,
  updateMembership,
} from "./memberships.repository.ts";
import { existingOrgUnitIds } from "./org-units.repository.ts";
import { isUuid } from "./org-units.service.ts";

/** Checkbox groups arrive as a string or a list; both become a list. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const membershipInput = z.object({
  roles: list.pipe(
    z.array(z.enum(ROLES as [Role, ...Role[]])).min(1, "tenants.error.rolesRequired"),
  ),
  orgUnitIds: list.pipe(z.array(z.string().refine(isUuid, "tenants.error.orgUnitUnknown"))),
});
export type MembershipInput = z.infer<typeof membershipInput>;

export const invitationInput = membershipInput.extend({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(2).max(200),
});
export type InvitationInput = z.infer<typeof invitationInput>;

export function membersOf(db: Db, tenantId: string): Promise<MemberRow[]> {
  return withTenant(db, tenantId, (tx) => listMembers(tx, tenantId));
}

export async function memberOf(db: Db, tenantId: string, userId: string) {
  if (!isUuid(userId)) throw notFound();
  const m = await withTenant(db, tenantId, (tx) => findMember(tx, tenantId, userId));
  if (!m) throw notFound();
  return m;
}

async function checkOrgUnits(db: Db, tenantId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = await withTenant(db, tenantId, (tx) => existingOrgUnitIds(tx, tenantId, unique));
  if (known.length !== unique.length) {
    throw new DomainError("tenants.error.orgUnitUnknown", { field: "orgUnitIds" });
  }
  return unique;
}

/**
 * Invites a person to the municipality: a new staff account with an invitation mail (the link
 * lets them choose a password), or, for an existing staff account, just the membership.
 */
export async function inviteStaff(
  platform: Platform,
  tenant: { id: string; slug: string },
  input: InvitationInput,
): Promise<"invited" | "added"> {
  const db = platform.database.db;
  const orgUnitIds = await checkOrgUnits(db, tenant.id, input.orgUnitIds);
  let outcome: "invited" | "added" = "added";
  let user = await findStaffUserByEmail(db, input.email);
  if (!user) {
    try {
      const created = await createStaffUser(platform, {
        email: input.email,
        name: input.name,
        tenantSlug: tenant.slug,
      });
      user = { id: created.id, email: input.email, name: input.name, platformAdmin: false };
      outcome = "invited";
    } catch (err) {
      // Someone created the account at the same moment: add the membership to theirs.
      user = await findStaffUserByEmail(db, input.email);
      if (!user) throw err;
    }
  }
  const userId = user.id;
  const added = await withTenant(db, tenant.id, (tx) =>
    insertMembership(tx, { tenantId: tenant.id, userId, roles: input.roles, orgUnitIds }),
  );
  if (!added) throw new DomainError("tenants.error.alreadyMember", { status: 409, field: "email" });
  return outcome;
}

const lastAdmin = () => new DomainError("tenants.error.lastAdmin", { status: 409, field: "roles" });

/** Changes roles and org units; the last admin cannot give up the admin role. */
export async function updateMember(
  db: Db,
  tenantId: string,
  userId: string,
  input: MembershipInput,
): Promise<void> {
  if (!isUuid(userId)) throw notFound();
  const orgUnitIds = await checkOrgUnits(db, tenantId, input.orgUnitIds);
  await withTenant(db, tenantId, async (tx) => {
    const admins = await lockAdminCount(tx, tenantId);
    const current = await findMember(tx, tenantId, userId);
    if (!current) throw notFound();
    if (current.roles.includes("admin") && !input.roles.includes("admin") && admins <= 1) {
      throw lastAdmin();
    }
    await updateMembership(tx, { tenantId, userId, roles: input.roles, orgUnitIds });
  });
}

/** Removes a person from the municipality (not their account); never the last admin. */
export async function removeMember(db: Db, tenantId: string, userId: string): Promise<void> {
  if (!isUuid(userId)) throw notFound();
  await withTenant(db, tenantId, async (tx) => {
    const admins = await lockAdminCount(tx, tenantId);
    const current = await findMember(tx, tenantId, userId);
    if (!current) throw notFound();
    if (current.roles.includes("admin") && admins <= 1) throw lastAdmin();
    await deleteMembership(tx, tenantId, userId);
  });
}
