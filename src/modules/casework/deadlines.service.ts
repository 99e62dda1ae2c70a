import {
  type CaseState,
  germanDate,
  type IsoDate,
  nextWorkingDayFrom,
  SYSTEM_ACTOR,
} from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translate } from "../../platform/i18n/index.ts";
import { type Cases, tenantLand } from "../cases/index.ts";
import { allTenants, getTenant, type TenantRow } from "../tenants/index.ts";
import {
  appendHistory,
  findCaseForFollowUp,
  type ReminderKind,
  recordReminder,
  reminderRecorded,
  responsibleEmails,
  storeFollowUp,
  type WatchedCase,
  watchedCases,
} from "./deadlines.repository.ts";

/** The municipality as the case engine needs it (the engine finds its Land itself). */
export async function engineTenant(platform: Platform, slug: string): Promise<{ id: string }> {
  const row = await getTenant(platform.database.db, slug);
  if (!row) throw new DomainError("error.notFound", { status: 404 });
  return { id: row.id };
}

export type SweepReport = { notified: number; timersRun: number; timersRefused: number };

/**
 * The scheduled sweep over every municipality: follow-ups due, deadlines passed and timers due
 * are each recorded once (so the inbox shows them) with a mail to the responsible people in the
 * same transaction, and each due timer action runs once through the case engine as the system.
 * Safe to run at any time and repeatedly: what has fired is not fired again.
 */
export async function sweepDeadlines(
  platform: Platform,
  cases: Cases,
  now = new Date(),
  only?: { tenantIds: string[] },
): Promise<SweepReport> {
  const report: SweepReport = { notified: 0, timersRun: 0, timersRefused: 0 };
  for (const tenant of await allTenants(platform.database.db)) {
    if (only && !only.tenantIds.includes(tenant.id)) continue;
    await sweepTenant(platform, cases, tenant, now, report);
  }
  return report;
}

async function sweepTenant(
  platform: Platform,
  cases: Cases,
  tenant: TenantRow,
  now: Date,
  report: SweepReport,
): Promise<void> {
  const today = germanDate(now);
  const watched = await withTenant(platform.database.db, tenant.id, (tx) =>
    watchedCases(tx, today),
  );
  for (const c of watched) {
    const { followUp, dueDate, timers } = c.state;
    if (followUp && followUp <= today && (await fire(platform, tenant, c, "followUp", followUp)))
      report.notified++;
    if (dueDate && dueDate < today && (await fire(platform, tenant, c, "deadline", dueDate)))
      report.notified++;
    for (const timer of timers ?? []) {
      if (timer.dueAt > today) continue;
      const outcome = await runTimer(platform, cases, tenant, c, timer.actionId, timer.dueAt, now);
      if (outcome === "run") report.timersRun++;
      if (outcome === "refused") report.timersRefused++;
    }
  }
}

/** Records the event and queues the mails in one transaction; false if it had fired before. */
async function fire(
  platform: Platform,
  tenant: TenantRow,
  c: WatchedCase,
  kind: ReminderKind,
  dueOn: IsoDate,
): Promise<boolean> {
  return withTenant(platform.database.db, tenant.id, async (tx) => {
    const first = await recordReminder(tx, { tenantId: tenant.id, caseId: c.id, kind, dueOn });
    if (!first) return false;
    const params = {
      reference: c.reference,
      date: `${dueOn.slice(8, 10)}.${dueOn.slice(5, 7)}.${dueOn.slice(0, 4)}`,
      link: `${platform.config.baseUrl}/${tenant.slug}/amt/vorgaenge/${c.id}`,
      tenant: tenant.name,
    };
    for (const to of await responsibleEmails(tx, c.state.assignedTo)) {
      await platform.mailer.queueMail(tx, {
        to,
        subject: translate("de", `casework.mail.${kind}.subject`, params),
        text: translate("de", `casework.mail.${kind}.body`, params),
      });
    }
    return true;
  });
}

/**
 * Runs a due timer action as the system, at most once per due date. A refusal (guard no longer
 * holds) is recorded with its reason and not retried; a concurrent change is retried next sweep.
 */
async function runTimer(
  platform: Platform,
  cases: Cases,
  tenant: TenantRow,
  c: WatchedCase,
  actionId: string,
  dueAt: IsoDate,
  now: Date,
): Promise<"run" | "refused" | "skipped"> {
  const db = platform.database.db;
  const done = await withTenant(db, tenant.id, (tx) =>
    reminderRecorded(tx, c.id, "timer", dueAt, actionId),
  );
  if (done) return "skipped";
  const ref = { tenant: { id: tenant.id }, caseId: c.id };
  let outcome: string | undefined;
  try {
    await cases.perform({
      ...ref,
      actionId,
      actor: SYSTEM_ACTOR,
      // no expected version: the engine checks the status and the timer itself, and an
      // earlier timer of the same sweep may just have changed the case
      input: {},
      now,
    });
  } catch (err) {
    if (!(err instanceof DomainError) || err.key === "cases.error.stale") return "skipped";
    outcome = err.key;
    platform.log.info({ caseId: c.id, actionId, key: err.key }, "timer action refused");
  }
  await withTenant(db, tenant.id, (tx) =>
    recordReminder(tx, {
      tenantId: tenant.id,
      caseId: c.id,
      kind: "timer",
      dueOn: dueAt,
      actionId,
      outcome,
    }),
  );
  return outcome ? "refused" : "run";
}

/**
 * Sets a case's follow-up date (Wiedervorlage) on the version the caseworker saw; a date on a
 * weekend or public holiday of the municipality's Land moves to the next working day. The
 * change is an event in the case history. Returns the date stored.
 */
export async function setFollowUp(
  platform: Platform,
  p: {
    tenant: { id: string };
    caseId: string;
    date: IsoDate;
    expectedVersion: number;
    actorId: string;
    now?: Date;
  },
): Promise<IsoDate> {
  const followUp = nextWorkingDayFrom(p.date, await tenantLand(platform.database.db, p.tenant.id));
  const now = p.now ?? new Date();
  return withTenant(platform.database.db, p.tenant.id, async (tx) => {
    const row = await findCaseForFollowUp(tx, p.caseId);
    if (!row) throw new DomainError("error.notFound", { status: 404 });
    if (row.version !== p.expectedVersion)
      throw new DomainError("cases.error.stale", { status: 409 });
    const seq = row.state.version + 1;
    const state: CaseState = { ...row.state, followUp, version: seq };
    if (!(await storeFollowUp(tx, row.id, row.version, state)))
      throw new DomainError("cases.error.stale", { status: 409 });
    await appendHistory(tx, {
      tenantId: p.tenant.id,
      caseId: row.id,
      seq,
      type: "followUp.set",
      actorId: p.actorId,
      at: now,
      payload: { followUp },
    });
    return followUp;
  });
}
