import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { patternExample } from "../forms/sample.ts";
import {
  loadDefinition,
  type ServiceDefinition,
  sampleActionInput,
  sampleData,
  validateSubmission,
  withStandInMeta,
} from "../index.ts";
import { validateActionInput } from "../process/input.ts";
import { loadFixtureDefinition } from "./helpers.ts";

const today = "2026-03-16";

function load(file: string): ServiceDefinition {
  const result = loadDefinition(readFileSync(file, "utf8"));
  assert.ok(result.ok, file);
  return result.definition;
}

const services = readdirSync("services")
  .filter((f) => f.endsWith(".json"))
  .map((f) => `services/${f}`);

describe("sampleData", () => {
  for (const file of services) {
    it(`makes valid application data for ${file}`, () => {
      const def = load(file);
      const data = sampleData(def, { today });
      const result = validateSubmission(def, data, { today });
      assert.deepEqual(result.ok ? [] : result.errors, []);
    });
  }

  it("fills every field type within its bounds (field-types fixture)", () => {
    const def = loadFixtureDefinition("field-types.json");
    const data = sampleData(def, { today });
    const result = validateSubmission(def, data, { today });
    assert.deepEqual(result.ok ? [] : result.errors, []);
    for (const field of def.form.pages.flatMap((p) => p.fields)) {
      if (field.type === "info" || ("computed" in field && field.computed)) continue;
      if (field.visibleIf || def.form.pages.find((p) => p.fields.includes(field))?.visibleIf)
        continue;
      assert.ok(field.id in data, `no sample value for ${field.id} (${field.type})`);
    }
  });

  it("is deterministic and respects bounds and lengths", () => {
    const def = load("services/hund-anmelden.json");
    assert.deepEqual(sampleData(def, { today }), sampleData(def, { today }));
    const raw = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
    raw.form.pages[0].fields.unshift(
      {
        id: "shortCode",
        type: "text",
        label: "Kürzel",
        pattern: "[A-Z]{2}-\\d{4}",
        required: true,
      },
      { id: "count", type: "integer", label: "Anzahl", min: 7, max: 9, required: true },
      { id: "fee", type: "money", label: "Betrag", max: 1000, required: true },
      { id: "start", type: "date", label: "Beginn", min: "today+60d", required: true },
      { id: "essay", type: "textarea", label: "Text", minLength: 80, required: true },
    );
    const loaded = loadDefinition(raw);
    assert.ok(loaded.ok);
    const data = sampleData(loaded.definition, { today });
    assert.match(String(data.shortCode), /^[A-Z]{2}-\d{4}$/);
    assert.equal(data.count, 7);
    assert.equal(data.fee, 1000);
    assert.ok(String(data.start) >= "2026-05-15", String(data.start));
    assert.ok(String(data.essay).length >= 80);
    const result = validateSubmission(loaded.definition, data, { today });
    assert.deepEqual(result.ok ? [] : result.errors, []);
  });

  it("finds a candidate meeting a cross-field constraint", () => {
    const raw = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
    raw.form.pages[0].fields.unshift({
      id: "agreeNot",
      type: "boolean",
      label: "Nicht zutreffend",
      constraints: [{ rule: "agreeNot = false", message: "Muss nein sein" }],
    });
    const loaded = loadDefinition(raw);
    assert.ok(loaded.ok);
    const data = sampleData(loaded.definition, { today });
    assert.equal(data.agreeNot, false);
  });

  it("gives caseworker inputs that the action accepts", () => {
    for (const file of services) {
      const def = load(file);
      for (const action of def.process.actions) {
        if (!action.input?.length) continue;
        const state = {
          status: action.from[0],
          data: sampleData(def, { today }),
          version: 1,
          statusEnteredAt: "",
        };
        const input = sampleActionInput(def, action, today);
        const result = validateActionInput(
          def,
          state,
          action,
          input,
          new Date(`${today}T10:00:00Z`),
        );
        assert.deepEqual(result.ok ? [] : result.errors, [], `${file} ${action.id}`);
      }
    }
  });
});

describe("sampleData and conditions", () => {
  it("leaves out what the form does not ask for with the sample answers", () => {
    const def = load("services/brauchtumsfeuer-anzeigen.json");
    const data = sampleData(def, { today });
    assert.equal(data.applicantType, "person");
    assert.equal("organisationName" in data, false);
  });
});

describe("patternExample", () => {
  it("builds a matching string for the patterns forms use, or nothing", () => {
    for (const p of [
      "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} \\d{1,4}",
      "^([01][0-9]|2[0-3]):[0-5][0-9]$",
      "^[A-HJ-NPR-Z0-9]{6}$",
      "^[0-9]{1,5}(/[0-9]{1,4})?$",
      "(?:ab|cd)+x*",
    ]) {
      const example = patternExample(p);
      assert.ok(example !== undefined && new RegExp(`^(?:${p})$`, "u").test(example), p);
    }
    assert.equal(patternExample("[^a]"), "#");
    assert.equal(patternExample("(unbalanced"), undefined);
  });
});

describe("withStandInMeta", () => {
  it("lets a blank draft with empty catalogue facts load, keeping everything else", () => {
    const raw = JSON.parse(readFileSync("services/plakatierung.json", "utf8"));
    raw.meta = { title: "Neu", description: "", leikaKey: "", legalBasis: [], orgUnit: "" };
    assert.equal(loadDefinition(raw).ok, false);
    const patched = withStandInMeta(raw) as typeof raw;
    const loaded = loadDefinition(patched);
    assert.ok(loaded.ok);
    assert.equal(loaded.definition.meta.title, "Neu");
    assert.deepEqual(patched.form, raw.form);
    // a broken form still does not load
    raw.form.pages = [];
    assert.equal(loadDefinition(withStandInMeta(raw)).ok, false);
    assert.equal(withStandInMeta(null), null);
  });
});
