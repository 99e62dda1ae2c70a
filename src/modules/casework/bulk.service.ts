import type { Actor, ServiceDefinition } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { casesVisibleTo } from "../inbox/index.ts";
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
  const inStatus = await withTenant(db, tenantId, (tx) =>
    casesInStatus(tx, service.serviceId, status.id),
  );
  // Only cases of the person's org units (or theirs), as in the inbox.
  const visible = await casesVisibleTo(
    platform,
    { id: tenantId },
    { userId: actor.id, roles: actor.roles as Role[] },
    inStatus.map((c) => c.id),
  );
  const cases = inStatus.filter((c) => visible.has(c.id));
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
  platform: Platform,
  cases: Cases,
  p: {
    tenant: { id: string; state?: string };
    actionId: string;
    actor: Actor;
    selected: { caseId: string; version: number }[];
  },
): Promise<BulkOutcome[]> {
  // A case outside the person's org units is "not found", as on its own page.
  const visible = await casesVisibleTo(
    platform,
    p.tenant,
    { userId: p.actor.id, roles: p.actor.roles as Role[] },
    p.selected.map((s) => s.caseId),
  );
  const outcomes: BulkOutcome[] = [];
  for (const s of p.selected) {
    if (!visible.has(s.caseId)) {
      outcomes.push({ caseId: s.caseId, ok: false, key: "error.notFound" });
      continue;
    }
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
