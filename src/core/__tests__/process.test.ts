import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Bundesland } from "../calendar/calendar.ts";
import { germanDate } from "../calendar/dates.ts";
import { validateSubmission } from "../forms/validate.ts";
import { availableActions, performAction, rejectProposal, startCase } from "../process/machine.ts";
import type { ActionResult, Actor, CaseState } from "../process/types.ts";
import { loadFixtureDefinition, readFixture } from "./helpers.ts";

type Expect = {
  status?: string;
  events?: string[];
  effects?: string[];
  effectKeys?: string[];
  error?: string;
  problems?: [string, string][];
  pending?: string | null;
  dueDate?: string;
  followUp?: string;
  timers?: [string, string][] | null;
  feesTotal?: number;
  data?: Record<string, unknown>;
  available?: string[];
};
type Step = {
  do: "start" | "perform" | "rejectProposal" | "available";
  actor: string;
  action?: string;
  input?: unknown;
  reason?: string;
  now: string;
  expect: Expect;
};
type Scenario = {
  name: string;
  definition: string;
  data: string | Record<string, unknown>;
  steps: Step[];
};
const suite = readFixture<{
  land: Bundesland;
  actors: Record<string, Actor>;
  scenarios: Scenario[];
}>("process-cases.json");
const options = { land: suite.land };

function checkResult(result: ActionResult, expect: Expect): CaseState | undefined {
  if (expect.error) {
    assert.equal(result.ok ? "ok" : result.error.key, expect.error);
    if (expect.problems)
      assert.deepEqual(!result.ok && result.problems?.map((p) => [p.path, p.key]), expect.problems);
    return undefined;
  }
  assert.ok(result.ok, result.ok ? "" : JSON.stringify(result));
  const { state, events, effects } = result;
  if (expect.status) assert.equal(state.status, expect.status);
  if (expect.events)
    assert.deepEqual(
      events.map((e) => e.type),
      expect.events,
    );
  if (expect.effects)
    assert.deepEqual(
      effects.map((e) => e.type),
      expect.effects,
    );
  if (expect.effectKeys)
    assert.deepEqual(
      effects.map((e) => e.key),
      expect.effectKeys,
    );
  if (expect.pending !== undefined) assert.equal(state.pending?.actionId ?? null, expect.pending);
  if (expect.dueDate) assert.equal(state.dueDate, expect.dueDate);
  if (expect.followUp) assert.equal(state.followUp, expect.followUp);
  if (expect.timers !== undefined) {
    assert.deepEqual(state.timers?.map((t) => [t.actionId, t.dueAt]) ?? null, expect.timers);
  }
  if (expect.feesTotal !== undefined) assert.equal(state.fees?.totalCents, expect.feesTotal);
  for (const [key, value] of Object.entries(expect.data ?? {}))
    assert.deepEqual(state.data[key], value);
  return state;
}

describe("case state machine (table: process-cases.json)", () => {
  for (const scenario of suite.scenarios) {
    it(scenario.name, () => {
      const def = loadFixtureDefinition(scenario.definition);
      const raw = typeof scenario.data === "string" ? readFixture(scenario.data) : scenario.data;
      const validated = validateSubmission(def, raw, {
        today: germanDate(new Date(scenario.steps[0].now)),
      });
      assert.ok(validated.ok, JSON.stringify(validated));
      const data = validated.data;
      let state: CaseState | undefined;
      for (const [index, step] of scenario.steps.entries()) {
        const actor = suite.actors[step.actor];
        const now = new Date(step.now);
        const label = `step ${index}: ${step.do} ${step.action ?? ""}`;
        if (step.do === "available") {
          const found = availableActions(def, state as CaseState, actor, now).map(
            (a) => `${a.kind}:${a.actionId}`,
          );
          assert.deepEqual(found, step.expect.available, label);
          continue;
        }
        const result =
          step.do === "start"
            ? startCase(def, data, actor, now, options)
            : step.do === "perform"
              ? performAction(
                  def,
                  state as CaseState,
                  step.action ?? "",
                  actor,
                  step.input ?? {},
                  now,
                  options,
                )
              : rejectProposal(def, state as CaseState, actor, step.reason ?? "", now);
        const before = JSON.stringify(state);
        const next = checkResult(result, step.expect);
        // a refused action changes nothing
        if (!next) assert.equal(JSON.stringify(state), before, label);
        state = next ?? state;
      }
    });
  }

  it("is deterministic: the same inputs give the same outputs", () => {
    const def = loadFixtureDefinition();
    const validated = validateSubmission(def, readFixture("hundesteuer.application.json"), {
      today: "2025-10-17",
    });
    assert.ok(validated.ok);
    const data = validated.data;
    const now = new Date("2025-10-17T08:00:00Z");
    const a = startCase(def, data, suite.actors.citizen, now, options);
    const b = startCase(def, data, suite.actors.citizen, now, options);
    assert.deepEqual(a, b);
  });

  it("appends events to the history when the caller keeps one", () => {
    const def = loadFixtureDefinition();
    const validated = validateSubmission(def, readFixture("hundesteuer.application.json"), {
      today: "2025-10-17",
    });
    assert.ok(validated.ok);
    const data = validated.data;
    const now = new Date("2025-10-17T08:00:00Z");
    const started = startCase(def, data, suite.actors.citizen, now, options);
    assert.ok(started.ok);
    const withHistory = { ...started.state, history: started.events };
    const result = performAction(
      def,
      withHistory,
      "reject",
      suite.actors.cw1,
      { rejectionReason: "x" },
      now,
      options,
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.state.history?.map((e) => e.seq),
      [1, 2, 3],
    );
  });
});
