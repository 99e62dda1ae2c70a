import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { EPC_LIMITS, type EpcTransfer, epcAmount, epcQrPayload } from "../epc.ts";

const transfer: EpcTransfer = {
  name: "Stadt Musterstadt",
  iban: "DE02 1203 0000 0000 2020 51",
  bic: "BYLADEM1001",
  amountCents: 1250,
  remittance: "260001235",
  purpose: "GOVT",
  info: "Hundesteuer 2026",
};

function payloadOf(t: EpcTransfer): string {
  const result = epcQrPayload(t);
  assert.ok(result.ok, JSON.stringify(result));
  return result.payload;
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("epcQrPayload", () => {
  it("writes the twelve lines of EPC069-12 version 002 in order", () => {
    assert.deepEqual(payloadOf(transfer).split("\n"), [
      "BCD", // service tag
      "002", // version
      "1", // character set UTF-8
      "SCT", // SEPA credit transfer
      "BYLADEM1001",
      "Stadt Musterstadt",
      "DE02120300000000202051", // without spaces
      "EUR12.50",
      "GOVT",
      "", // structured creditor reference: not used
      "260001235", // unstructured remittance: the Kassenzeichen
      "Hundesteuer 2026",
    ]);
  });

  it("leaves BIC, purpose and reference empty and drops the empty last line", () => {
    const payload = payloadOf({ ...transfer, bic: undefined, purpose: undefined, info: undefined });
    assert.equal(
      payload,
      "BCD\n002\n1\nSCT\n\nStadt Musterstadt\nDE02120300000000202051\nEUR12.50\n\n\n260001235",
    );
    assert.equal(payloadOf({ ...transfer, bic: "", purpose: "", info: "" }), payload);
  });

  it("normalises IBAN and BIC as people write them", () => {
    const lines = payloadOf({
      ...transfer,
      iban: " de02 1203 0000 0000 2020 51 ",
      bic: "byladem1",
    }).split("\n");
    assert.equal(lines[6], "DE02120300000000202051");
    assert.equal(lines[4], "BYLADEM1");
  });

  it("keeps umlauts and other letters as they are (UTF-8, character set 1)", () => {
    const payload = payloadOf({
      ...transfer,
      name: "Gemeinde Groß Köris – Gemeindekasse",
      remittance: "KZ260001239 Gebühr für Überprüfung „Bello“",
      info: "Vielen Dank – ½ € Rabatt? Nein.",
    });
    const lines = payload.split("\n");
    assert.equal(lines[5], "Gemeinde Groß Köris – Gemeindekasse");
    assert.equal(lines[10], "KZ260001239 Gebühr für Überprüfung „Bello“");
    assert.equal(lines[11], "Vielen Dank – ½ € Rabatt? Nein.");
  });

  it("takes names and texts up to their limits, counted in characters, not bytes", () => {
    const name = "Ä".repeat(EPC_LIMITS.name); // 140 bytes
    assert.equal(payloadOf({ ...transfer, name }).split("\n")[5], name);

    const remittance = "r".repeat(EPC_LIMITS.remittance);
    const info = "i".repeat(EPC_LIMITS.info);
    const lines = payloadOf({ ...transfer, remittance, info }).split("\n");
    assert.equal(lines[10], remittance);
    assert.equal(lines[11], info);
  });

  it("fills up to 331 bytes and refuses one byte more rather than cutting text", () => {
    // 14 (header) + 1 (BIC) + 141 (70 × ü and \n) + 23 (IBAN) + 9 (amount) + 1 + 1 = 190 bytes,
    // and 141 for the remittance: 139 letters and one ü (140 characters).
    const exact = { ...transfer, bic: "", purpose: "", info: "", name: "ü".repeat(70) };
    const payload = payloadOf({ ...exact, remittance: `${"a".repeat(139)}ü` });
    assert.equal(utf8Bytes(payload), 331);

    const tooLong = epcQrPayload({ ...exact, remittance: `${"a".repeat(138)}üü` });
    assert.deepEqual(tooLong, {
      ok: false,
      problems: [{ path: "", key: "payments.payloadTooLong", params: { bytes: 332, max: 331 } }],
    });
  });
});

describe("epcAmount", () => {
  const cases: [number, string][] = [
    [1, "EUR0.01"],
    [10, "EUR0.10"],
    [100, "EUR1.00"],
    [1250, "EUR12.50"],
    [123456789, "EUR1234567.89"],
    [EPC_LIMITS.maxCents, "EUR999999999.99"],
  ];
  for (const [cents, line] of cases) {
    it(`${cents} cents -> ${line}`, () => {
      assert.equal(epcAmount(cents), line);
      assert.equal(payloadOf({ ...transfer, amountCents: cents }).split("\n")[7], line);
    });
  }
});

type Refusal = {
  name: string;
  change: Partial<EpcTransfer>;
  problems: [string, string, object?][];
};
const refusals = (
  JSON.parse(readFileSync(new URL("./fixtures/epc-refusals.json", import.meta.url), "utf8")) as {
    cases: Refusal[];
  }
).cases;

describe("epcQrPayload refuses (table: epc-refusals.json)", () => {
  for (const c of refusals) {
    it(c.name, () => {
      const result = epcQrPayload({ ...transfer, ...c.change });
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.ok
          ? []
          : result.problems.map((p) => [p.path, p.key, ...(p.params ? [p.params] : [])]),
        c.problems,
      );
    });
  }

  for (const amountCents of [Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
    it(`an amount of ${amountCents} cents`, () => {
      const result = epcQrPayload({ ...transfer, amountCents });
      assert.deepEqual(result, {
        ok: false,
        problems: [{ path: "amountCents", key: "payments.amountNotCents" }],
      });
    });
  }
});
