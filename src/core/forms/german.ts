/**
 * Checks for German formats. The IBAN check is written here rather than taken from
 * `ibantools` because the core may only depend on zod, feelin and date-holidays (it
 * runs in the browser studio too); it is the ISO 13616 mod-97 check plus lengths.
 */

/** IBAN lengths of the SEPA countries (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** An IBAN without spaces, in capitals (how it is stored). */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** Whether a normalised IBAN has a SEPA country's length and a valid mod-97 checksum. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    // letters count as two digits (A = 10 … Z = 35), digits as one
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}

/** German postcodes: five digits, 01001 to 99998 (no region starts with 00). */
export function isGermanPostcode(value: string): boolean {
  return /^\d{5}$/.test(value) && !value.startsWith("00");
}

/**
 * Telephone numbers as people write them in Germany: national (`030 1234567`,
 * `0151/23456789`) or international (`+49 30 1234567`, `0049 …`); 6 to 15 digits.
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^(\+|0)[0-9 ()/-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 15 + 2;
}

/** A practical e-mail check: one @, a dotted domain, no spaces; at most 254 characters. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}
