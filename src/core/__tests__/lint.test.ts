import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintDefinition } from "../lint/lint.ts";
import { checkLibraryBlock } from "../lint/placeholders.ts";
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

describe("lintDefinition with the municipality's library", () => {
  const library = {
    salutation: { text: "Sehr geehrte Damen und Herren," },
    remedyKlage: { title: "Rechtsbehelfsbelehrung", text: "Klage bis {{dates.remedyEnd}}." },
    payNow: { text: "Zahlen Sie bis {{payment.dueDate}} ({{payment.reference}})." },
    dogs: { text: "Sie halten {{dogCount}} Hunde." },
  };
  const using = (...refs: [number, string][]) => {
    const def = clone(example) as { documents: { blocks: { textBlock?: string }[] }[] };
    for (const [d, ref] of refs) def.documents[d].blocks.unshift({ textBlock: ref });
    return def;
  };
  const found = (report: ReturnType<typeof lintDefinition>) =>
    report.findings.map((f) => [f.path, f.key, f.params?.placeholder ?? f.params?.id]);

  it("resolves a block from the library when the service has none of that name", () => {
    const def = using([1, "salutation"]);
    assert.deepEqual(found(lintDefinition(def, { library })), []);
    assert.deepEqual(found(lintDefinition(def)), [
      ["documents[1].blocks[0].textBlock", "lint.unknownTextBlock", "salutation"],
    ]);
  });

  it("checks a library block's placeholders in each document using it", () => {
    const def = using([0, "remedyKlage"], [1, "remedyKlage"], [1, "payNow"], [0, "dogs"]);
    (def as { documents: { dates?: object }[] }).documents[0].dates = {
      remedyEnd: 'today + duration("P1M")',
    };
    assert.deepEqual(found(lintDefinition(def, { library })), [
      ["documents[0].blocks[0].textBlock", "lint.dataInLibraryBlock", "dogCount"],
      ["documents[1].blocks[0].textBlock", "lint.paymentOutsideFeeNotice", "payment.dueDate"],
      ["documents[1].blocks[0].textBlock", "lint.paymentOutsideFeeNotice", "payment.reference"],
      ["documents[1].blocks[1].textBlock", "lint.unknownDate", "dates.remedyEnd"],
    ]);
  });

  it("prefers the service's own block to a library block of the same name", () => {
    const def = using([0, "greeting"]);
    const shadow = { greeting: { text: "{{unknownField}}" } };
    assert.deepEqual(found(lintDefinition(def, { library: shadow })), []);
  });

  it("refuses a gap left to fill ([… eintragen]) in a library block, the service's block or text", () => {
    const gapped = {
      ...library,
      remedyCourt: {
        text: "Klage beim Verwaltungsgericht [Name und Anschrift des zuständigen Verwaltungsgerichts eintragen].",
      },
    };
    const def = using([0, "remedyCourt"]) as ReturnType<typeof using> & {
      documents: { blocks: { text?: string }[] }[];
      textBlocks?: Record<string, { text: string }>;
    };
    def.documents[1].blocks.push({ text: "Ihr Ansprechpartner: [Name eintragen]" });
    def.textBlocks = { ...def.textBlocks, ownGap: { text: "Gebühr nach [Satzung EINTRAGEN]" } };
    const report = lintDefinition(def, { library: gapped });
    const gaps = report.findings
      .filter((f) => f.key === "lint.unfilledGap")
      .map((f) => [f.path, f.params?.gap]);
    assert.deepEqual(gaps, [
      ["textBlocks.ownGap.text", "[Satzung EINTRAGEN]"],
      [
        "documents[0].blocks[0].textBlock",
        "[Name und Anschrift des zuständigen Verwaltungsgerichts eintragen]",
      ],
      [`documents[1].blocks[${def.documents[1].blocks.length - 1}].text`, "[Name eintragen]"],
    ]);
    assert.equal(report.publishable, false);
    // Filled in, it passes; square brackets alone are no gap.
    const filled = {
      ...library,
      remedyCourt: { text: "Klage beim Verwaltungsgericht Magdeburg [Breiter Weg 203–206]." },
    };
    const ok = using([0, "remedyCourt"]);
    assert.deepEqual(
      lintDefinition(ok, { library: filled }).findings.filter((f) => f.key === "lint.unfilledGap"),
      [],
    );
  });

  it("refuses a fee notice in a service without fees", () => {
    const def = clone(example) as {
      fees?: unknown;
      process: { actions: { effects: unknown[] }[] };
      documents: { payment?: object }[];
    };
    delete def.fees;
    def.process.actions[0].effects.shift(); // assessFee
    def.documents[0].payment = { due: { days: 14 } };
    const report = lintDefinition(def);
    assert.deepEqual(found(report), [
      ["documents[0].payment", "lint.paymentWithoutFees", "notice"],
    ]);
    assert.equal(report.publishable, false);
  });
});

describe("checkLibraryBlock", () => {
  it("allows the platform's placeholders and any named date", () => {
    const text =
      "{{tenant.name}}, {{tenant.street}}, {{tenant.postcode}} {{tenant.city}}: {{case.reference}} " +
      "{{applicant.name}} {{fees.total}} {{payment.dueDate}} {{dates.remedyEnd}} {{today}}";
    assert.deepEqual(checkLibraryBlock(text), []);
  });

  it("refuses case data, unknown keys and malformed placeholders", () => {
    const problems = checkLibraryBlock("{{dogCount}} {{tenant.mayor}} {{ a b }} {{dates}}");
    assert.deepEqual(
      problems.map((p) => [p.key, p.params?.placeholder]),
      [
        ["lint.dataInLibraryBlock", "dogCount"],
        ["lint.unknownPlaceholder", "tenant.mayor"],
        ["lint.badPlaceholder", "{{ a b }}"],
        ["lint.unknownPlaceholder", "dates"],
      ],
    );
  });
});
