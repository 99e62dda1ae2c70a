import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateSubmission } from "../forms/validate.ts";
import { loadFixtureDefinition, readFixture } from "./helpers.ts";

type Case = {
  name: string;
  data?: Record<string, unknown>;
  replace?: unknown;
  errors: [string, string][];
  cleaned?: Record<string, unknown>;
};
const suite = readFixture<{ today: string; base: Record<string, unknown>; cases: Case[] }>(
  "validation-cases.json",
);
const definition = loadFixtureDefinition("field-types.json");

describe("validateSubmission (table: validation-cases.json)", () => {
  for (const testCase of suite.cases) {
    it(testCase.name, () => {
      const data = "replace" in testCase ? testCase.replace : { ...suite.base, ...testCase.data };
      const result = validateSubmission(definition, data, { today: suite.today });
      const errors = result.ok ? [] : result.errors.map((e) => [e.path, e.key]);
      assert.deepEqual(errors, testCase.errors);
      if (testCase.cleaned) assert.deepEqual(result.ok && result.data, testCase.cleaned);
    });
  }

  it("never throws, whatever the data", () => {
    const values = [null, undefined, 0, "", "x", [], {}, [{}], { a: 1 }, true, Number.NaN];
    for (const value of values) {
      assert.doesNotThrow(() => validateSubmission(definition, value, { today: suite.today }));
      for (const id of ["title", "area", "helpers", "address", "photo", "topics", "iban"]) {
        const data = { agree: true, [id]: value };
        assert.doesNotThrow(() => validateSubmission(definition, data, { today: suite.today }), id);
      }
    }
  });
});

describe("validateSubmission (example service)", () => {
  const hundesteuer = loadFixtureDefinition();
  const application = readFixture<Record<string, unknown>>("hundesteuer.application.json");

  it("accepts the example application and computes the dog count", () => {
    const result = validateSubmission(hundesteuer, application, { today: "2025-06-02" });
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.data.dogCount, 2);
  });

  it("checks an age limit relative to today (birth date at most today minus 18 years)", () => {
    const young = { ...application, birthDate: "2007-06-03" };
    const result = validateSubmission(hundesteuer, young, { today: "2025-06-02" });
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => e.key), ["validation.dateTooLate"]);
    const adult = { ...application, birthDate: "2007-06-02" };
    assert.equal(validateSubmission(hundesteuer, adult, { today: "2025-06-02" }).ok, true);
  });
});

describe("text a database cannot store", () => {
  it("refuses NUL and lone surrogates in an application with a field error, and drops NUL from form posts", async () => {
    const { validateSubmission, decodeFormPost, loadDefinition } = await import("../index.ts");
    const { readFileSync } = await import("node:fs");
    const loaded = loadDefinition(readFileSync("services/plakatierung.json", "utf8"));
    assert.ok(loaded.ok);
    const def = loaded.definition;
    for (const bad of ["Verein\u0000", "Verein\ud800", "\udc00Verein"]) {
      const r = validateSubmission(
        def,
        { applicantType: "organisation", organisationName: bad },
        { today: "2026-11-22" },
      );
      assert.ok(!r.ok);
      assert.ok(
        r.errors.some(
          (e) => e.path === "organisationName" && e.key === "validation.invalidCharacters",
        ),
        JSON.stringify(r.errors),
      );
    }
    const ok = validateSubmission(
      def,
      { applicantType: "organisation", organisationName: "Verein 😀" },
      { today: "2026-11-22" },
    );
    assert.ok(ok.ok || !ok.errors.some((e) => e.key === "validation.invalidCharacters"));
    const decoded = decodeFormPost(def, [["organisationName", "Ver\u0000ein"]]);
    assert.equal(decoded.organisationName, "Verein");
  });
});
