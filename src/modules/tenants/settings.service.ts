import { PLATFORM_PLACEHOLDERS } from "../../core/index.ts";
import { type Db, withPlatform } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import { type TenantRow, updateTenantLogo, updateTenantSettings } from "./tenants.repository.ts";
import type { TenantSettingsInput } from "./tenants.schema.ts";
import { settingsFromInput } from "./tenants.service.ts";

export const MAX_LOGO_BYTES = 500 * 1024;

/** The settings as the flat values of the settings form. */
export function settingsFormValues(t: TenantRow): Record<string, string> {
  const s = t.settings;
  const values: Record<string, string | undefined> = {
    name: t.name,
    street: s.address?.street,
    postcode: s.address?.postcode,
    city: s.address?.city,
    email: s.contact?.email,
    phone: s.contact?.phone,
    website: s.contact?.website,
    openingHours: s.contact?.openingHours,
    primaryColour: s.colours?.primary,
    iban: s.bank?.iban,
    bic: s.bank?.bic,
    bankName: s.bank?.bankName,
    state: s.state,
    impressum: s.legal?.impressum,
    privacy: s.legal?.privacy,
    accessibility: s.legal?.accessibility,
    postalDays: String(s.postalDays ?? 4),
    kzPrefix: s.kassenzeichen?.prefix,
    kzYearDigits: String(s.kassenzeichen?.yearDigits ?? 2),
    kzSequenceDigits: String(s.kassenzeichen?.sequenceDigits ?? 6),
    kzCheckDigit: s.kassenzeichen?.checkDigit ?? "luhn",
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));
}

/**
 * What `{{tenant.*}}` placeholders print in notices and messages: the municipality's name,
 * address, contact and bank details, by the keys the core knows.
 */
export function tenantPlaceholderValues(t: TenantRow): Record<string, string> {
  const values = settingsFormValues(t);
  return Object.fromEntries(PLATFORM_PLACEHOLDERS.tenant.map((key) => [key, values[key] ?? ""]));
}

/** Replaces name and settings of the municipality with validated input. */
export function saveTenantSettings(
  db: Db,
  tenantId: string,
  input: TenantSettingsInput,
): Promise<void> {
  return withPlatform(db, (tx) =>
    updateTenantSettings(tx, tenantId, { name: input.name, settings: settingsFromInput(input) }),
  );
}

/**
 * The image type by the file's first bytes. The declared type and file name are ignored: they
 * are the uploader's claim, and a disguised file (HTML, SVG with script) must not be served as
 * an image from our origin.
 */
export function detectImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "image/jpeg";
  }
  return undefined;
}

/** Stores a PNG or JPEG logo of at most 500 KB; anything else is refused and nothing changes. */
export async function saveTenantLogo(
  db: Db,
  tenantId: string,
  file: Uint8Array | undefined,
): Promise<void> {
  if (!file || file.length === 0) {
    throw new DomainError("tenants.error.logoMissing", { field: "logo" });
  }
  if (file.length > MAX_LOGO_BYTES) {
    throw new DomainError("tenants.error.logoSize", { status: 413, field: "logo" });
  }
  const type = detectImageType(file);
  if (!type) throw new DomainError("tenants.error.logoType", { field: "logo" });
  await withPlatform(db, (tx) => updateTenantLogo(tx, tenantId, { data: Buffer.from(file), type }));
}

export function removeTenantLogo(db: Db, tenantId: string): Promise<void> {
  return withPlatform(db, (tx) => updateTenantLogo(tx, tenantId, null));
}
