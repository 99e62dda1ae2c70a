import type { Db } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { createCitizen, createStaffUser, findStaffUserByEmail } from "../accounts/index.ts";
import { catalogue, publishService, referenceDefinitions } from "../services/index.ts";
import {
  addMember,
  countAllTenants,
  createOrgUnit,
  createTenant,
  getTenant,
  orgUnitsOf,
} from "../tenants/index.ts";
import {
  DEMO_CITIZEN,
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN,
  DEMO_TENANTS,
  type DemoTenant,
} from "./demo.data.ts";
import { withSeedLock } from "./demo.repository.ts";

/** True for the "already exists" conflicts that a repeated or concurrent seed runs into. */
const isConflict = (err: unknown) => err instanceof DomainError && err.status === 409;

/**
 * Seeds the demo municipalities when the instance has none yet (first start in demo mode).
 * Returns whether the demo data is there afterwards. Safe when two processes start at once.
 */
export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  const db = platform.database.db;
  return withSeedLock(db, async () => {
    if ((await countAllTenants(db)) === 0) await seedDemo(db);
    return (await getTenant(db, DEMO_TENANTS[0].slug)) !== undefined;
  });
}

/**
 * Creates whatever of the demo data is missing; running it again creates nothing twice.
 * Every account has the password DEMO_PASSWORD and needs no second factor in demo mode.
 */
export async function seedDemo(db: Db): Promise<void> {
  for (const spec of DEMO_TENANTS) await seedTenant(db, spec);
  await ensureStaffUser(db, { ...DEMO_PLATFORM_ADMIN, platformAdmin: true });
  try {
    await createCitizen(db, { ...DEMO_CITIZEN, password: DEMO_PASSWORD });
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

async function seedTenant(db: Db, spec: DemoTenant): Promise<void> {
  let tenant = await getTenant(db, spec.slug);
  if (!tenant) {
    try {
      await createTenant(db, { slug: spec.slug, settings: spec.settings });
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    tenant = (await getTenant(db, spec.slug))!;
  }
  const existing = new Set((await orgUnitsOf(db, tenant.id)).map((u) => u.name));
  for (const name of spec.orgUnits) {
    if (existing.has(name)) continue;
    await createOrgUnit(db, tenant.id, { name }).catch((err) => {
      if (!isConflict(err)) throw err;
    });
  }
  await publishReferenceServices(db, tenant.id);
  const unitIds = new Map((await orgUnitsOf(db, tenant.id)).map((u) => [u.name, u.id]));
  for (const person of spec.staff) {
    const userId = await ensureStaffUser(db, { email: person.email, name: person.name });
    await addMember(db, {
      tenantId: tenant.id,
      userId,
      roles: person.roles,
      orgUnitIds: person.orgUnits.map((n) => unitIds.get(n)!).filter(Boolean),
    });
  }
}

/** The nine reference services, published once in each demo municipality. */
async function publishReferenceServices(db: Db, tenantId: string): Promise<void> {
  const published = new Set((await catalogue(db, tenantId)).map((s) => s.slug));
  for (const definition of referenceDefinitions()) {
    const id = (definition as { id?: string }).id;
    if (id && !published.has(id)) await publishService(db, tenantId, definition);
  }
}

async function ensureStaffUser(
  db: Db,
  person: { email: string; name: string; platformAdmin?: boolean },
): Promise<string> {
  const found = await findStaffUserByEmail(db, person.email);
  if (found) return found.id;
  try {
    return (await createStaffUser(db, { ...person, password: DEMO_PASSWORD })).id;
  } catch (err) {
    if (!isConflict(err)) throw err;
    return (await findStaffUserByEmail(db, person.email))!.id;
  }
}
