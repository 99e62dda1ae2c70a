import { Kysely, type Transaction } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { ContextDialect, inTransactionContext } from "./context-driver.ts";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded.ts";
import { namePreparedStatements } from "./prepared.ts";
import type { DB } from "./schema.ts";

export type { DB } from "./schema.ts";
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

/** The role the application works as: no superuser, no BYPASSRLS, owns no table. */
export const APP_ROLE = "dienstwerk_app";

// Timestamps stay JavaScript Dates; bigint counters come back as numbers (they stay far below
// 2^53); calendar dates (`date`) stay ISO strings: a date has no time zone to be shifted by.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type Database = {
  /** Queries of the application, as the restricted role: row-level security applies. */
  db: Db;
  /** The owner connection: migrations and the job queue only. */
  adminUrl: string;
  appUrl: string;
  appPool: pg.Pool;
  close(): Promise<void>;
};

/** Resolves the database to use: DATABASE_URL, or the embedded server under DATA_DIR. */
export async function resolveAdminUrl(
  config: Config,
  log: (line: string) => void,
): Promise<{ adminUrl: string; embedded?: EmbeddedServer }> {
  if (config.databaseUrl) return { adminUrl: config.databaseUrl };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    secretKey: config.secretKey,
    log,
  });
  const adminUrl = await ensureDatabase(embedded.url, "dienstwerk");
  return { adminUrl, embedded };
}

/** Creates the database `name` on the server of `url` if missing; returns its URL. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function appUrlFor(adminUrl: string, password: string): string {
  const u = new URL(adminUrl);
  u.username = APP_ROLE;
  u.password = password;
  return u.toString();
}

export function openDatabase(adminUrl: string, appPassword: string, max = 20): Database {
  const appUrl = appUrlFor(adminUrl, appPassword);
  const appPool = new pg.Pool({
    connectionString: appUrl,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A lost connection must not crash the process; the pool replaces it on the next checkout.
  // `error` on the pool covers idle connections; a connection checked out by a transaction when
  // the server goes away (restart, failover) emits `error` on its client, which would otherwise
  // be unhandled: its queries fail (and the request answers 503) and it is discarded on release.
  appPool.on("error", () => {});
  appPool.on("connect", (client) => {
    client.on("error", () => {});
    namePreparedStatements(client);
  });
  const db = new Kysely<DB>({ dialect: new ContextDialect({ pool: appPool }) });
  return {
    db,
    adminUrl,
    appUrl,
    appPool,
    close: () => db.destroy(),
  };
}

/**
 * Runs `fn` in one transaction whose row-level-security context is the tenant `tenantId`.
 * Every query on tenant-owned tables must run inside this (or `withPlatform`, which sees none).
 */
export function withTenant<T>(
  db: Db,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  options: { asyncCommit?: boolean } = {},
): Promise<T> {
  return inTransactionContext({ tenantId, ...options }, () => db.transaction().execute(fn));
}

/**
 * One transaction in a citizen's context: row-level security lets it read that person's cases,
 * history, postbox and drafts in every municipality (the Bürgerkonto is instance-wide), and
 * nothing of anyone else.
 */
export function withCitizen<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransactionContext({ userId }, () => db.transaction().execute(fn));
}

/** One transaction without a tenant context: instance-wide tables only (tenants, users, sessions). */
export function withPlatform<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransactionContext({}, () => db.transaction().execute(fn));
}

/** True when the error is PostgreSQL's unique-violation, optionally on a named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === "23505" && (!constraint || e.constraint === constraint);
}
