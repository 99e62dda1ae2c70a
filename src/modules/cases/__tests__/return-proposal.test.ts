import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import type { Running } from "../../../app.ts";
import { applyFor, makeOffice } from "../../casefile/__tests__/support.ts";

describe("cases.returnProposal", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it("an approver returns a proposal; others are refused; a stale version changes nothing", async () => {
    const { tenant } = await makeOffice(app);
    const { caseId } = await applyFor(app, tenant);
    const worker = { id: "00000000-0000-4000-8000-000000000001", roles: ["caseworker"] };
    const colleague = { id: "00000000-0000-4000-8000-000000000002", roles: ["caseworker"] };
    const approver = { id: "00000000-0000-4000-8000-000000000003", roles: ["approver"] };
    const ref = { tenant, caseId };
    await app.cases.perform({ ...ref, actionId: "startReview", actor: worker, input: {} });
    const proposed = await app.cases.perform({
      ...ref,
      actionId: "confirm",
      actor: worker,
      input: { closingTime: "00:30" },
    });

    await assert.rejects(app.cases.returnProposal({ ...ref, actor: colleague }), {
      key: "process.notAllowed",
      status: 409,
    });
    await assert.rejects(
      app.cases.returnProposal({ ...ref, actor: approver, expectedVersion: proposed.version - 1 }),
      { key: "cases.error.stale", status: 409 },
    );
    const returned = await app.cases.returnProposal({
      ...ref,
      actor: approver,
      reason: "Uhrzeit abstimmen",
      expectedVersion: proposed.version,
    });
    assert.equal(returned.status, "inPruefung");
    assert.equal(returned.version, proposed.version + 1);
    const after = await app.cases.withActions(ref, worker);
    assert.equal(after?.row.state.pending, undefined);
    assert.ok(after?.actions.some((a) => a.actionId === "confirm" && a.kind === "perform"));
    await assert.rejects(app.cases.returnProposal({ ...ref, actor: approver }), {
      key: "process.nothingPending",
    });
  });
});
