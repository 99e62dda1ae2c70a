import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateSubmission } from "../forms/validate.ts";
import { lintDefinition } from "../lint/lint.ts";
import { performAction, startCase } from "../process/machine.ts";
import { clone, loadFixtureDefinition, readFixture } from "./helpers.ts";

type Json = unknown;
const WRONG_VALUES: Json[] = [null, 42, "x", [], {}, true];

/** Every path in a JSON value, as key lists. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return [prefix];
}

function replaced(root: Json, path: (string | number)[], value: Json): Json {
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]] = value;
  return copy;
}

describe("robustness: bad input is reported, never thrown", () => {
  it("a definition with any single value replaced by a wrong one is linted without throwing", () => {
    const example = readFixture("hundesteuer.json");
    let refused = 0;
    for (const path of paths(example).filter((p) => p.length > 0)) {
      for (const value of WRONG_VALUES) {
        const report = lintDefinition(replaced(example, path, value));
        if (!report.publishable) refused++;
        for (const finding of report.findings) assert.equal(typeof finding.path, "string");
      }
    }
    assert.ok(refused > 1000, `refused ${refused}`);
  });

  it("an application with any single value replaced is validated without throwing", () => {
    const def = loadFixtureDefinition();
    const application = readFixture("hundesteuer.application.json");
    for (const path of paths(application).filter((p) => p.length > 0)) {
      for (const value of [...WRONG_VALUES, undefined, Number.NaN, "2025-13-45", -1]) {
        const result = validateSubmission(def, replaced(application, path, value), {
          today: "2025-06-02",
        });
        if (!result.ok) for (const error of result.errors) assert.equal(typeof error.key, "string");
      }
    }
  });

  it("actions with wrong input or unknown ids are refused, never thrown", () => {
    const def = loadFixtureDefinition();
    const validated = validateSubmission(def, readFixture("hundesteuer.application.json"), {
      today: "2025-10-17",
    });
    assert.ok(validated.ok);
    const now = new Date("2025-10-17T08:00:00Z");
    const started = startCase(def, validated.data, { id: "c", roles: ["applicant"] }, now, {
      land: "ST",
    });
    assert.ok(started.ok);
    for (const action of [...def.process.actions.map((a) => a.id), "nope", ""]) {
      for (const input of [...WRONG_VALUES, undefined, { taxMark: 5 }, { rejectionReason: [] }]) {
        const actor = { id: "cw", roles: ["caseworker", "system", "applicant"] };
        const result = performAction(def, started.state, action, actor, input, now, { land: "ST" });
        assert.equal(typeof result.ok, "boolean");
      }
    }
  });
});
