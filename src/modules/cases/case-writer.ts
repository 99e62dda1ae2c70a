import { randomUUID } from "node:crypto";
import type { CaseEffect, CaseEvent, CaseState } from "../../core/index.ts";
import { isUniqueViolation, type Tx, withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { CASE_EFFECT_QUEUE, type EffectJob } from "./case-actions.service.ts";
import {
  type CaseRow,
  findLiveKeysAndStoredCases,
  insertCasesWithHistory,
  type StoredCase,
  takeReferenceNumbers,
} from "./cases.repository.ts";

/** A validated, started application, ready to be stored. */
export type PreparedCase = {
  tenantId: string;
  serviceId: string;
  serviceVersion: number;
  referencePrefix: string;
  year: number;
  state: CaseState;
  events: readonly CaseEvent[];
  effects: readonly CaseEffect[];
  runnableEffects: ReadonlySet<string>;
  applicantId: string | null;
  channel: CaseRow["channel"];
  idempotencyKey: string | null;
  requestHash: string | null;
  receivedAt: Date;
  /** The API key it came with: refused here if the key was revoked meanwhile. */
  apiKeyId?: string | null;
};

export type Stored = { caseId: string; reference: string; status: string; created: boolean };

type Waiting = { item: PreparedCase; resolve: (s: Stored) => void; reject: (e: unknown) => void };

const MAX_BATCH = 64;
/**
 * One batch in flight at a time: a batch costs ten statements whatever its size, so larger
 * batches cost PostgreSQL and this process less per case (bench/submit at concurrency 32: ~15
 * cases a batch instead of ~8, ~15 % less PostgreSQL CPU per case, the same latency).
 */
const MAX_CONCURRENT_FLUSHES = 1;

/**
 * Stores new cases with group commit: submissions that arrive while a write is in flight wait
 * and are then stored together — one transaction per municipality with one statement each for
 * the reference numbers, the cases, their history and their jobs — instead of a transaction
 * each. Nobody is answered before their case is committed. If a batch hits a conflict (another
 * process stored the same idempotency key meanwhile), its cases are stored one by one, so one
 * submission's problem never fails another's.
 */
export class CaseWriter {
  private queue: Waiting[] = [];
  private flushing = 0;
  private readonly platform: Platform;

  constructor(platform: Platform) {
    this.platform = platform;
  }

  store(item: PreparedCase): Promise<Stored> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.flushing < MAX_CONCURRENT_FLUSHES) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing++;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const byTenant = new Map<string, Waiting[]>();
        for (const w of batch)
          byTenant.set(w.item.tenantId, [...(byTenant.get(w.item.tenantId) ?? []), w]);
        await Promise.all([...byTenant.values()].map((group) => this.storeGroup(group)));
      }
    } finally {
      this.flushing--;
    }
  }

  private async storeGroup(group: Waiting[]): Promise<void> {
    try {
      const results = await writeBatch(
        this.platform,
        group.map((w) => w.item),
      );
      for (const [i, w] of group.entries()) settle(w, results[i]);
    } catch (err) {
      // Another process stored one of these keys meanwhile (the unique check waited for it to
      // commit): store one by one; each then finds its earlier case, or is stored.
      if (isUniqueViolation(err)) {
        for (const w of group) {
          await writeBatch(this.platform, [w.item]).then(
            ([r]) => settle(w, r),
            (e) => w.reject(e),
          );
        }
        return;
      }
      for (const w of group) w.reject(err);
    }
  }
}

function settle(w: Waiting, result: Stored | Error): void {
  if (result instanceof Error) w.reject(result);
  else w.resolve(result);
}

