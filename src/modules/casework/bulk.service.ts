import type { Actor, ServiceDefinition } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { getPublishedService } from "../services/index.ts";
import { casesInStatus, serviceVersions } from "./statistics.repository.ts";

/** Actions a bulk run can offer: started by a person with one of the actor's roles, no input. */
export function bulkActions(def: ServiceDefinition, status: string, actor: Actor) {
  return def.process.actions.filter(
    (a) =>
      a.from.includes(status) &&
      !a.automatic &&
      (a.roles ?? []).some((r) => actor.roles.includes(r)) &&
      !(a.input ?? []).some((f) => "required" in f && f.required),
  );
}

/** The services to choose from and, once chosen, the cases in the status and their actions. */
export async function bulkSelection(
  platform: Platform,
  tenantId: string,
  actor: Actor,
  q: { service?: string; status?: string },
) {
  const db = platform.database.db;
  const versions = await withTenant(db, tenantId, (tx) => serviceVersions(tx));
  const services = [...new Map(versions.map((v) => [v.slug, v.title]))].map(([slug, title]) => ({
    slug,
    title,
  }));
  const service = q.service ? await getPublishedService(db, tenantId, q.service) : undefined;
  if (!service) return { services };
  const statuses = service.definition.process.statuses.filter((s) => !s.kind.startsWith("final"));
  const status = statuses.find((s) => s.id === q.status);
  if (!status) return { services, service, statuses };
  const cases = await withTenant(db, tenantId, (tx) =>
    casesInStatus(tx, service.serviceId, status.id),
  );
  const actions = bulkActions(service.definition, status.id, actor);
  return { services, service, statuses, status, cases, actions };
}

export type BulkOutcome = {
  caseId: string;
  ok: boolean;
  key?: string;
  params?: Record<string, string | number>;
};

/**
 * Performs one action on each selected case, each in its own transaction through the case
 * engine on the version the list showed: one refusal (someone else was first, the guard no
 * longer holds) does not stop or undo the others.
 */
export async function performBulk(
  cases: Cases,
  p: {
    tenant: { id: string; state?: string };
    actionId: string;
    actor: Actor;
    selected: { caseId: string; version: number }[];
  },
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const s of p.selected) {
    try {
      await cases.perform({
        tenant: p.tenant,
        caseId: s.caseId,
        actionId: p.actionId,
        actor: p.actor,
        input: {},
        expectedVersion: s.version,
      });
      outcomes.push({ caseId: s.caseId, ok: true });
    } catch (err) {
      if (!(err instanceof DomainError)) {
        outcomes.push({ caseId: s.caseId, ok: false, key: "casework.bulk.failed" });
        continue;
      }
      outcomes.push({ caseId: s.caseId, ok: false, key: err.key, params: err.params });
    }
  }
  return outcomes;
}
