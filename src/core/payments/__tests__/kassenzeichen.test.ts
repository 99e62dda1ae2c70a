import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  type CheckDigitMethod,
  checkDigit,
  DEFAULT_KASSENZEICHEN_SCHEME,
  formatKassenzeichen,
  isValidKassenzeichen,
  KassenzeichenScheme,
  normaliseKassenzeichen,
} from "../kassenzeichen.ts";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;

type CheckCase = { method: CheckDigitMethod; body: string; check: string; source: string };
type FormatCase = {
  name: string;
  scheme: Record<string, unknown>;
  year: number;
  sequence: number;
  value?: string;
  problems?: [string, string, Record<string, unknown>?][];
};

const checks = fixture<{ cases: CheckCase[] }>("check-digits.json").cases;
const cases = fixture<{ formats: FormatCase[]; refusals: FormatCase[] }>(
  "kassenzeichen-cases.json",
);

describe("checkDigit (table: check-digits.json)", () => {
  for (const c of checks) {
    it(`${c.method} of ${c.body} is "${c.check}" (${c.source})`, () => {
      assert.equal(checkDigit(c.method, c.body), c.check);
    });
  }

  it("refuses anything but digits and capitals (a bug in the caller, not user input)", () => {
    assert.throws(() => checkDigit("luhn", "12a4"), RangeError);
    assert.throws(() => checkDigit("mod97", "12 34"), RangeError);
  });
});

describe("KassenzeichenScheme", () => {
  it("defaults to no prefix, two year digits, six sequence digits and Luhn", () => {
    assert.deepEqual(DEFAULT_KASSENZEICHEN_SCHEME, {
      prefix: "",
      yearDigits: 2,
      sequenceDigits: 6,
      checkDigit: "luhn",
    });
  });

  it("refuses prefixes, digit counts and methods outside the allowed set", () => {
    for (const bad of [
      { prefix: "kz" },
      { prefix: "ABCDEFG" },
      { prefix: "K-Z" },
      { yearDigits: 3 },
      { sequenceDigits: 3 },
      { sequenceDigits: 11 },
      { sequenceDigits: 6.5 },
      { checkDigit: "crc32" },
      { unknown: true },
    ]) {
      assert.equal(KassenzeichenScheme.safeParse(bad).success, false, JSON.stringify(bad));
    }
    const prefix = KassenzeichenScheme.safeParse({ prefix: "kz" });
    assert.equal(prefix.error?.issues[0].message, "payments.invalidPrefix");
  });
});

describe("formatKassenzeichen (table: kassenzeichen-cases.json)", () => {
  for (const c of cases.formats) {
    it(`${c.name}: ${c.value}`, () => {
      const scheme = KassenzeichenScheme.parse(c.scheme);
      const result = formatKassenzeichen(scheme, c);
      assert.deepEqual(result, { ok: true, value: c.value });
      assert.ok(isValidKassenzeichen(scheme, c.value!));
    });
  }
  for (const c of cases.refusals) {
    it(`refuses ${c.name}`, () => {
      const result = formatKassenzeichen(KassenzeichenScheme.parse(c.scheme), c);
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.ok
          ? []
          : result.problems.map((p) => [p.path, p.key, ...(p.params ? [p.params] : [])]),
        c.problems,
      );
    });
  }

  it("ignores the year when the scheme has no year digits", () => {
    const scheme = KassenzeichenScheme.parse({ yearDigits: 0, checkDigit: "none" });
    assert.deepEqual(formatKassenzeichen(scheme, { year: 0, sequence: 5 }), {
      ok: true,
      value: "000005",
    });
  });
});

describe("isValidKassenzeichen", () => {
  const schemes = {
    luhn: KassenzeichenScheme.parse({ prefix: "KZ" }),
    mod97: KassenzeichenScheme.parse({ prefix: "KZ", checkDigit: "mod97" }),
    mod11: KassenzeichenScheme.parse({ prefix: "KZ", checkDigit: "mod11" }),
  };

  const issue = (scheme: KassenzeichenScheme, sequence: number) => {
    const result = formatKassenzeichen(scheme, { year: 2026, sequence });
    assert.ok(result.ok);
    return result.value;
  };

  for (const method of ["luhn", "mod97"] as const) {
    it(`${method}: catches every single mistyped digit`, () => {
      const scheme = schemes[method];
      for (const sequence of [1, 123, 98765, 999999]) {
        const value = issue(scheme, sequence);
        assert.ok(isValidKassenzeichen(scheme, value), value);
        for (let i = 2; i < value.length; i++) {
          for (const digit of "0123456789") {
            if (digit === value[i]) continue;
            const typo = value.slice(0, i) + digit + value.slice(i + 1);
            assert.equal(isValidKassenzeichen(scheme, typo), false, typo);
          }
        }
      }
    });
  }

  it("mod97: also catches every swap of two neighbouring digits", () => {
    const scheme = schemes.mod97;
    const value = issue(scheme, 102938);
    for (let i = 2; i < value.length - 1; i++) {
      if (value[i] === value[i + 1]) continue;
      const swapped = value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
      assert.equal(isValidKassenzeichen(scheme, swapped), false, swapped);
    }
  });

  it("mod11: remainders 0 and 1 share the check digit 0, so such a typo goes unnoticed", () => {
    // Digits 6 and 0 at weight 2 give remainders 1 and 0: both check digit 0. A documented
    // weakness of this method (Bundesbank method 06 has it too); Luhn and MOD 97-10 catch it.
    const scheme = KassenzeichenScheme.parse({
      yearDigits: 0,
      sequenceDigits: 4,
      checkDigit: "mod11",
    });
    assert.deepEqual(formatKassenzeichen(scheme, { year: 0, sequence: 6 }), {
      ok: true,
      value: "00060",
    });
    assert.ok(isValidKassenzeichen(scheme, "00000"));
    assert.equal(isValidKassenzeichen(scheme, "00070"), false);
    assert.equal(isValidKassenzeichen(scheme, "00061"), false);
  });

  it("refuses a wrong prefix even when the digits are right", () => {
    const value = issue(schemes.luhn, 123); // KZ260001239
    assert.equal(isValidKassenzeichen(schemes.luhn, `KY${value.slice(2)}`), false);
    assert.equal(isValidKassenzeichen(schemes.luhn, value.slice(2)), false);
  });

  it("refuses wrong lengths, letters in the number and lower case", () => {
    const scheme = schemes.luhn;
    for (const bad of [
      "",
      "KZ26000123",
      "KZ2600012390",
      "KZ26OOO1239",
      "kz260001239",
      "KZ 26 000123 9",
    ]) {
      assert.equal(isValidKassenzeichen(scheme, bad), false, bad);
    }
  });

  it("accepts what a payer typed once normalised (spaces, lower case)", () => {
    assert.equal(normaliseKassenzeichen(" kz 26 000123 9 "), "KZ260001239");
    assert.ok(isValidKassenzeichen(schemes.luhn, normaliseKassenzeichen("kz 26 000123 9")));
  });
});