/** One municipality's cases in one transaction; a result per item (a refusal is an Error). */
async function writeBatch(platform: Platform, items: PreparedCase[]): Promise<(Stored | Error)[]> {
  const tenantId = items[0].tenantId;
  return withTenant(platform.database.db, tenantId, async (tx) => {
    const results: (Stored | Error | undefined)[] = items.map(() => undefined);
    // API keys are checked here, in the transaction that stores the cases (the intake may have
    // taken a recently seen key from memory), in the same round trip as the earlier submissions
    // under the same idempotency keys.
    const apiKeyIds = [...new Set(items.flatMap((i) => (i.apiKeyId ? [i.apiKeyId] : [])))];
    const keys = [...new Set(items.flatMap((item) => item.idempotencyKey ?? []))];
    const found = await findLiveKeysAndStoredCases(tx, tenantId, apiKeyIds, keys);
    items.forEach((item, i) => {
      if (item.apiKeyId && !found.liveKeys.has(item.apiKeyId)) results[i] = revoked();
    });
    const open = (i: number) => results[i] === undefined;
    // Earlier submissions under the same keys: in the database, or earlier in this batch.
    const stored = new Map(found.stored.map((r) => [r.idempotency_key, r]));
    const firstInBatch = new Map<string, number>();
    const fresh: number[] = [];
    items.forEach((item, i) => {
      if (!open(i)) return;
      const key = item.idempotencyKey;
      const earlier = key ? stored.get(key) : undefined;
      if (earlier) results[i] = replayed(earlier, item.requestHash);
      else if (key && firstInBatch.has(key)) return;
      else {
        if (key) firstInBatch.set(key, i);
        fresh.push(i);
      }
    });
    if (fresh.length > 0) await insertFresh(platform, tx, tenantId, items, fresh, results);
    // Repeats of a key within this batch get the answer of its first submission.
    items.forEach((item, i) => {
      if (results[i] !== undefined || !item.idempotencyKey) return;
      const first = results[firstInBatch.get(item.idempotencyKey)!] as Stored;
      results[i] =
        items[firstInBatch.get(item.idempotencyKey)!].requestHash === item.requestHash
          ? { ...first, created: false }
          : conflict();
    });
    return results as (Stored | Error)[];
  });
}

async function insertFresh(
  platform: Platform,
  tx: Tx,
  tenantId: string,
  items: PreparedCase[],
  fresh: number[],
  results: (Stored | Error | undefined)[],
): Promise<void> {
  const byYear = new Map<number, number[]>();
  for (const i of fresh) byYear.set(items[i].year, [...(byYear.get(items[i].year) ?? []), i]);
  const references = new Map<number, string>();
  for (const [year, indexes] of byYear) {
    // The numbers come from a short transaction of their own, committed asynchronously: in the
    // batch's transaction the municipality's counter row stayed locked until the batch committed,
    // and every other batch waited for it (bench/submit: three of four writers waiting, ~1,000
    // cases/s in process). Safe: this batch's synchronous commit flushes the WAL up to itself,
    // the counter's update included, so no committed case can get a number the counter forgets.
    // A batch that fails leaves a gap: Aktenzeichen are unique and increasing, not gapless.
    const first = await withTenant(
      platform.database.db,
      tenantId,
      (own) => takeReferenceNumbers(own, tenantId, year, indexes.length),
      { asyncCommit: true },
    );
    indexes.forEach((i, n) => {
      references.set(
        i,
        `${items[i].referencePrefix}-${year}-${String(first + n).padStart(5, "0")}`,
      );
    });
  }
  const ids = fresh.map(() => randomUUID());
  await insertCasesWithHistory(
    tx,
    tenantId,
    fresh.map((i, n) => ({
      ...items[i],
      id: ids[n],
      reference: references.get(i)!,
      extra: { effects: items[i].effects },
    })),
  );
  const jobs = fresh.flatMap((i, n) =>
    items[i].effects
      .filter((e) => items[i].runnableEffects.has(e.type))
      .map((effect) => ({
        data: { tenantId, caseId: ids[n], effect } satisfies EffectJob,
        singletonKey: `${ids[n]}:${effect.key}`,
      })),
  );
  await platform.jobs.enqueueMany(tx, CASE_EFFECT_QUEUE, jobs);
  fresh.forEach((i, n) => {
    results[i] = {
      caseId: ids[n],
      reference: references.get(i)!,
      status: items[i].state.status,
      created: true,
    };
  });
}

export function replayed(row: StoredCase, requestHash: string | null): Stored | Error {
  if (row.request_hash !== requestHash) return conflict();
  return { caseId: row.id, reference: row.reference, status: row.status, created: false };
}

const conflict = () => new DomainError("cases.error.idempotencyConflict", { status: 409 });
const revoked = () => new DomainError("cases.error.apiKeyRevoked", { status: 401 });

const writers = new WeakMap<Platform, CaseWriter>();

/** The case writer of a running platform (one per platform, so batches form across callers). */
export function caseWriterOf(platform: Platform): CaseWriter {
  let writer = writers.get(platform);
  if (!writer) {
    writer = new CaseWriter(platform);
    writers.set(platform, writer);
  }
  return writer;
}
