// biome-ignore-all lint/suspicious/noExplicitAny: tests change fixtures in place
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadDefinition } from "../definition/load.ts";
import { composeDocument, fillPlaceholders } from "../documents/compose.ts";
import { prefillForm } from "../forms/prefill.ts";
import { validateSubmission } from "../forms/validate.ts";
import { performAction, startCase } from "../process/machine.ts";
import { clone, loadFixtureDefinition, readFixture } from "./helpers.ts";

const def = loadFixtureDefinition();

describe("prefillForm", () => {
  it("fills fields marked for prefill from the citizen account", () => {
    const data = prefillForm(def, {
      givenName: "Erika",
      familyName: "Mustermann",
      birthDate: "1980-05-01",
      email: "erika@example.de",
    });
    assert.deepEqual(data, {
      holderName: { givenName: "Erika", familyName: "Mustermann" },
      birthDate: "1980-05-01",
      email: "erika@example.de",
    });
  });
});

describe("composeDocument", () => {
  it("leaves out conditional blocks and fills placeholders, fees in euros", () => {
    const validated = validateSubmission(def, readFixture("hundesteuer.application.json"), {
      today: "2025-10-17",
    });
    assert.ok(validated.ok);
    const options = { land: "ST" as const };
    const now = new Date("2025-10-17T08:00:00Z");
    const started = startCase(def, validated.data, { id: "c", roles: ["applicant"] }, now, options);
    assert.ok(started.ok);
    const rejected = performAction(
      def,
      started.state,
      "reject",
      { id: "cw", roles: ["caseworker"] },
      { rejectionReason: "Kein Nachweis." },
      now,
      options,
    );
    assert.ok(rejected.ok);
    const notice = composeDocument(
      def,
      "notice",
      { ...rejected.state, data: { ...rejected.state.data, taxMarkNumber: "A-17" } },
      { today: "2025-10-17" },
    );
    assert.deepEqual(
      notice?.paragraphs.map((p) => p.text),
      [
        "Sehr geehrte Damen und Herren,",
        "für Ihre Hunde (2) wird die Hundesteuer auf 197,00 € festgesetzt. Steuermarke: A-17.",
        "Hund Bello: keine gelistete Rasse",
        "Hund Rex: keine gelistete Rasse",
        "Die Ermäßigung wurde berücksichtigt.",
        "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.",
      ],
    );
    assert.equal(notice?.paragraphs[5].title, "Rechtsbehelfsbelehrung");
  });

  it("formats data for reading: German dates, ja/nein, option labels, euros", () => {
    const raw = clone(readFixture<Record<string, any>>("hundesteuer.json"));
    raw.documents[1].blocks[1].text = "{{keptSince}} {{reduction}} {{dogs}} {{today}}";
    raw.form.pages[1].fields.push({
      id: "breedNow",
      type: "select",
      label: "Rasse",
      codeList: "listedBreeds",
    });
    const loaded = loadDefinition(raw);
    assert.ok(loaded.ok);
    const state = {
      status: "rejected",
      version: 3,
      statusEnteredAt: "",
      data: { keptSince: "2025-01-01", reduction: true, dogs: [] },
    };
    const doc = composeDocument(loaded.definition, "rejection", state, { today: "2025-10-17" });
    assert.equal(doc?.paragraphs[1].text, "01.01.2025 ja {{dogs}} 17.10.2025");
  });

  it("keeps unknown placeholders visible", () => {
    assert.equal(fillPlaceholders("{{a.b}} {{x}} {{ a.c }}", { a: { b: 1, c: null } }), "1 {{x}} ");
  });
});
