import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadDefinition } from "../definition/load.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { diffDefinitions } from "../diff/diff.ts";
import { clone, readFixture, setPath } from "./helpers.ts";

const example = readFixture<Record<string, unknown>>("hundesteuer.json");

function load(value: unknown): ServiceDefinition {
  const result = loadDefinition(value);
  assert.ok(result.ok, JSON.stringify(result));
  return result.definition;
}

describe("diffDefinitions", () => {
  it("finds nothing between equal versions", () => {
    const diff = diffDefinitions(load(example), load(example));
    assert.deepEqual(
      [diff.fields, diff.statuses, diff.actions, diff.breaking],
      [[], [], [], false],
    );
  });

  it("lists added, removed and changed fields and statuses", () => {
    const next = clone(example);
    setPath(next, "version", "1.1.0");
    setPath(next, "form.pages[0].fields[4].required", true);
    setPath(next, "form.pages[0].fields[3].label", "E-Mail-Adresse");
    setPath(next, "form.pages[1].fields[1].fields[2].label", "Transpondernummer");
    setPath(next, "form.pages[0].fields", [
      ...(next as { form: { pages: { fields: unknown[] }[] } }).form.pages[0].fields,
      { id: "mobile", type: "phone", label: "Mobil" },
    ]);
    setPath(
      next,
      "form.pages[1].fields",
      (next as { form: { pages: { fields: { id: string }[] }[] } }).form.pages[1].fields.filter(
        (f) => f.id !== "iban",
      ),
    );
    setPath(next, "process.statuses[1].title", "In Bearbeitung");
    setPath(next, "process.statuses[2].kind", "open");
    const diff = diffDefinitions(load(example), load(next));
    assert.deepEqual(
      diff.fields.map((c) => [c.id, c.change, c.properties ?? [], c.breaking]),
      [
        ["email", "changed", ["label"], false],
        ["phone", "changed", ["required"], true],
        ["mobile", "added", [], false],
        ["dogs.chip", "changed", ["label"], false],
        ["iban", "removed", [], true],
      ],
    );
    assert.deepEqual(
      diff.statuses.map((c) => [c.id, c.change, c.properties ?? [], c.breaking]),
      [
        ["inReview", "changed", ["title"], false],
        ["documentsRequested", "changed", ["kind"], true],
      ],
    );
    assert.equal(diff.breaking, true);
    assert.deepEqual([diff.from, diff.to], ["1.0.0", "1.1.0"]);
  });
});

describe("diffDefinitions beyond the form and the process", () => {
  it("lists changed fees, documents, text blocks, notifications and catalogue facts", () => {
    const before = load(example) as unknown as Record<string, any>;
    const next = clone(example) as Record<string, any>;
    next.meta.title = "Hund anmelden (neu)";
    next.fees.items[0].legalBasis = "§ 1 neue Satzung";
    next.fees.items.push({ id: "zuschlag", label: "Zuschlag", legalBasis: "§ 2", amount: 500 });
    if (next.documents?.[0]) next.documents[0].title = "Neuer Bescheidtitel";
    next.notifications.push({ id: "hinweis", subject: "Hinweis", body: "Text" });
    next.textBlocks.greeting.text = "Guten Tag,";
    const diff = diffDefinitions(before as ServiceDefinition, load(next));
    assert.deepEqual(diff.meta, [
      { id: "meta", change: "changed", properties: ["title"], breaking: false },
    ]);
    assert.deepEqual(
      diff.fees.map((c) => [c.id, c.change, c.properties ?? []]),
      [
        [before.fees.items[0].id, "changed", ["legalBasis"]],
        ["zuschlag", "added", []],
      ],
    );
    if (before.documents?.[0])
      assert.deepEqual(
        diff.documents.map((c) => [c.id, c.change, c.properties ?? []]),
        [[before.documents[0].id, "changed", ["title"]]],
      );
    assert.deepEqual(
      diff.notifications.map((c) => [c.id, c.change]),
      [["hinweis", "added"]],
    );
    assert.deepEqual(
      diff.textBlocks.map((c) => [c.id, c.change, c.properties]),
      [["greeting", "changed", ["text"]]],
    );
    assert.equal(diff.breaking, false);
  });
});
