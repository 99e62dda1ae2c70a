import type { CaseEvent } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { CaseRef } from "./case-actions.service.ts";
import { appendEvents, findCaseForUpdate, updateCaseState } from "./cases.repository.ts";

/** Who works on a case: a person (or nobody) and, when it moves, the org unit (id or name). */
export type Assignment = { actorId: string | null; orgUnit?: string };

export type AssignRequest = CaseRef & {
  assignment: Assignment;
  /** Who assigns (recorded in the history). */
  by: string;
  expectedVersion: number;
  now?: Date;
};

/**
 * Claims, releases or reassigns a case: one transaction with the same optimistic concurrency as
 * an action (a stale page is refused, nothing changes), and a `case.assigned` history event.
 * The inbox's columns follow from the state (migration 0009's trigger).
 */
export async function assignCase(
  platform: Platform,
  p: AssignRequest,
): Promise<{ version: number }> {
  const now = p.now ?? new Date();
  return withTenant(platform.database.db, p.tenant.id, async (tx) => {
    const row = await findCaseForUpdate(tx, p.caseId);
    if (!row) throw new DomainError("error.notFound", { status: 404 });
    if (p.expectedVersion !== row.version) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    const orgUnit = p.assignment.orgUnit ?? row.state.assignedTo?.orgUnit;
    const assignedTo = {
      ...(orgUnit ? { orgUnit } : {}),
      ...(p.assignment.actorId ? { actorId: p.assignment.actorId } : {}),
    };
    const seq = row.state.version + 1;
    const state = { ...row.state, assignedTo, version: seq };
    if (!(await updateCaseState(tx, row.id, row.version, state))) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    // Not an engine transition: the history records it with its own event type.
    const event = {
      seq,
      type: "case.assigned",
      at: now.toISOString(),
      actorId: p.by,
      assignee: p.assignment.actorId,
      ...(p.assignment.orgUnit ? { orgUnit: p.assignment.orgUnit } : {}),
    } as unknown as CaseEvent;
    await appendEvents(tx, p.tenant.id, row.id, [event]);
    return { version: row.version + 1 };
  });
}
