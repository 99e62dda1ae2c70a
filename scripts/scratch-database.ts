/**
 * A fresh database for one run of the tests or a benchmark: on DATABASE_URL's server if set,
 * otherwise on an embedded server under `dataDir` (on a free port, so that runs in several
 * checkouts do not collide). `close` drops the database and stops an embedded server this run
 * started (one that was already running belongs to a parallel run and is left alone).
 */
import { createServer } from "node:net";
import pg from "pg";
import { ensureDatabase } from "../src/platform/db/database.ts";
import { startEmbeddedPostgres } from "../src/platform/db/embedded.ts";

export type ScratchDatabase = {
  /** Owner connection to the new database. */
  adminUrl: string;
  dbName: string;
  /** Where it lives, for the run's first line of output. */
  where: string;
  /** True when an embedded server was started for this run. */
  embedded: boolean;
  /** Drops the database (unless `keep`) and stops an embedded server this run started. */
  close(opts?: { keep?: boolean }): Promise<void>;
};

export async function openScratchDatabase(opts: {
  prefix: string;
  dataDir: string;
  secretKey: string;
  port?: number;
}): Promise<ScratchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!serverUrl) {
    server = await startEmbeddedPostgres({
      dataDir: opts.dataDir,
      port: opts.port ?? (await freePort()),
      secretKey: opts.secretKey,
    });
    serverUrl = server.url;
  }
  const dbName = `${opts.prefix}_${Date.now().toString(36)}`;
  const adminUrl = await ensureDatabase(serverUrl, dbName);
  const url = serverUrl;
  return {
    adminUrl,
    dbName,
    where: server
      ? `embedded PostgreSQL in ${opts.dataDir}`
      : `DATABASE_URL (${new URL(url).host})`,
    embedded: server !== undefined,
    async close({ keep = false } = {}) {
      if (!keep) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => {});
        await admin.end();
      }
      if (server && !server.adopted) await server.stop();
    },
  };
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
