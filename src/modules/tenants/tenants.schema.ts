import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";
import { CHECK_DIGIT_METHODS } from "../../core/index.ts";
import { DomainError } from "../../platform/errors.ts";

/** The 16 Länder (ISO 3166-2:DE subdivision codes): they decide public holidays and law. */
export const STATES = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;

/** Paths under / that are not municipalities. */
export const RESERVED_SLUGS = new Set([
  "konto",
  "admin",
  "api",
  "static",
  "dev",
  "sprache",
  "healthz",
  "readyz",
  "metrics",
  "impressum",
  "datenschutz",
  "barrierefreiheit",
  "favicon.ico",
  "robots.txt",
]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "tenants.error.slugFormat")
  .min(2)
  .max(60)
  .refine((s) => !RESERVED_SLUGS.has(s), "tenants.error.slugReserved");

export const ibanSchema = z
  .string()
  .transform((v) => electronicFormatIBAN(v) ?? "")
  .refine((v) => isValidIBAN(v), "tenants.error.iban");

export const bicSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidBIC(v), "tenants.error.bic");

/**
 * The header shows white text on the primary colour: WCAG 2.1 AA asks for a contrast ratio of
 * at least 4.5:1, so colours too light for that are refused.
 */
function readableUnderWhite(hex: string): boolean {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return true; // the format check reports this one
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05) >= 4.5;
}

/** Tenant settings as entered on the settings page or the CLI (flat fields). */
export const tenantSettingsInput = z.object({
  name: z.string().trim().min(2).max(200),
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "tenants.error.postcode")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  city: optionalText(100),
  email: z
    .string()
    .trim()
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  phone: optionalText(50),
  website: z
    .string()
    .trim()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  openingHours: optionalText(500),
  primaryColour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "tenants.error.colour")
    .refine(readableUnderWhite, "tenants.error.colourContrast")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  iban: ibanSchema.optional().or(z.literal("").transform(() => undefined)),
  bic: bicSchema.optional().or(z.literal("").transform(() => undefined)),
  bankName: optionalText(100),
  state: z.enum(STATES, { message: "tenants.error.state" }),
  impressum: optionalText(20_000),
  privacy: optionalText(50_000),
  accessibility: optionalText(50_000),
  postalDays: z
    .enum(["3", "4"], { message: "tenants.error.postalDays" })
    .optional()
    .transform((v) => Number(v ?? "4") as 3 | 4),
  // The Kassenzeichen scheme of fee notices (core `KassenzeichenScheme`; defaults if left out).
  kzPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{0,6}$/, "tenants.error.kzPrefix")
    .optional()
    .transform((v) => v ?? ""),
  kzYearDigits: z
    .enum(["0", "2", "4"], { message: "tenants.error.kzYearDigits" })
    .optional()
    .transform((v) => Number(v ?? "2") as 0 | 2 | 4),
  kzSequenceDigits: z
    .string()
    .trim()
    .regex(/^(?:[4-9]|10)$/, "tenants.error.kzSequenceDigits")
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => Number(v ?? "6")),
  kzCheckDigit: z
    .enum(CHECK_DIGIT_METHODS, { message: "tenants.error.kzCheckDigit" })
    .optional()
    .transform((v) => v ?? "luhn"),
});

export type TenantSettingsInput = z.infer<typeof tenantSettingsInput>;
/** Settings as a caller may pass them before validation (e.g. from the CLI). */
export type TenantSettingsDraft = z.input<typeof tenantSettingsInput>;

/** A new municipality: its address and settings. */
export const newTenantInput = z.object({ slug: slugSchema, settings: tenantSettingsInput });

/**
 * Validates with `schema`, turning the first problem into a DomainError with the field named.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key =
    issue.message?.includes(".") && !issue.message.includes(" ")
      ? issue.message
      : "validation.invalid";
  throw new DomainError(key, { status: 422, field: String(issue.path.at(-1) ?? "_form") });
}
