/**
 * Shared by the crash and outage tests: a migrated database with a municipality, a caseworker in
 * its org unit, a service whose automatic first step notifies that caseworker (one mail per
 * case), and an API key; and the app as a child process (`node src/main.ts`) that can be killed
 * and started again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createStaffUser } from "../../src/modules/accounts/index.ts";
import { createApiKey } from "../../src/modules/intake/index.ts";
import { publishService } from "../../src/modules/services/index.ts";
import { addMember, createOrgUnit, createTenant } from "../../src/modules/tenants/index.ts";
import { openDatabase } from "../../src/platform/db/database.ts";
import { migrate } from "../../src/platform/db/migrate.ts";

export const APP_PASSWORD = "crash-app-password";
export const SECRET = "dienstwerk-crash-secret-key-0000000000";

export function service() {
  return {
    schemaVersion: 1,
    id: "osterfeuer",
    version: "1.0.0",
    meta: {
      title: "Osterfeuer anzeigen",
      description: "Anzeige eines Brauchtumsfeuers.",
      leikaKey: "99000000000002",
      legalBasis: ["§ 1 Beispielverordnung"],
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
            { id: "name", type: "text", label: "Veranstaltung", required: true, maxLength: 200 },
            { id: "fireDate", type: "date", label: "Tag des Feuers", required: true },
          ],
        },
      ],
    },
    process: {
      initialStatus: "eingang",
      statuses: [
        { id: "eingang", title: "Eingang", kind: "open" },
        { id: "neu", title: "Eingegangen", kind: "open" },
        { id: "bestaetigt", title: "Bestätigt", kind: "final-positive" },
      ],
      actions: [
        {
          id: "melden",
          title: "Eingang melden",
          from: ["eingang"],
          to: "neu",
          roles: ["system"],
          automatic: true,
          effects: [{ type: "notifyStaff", notification: "neuerVorgang" }],
        },
        {
          id: "bestaetigen",
          title: "Bestätigen",
          from: ["neu"],
          to: "bestaetigt",
          roles: ["caseworker"],
        },
      ],
    },
    notifications: [
      { id: "neuerVorgang", subject: "Neue Anzeige", body: "Ein Feuer „{{name}}“ ist angezeigt." },
    ],
  };
}

export type Prepared = { tenantId: string; slug: string; apiKey: string; staffEmail: string };

export async function prepare(adminUrl: string): Promise<Prepared> {
  await migrate(adminUrl, APP_PASSWORD);
  const database = openDatabase(adminUrl, APP_PASSWORD, 4);
  try {
    const db = database.db;
    const slug = `crash-${randomUUID().slice(0, 6)}`;
    const tenant = await createTenant(db, { slug, settings: { name: "Crashstadt", state: "ST" } });
    const unit = await createOrgUnit(db, tenant.id, { name: "Ordnungsamt" });
    const staffEmail = `sachbearbeitung-${slug}@crash.example`;
    const { id: staffId } = await createStaffUser(db, {
      email: staffEmail,
      name: "Sachbearbeitung",
      password: "Ein-sicheres-Crash-Passwort",
    });
    await addMember(db, {
      tenantId: tenant.id,
      userId: staffId,
      roles: ["caseworker"],
      orgUnitIds: [unit.id],
    });
    await publishService(db, tenant.id, service());
    const { key } = await createApiKey(db, tenant.id, { name: "crash", createdBy: null });
    return { tenantId: tenant.id, slug, apiKey: key, staffEmail };
  } finally {
    await database.close();
  }
}

/** The app as a child process on `port`; `start` waits until it is ready, `kill` is SIGKILL. */
export function appProcess(o: {
  adminUrl: string;
  port: number;
  smtpUrl: string;
  quiet?: boolean;
}) {
  const base = `http://127.0.0.1:${o.port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: o.adminUrl,
    DATABASE_APP_PASSWORD: APP_PASSWORD,
    SECRET_KEY: SECRET,
    HOST: "127.0.0.1",
    PORT: String(o.port),
    BASE_URL: base,
    SMTP_URL: o.smtpUrl,
    LOG_LEVEL: "error",
    DEMO_MODE: "false",
    JOBS: "true",
    API_RATE_LIMIT: "0",
  };
  let child: ChildProcess | undefined;
  return {
    base,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      const c = spawn(process.execPath, ["src/main.ts"], {
        env,
        stdio: ["ignore", o.quiet ? "ignore" : "inherit", o.quiet ? "ignore" : "inherit"],
      });
      child = c;
      for (let i = 0; i < 600; i++) {
        if (c.exitCode !== null) throw new Error(`app exited with ${c.exitCode}`);
        const ok = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        await sleep(100);
      }
      throw new Error("app did not become ready");
    },
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL");
      await exited;
    },
  };
}
