import "./platform/i18n/platform.messages.ts";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { accountsModule, sessionModule } from "./modules/accounts/index.ts";
import { platformAdminModule } from "./modules/admin/index.ts";
import { defineAuditJobs } from "./modules/audit/index.ts";
import { caseFileModule } from "./modules/casefile/index.ts";
import { type Cases, createCases } from "./modules/cases/index.ts";
import { caseworkModule } from "./modules/casework/index.ts";
import { citizenModule } from "./modules/citizen/index.ts";
import { demoBanner, demoLogin, seedDemoIfEmpty } from "./modules/demo/index.ts";
import { documentsModule } from "./modules/documents/index.ts";
import { caseScopeModule, inboxModule } from "./modules/inbox/index.ts";
import { intakeModule } from "./modules/intake/index.ts";
import { intakeDeskModule } from "./modules/intake-desk/index.ts";
import { newsModule } from "./modules/news/index.ts";
import { noticesModule } from "./modules/notices/index.ts";
import { devOutboxModule } from "./modules/outbox/index.ts";
import { portalModule } from "./modules/portal/index.ts";
import { messageApplicantEffect } from "./modules/postbox/index.ts";
import { catalogue } from "./modules/services/index.ts";
import { studioModule } from "./modules/studio/index.ts";
import {
  tenantAdministrationModule,
  tenantContextModule,
  tenantPagesModule,
} from "./modules/tenants/index.ts";
import { textBlocksModule } from "./modules/textblocks/index.ts";
import { type Config, loadConfig } from "./platform/config.ts";
import { openDatabase, resolveAdminUrl } from "./platform/db/database.ts";
import type { EmbeddedServer } from "./platform/db/embedded.ts";
import { migrate } from "./platform/db/migrate.ts";
import { createApp, type WebModule } from "./platform/http/app.ts";
import type { AppEnv, Platform } from "./platform/http/context.ts";
import { Jobs } from "./platform/jobs.ts";
import { createLogger, type Logger } from "./platform/logging.ts";
import { Mailer } from "./platform/mail.ts";
import { createMetrics } from "./platform/metrics.ts";

export type Running = {
  platform: Platform;
  /** The case engine: submit applications, perform actions, effect handlers. */
  cases: Cases;
  url: string;
  server: Server;
  /** The Hono app; tests enumerate its routes (e.g. every workspace page for isolation tests). */
  app: Hono<AppEnv>;
  /** Stops accepting requests, finishes running requests and jobs, closes the database. */
  stop(): Promise<void>;
};

/**
 * Starts Dienstwerk: database (embedded unless DATABASE_URL), migrations, job queue, demo data
 * when in demo mode, HTTP server. The composition root: the one place that knows every module.
 */
export type StartOptions = {
  /** Extra web modules (and their job queues), mounted before the municipality pages; for tests. */
  extend?: (platform: Platform) => WebModule[];
};

export async function startDienstwerk(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<Running> {
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedServer | undefined;
  const resolved = await resolveAdminUrl(config, (line) => log.info(line));
  embedded = resolved.embedded;
  await migrate(resolved.adminUrl, config.databaseAppPassword);
  const database = openDatabase(resolved.adminUrl, config.databaseAppPassword);
  const metrics = createMetrics();
  const jobs = new Jobs({ adminUrl: resolved.adminUrl, schema: config.jobSchema, log, metrics });
  const mailer = new Mailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    db: database.db,
    jobs,
  });
  const platform: Platform = { config, database, jobs, mailer, log, metrics };
  const cases = createCases(platform);
  cases.onEffect("messageApplicant", messageApplicantEffect(platform));
  defineAuditJobs(platform);

  const app = createApp(platform, [
    tenantContextModule(platform),
    sessionModule(platform),
    accountsModule(platform),
    newsModule(platform),
    textBlocksModule(platform),
    studioModule(platform),
    citizenModule(platform, cases),
    devOutboxModule(platform),
    documentsModule(platform),
    noticesModule(platform, { cases }),
    ...(options.extend?.(platform) ?? []),
    tenantAdministrationModule(platform),
    intakeModule(platform, { cases }),
    platformAdminModule(platform),
    portalModule(platform, { cases }),
    intakeDeskModule(platform, { cases }),
    caseScopeModule(platform),
    caseFileModule(platform, { cases }),
    caseworkModule(platform, { cases }),
    inboxModule(platform),
    tenantPagesModule(platform, {
      catalogue: (tenantId) => catalogue(database.db, tenantId),
      demoLogin: config.demoMode ? demoLogin : undefined,
    }),
  ]);

  await jobs.install();
  if (config.jobs) await jobs.work();
  const demoReady = config.demoMode && (await seedDemoIfEmpty(platform));

  const server = await listen(app.fetch, config);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  // The sign-in hint is for the person who started the server; LOG_LEVEL=silent (tests) hides it.
  if (demoReady && config.logLevel !== "silent") process.stdout.write(demoBanner(config.baseUrl));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await closeServer(server, log);
      await jobs.stop();
      mailer.close();
      await database.close();
      await embedded?.stop();
    })();
    return stopping;
  };
  return { platform, cases, url, server, app, stop };
}

function listen(fetch: Parameters<typeof serve>[0]["fetch"], config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as Server),
    ) as Server;
    // Node announces `Keep-Alive: timeout=N` and closes one second later (keepAliveTimeoutBuffer).
    server.keepAliveTimeout = config.keepAliveSeconds * 1000;
    server.once("error", reject);
  });
}

/**
 * Stops accepting connections and waits for requests in flight (up to 20 s). A connection is
 * closed as soon as it is idle, and a request that still arrives on one is answered with
 * `Connection: close`, so that a client keeping its connection open (the server allows
 * KEEP_ALIVE_SECONDS) does not hold up the shutdown.
 */
function closeServer(server: Server, log: Logger): Promise<void> {
  return new Promise((resolve) => {
    server.on("request", (_req: IncomingMessage, res: ServerResponse) =>
      res.setHeader("connection", "close"),
    );
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    const force = setTimeout(() => {
      log.warn("requests still running 20 s after the shutdown began: their connections are cut");
      server.closeAllConnections();
    }, 20_000);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
