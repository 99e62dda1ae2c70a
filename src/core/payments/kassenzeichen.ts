/**
 * The Kassenzeichen (payment reference) a municipality gives each receivable: an optional
 * prefix, the year, a running number and a check digit, e.g. `KZ` `26` `000123` `9`. The scheme
 * is the municipality's setting; its treasury (Kasse) matches incoming payments by it, so the
 * check digit catches typing errors before a payment goes astray.
 *
 * Letters in the prefix take part in the check: as in ISO 7064 and ISIN, A = 10 … Z = 35
 * replace them by two digits before any method runs, so a wrong prefix fails the check too.
 */
import { z } from "zod";
import type { Problem } from "../problems.ts";

export const CHECK_DIGIT_METHODS = ["luhn", "mod11", "mod97", "none"] as const;
export type CheckDigitMethod = (typeof CHECK_DIGIT_METHODS)[number];

/** A municipality's Kassenzeichen scheme; every field has a default (`parse({})`). */
export const KassenzeichenScheme = z.strictObject({
  prefix: z
    .string()
    .regex(/^[0-9A-Z]{0,6}$/, "payments.invalidPrefix")
    .default(""),
  yearDigits: z.union([z.literal(0), z.literal(2), z.literal(4)]).default(2),
  sequenceDigits: z.number().int().min(4).max(10).default(6),
  checkDigit: z.enum(CHECK_DIGIT_METHODS).default("luhn"),
});
export type KassenzeichenScheme = z.infer<typeof KassenzeichenScheme>;

/** No prefix, two year digits, six sequence digits, a Luhn check digit: `26` `000123` `5`. */
export const DEFAULT_KASSENZEICHEN_SCHEME: KassenzeichenScheme = KassenzeichenScheme.parse({});

/**
 * The Kassenzeichen of the `sequence`-th receivable of `year`: prefix, the year's last
 * `yearDigits` digits, the sequence zero-padded, then the check digit(s) over all of it.
 * Refuses a sequence that does not fit its digits (the scheme then needs more of them)
 * rather than wrapping around into another receivable's number.
 */
export function formatKassenzeichen(
  scheme: KassenzeichenScheme,
  { year, sequence }: { year: number; sequence: number },
): { ok: true; value: string } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (scheme.yearDigits > 0 && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    problems.push({ path: "year", key: "payments.invalidYear", params: { year } });
  }
  const max = 10 ** scheme.sequenceDigits - 1;
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    problems.push({ path: "sequence", key: "payments.invalidSequence" });
  } else if (sequence > max) {
    problems.push({ path: "sequence", key: "payments.sequenceOverflow", params: { max } });
  }
  if (problems.length > 0) return { ok: false, problems };

  const yearPart = scheme.yearDigits === 0 ? "" : String(year).slice(-scheme.yearDigits);
  const body = `${scheme.prefix}${yearPart}${String(sequence).padStart(scheme.sequenceDigits, "0")}`;
  return { ok: true, value: body + checkDigit(scheme.checkDigit, body) };
}

/** A Kassenzeichen as stored: without spaces, in capitals (how people and banks may write it). */
export function normaliseKassenzeichen(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** Whether a (normalised) value has the scheme's prefix, length and a correct check digit. */
export function isValidKassenzeichen(scheme: KassenzeichenScheme, value: string): boolean {
  const checkLength = CHECK_LENGTH[scheme.checkDigit];
  const digits = scheme.yearDigits + scheme.sequenceDigits;
  if (value.length !== scheme.prefix.length + digits + checkLength) return false;
  if (!value.startsWith(scheme.prefix)) return false;
  const body = value.slice(0, value.length - checkLength);
  if (!/^\d+$/.test(body.slice(scheme.prefix.length))) return false;
  return checkDigit(scheme.checkDigit, body) === value.slice(body.length);
}

const CHECK_LENGTH: Record<CheckDigitMethod, number> = { luhn: 1, mod11: 1, mod97: 2, none: 0 };

/**
 * The check digit(s) of a string of digits and capitals (letters count A = 10 … Z = 35):
 * - `luhn`: one digit; every second digit from the right doubled (ISO/IEC 7812).
 * - `mod11`: one digit; weights 2, 3, 4, 5, 6, 7, 2, … from the right, 11 − (sum mod 11).
 *   Remainders 0 and 1 (which would give 11 and 10) both give 0, as in the Bundesbank's
 *   check method 06, so every sequence number gets a Kassenzeichen; the price is that a
 *   few transpositions go unnoticed.
 * - `mod97`: two digits, ISO 7064 MOD 97-10 as in the IBAN: value and check ≡ 1 (mod 97).
 * - `none`: the empty string.
 */
export function checkDigit(method: CheckDigitMethod, digits: string): string {
  if (!/^[0-9A-Z]*$/.test(digits)) throw new RangeError(`Not digits or capitals: ${digits}`);
  const numeric = digits.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  switch (method) {
    case "luhn":
      return String(luhn(numeric));
    case "mod11":
      return String(mod11(numeric));
    case "mod97":
      return String(98 - mod97(`${numeric}00`)).padStart(2, "0");
    case "none":
      return "";
  }
}

function luhn(numeric: string): number {
  let sum = 0;
  for (let i = numeric.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = Number(numeric[i]) * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

function mod11(numeric: string): number {
  let sum = 0;
  for (let i = numeric.length - 1, w = 0; i >= 0; i--, w = (w + 1) % 6) {
    sum += Number(numeric[i]) * (w + 2);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** The remainder mod 97 of a digit string of any length, digit by digit. */
function mod97(numeric: string): number {
  let remainder = 0;
  for (const d of numeric) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder;
}
