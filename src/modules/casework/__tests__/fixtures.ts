import { randomUUID } from "node:crypto";
import type { Running } from "../../../app.ts";
import { publishService } from "../../services/index.ts";

/**
 * A small service for casework tests: a status with a deadline, a reminder timer that stays in
 * the status (so it must not run twice), a late closure timer, and a confirm action.
 */
export function fristDefinition(id = "frist-test") {
  return {
    schemaVersion: 1,
    id,
    version: "1.0.0",
    meta: {
      title: "Osterfeuer anzeigen (Test)",
      description: "Anzeige eines Brauchtumsfeuers.",
      leikaKey: "99000000000002",
      legalBasis: ["§ 1 Testverordnung"],
      orgUnit: "Ordnungsamt",
      processingTime: { value: 5, unit: "days" },
      requiredDocuments: [],
    },
    form: {
      pages: [
        {
          id: "angaben",
          title: "Angaben",
          fields: [
            { id: "name", type: "text", label: "Name der Veranstaltung", required: true },
            { id: "fireDate", type: "date", label: "Datum des Feuers", required: true },
          ],
        },
      ],
    },
    process: {
      initialStatus: "neu",
      statuses: [
        { id: "neu", title: "Eingegangen", kind: "open", deadline: { days: 3 } },
        { id: "bestaetigt", title: "Bestätigt", kind: "final-positive" },
        { id: "geschlossen", title: "Geschlossen", kind: "final-negative" },
      ],
      actions: [
        {
          id: "confirm",
          title: "Bestätigen",
          from: ["neu"],
          to: "bestaetigt",
          roles: ["caseworker"],
        },
        {
          id: "remind",
          title: "Erinnerung",
          from: ["neu"],
          to: "neu",
          roles: ["system"],
          timer: { after: { days: 2 } },
        },
        {
          id: "autoClose",
          title: "Automatisch schließen",
          from: ["neu"],
          to: "geschlossen",
          roles: ["system"],
          timer: { after: { days: 60 } },
        },
      ],
    },
  };
}

export async function publishFrist(app: Running, tenantId: string) {
  return publishService(app.platform.database.db, tenantId, fristDefinition());
}

/** Submits one application to the test service, received `daysAgo` days ago. */
export async function submitFrist(
  app: Running,
  tenantId: string,
  o: { daysAgo?: number; name?: string } = {},
) {
  const receivedAt = new Date(Date.now() - (o.daysAgo ?? 0) * 86_400_000);
  return app.cases.submit({
    tenant: { id: tenantId },
    serviceSlug: "frist-test",
    data: { name: o.name ?? "Osterfeuer am Dorfteich", fireDate: "2027-04-03" },
    applicantId: null,
    channel: "post",
    idempotencyKey: randomUUID(),
    receivedAt,
  });
}
