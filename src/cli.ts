/**
 * `npx dienstwerk <command>`: operator commands. Uses DATABASE_URL, or the embedded server under
 * DATA_DIR (started for the command and stopped afterwards, unless the app already runs it).
 * Bad arguments get a clear message and exit code 2, never a stack trace.
 */
import "./platform/i18n/platform.messages.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sealTenantHistory, verifyTenantHistory } from "./modules/audit/index.ts";
import { allTenants, createMunicipality, getTenant, STATES } from "./modules/tenants/index.ts";
import { type Config, ConfigError, loadConfig } from "./platform/config.ts";
import { type Database, openDatabase, resolveAdminUrl } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";
import { DomainError } from "./platform/errors.ts";
import type { Platform } from "./platform/http/context.ts";
import { translate } from "./platform/i18n/index.ts";
import { Jobs } from "./platform/jobs.ts";
import { createLogger } from "./platform/logging.ts";
import { Mailer } from "./platform/mail.ts";
import { createMetrics } from "./platform/metrics.ts";

const _ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage: dienstwerk <command>

  migrate                                  apply pending database migrations
  tenant list                              list the municipalities
  tenant create --slug S --name N --state ST [--admin-email E]
                                           create a municipality (state: ${STATES.join(", ")});
                                           with --admin-email, invite its first administrator
  service lint <file.json>                 check a service definition
  service diff <old.json> <new.json>       compare two versions of a service definition
  service schema                           print the JSON Schema of service definitions
  service simulate <file.json> [...]       run a service definition without a database
  audit verify --tenant SLUG               check the hash chain of a municipality's case history
                                           (seals new events first); exit 1 if it is broken
  help                                     show this text

Database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default ./data).
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case "migrate":
      if (sub !== undefined) throw new UsageError(`migrate takes no arguments (got "${sub}")`);
      return runMigrate(loadCliConfig());
    case "tenant":
      if (sub === "list") return tenantList(loadCliConfig(), rest);
      if (sub === "create") return tenantCreate(loadCliConfig(), rest);
      throw new UsageError(sub ? `Unknown tenant command "${sub}"` : "tenant needs a command");
    case "service":
      return serviceCommand(sub, rest);
    case "audit":
      if (sub === "verify") return auditVerify(loadCliConfig(), rest);
      throw new UsageError(sub ? `Unknown audit command "${sub}"` : "audit needs a command");
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return 0;
    case undefined:
      throw new UsageError("No command given");
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

function loadCliConfig(): Config {
  // The CLI never works on the job queue: a running server does that.
  return loadConfig({ LOG_LEVEL: "silent", ...process.env, JOBS: "false" });
}

/** The database server for one command; an embedded one is stopped only if this process started it. */
async function withServer<T>(config: Config, fn: (adminUrl: string) => Promise<T>): Promise<T> {
  const resolved = await resolveAdminUrl(config, (line) => process.stderr.write(`${line}\n`));
  try {
    return await fn(resolved.adminUrl);
  } finally {
    if (resolved.embedded && !resolved.embedded.adopted) await resolved.embedded.stop();
  }
}

/** Opens the (migrated) database as the application role for one command. */
function withDatabase<T>(
  config: Config,
  fn: (database: Database, adminUrl: string) => Promise<T>,
): Promise<T> {
  return withServer(config, async (adminUrl) => {
    await migrate(adminUrl, config.databaseAppPassword);
    const database = openDatabase(adminUrl, config.databaseAppPassword, 2);
    try {
      return await fn(database, adminUrl);
    } finally {
      await database.close();
    }
  });
}

function runMigrate(config: Config): Promise<number> {
  return withServer(config, async (adminUrl) => {
    const { applied } = await migrate(adminUrl, config.databaseAppPassword);
    process.stdout.write(
      applied.length === 0
        ? "Database is up to date.\n"
        : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}\n`).join("")}`,
    );
    return 0;
  });
}

