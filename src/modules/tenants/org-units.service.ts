import { z } from "zod";
import { type Db, isUniqueViolation, withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import {
  deleteUnusedOrgUnit,
  findOrgUnit,
  insertOrgUnit,
  listOrgUnits,
  type OrgUnitRow,
  renameOrgUnit,
} from "./org-units.repository.ts";

export const orgUnitInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type OrgUnitInput = z.infer<typeof orgUnitInput>;

const taken = () => new DomainError("tenants.error.orgUnitTaken", { status: 409, field: "name" });

export function orgUnitsOf(db: Db, tenantId: string): Promise<OrgUnitRow[]> {
  return withTenant(db, tenantId, (tx) => listOrgUnits(tx, tenantId));
}

export async function orgUnitOf(db: Db, tenantId: string, id: string) {
  if (!isUuid(id)) throw notFound();
  const unit = await withTenant(db, tenantId, (tx) => findOrgUnit(tx, tenantId, id));
  if (!unit) throw notFound();
  return unit;
}

export async function createOrgUnit(db: Db, tenantId: string, input: OrgUnitInput) {
  try {
    return await withTenant(db, tenantId, (tx) => insertOrgUnit(tx, tenantId, input));
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

export async function renameOrgUnitTo(db: Db, tenantId: string, id: string, name: string) {
  if (!isUuid(id)) throw notFound();
  try {
    const done = await withTenant(db, tenantId, (tx) => renameOrgUnit(tx, tenantId, id, name));
    if (!done) throw notFound();
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

/** Deletes an org unit nobody belongs to any more. */
export async function deleteOrgUnit(db: Db, tenantId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  await withTenant(db, tenantId, async (tx) => {
    if (await deleteUnusedOrgUnit(tx, tenantId, id)) return;
    if (!(await findOrgUnit(tx, tenantId, id))) throw notFound();
    throw new DomainError("tenants.error.orgUnitInUse", { status: 409 });
  });
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}
