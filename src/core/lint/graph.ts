import type { ServiceDefinition } from "../definition/types.ts";
import type { Finding } from "../problems.ts";

/** Checks the status graph: reachability, dead ends, final statuses, who can act, loops. */
export function lintProcessGraph(def: ServiceDefinition): Finding[] {
  return [
    ...unreachableStatuses(def),
    ...deadEndsAndFinals(def),
    ...actionsNobodyCanPerform(def),
    ...automaticLoops(def),
  ];
}

function statusPath(def: ServiceDefinition, id: string): string {
  return `process.statuses[${def.process.statuses.findIndex((s) => s.id === id)}]`;
}

function unreachableStatuses(def: ServiceDefinition): Finding[] {
  const reached = new Set([def.process.initialStatus]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const action of def.process.actions) {
      if (!reached.has(action.to) && action.from.some((s) => reached.has(s))) {
        reached.add(action.to);
        grown = true;
      }
    }
  }
  return def.process.statuses
    .filter((s) => !reached.has(s.id))
    .map((s) => ({
      severity: "warning",
      path: statusPath(def, s.id),
      key: "lint.unreachableStatus",
      params: { id: s.id },
    }));
}

function deadEndsAndFinals(def: ServiceDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const status of def.process.statuses) {
    const outgoing = def.process.actions.filter(
      (a) => a.from.includes(status.id) && a.to !== status.id,
    );
    const final = status.kind === "final-positive" || status.kind === "final-negative";
    const path = statusPath(def, status.id);
    if (final && outgoing.length > 0) {
      const params = { id: status.id, actions: outgoing.map((a) => a.id).join(", ") };
      findings.push({ severity: "error", path, key: "lint.finalWithActions", params });
    }
    if (!final && outgoing.length === 0) {
      findings.push({ severity: "error", path, key: "lint.deadEnd", params: { id: status.id } });
    }
  }
  return findings;
}

function actionsNobodyCanPerform(def: ServiceDefinition): Finding[] {
  const findings: Finding[] = [];
  def.process.actions.forEach((action, a) => {
    if (action.automatic || action.timer) return;
    const people = action.roles.filter((role) => role !== "system");
    if (people.length === 0) {
      findings.push({
        severity: "error",
        path: `process.actions[${a}].roles`,
        key: "lint.noRole",
        params: { id: action.id },
      });
    }
    if (
      action.secondApproval &&
      !action.secondApproval.roles.some((r) => r !== "system" && r !== "applicant")
    ) {
      const path = `process.actions[${a}].secondApproval.roles`;
      findings.push({ severity: "error", path, key: "lint.noApprover", params: { id: action.id } });
    }
  });
  return findings;
}

/** A cycle of automatic actions can run forever; guards may stop it, so unguarded cycles are errors. */
function automaticLoops(def: ServiceDefinition): Finding[] {
  const automatic = def.process.actions.filter((a) => a.automatic);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const start of automatic) {
    const cycle = findCycle(automatic, start.id);
    if (!cycle) continue;
    const key = [...cycle].sort().join(",");
    if (reported.has(key)) continue;
    reported.add(key);
    const guarded = automatic.filter((a) => cycle.includes(a.id)).some((a) => a.guard);
    const path = `process.actions[${def.process.actions.findIndex((a) => a.id === start.id)}]`;
    const params = { actions: cycle.join(" → ") };
    findings.push({
      severity: guarded ? "warning" : "error",
      path,
      key: "lint.automaticLoop",
      params,
    });
  }
  return findings;
}

/** The ids of automatic actions forming a cycle through `startId`, if any. */
function findCycle(
  automatic: readonly { id: string; from: string[]; to: string }[],
  startId: string,
): string[] | undefined {
  const start = automatic.find((a) => a.id === startId);
  if (!start) return undefined;
  const search = (status: string, trail: string[], seen: Set<string>): string[] | undefined => {
    for (const next of automatic.filter((a) => a.from.includes(status))) {
      if (next.id === startId) return trail;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      const found = search(next.to, [...trail, next.id], seen);
      if (found) return found;
    }
    return undefined;
  };
  return search(start.to, [startId], new Set());
}