async function tenantList(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } }, strict: true });
  return withDatabase(config, async ({ db }) => {
    const tenants = await allTenants(db);
    if (values.json) {
      const rows = tenants.map((t) => ({ slug: t.slug, name: t.name, state: t.settings.state }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (tenants.length === 0) {
      process.stdout.write("No municipalities yet. Create one with `dienstwerk tenant create`.\n");
    } else {
      for (const t of tenants) {
        process.stdout.write(`${t.slug}\t${t.name}\t${t.settings.state ?? ""}\t/${t.slug}/\n`);
      }
    }
    return 0;
  });
}

async function auditVerify(config: Config, args: string[]): Promise<number> {
  // strict parsing refuses unknown options and stray arguments with a usage error
  const { values } = parseArgs({ args, options: { tenant: { type: "string" } }, strict: true });
  if (!values.tenant) throw new UsageError("Missing --tenant");
  const slug = values.tenant;
  return withDatabase(config, async ({ db }) => {
    const tenant = await getTenant(db, slug);
    if (!tenant) throw new UsageError(`No municipality with the slug "${slug}"`);
    await sealTenantHistory(db, tenant.id);
    const result = await verifyTenantHistory(db, tenant.id);
    if (!result.broken) {
      process.stdout.write(
        `${slug}: chain intact, ${result.sealed} events verified, ${result.unsealed} not yet sealed\n`,
      );
      return 0;
    }
    const b = result.broken;
    const where =
      b.eventId === null
        ? "after the last event (events removed at the end)"
        : `event id ${b.eventId} of case ${b.caseId}`;
    const why = {
      changed: "its content was changed",
      missing: "a link is missing or was inserted",
      head: "the chain head does not match",
    }[b.reason];
    process.stdout.write(
      `${slug}: chain BROKEN at link ${b.chainSeq}, ${where}: ${why}. ${b.chainSeq - 1} links before it verified.\n`,
    );
    return 1;
  });
}

async function tenantCreate(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      state: { type: "string" },
      "admin-email": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const missing = (["slug", "name", "state"] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(", ")}`);
  }
  return withDatabase(config, async (database, adminUrl) => {
    const log = createLogger("silent");
    const jobs = new Jobs({ adminUrl, schema: config.jobSchema, log });
    const mailer = new Mailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      db: database.db,
      jobs,
    });
    const platform: Platform = { config, database, jobs, mailer, log, metrics: createMetrics() };
    await jobs.install();
    try {
      const created = await createMunicipality(platform, {
        slug: values.slug!,
        name: values.name!,
        state: values.state!.toUpperCase(),
        adminEmail: values["admin-email"],
      });
      process.stdout.write(`Created ${values.name} at ${config.baseUrl}/${created.slug}/\n`);
      if (created.invited) {
        process.stdout.write(
          `Invitation for ${created.invited} queued; the running Dienstwerk server sends it.\n`,
        );
      }
      return 0;
    } finally {
      await jobs.stop();
      mailer.close();
    }
  });
}

/** `service lint|simulate|diff|schema`: the pure engine's commands (bin/service-cli.ts). */
async function serviceCommand(sub: string | undefined, rest: string[]): Promise<number> {
  if (!sub || !["lint", "simulate", "diff", "schema"].includes(sub)) {
    throw new UsageError(sub ? `Unknown service command "${sub}"` : "service needs a command");
  }
  const { runServiceCli } = await import("../bin/service-cli.ts");
  return runServiceCli([sub, ...rest]);
}

/** A domain error in both languages, with the field it concerns. */
function describeDomainError(err: DomainError): string {
  const flag = err.field === "adminEmail" ? "admin-email" : err.field;
  const field = flag ? ` (--${flag})` : "";
  return `${translate("de", err.key, err.params)} / ${translate("en", err.key, err.params)}${field}`;
}

function isParseArgsError(err: unknown): err is Error {
  return (err as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS") ?? false;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || isParseArgsError(err)) {
      process.stderr.write(`dienstwerk: ${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`dienstwerk: ${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof DomainError) {
      process.stderr.write(`dienstwerk: ${describeDomainError(err)}\n`);
      process.exit(2);
    }
    process.stderr.write(`dienstwerk: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  },
);
