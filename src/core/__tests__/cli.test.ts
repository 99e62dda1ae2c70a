import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatCents } from "../cli/format.ts";
import { diffCommand, lintCommand, schemaCommand, simulateCommand } from "../cli/index.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const start = new Date("2025-10-17T08:00:00Z");

describe("CLI commands", () => {
  it("lint: a clean definition exits 0, a looping one 1 with the finding by path", () => {
    assert.equal(lintCommand(fixture("hundesteuer.json")).exitCode, 0);
    const result = lintCommand(fixture("automatic.json"));
    assert.equal(result.exitCode, 1);
    assert.match(result.text, /error\s+process\.actions\[4\]\s+Automatische Aktionen/);
  });

  it("lint: malformed JSON is reported, not thrown", () => {
    const result = lintCommand("{ nope");
    assert.equal(result.exitCode, 1);
    assert.match(result.text, /definition\.invalidJson/);
  });

  it("simulate: prints statuses, events, effects and fees, with second approval by another person", () => {
    const actions = ["requestDocuments", "documentsReceived", "approve"];
    const result = simulateCommand(
      fixture("hundesteuer.json"),
      fixture("hundesteuer.application.json"),
      actions,
      { start },
    );
    assert.equal(result.exitCode, 0, result.text);
    assert.match(result.text, /✓ submit: — → inReview/);
    assert.match(result.text, /197,00 €\s+total/);
    assert.match(result.text, /event #6 action\.approved approve by freigabe-1/);
    assert.match(result.text, /final status: approved/);
  });

  it("simulate: a refused action ends the run with exit code 1", () => {
    const result = simulateCommand(
      fixture("hundesteuer.json"),
      fixture("hundesteuer.application.json"),
      ["documentsReceived"],
      { start },
    );
    assert.equal(result.exitCode, 1);
    assert.match(result.text, /✗ documentsReceived: .*process\.notAllowed/);
  });

  it("simulate: a timed action runs on its due date", () => {
    const result = simulateCommand(
      fixture("hundesteuer.json"),
      fixture("hundesteuer.application.json"),
      ["requestDocuments", "documentsOverdue"],
      { start },
    );
    assert.match(result.text, /✓ documentsOverdue: documentsRequested → rejected/);
  });

  it("diff and schema", () => {
    assert.equal(diffCommand(fixture("hundesteuer.json"), fixture("hundesteuer.json")).exitCode, 0);
    assert.equal(JSON.parse(schemaCommand().text).type, "object");
  });

  it("formats cents without floating point", () => {
    assert.deepEqual(
      [formatCents(123456789), formatCents(-4800), formatCents(5)],
      ["1.234.567,89 €", "-48,00 €", "0,05 €"],
    );
  });
});

/** The nine services under services/ (written against this schema) must lint clean and run their examples. */
describe("services/ definitions", () => {
  const dir = new URL("../../../services/", import.meta.url);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    files = [];
  }
  for (const file of files) {
    const json = readFileSync(new URL(file, dir), "utf8");
    it(`${file} lints without errors`, () => {
      const result = lintCommand(json);
      assert.equal(result.exitCode, 0, result.text);
    });
    const examples = new URL("examples/", dir);
    for (const kind of ["happy", "reject"]) {
      const name = file.replace(/\.json$/, `.${kind}.json`);
      let example: { actions: string[]; expectedFinalStatus: string } | undefined;
      let text = "";
      try {
        text = readFileSync(new URL(name, examples), "utf8");
        example = JSON.parse(text);
      } catch {
        example = undefined;
      }
      if (!example) continue;
      it(`${name} reaches ${example.expectedFinalStatus}`, () => {
        // examples were written in November 2026; a fixed start keeps relative dates valid
        const result = simulateCommand(json, text, example.actions, {
          start: new Date("2026-11-23T08:00:00Z"),
        });
        assert.equal(result.exitCode, 0, result.text);
        assert.match(result.text, new RegExp(`final status: ${example.expectedFinalStatus}\\n`));
      });
    }
  }
});
