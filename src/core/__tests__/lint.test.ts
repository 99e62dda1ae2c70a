import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintDefinition } from "../lint/lint.ts";
import { clone, readFixture, setPath } from "./helpers.ts";

type LintCase = {
  name: string;
  set?: [string, unknown][];
  push?: [string, unknown][];
  findings: [string, string, string, string?][];
};
const cases = readFixture<LintCase[]>("lint-cases.json");
const example = readFixture("hundesteuer.json");

describe("lintDefinition (table: lint-cases.json)", () => {
  for (const c of cases) {
    it(c.name, () => {
      const def = clone(example);
      for (const [path, value] of c.set ?? []) setPath(def, path, value);
      for (const [path, value] of c.push ?? []) setPath(def, path, value, "push");
      const report = lintDefinition(def);
      const found = report.findings.map((f) => {
        const row = [f.severity, f.path, f.key];
        return f.key.startsWith("lint.fee") && f.params?.range ? [...row, f.params.range] : row;
      });
      assert.deepEqual(found, c.findings);
      assert.equal(report.publishable, !c.findings.some((f) => f[0] === "error"));
    });
  }

  it("reports a looping automatic pair as an error when no guard can stop it", () => {
    const report = lintDefinition(readFixture("automatic.json"));
    assert.deepEqual(
      report.findings.map((f) => [f.severity, f.key, f.params?.actions]),
      [["error", "lint.automaticLoop", "pingPong → pongPing"]],
    );
    assert.equal(report.publishable, false);
  });
});
