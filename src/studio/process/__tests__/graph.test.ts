/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { processFindings } from "../findings.ts";
import { layoutDiagram, processGraph, transitions, unreachableStatuses } from "../graph.ts";
import { idFromTitle } from "../ids.ts";

const process = {
  initialStatus: "eingegangen",
  statuses: [
    { id: "eingegangen", title: "Eingegangen", kind: "open" },
    { id: "genehmigt", title: "Genehmigt", kind: "final-positive" },
    { id: "archiv", title: "Archiviert", kind: "final-negative" },
    { id: "abgelehnt", title: "Abgelehnt", kind: "final-negative" },
  ],
  actions: [
    { id: "approve", title: "Genehmigen", from: ["eingegangen"], to: "genehmigt" },
    // leaves an unreachable status: does not make its target reachable
    { id: "tidy", title: "Aufräumen", from: ["abgelehnt"], to: "archiv", automatic: true },
  ],
};

describe("the process graph of a draft", () => {
  it("finds statuses no case can reach, following actions transitively", () => {
    const graph = processGraph(process);
    assert.deepEqual(
      unreachableStatuses(graph).map((s) => s.id),
      ["archiv", "abgelehnt"],
    );
    const linked = processGraph({
      ...process,
      actions: [
        ...process.actions,
        { id: "reject", title: "Ablehnen", from: ["eingegangen"], to: "abgelehnt" },
      ],
    });
    assert.deepEqual(unreachableStatuses(linked), []);
  });

  it("reads incomplete drafts without failing", () => {
    const graph = processGraph({ statuses: [null, { id: "a" }], actions: [{ from: "x" }, 3] });
    assert.deepEqual(
      graph.statuses.map((s) => s.id),
      ["a"],
    );
    assert.deepEqual(graph.actions[0]?.from, []);
    assert.deepEqual(processGraph(undefined).statuses, []);
    assert.equal(layoutDiagram(graph).nodes.length, 1);
  });

  it("names every transition for the text alternative", () => {
    assert.deepEqual(
      transitions(processGraph(process)).map((t) => `${t.from} → ${t.action.title} → ${t.to}`),
      ["Eingegangen → Genehmigen → Genehmigt", "Abgelehnt → Aufräumen → Archiviert"],
    );
  });

  it("lays out nodes without overlap and routes each edge between its statuses", () => {
    const diagram = layoutDiagram(processGraph(process));
    assert.equal(diagram.nodes.length, 4);
    for (const a of diagram.nodes)
      for (const b of diagram.nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
          Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} overlaps ${b.id}`);
      }
    const edge = diagram.edges.find((e) => e.action.id === "approve");
    assert.ok(edge && edge.points.length >= 2);
    const from = diagram.nodes.find((n) => n.id === "eingegangen")!;
    const to = diagram.nodes.find((n) => n.id === "genehmigt")!;
    assert.ok(from.y < to.y, "top to bottom");
    assert.ok(diagram.width > 0 && diagram.height > 0);
  });

  it("lays out thirty statuses quickly", () => {
    const statuses = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `Status ${i}` }));
    const actions = statuses.flatMap((s, i) => [
      { id: `a${i}`, title: `Weiter ${i}`, from: [s.id], to: `s${(i + 1) % 30}` },
      { id: `b${i}`, title: `Zurück ${i}`, from: [s.id], to: `s${(i + 7) % 30}` },
    ]);
    const started = performance.now();
    const diagram = layoutDiagram(processGraph({ initialStatus: "s0", statuses, actions }));
    assert.equal(diagram.edges.length, 60);
    assert.ok(performance.now() - started < 1000);
  });
});

describe("identifiers from titles", () => {
  it("spells out umlauts, joins words in camelCase and avoids taken ids", () => {
    assert.equal(idFromTitle("In Prüfung", []), "inPruefung");
    assert.equal(idFromTitle("Genehmigt", ["genehmigt"]), "genehmigt2");
    assert.equal(idFromTitle("Größe über 5 m²", []), "groesseUeber5M");
    assert.equal(idFromTitle("2. Mahnung", []), "neu2Mahnung");
    assert.equal(idFromTitle("   ", ["neu"]), "neu2");
  });
});

describe("process findings while editing", () => {
  it("checks the status graph of an unfinished draft and keeps the linter's findings once", () => {
    const draft = { meta: {}, process };
    const linted = [
      { severity: "error" as const, path: "meta.title", key: "definition.schema" },
      {
        severity: "warning" as const,
        path: "process.statuses[2]",
        key: "lint.unreachableStatus",
        params: { id: "archiv" },
      },
    ];
    const findings = processFindings(draft, linted);
    assert.deepEqual(
      findings.map((f) => [f.path, f.key]),
      [
        ["process.statuses[2]", "lint.unreachableStatus"],
        ["process.statuses[3]", "lint.unreachableStatus"],
        ["process.statuses[3]", "lint.finalWithActions"],
        ["process.actions[0].roles", "lint.noRole"],
      ],
    );
  });

  it("leaves a process it cannot walk to the linter", () => {
    assert.deepEqual(processFindings({ process: { statuses: [{ title: "ohne id" }] } }, []), []);
    assert.deepEqual(processFindings({}, []), []);
  });
});
