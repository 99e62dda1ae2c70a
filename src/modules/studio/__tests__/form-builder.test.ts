import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { FIELD_TYPES, loadDefinition } from "../../../core/index.ts";
import { identifierFrom, newField, uniqueId, usedIds } from "../../../studio/form/fieldTypes.ts";
import {
  countReferences,
  duplicateField,
  renameInExpression,
  renameReferences,
} from "../../../studio/form/references.ts";

const dog = () => JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));

describe("the form builder's new fields", () => {
  it("gives every field type defaults with which the definition still loads", () => {
    for (const type of FIELD_TYPES) {
      const def = dog();
      const field = newField(type, def);
      def.form.pages[0].fields.push(field);
      const loaded = loadDefinition(def);
      assert.ok(loaded.ok, `${type}: ${JSON.stringify(!loaded.ok && loaded.problems)}`);
      assert.ok(!usedIds(dog()).has(field.id), `${type}: id ${field.id} was taken`);
    }
  });

  it("makes ids from German labels, unique within the definition", () => {
    assert.equal(identifierFrom("Art des Hundes"), "artDesHundes");
    assert.equal(identifierFrom("Größe (in cm)"), "groesseInCm");
    assert.equal(identifierFrom("1. Wohnsitz"), "feld1Wohnsitz");
    assert.equal(uniqueId("dogs", usedIds(dog())), "dogs2");
    const copy = duplicateField(dog().form.pages[1].fields[0], dog());
    assert.equal(copy.id, "dogsKopie");
    const def = dog();
    def.form.pages[1].fields.push(copy);
    assert.ok(loadDefinition(def).ok, "a duplicated group keeps the definition loadable");
    // a copied field's own rule reads the copy
    const held = dog().form.pages[1].fields[0].fields[7];
    const heldCopy = duplicateField(held, dog());
    assert.equal(heldCopy.id, "dogHeldSinceKopie");
    assert.match(heldCopy.constraints[0].rule, /dogHeldSinceKopie/);
  });
});

describe("renaming a field id", () => {
  it("rewrites names the expression reads, not strings or properties", () => {
    assert.deepEqual(
      renameInExpression('sepaMandate = true and x = "sepaMandate"', "sepaMandate", "mandat"),
      {
        text: 'mandat = true and x = "sepaMandate"',
        unsafe: false,
      },
    );
    assert.equal(
      renameInExpression("applicantName.familyName != null", "applicantName", "name").text,
      "name.familyName != null",
    );
    assert.equal(renameInExpression("a.sepaMandate", "sepaMandate", "m").text, "a.sepaMandate");
    // broken syntax: left alone, and said so
    assert.deepEqual(renameInExpression("sepaMandate = (", "sepaMandate", "m"), {
      text: "sepaMandate = (",
      unsafe: true,
    });
  });

  it("follows the id through conditions, fees, effects and placeholders", () => {
    const def = dog();
    const before = countReferences(def, "sepaMandate");
    assert.ok(before >= 2, `sepaMandate used ${before} times`);
    const result = renameReferences(def, "sepaMandate", "lastschrift");
    assert.equal(result.changed, before);
    assert.equal(result.unsafe, 0);
    assert.equal(countReferences(def, "sepaMandate"), 0);
    assert.equal(def.form.pages[2].fields[3].visibleIf, "lastschrift = true");
    def.form.pages[2].fields[2].id = "lastschrift";
    assert.ok(loadDefinition(def).ok, "the renamed definition loads");
  });
});
