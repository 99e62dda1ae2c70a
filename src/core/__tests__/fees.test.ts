import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadDefinition } from "../definition/load.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { assessFees } from "../fees/assess.ts";
import { feelData } from "../process/context.ts";
import { loadFixtureDefinition, readFixture } from "./helpers.ts";

type FeeCase = {
  name: string;
  data: Record<string, unknown>;
  lines?: [string, string, number][];
  total?: number;
  problems?: [string, string][];
};
const suite = readFixture<{ hundesteuer: FeeCase[]; custom: { fees: unknown; cases: FeeCase[] } }>(
  "fee-cases.json",
);

function check(def: ServiceDefinition, c: FeeCase) {
  const result = assessFees(def, feelData(def, c.data));
  if (c.problems) {
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => [p.path, p.key]), c.problems);
    return;
  }
  assert.ok(result.ok, JSON.stringify(result));
  const lines = result.assessment.lines.map((l) => [l.id, l.label, l.amountCents]);
  assert.deepEqual(lines, c.lines);
  assert.equal(result.assessment.totalCents, c.total);
  for (const line of result.assessment.lines) assert.ok(Number.isSafeInteger(line.amountCents));
}

describe("assessFees (table: fee-cases.json)", () => {
  const hundesteuer = loadFixtureDefinition();
  for (const c of suite.hundesteuer) it(`Hundesteuer: ${c.name}`, () => check(hundesteuer, c));

  const base = readFixture<Record<string, unknown>>("field-types.json");
  const loaded = loadDefinition({ ...base, fees: suite.custom.fees });
  assert.ok(loaded.ok, JSON.stringify(loaded));
  for (const c of suite.custom.cases) it(c.name, () => check(loaded.definition, c));

  it("assesses only the items an action names", () => {
    const result = assessFees(hundesteuer, feelData(hundesteuer, { dogCount: 1, dogs: [] }), [
      "mark",
    ]);
    assert.deepEqual(result.ok && result.assessment.lines.map((l) => [l.id, l.amountCents]), [
      ["mark", 500],
    ]);
  });

  it("cites the legal basis on every line", () => {
    const result = assessFees(hundesteuer, feelData(hundesteuer, { dogCount: 1, dogs: [] }));
    assert.ok(result.ok);
    assert.deepEqual(
      result.assessment.lines.map((l) => l.legalBasis),
      ["§ 5 Hundesteuersatzung", "Verwaltungsgebührensatzung Nr. 4.2"],
    );
  });

  it("cites a row's own legal basis, and each basis once when rows add up", () => {
    const table = (hitPolicy: string) => ({
      items: [
        {
          id: "base",
          label: "Grundgebühr",
          legalBasis: "GebO Nr. 1",
          table: {
            hitPolicy,
            inputs: ["persons"],
            rules: [
              { when: ["> 4"], amount: 500, legalBasis: "GebO Nr. 1.2 (große Gruppen)" },
              { when: [">= 1"], amount: 1000 },
              { when: ["> 5"], amount: 100, legalBasis: "GebO Nr. 1.2 (große Gruppen)" },
            ],
          },
        },
      ],
    });
    const basisFor = (hitPolicy: string, persons: number) => {
      const loaded = loadDefinition({ ...base, fees: table(hitPolicy) });
      assert.ok(loaded.ok, JSON.stringify(loaded));
      const result = assessFees(loaded.definition, feelData(loaded.definition, { persons }));
      assert.ok(result.ok, JSON.stringify(result));
      return result.assessment.lines.map((l) => [l.amountCents, l.legalBasis]);
    };
    assert.deepEqual(basisFor("first", 6), [[500, "GebO Nr. 1.2 (große Gruppen)"]]);
    assert.deepEqual(basisFor("first", 2), [[1000, "GebO Nr. 1"]]);
    assert.deepEqual(basisFor("collect-sum", 6), [
      [1600, "GebO Nr. 1.2 (große Gruppen); GebO Nr. 1"],
    ]);
  });
});
