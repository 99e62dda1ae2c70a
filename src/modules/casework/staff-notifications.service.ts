import { composeDocument, germanDate } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import type { Platform } from "../../platform/http/context.ts";
import { type EffectJob, findCase } from "../cases/index.ts";
import { getServiceVersion } from "../services/index.ts";
import { getTenantById, tenantPlaceholderValues } from "../tenants/index.ts";
import { caseOrgUnit, recordEffectRun, staffEmails } from "./staff-notifications.repository.ts";

/**
 * The `notifyStaff` effect: the definition's notification, its placeholders filled from the case,
 * mailed with a link to the case to the staff of the case's org unit who hold one of the effect's
 * roles (caseworkers unless it names others; the whole municipality's when the case has no org
 * unit). Jobs run at least once: the effect is recorded in the transaction that queues the mails,
 * so a repeated job sends nothing again. A mail job repeated after a crash between the SMTP
 * server's acceptance and the job's completion carries the same Message-ID.
 */
export function notifyStaffEffect(platform: Platform) {
  return async (job: EffectJob): Promise<void> => {
    const effect = job.effect;
    if (effect.type !== "notifyStaff") return;
    const db = platform.database.db;
    await withTenant(db, job.tenantId, async (tx) => {
      if (!(await recordEffectRun(tx, job.tenantId, job.caseId, effect.key))) return;
      const row = await findCase(tx, job.caseId);
      if (!row) return;
      const service = await getServiceVersion(
        db,
        job.tenantId,
        row.service_id,
        row.service_version,
      );
      const def = service?.definition;
      const template = def?.notifications?.find((n) => n.id === effect.notification);
      if (!def || !template)
        throw new Error(`Notification ${effect.notification} missing in ${row.service_id}`);
      const tenant = await getTenantById(db, job.tenantId);
      const composed = composeDocument(
        {
          ...def,
          documents: [
            {
              id: "_staff",
              title: template.subject,
              kind: "letter",
              blocks: [{ text: template.subject }, { text: template.body }],
            },
          ],
        },
        "_staff",
        row.state,
        {
          case: { reference: row.reference },
          tenant: tenant ? tenantPlaceholderValues(tenant) : {},
          today: germanDate(new Date()),
        },
      );
      const [subject, body] = composed?.paragraphs.map((p) => p.text) ?? [template.subject, ""];
      const link = `${platform.config.baseUrl}/${tenant?.slug ?? ""}/amt/vorgaenge/${row.id}`;
      const roles = effect.roles?.length ? effect.roles : ["caseworker"];
      for (const to of await staffEmails(tx, await caseOrgUnit(tx, row.id), roles)) {
        await platform.mailer.queueMail(tx, {
          to,
          subject: `${subject} (${row.reference})`,
          text: `${body}\n\n${link}\n`,
        });
      }
    });
  };
}
