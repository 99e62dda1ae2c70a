/**
 * The EPC QR code ("GiroCode") of a SEPA credit transfer, per EPC069-12 version 002 with
 * character set 1 (UTF-8). Banking apps read it and fill in the transfer form, so a wrong
 * field is worse than no code: every field is checked and a bad one refused, never shortened.
 *
 * Lines: service tag, version, character set, identification, BIC, name, IBAN, amount,
 * purpose, structured creditor reference (line 10, unused: the Kassenzeichen is free text),
 * unstructured remittance (line 11), beneficiary-to-originator information (line 12).
 */
import { isValidIban, normaliseIban } from "../forms/german.ts";
import type { Problem } from "../problems.ts";

export { isValidIban, normaliseIban };

/** A credit transfer to a municipality's account; `remittance` carries the Kassenzeichen. */
export type EpcTransfer = {
  name: string;
  iban: string;
  bic?: string;
  amountCents: number;
  remittance: string;
  purpose?: string;
  info?: string;
};

/** Limits of EPC069-12: field lengths in characters, the payload in UTF-8 bytes. */
export const EPC_LIMITS = {
  name: 70,
  remittance: 140,
  info: 70,
  minCents: 1,
  maxCents: 99_999_999_999, // 999 999 999,99 €
  /** The byte capacity of a version 13 QR code at level M, the largest EPC069-12 allows. */
  payloadBytes: 331,
} as const;

// 4 letters bank, 2 letters country, 2 location, optional 3 branch (ISO 9362).
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
// ISO 20022 ExternalPurpose1Code: four capitals, e.g. GOVT, TAXS.
const PURPOSE = /^[A-Z]{4}$/;
// A line break inside a field would shift every following line; other controls have no place.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The EPC QR payload of a transfer, lines joined with "\n", trailing empty lines dropped;
 * or the problems of every field that cannot go into it. The IBAN is written normalised
 * (no spaces, capitals), the BIC in capitals; an empty BIC is left out (allowed in 002).
 */
export function epcQrPayload(
  t: EpcTransfer,
): { ok: true; payload: string } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const iban = normaliseIban(t.iban);
  const bic = (t.bic ?? "").trim().toUpperCase();

  if (!isValidIban(iban)) problems.push({ path: "iban", key: "payments.invalidIban" });
  if (bic !== "" && !BIC.test(bic)) problems.push({ path: "bic", key: "payments.invalidBic" });
  checkText(problems, "name", t.name, EPC_LIMITS.name, true);
  checkAmount(problems, t.amountCents);
  if (t.purpose !== undefined && t.purpose !== "" && !PURPOSE.test(t.purpose)) {
    problems.push({ path: "purpose", key: "payments.invalidPurpose" });
  }
  // Optional in the standard, required here: without the Kassenzeichen the treasury
  // (Kasse) cannot match the payment to the notice.
  checkText(problems, "remittance", t.remittance, EPC_LIMITS.remittance, true);
  checkText(problems, "info", t.info ?? "", EPC_LIMITS.info, false);
  if (problems.length > 0) return { ok: false, problems };

  const lines = [
    "BCD",
    "002",
    "1",
    "SCT",
    bic,
    t.name,
    iban,
    epcAmount(t.amountCents),
    t.purpose ?? "",
    "",
    t.remittance,
    t.info ?? "",
  ];
  while (lines.at(-1) === "") lines.pop();
  const payload = lines.join("\n");
  const bytes = utf8Length(payload);
  if (bytes > EPC_LIMITS.payloadBytes) {
    return {
      ok: false,
      problems: [
        {
          path: "",
          key: "payments.payloadTooLong",
          params: { bytes, max: EPC_LIMITS.payloadBytes },
        },
      ],
    };
  }
  return { ok: true, payload };
}

/**
 * The amount line: `EUR` and euros with a dot and always two decimals (`EUR12.50`). The
 * standard also accepts `EUR12.5`; two decimals read the way people write amounts and
 * keep the line's length predictable. Integer arithmetic only.
 */
export function epcAmount(cents: number): string {
  return `EUR${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function checkAmount(problems: Problem[], cents: number) {
  if (!Number.isSafeInteger(cents)) {
    problems.push({ path: "amountCents", key: "payments.amountNotCents" });
  } else if (cents < EPC_LIMITS.minCents || cents > EPC_LIMITS.maxCents) {
    problems.push({
      path: "amountCents",
      key: "payments.amountOutOfRange",
      params: { min: "0,01 €", max: "999.999.999,99 €" },
    });
  }
}

function checkText(
  problems: Problem[],
  path: string,
  value: string,
  max: number,
  required: boolean,
) {
  const length = [...value].length;
  if (required && value.trim() === "") {
    problems.push({ path, key: "payments.textMissing" });
  } else if (length > max) {
    problems.push({ path, key: "payments.textTooLong", params: { max, length } });
  } else if (CONTROL.test(value)) {
    problems.push({ path, key: "payments.controlCharacter" });
  }
}

/** UTF-8 length of a string, counted per code point (no TextEncoder: the core runs anywhere). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
