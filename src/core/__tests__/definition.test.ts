import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { definitionJsonSchema } from "../definition/json-schema.ts";
import { loadDefinition } from "../definition/load.ts";
import { clone, readFixture } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests break fixtures in arbitrary places
type Json = Record<string, any>;
const example = readFixture<Json>("hundesteuer.json");

/** Each case breaks the example definition and names every problem expected (path and key). */
const broken: { name: string; breakIt: (d: Json) => void; expected: [string, string][] }[] = [
  {
    name: "unknown field type",
    breakIt: (d) => {
      d.form.pages[0].fields[4].type = "telefax";
    },
    expected: [["form.pages[0].fields[4].type", "definition.unknownType"]],
  },
  {
    name: "unknown property (typo)",
    breakIt: (d) => {
      d.form.pages[0].fields[0].requierd = true;
    },
    expected: [["form.pages[0].fields[0]", "definition.unknownProperty"]],
  },
  {
    name: "status referenced but not defined, twice",
    breakIt: (d) => {
      d.process.actions[1].to = "waiting";
      d.process.actions[2].from = ["nowhere"];
    },
    expected: [
      ["process.actions[1].to", "definition.unknownStatus"],
      ["process.actions[2].from[0]", "definition.unknownStatus"],
    ],
  },
  {
    name: "bad FEEL syntax and unknown field in a guard",
    breakIt: (d) => {
      d.form.pages[1].fields[4].visibleIf = "reduction = (true";
      d.process.actions[4].guard = "consent = true and dogAge > 2";
    },
    expected: [
      ["form.pages[1].fields[4].visibleIf", "rules.syntax"],
      ["process.actions[4].guard", "rules.unknownName"],
    ],
  },
  {
    name: "form rule may not read caseworker input; clock functions refused",
    breakIt: (d) => {
      d.form.pages[0].fields[4].visibleIf = "taxMark != null";
      d.form.pages[1].fields[0].constraints = [{ rule: "keptSince <= today()", message: "x" }];
    },
    expected: [
      ["form.pages[0].fields[4].visibleIf", "rules.unknownName"],
      ["form.pages[1].fields[0].constraints[0].rule", "rules.clockFunction"],
    ],
  },
  {
    name: "unknown property of a composite field and of a group item",
    breakIt: (d) => {
      d.form.pages[1].fields[5].visibleIf = 'address.town = "X" or dogs[1].colour = "b"';
      d.form.pages[1].fields[4].visibleIf = 'address.city = "X"';
    },
    expected: [["form.pages[1].fields[5].visibleIf", "rules.unknownProperty"]],
  },
  {
    name: "duplicate ids, unknown code list, document and notification",
    breakIt: (d) => {
      d.form.pages[0].fields[4].id = "email";
      d.form.pages[1].fields[1].fields[1].codeList = "breeds";
      d.process.actions[0].effects[1].notification = "nope";
      d.process.actions[3].effects[0].document = "nope";
    },
    expected: [
      ["form.pages[0].fields[4].id", "definition.duplicateId"],
      ["form.pages[1].fields[1].fields[1].codeList", "definition.unknownCodeList"],
      ["process.actions[0].effects[1].notification", "definition.unknownNotification"],
      ["process.actions[3].effects[0].document", "definition.unknownDocument"],
    ],
  },
  {
    name: "bad LeiKa key (schema problems are listed before reference checks run)",
    breakIt: (d) => {
      d.meta.leikaKey = "12345";
      d.fees.items[0].table.rules[1].when = ["1"];
    },
    expected: [["meta.leikaKey", "definition.schema"]],
  },
  {
    name: "fee table rule with the wrong number of cells",
    breakIt: (d) => {
      d.fees.items[0].table.rules[1].when = ["1"];
    },
    expected: [["fees.items[0].table.rules[1].when", "definition.ruleArity"]],
  },
  {
    name: "fee item named by an action but not defined; period without days or months",
    breakIt: (d) => {
      d.process.actions[0].effects[0].items = ["tax", "dogTax"];
      d.process.statuses[1].deadline = { workingDays: true };
    },
    expected: [["process.statuses[1].deadline", "definition.schema"]],
  },
  {
    name: "fee item named by an action but not defined",
    breakIt: (d) => {
      d.process.actions[0].effects[0].items = ["tax", "dogTax"];
    },
    expected: [["process.actions[0].effects[0].items[1]", "definition.unknownFeeItem"]],
  },
  {
    name: "repeated document block over something that is not a group",
    breakIt: (d) => {
      d.documents[0].blocks[2].forEach = "dogCount";
      d.documents[1].blocks[0].forEach = "dogs";
    },
    expected: [
      ["documents[0].blocks[2].forEach", "definition.notAGroup"],
      ["documents[1].blocks[0]", "definition.forEachNeedsText"],
    ],
  },
  {
    name: "names inside a filter over a group must be its subfields",
    breakIt: (d) => {
      d.fees.items[0].table.inputs[1] =
        'count(dogs[colour = "black"]) + count(dogs[item.size > 2]) > 0';
    },
    expected: [
      ["fees.items[0].table.inputs[1]", "rules.unknownName"],
      ["fees.items[0].table.inputs[1]", "rules.unknownProperty"],
    ],
  },
  {
    name: "bad unary test",
    breakIt: (d) => {
      d.fees.items[0].table.rules[2].when[0] = "[2..";
    },
    expected: [["fees.items[0].table.rules[2].when[0]", "rules.syntax"]],
  },
];

describe("loadDefinition", () => {
  it("loads the example definition and freezes it", () => {
    const result = loadDefinition(JSON.stringify(example));
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(Object.isFrozen(result.definition.form.pages[0]), true);
  });

  it("refuses text that is not JSON with one problem, without throwing", () => {
    const result = loadDefinition('{ "schemaVersion": 1,');
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.key), [
      "definition.invalidJson",
    ]);
  });

  it("refuses values that are not objects", () => {
    for (const value of [null, 42, [], '"text"']) {
      assert.equal(loadDefinition(value).ok, false);
    }
  });

  for (const { name, breakIt, expected } of broken) {
    it(`lists every problem by path: ${name}`, () => {
      const definition = clone(example);
      breakIt(definition);
      const result = loadDefinition(definition);
      assert.equal(result.ok, false);
      const found = result.ok ? [] : result.problems.map((p) => [p.path, p.key]);
      assert.deepEqual(found, expected);
    });
  }
});

describe("definitionJsonSchema", () => {
  it("matches the committed schemas/service-definition.schema.json", () => {
    const committed = readFileSync(
      new URL("../../../schemas/service-definition.schema.json", import.meta.url),
      "utf8",
    );
    assert.deepEqual(JSON.parse(committed), definitionJsonSchema());
  });

  it("describes every field type for editors", () => {
    const text = JSON.stringify(definitionJsonSchema());
    for (const type of ["personName", "iban", "postcode", "multiselect", "group", "info"]) {
      assert.match(text, new RegExp(`"const":"${type}"`));
    }
  });
});
