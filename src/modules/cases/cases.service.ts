import { createHash } from "node:crypto";
import { germanDate, type Problem, startCase, validateSubmission } from "../../core/index.ts";
import { canonicalJson } from "../../platform/canonical-json.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { getPublishedService } from "../services/index.ts";
import { tenantLand } from "./case-actions.service.ts";
import { caseWriterOf } from "./case-writer.ts";
import type { CaseRow } from "./cases.repository.ts";

/** Submitted data that does not fit the form: every problem with its field path. */
export class SubmissionInvalid extends DomainError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super("cases.error.invalid", { status: 422, params: { count: problems.length } });
    this.problems = problems;
  }
}

export type Submission = {
  tenant: { id: string };
  serviceSlug: string;
  data: unknown;
  applicantId: string | null;
  channel: CaseRow["channel"];
  /** The same key always yields the same case: retries and double clicks create one case. */
  idempotencyKey: string | null;
  receivedAt?: Date;
  /** Submitted with this API key: checked live again in the transaction that stores the case. */
  apiKey?: { id: string };
};

export type Submitted = { caseId: string; reference: string; status: string; created: boolean };

/**
 * Turns an application into a case: validate against the newest published
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
    land: await tenantLand(db, s.tenant.id),
  });
  if (!started.ok)
    throw new DomainError(started.error.key, { status: 422, params: started.error.params });

  return caseWriterOf(platform).store({
    tenantId: s.tenant.id,
    serviceId: service.serviceId,
    serviceVersion: service.version,
    referencePrefix: referencePrefix(service.slug),
    year: Number(germanDate(now).slice(0, 4)),
    state: started.state,
    events: started.events,
    effects: started.effects,
    runnableEffects,
    applicantId: s.applicantId,
    channel: s.channel,
    idempotencyKey: s.idempotencyKey,
    requestHash,
    receivedAt: now,
    apiKeyId: s.apiKey?.id ?? null,
  });
}

/** A stable hash of what was submitted, so that a key reused for other data is noticed. */
function hashRequest(slug: string, data: unknown): string {
  return createHash("sha256").update(slug).update("\0").update(canonicalJson(data)).digest("hex");
}

/** "hund-anmelden" -> "HUND": a readable prefix of the case reference (Aktenzeichen). */
function referencePrefix(slug: string): string {
  return slug.split("-")[0].toUpperCase().slice(0, 8);
}
