import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeFormPost, parseCents, parseDecimal, parseGermanDate } from "../forms/decode.ts";
import { validateSubmission } from "../forms/validate.ts";
import { loadFixtureDefinition, readFixture } from "./helpers.ts";

type PostCase = {
  name: string;
  page: string;
  entries: [string, string][];
  data: Record<string, unknown>;
};
const cases = readFixture<PostCase[]>("form-post-cases.json");
const def = loadFixtureDefinition();

describe("decodeFormPost (table: form-post-cases.json)", () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(decodeFormPost(def, c.entries, c.page), c.data));
  }

  it("reads money as integer cents in German and English notation", () => {
    const samples = [
      "12",
      "12,5",
      "12,50",
      "1.234,56 €",
      "1234.56",
      "0,07",
      "-4,80",
      "12,345",
      "abc",
      "1.23",
    ];
    assert.deepEqual(samples.map(parseCents), [
      1200,
      1250,
      1250,
      123456,
      123456,
      7,
      -480,
      undefined,
      undefined,
      123,
    ]);
  });

  it("reads decimals and dates", () => {
    assert.deepEqual(["1.234,5", "1234,5", "1234.5", "-3", "1,2,3"].map(parseDecimal), [
      1234.5,
      1234.5,
      1234.5,
      -3,
      undefined,
    ]);
    assert.deepEqual(["17.10.2025", "7.3.2025", "2025-03-07", "2025/03/07"].map(parseGermanDate), [
      "2025-10-17",
      "2025-03-07",
      "2025-03-07",
      undefined,
    ]);
  });

  it("leaves unreadable values as strings, so that validation reports a type error", () => {
    const data = decodeFormPost(def, [["keptSince", "gestern"]], "dogs");
    const result = validateSubmission(def, data, { today: "2025-06-02", page: "dogs" });
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.path, e.key]).slice(0, 1), [
      ["keptSince", "validation.invalidDate"],
    ]);
  });
});

describe("validateSubmission with a page", () => {
  it("reports only the errors of that page (and unknown fields)", () => {
    const page1 = decodeFormPost(def, cases[0].entries, "holder");
    const result = validateSubmission(
      def,
      { ...page1, colour: "x" },
      { today: "2025-06-02", page: "holder" },
    );
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.path, e.key]), [
      ["colour", "validation.unknownField"],
    ]);
    assert.equal(validateSubmission(def, page1, { today: "2025-06-02", page: "holder" }).ok, true);
    assert.equal(validateSubmission(def, page1, { today: "2025-06-02" }).ok, false);
  });
});
