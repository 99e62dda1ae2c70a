import { randomUUID } from "node:crypto";
import type { Db } from "../../platform/db/database.ts";
import { isUniqueViolation, withTenant } from "../../platform/db/database.ts";
import type { Role, TenantSettings } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import { insertMembership } from "./memberships.repository.ts";
import {
  countTenants,
  findTenantById,
  findTenantBySlug,
  insertTenant,
  listTenants,
  seedDefaultTextBlocks,
  type TenantRow,
} from "./tenants.repository.ts";
import {
  newTenantInput,
  parseOrThrow,
  type TenantSettingsDraft,
  type TenantSettingsInput,
} from "./tenants.schema.ts";

export function settingsFromInput(i: TenantSettingsInput): TenantSettings {
  return {
    address: { street: i.street, postcode: i.postcode, city: i.city },
    contact: { email: i.email, phone: i.phone, website: i.website, openingHours: i.openingHours },
    colours: { primary: i.primaryColour },
    bank: { iban: i.iban, bic: i.bic, bankName: i.bankName },
    state: i.state,
    legal: { impressum: i.impressum, privacy: i.privacy, accessibility: i.accessibility },
    postalDays: i.postalDays,
    kassenzeichen: {
      prefix: i.kzPrefix,
      yearDigits: i.kzYearDigits,
      sequenceDigits: i.kzSequenceDigits,
      checkDigit: i.kzCheckDigit,
    },
  };
}

/** Creates a municipality. The slug is its address (`/{slug}/`) and cannot be taken twice. */
export async function createTenant(
  db: Db,
  draft: { slug: string; settings: TenantSettingsDraft },
): Promise<{ id: string; slug: string }> {
  const input = parseOrThrow(newTenantInput, draft);
  // The id is chosen here so that the transaction can run in the new municipality's context:
  // its default text blocks are written with it, or nothing is.
  const id = randomUUID();
  try {
    await withTenant(db, id, async (tx) => {
      await insertTenant(tx, {
        id,
        slug: input.slug,
        name: input.settings.name,
        settings: settingsFromInput(input.settings),
      });
      await seedDefaultTextBlocks(tx, id);
    });
    return { id, slug: input.slug };
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("tenants.error.slugTaken", { status: 409, field: "slug" });
    throw err;
  }
}

export function getTenant(db: Db, slug: string): Promise<TenantRow | undefined> {
  return findTenantBySlug(db, slug);
}

/** The municipality by id (jobs and effects know the id, not the slug). */
export function getTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
  return findTenantById(db, id);
}

export function allTenants(db: Db): Promise<TenantRow[]> {
  return listTenants(db);
}

export function countAllTenants(db: Db): Promise<number> {
  return countTenants(db);
}

/**
 * Gives an existing staff user roles (and org units) in a municipality; does nothing if they
 * already belong to it. For demo data and factories; people are invited with `inviteStaff`.
 */
export function addMember(
  db: Db,
  m: { tenantId: string; userId: string; roles: Role[]; orgUnitIds?: string[] },
): Promise<boolean> {
  return withTenant(db, m.tenantId, (tx) =>
    insertMembership(tx, { ...m, orgUnitIds: m.orgUnitIds ?? [] }),
  );
}
