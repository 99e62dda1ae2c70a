import { createHash } from "node:crypto";
import { germanDate, type Problem, startCase, validateSubmission } from "../../core/index.ts";
import { canonicalJson } from "../../platform/canonical-json.ts";
import { isUniqueViolation, withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { getPublishedService } from "../services/index.ts";
import { enqueueEffects, landOf } from "./case-actions.service.ts";
import {
  appendEvents,
  type CaseRow,
  findCaseByIdempotencyKey,
  insertCase,
  nextReferenceNumber,
} from "./cases.repository.ts";

/** Submitted data that does not fit the form: every problem with its field path. */
export class SubmissionInvalid extends DomainError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super("cases.error.invalid", { status: 422, params: { count: problems.length } });
    this.problems = problems;
  }
}

export type Submission = {
  tenant: { id: string; state?: string };
  serviceSlug: string;
  data: unknown;
  applicantId: string | null;
  channel: CaseRow["channel"];
  /** The same key always yields the same case: retries and double clicks create one case. */
  idempotencyKey: string | null;
  receivedAt?: Date;
};

export type Submitted = { caseId: string; reference: string; status: string; created: boolean };

/**
 * Turns an application into a case, in one transaction: validate against the newest published
 * version, start the case in the engine (automatic steps included), store the case and its
 * history, and enqueue its effects. With an idempotency key, a repeated submission returns the
 * first case; a different application under the same key is refused.
 */
export async function submitApplication(
  platform: Platform,
  s: Submission,
  runnableEffects: ReadonlySet<string> = new Set(),
): Promise<Submitted> {
  const { db } = platform.database;
  const service = await getPublishedService(db, s.tenant.id, s.serviceSlug);
  if (!service) throw new DomainError("error.notFound", { status: 404 });
  const requestHash = s.idempotencyKey ? hashRequest(s.serviceSlug, s.data) : null;
  const now = s.receivedAt ?? new Date();
  const valid = validateSubmission(service.definition, s.data, { today: germanDate(now) });
  if (!valid.ok) throw new SubmissionInvalid(valid.errors);
  const actor = { id: s.applicantId ?? "applicant", roles: ["applicant"] };
  const started = startCase(service.definition, valid.data, actor, now, {
    land: landOf(s.tenant.state),
  });
  if (!started.ok)
    throw new DomainError(started.error.key, { status: 422, params: started.error.params });

  const taken = await takeReference(platform, s, requestHash, service.slug, now);
  if (typeof taken !== "string") return taken;
  const reference = taken;
  try {
    return await withTenant(db, s.tenant.id, async (tx) => {
      const { id } = await insertCase(tx, {
        tenantId: s.tenant.id,
        reference,
        serviceId: service.serviceId,
        serviceVersion: service.version,
        state: started.state,
        applicantId: s.applicantId,
        channel: s.channel,
        idempotencyKey: s.idempotencyKey,
        requestHash,
        receivedAt: now,
      });
      await appendEvents(tx, s.tenant.id, id, started.events, { effects: started.effects });
      await enqueueEffects(platform, tx, s.tenant.id, id, started.effects, runnableEffects);
      return { caseId: id, reference, status: started.state.status, created: true };
    });
  } catch (err) {
    // Two requests with the same key at the same moment: the second finds the first's case.
    if (s.idempotencyKey && isUniqueViolation(err)) {
      const earlier = await replay(platform, s.tenant.id, s.idempotencyKey, requestHash!);
      if (earlier) return earlier;
    }
    throw err;
  }
}

/**
 * In one short transaction: the case of an earlier submission under the same key, if any, or
 * else the next case reference (Aktenzeichen). The counter's row lock is held only this long:
 * holding it until the whole submission commits would let one submission per municipality
 * commit at a time. A submission that fails afterwards leaves a gap in the numbering, which
 * references (identifiers, not invoice numbers) may have. This commit need not wait for the
 * disk: the case's own synchronous commit flushes the log up to and including it.
 */
async function takeReference(
  platform: Platform,
  s: Submission,
  requestHash: string | null,
  slug: string,
  now: Date,
): Promise<string | Submitted> {
  const year = Number(germanDate(now).slice(0, 4));
  const taken = await withTenant(
    platform.database.db,
    s.tenant.id,
    async (tx) => {
      if (s.idempotencyKey) {
        const earlier = await findCaseByIdempotencyKey(tx, s.idempotencyKey);
        if (earlier) return earlier;
      }
      return nextReferenceNumber(tx, s.tenant.id, year);
    },
    { asyncCommit: true },
  );
  if (typeof taken !== "number") return replayed(taken, requestHash);
  return `${referencePrefix(slug)}-${year}-${String(taken).padStart(5, "0")}`;
}

function replayed(row: CaseRow, requestHash: string | null): Submitted {
  if (row.request_hash !== requestHash)
    throw new DomainError("cases.error.idempotencyConflict", { status: 409 });
  return { caseId: row.id, reference: row.reference, status: row.status, created: false };
}

async function replay(
  platform: Platform,
  tenantId: string,
  key: string,
  requestHash: string,
): Promise<Submitted | undefined> {
  const row = await withTenant(platform.database.db, tenantId, (tx) =>
    findCaseByIdempotencyKey(tx, key),
  );
  return row ? replayed(row, requestHash) : undefined;
}

/** A stable hash of what was submitted, so that a key reused for other data is noticed. */
function hashRequest(slug: string, data: unknown): string {
  return createHash("sha256").update(slug).update("\0").update(canonicalJson(data)).digest("hex");
}

/** "hund-anmelden" -> "HUND": a readable prefix of the case reference (Aktenzeichen). */
function referencePrefix(slug: string): string {
  return slug.split("-")[0].toUpperCase().slice(0, 8);
}
