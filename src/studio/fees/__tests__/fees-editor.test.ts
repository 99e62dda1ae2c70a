/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amountText, parseAmount } from "../amounts.ts";
import { feeFindings, rowFindings, tableFindings } from "../checks.ts";

describe("amounts in the fees editor", () => {
  it("reads German euros as cents and shows cents as German euros", () => {
    assert.equal(parseAmount("12,50", false), 1250);
    assert.equal(parseAmount("1.234,5 €", false), 123450);
    assert.equal(parseAmount("0", false), 0);
    assert.equal(amountText(123456), "1.234,56");
    assert.equal(parseAmount(amountText(123456), false), 123456);
    assert.equal(amountText(5), "0,05");
  });

  it("refuses what is not an amount, and reads formulas only where allowed", () => {
    assert.equal(parseAmount("12,505", false), undefined);
    assert.equal(parseAmount("zwölf", false), undefined);
    assert.equal(parseAmount("", false), undefined);
    assert.equal(parseAmount("= 50 * weeks", false), undefined);
    assert.equal(parseAmount("= 50 * weeks", true), "50 * weeks");
    assert.equal(parseAmount("=", true), undefined);
    assert.equal(amountText("50 * weeks"), "= 50 * weeks");
  });
});

describe("fee table checks while editing", () => {
  const draft = (hitPolicy: string, cells: string[]) => ({
    // an unfinished draft: no meta, so the full linter would stop at the schema
    form: { pages: [{ id: "p", fields: [{ id: "persons", type: "integer", label: "Personen" }] }] },
    process: { actions: [{ id: "a", input: "nonsense" }] },
    fees: {
      items: [
        { id: "fixed", amount: 100 },
        {
          id: "base",
          table: {
            hitPolicy,
            inputs: ["persons"],
            rules: cells.map((c) => ({ when: [c], amount: 100 })),
          },
        },
      ],
    },
  });

  it("finds an overlap in an incomplete draft and names the rows it concerns", () => {
    const findings = feeFindings(draft("collect-sum", [">= 0", "> 4"]), []);
    assert.deepEqual(
      findings.map((f) => [f.key, f.params?.range, f.params?.rows]),
      [["lint.feeOverlap", "> 4", "1, 2"]],
    );
    assert.equal(rowFindings(findings, 1, 0).length, 1);
    assert.equal(rowFindings(findings, 1, 1).length, 1);
    assert.equal(rowFindings(findings, 0, 0).length, 0);
    const fixed = feeFindings(draft("collect-sum", ["<= 4", "> 4"]), []);
    assert.deepEqual(fixed, []);
  });

  it("reports gaps for the table and shadowed rows at the row", () => {
    const gap = feeFindings(draft("first", ["< 2", "> 4"]), []);
    assert.deepEqual(
      tableFindings(gap, 1).map((f) => [f.key, f.params?.range]),
      [
        ["lint.feeGap", "2"],
        ["lint.feeGap", "2 – 4"],
        ["lint.feeGap", "4"],
      ],
    );
    const shadowed = feeFindings(draft("first", [">= 0", "[1..3]"]), []);
    assert.deepEqual(
      rowFindings(shadowed, 1, 1).map((f) => f.key),
      ["lint.feeRuleShadowed"],
    );
  });

  it("does not fail on broken tables and keeps the linter's findings once", () => {
    const broken = { fees: { items: [{ table: { inputs: "x", rules: [{ when: 1 }] } }, null] } };
    assert.deepEqual(feeFindings(broken, []), []);
    const linted = [
      {
        severity: "warning" as const,
        path: "fees.items[1].table",
        key: "lint.feeOverlap",
        params: { range: "> 4", rows: "1, 2" },
      },
    ];
    assert.equal(feeFindings(draft("collect-sum", [">= 0", "> 4"]), linted).length, 1);
  });
});
