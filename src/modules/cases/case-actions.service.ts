import {
  type Actor,
  type AvailableAction,
  availableActions,
  BUNDESLAENDER,
  type Bundesland,
  type CaseEffect,
  type CaseState,
  type Problem,
  performAction,
  rejectProposal,
} from "../../core/index.ts";
import { type Db, type Tx, withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { getServiceVersion, type PublishedService } from "../services/index.ts";
import {
  appendEvents,
  type CaseRow,
  findCase,
  findCaseForUpdate,
  findTenantState,
  updateCaseState,
} from "./cases.repository.ts";

/** An action refused because of its input: every problem with its field path. */
export class ActionInputInvalid extends DomainError {
  readonly problems: Problem[];
  constructor(key: string, problems: Problem[]) {
    super(key, { status: 422 });
    this.problems = problems;
  }
}

export type CaseRef = { tenant: { id: string }; caseId: string };

/** One action on a case: who, what, with which input, on the version the person saw. */
export type ActionRequest = CaseRef & {
  actionId: string;
  actor: Actor;
  input: unknown;
  expectedVersion?: number;
  now?: Date;
};

export const CASE_EFFECT_QUEUE = "case.effect";
export type EffectJob = { tenantId: string; caseId: string; effect: CaseEffect };

/**
 * An effect that runs inside the action's transaction, before it commits (making the notice):
 * if it throws, the action is refused and the case stays as it was. What it returns is recorded
 * on the action's history event (under its effect type, one entry per effect).
 */
export type InlineEffectHandler = (
  tx: Tx,
  c: {
    tenantId: string;
    /** The case as it was before the action, and the state the action leads to. */
    row: CaseRow;
    state: CaseState;
    service: PublishedService;
    effect: CaseEffect;
    actor: Actor;
    now: Date;
  },
) => Promise<Record<string, unknown> | undefined>;

export function landOf(state: string | undefined): Bundesland {
  return (BUNDESLAENDER as readonly string[]).includes(state ?? "") ? (state as Bundesland) : "ST";
}

const lands = new Map<string, { at: number; land: Bundesland }>();
const LAND_TTL_MS = 5_000;

/**
 * The municipality's Land, which decides holidays and so every deadline the engine computes.
 * Read here, from the municipality's settings, so that no caller can pass a wrong or missing one
 * (it used to be passed in, and pages that did not know it silently got Sachsen-Anhalt's
 * holidays). Remembered for a few seconds: it changes as good as never.
 */
export async function tenantLand(db: Db, tenantId: string): Promise<Bundesland> {
  const hit = lands.get(tenantId);
  if (hit && Date.now() - hit.at < LAND_TTL_MS) return hit.land;
  const land = landOf(await findTenantState(db, tenantId));
  lands.set(tenantId, { at: Date.now(), land });
  return land;
}

/** Enqueues the effects that have a handler, keyed so each runs once per case and event. */
export async function enqueueEffects(
  platform: Platform,
  tx: Tx,
  tenantId: string,
  caseId: string,
  effects: readonly CaseEffect[],
  runnable: ReadonlySet<string>,
): Promise<void> {
  for (const effect of effects) {
    if (!runnable.has(effect.type)) continue;
    await platform.jobs.enqueue<EffectJob>(
      tx,
      CASE_EFFECT_QUEUE,
      { tenantId, caseId, effect },
      {
        singletonKey: `${caseId}:${effect.key}`,
      },
    );
  }
}

async function definitionOf(
  platform: Platform,
  tenantId: string,
  row: CaseRow,
): Promise<PublishedService> {
  const service = await getServiceVersion(
    platform.database.db,
    tenantId,
    row.service_id,
    row.service_version,
  );
  if (!service) throw new Error(`Case ${row.id} refers to a missing service version`);
  return service;
}

/** The case and what `actor` may do on it now (buttons for the case file or the postbox task). */
export async function caseWithActions(
  platform: Platform,
  ref: CaseRef,
  actor: Actor,
  now = new Date(),
): Promise<{ row: CaseRow; service: PublishedService; actions: AvailableAction[] } | undefined> {
  const row = await withTenant(platform.database.db, ref.tenant.id, (tx) =>
    findCase(tx, ref.caseId),
  );
  if (!row) return undefined;
  const service = await definitionOf(platform, ref.tenant.id, row);
  return { row, service, actions: availableActions(service.definition, row.state, actor, now) };
}

/**
 * Performs an action on a case in one transaction: lock the case, check the version the person
 * saw (optimistic concurrency: a stale page is refused, never last-write-wins), run the engine
 * (guard, roles, second approval, automatic follow-ups), store the new state and history, and
 * enqueue the effects. A refusal changes nothing.
 */
export async function performCaseAction(
  platform: Platform,
  p: ActionRequest,
  runnable: ReadonlySet<string>,
  inline: ReadonlyMap<string, InlineEffectHandler> = new Map(),
): Promise<{ status: string; version: number; effects: CaseEffect[] }> {
  const now = p.now ?? new Date();
  return withTenant(platform.database.db, p.tenant.id, async (tx) => {
    const row = await findCaseForUpdate(tx, p.caseId);
    if (!row) throw new DomainError("error.notFound", { status: 404 });
    if (p.expectedVersion !== undefined && p.expectedVersion !== row.version) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    const service = await definitionOf(platform, p.tenant.id, row);
    const result = performAction(service.definition, row.state, p.actionId, p.actor, p.input, now, {
      land: await tenantLand(platform.database.db, p.tenant.id),
    });
    if (!result.ok) {
      if (result.problems?.length) throw new ActionInputInvalid(result.error.key, result.problems);
      throw new DomainError(result.error.key, { status: 409, params: result.error.params });
    }
    if (!(await updateCaseState(tx, row.id, row.version, result.state))) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    const records: Record<string, unknown[]> = {};
    for (const effect of result.effects) {
      const handler = inline.get(effect.type);
      if (!handler) continue;
      const record = await handler(tx, {
        tenantId: p.tenant.id,
        row,
        state: result.state,
        service,
        effect,
        actor: p.actor,
        now,
      });
      if (record) records[effect.type] = [...(records[effect.type] ?? []), record];
    }
    await appendEvents(tx, p.tenant.id, row.id, result.events, {
      effects: result.effects,
      ...records,
    });
    await enqueueEffects(platform, tx, p.tenant.id, row.id, result.effects, runnable);
    return { status: result.state.status, version: row.version + 1, effects: result.effects };
  });
}

/**
 * Returns (rejects) the action proposed for second approval, or — by the proposer — withdraws
 * it; the case stays in its status. Same optimistic concurrency as `performCaseAction`.
 */
export async function returnCaseProposal(
  platform: Platform,
  p: CaseRef & { actor: Actor; reason?: string; expectedVersion?: number; now?: Date },
): Promise<{ status: string; version: number }> {
  const now = p.now ?? new Date();
  return withTenant(platform.database.db, p.tenant.id, async (tx) => {
    const row = await findCaseForUpdate(tx, p.caseId);
    if (!row) throw new DomainError("error.notFound", { status: 404 });
    if (p.expectedVersion !== undefined && p.expectedVersion !== row.version) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    const service = await definitionOf(platform, p.tenant.id, row);
    const result = rejectProposal(service.definition, row.state, p.actor, p.reason ?? "", now);
    if (!result.ok) {
      throw new DomainError(result.error.key, { status: 409, params: result.error.params });
    }
    if (!(await updateCaseState(tx, row.id, row.version, result.state))) {
      throw new DomainError("cases.error.stale", { status: 409 });
    }
    await appendEvents(tx, p.tenant.id, row.id, result.events);
    return { status: result.state.status, version: row.version + 1 };
  });
}
