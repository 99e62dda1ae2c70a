import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every setting the app reads, validated once at start. The README lists them; keep both in step.
 * Secrets that are not given are generated once and kept under DATA_DIR so that sessions and
 * tokens survive a restart of a development instance.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  BASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_APP_PASSWORD: z.string().min(1).optional(),
  DATA_DIR: z.string().default("data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Dienstwerk <noreply@dienstwerk.localhost>"),
  SECRET_KEY: z.string().min(32).optional(),
  DEMO_MODE: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
  JOBS: z.enum(["true", "false"]).default("true"),
  MAX_REQUEST_MB: z.coerce.number().int().min(1).max(1024).default(30),
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  JOB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default("pgboss"),
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(50),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  databaseAppPassword: string;
  dataDir: string;
  embeddedPgPort: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  secretKey: string;
  /** Demo mode: seeded demo data, TOTP optional for staff. On by default outside production. */
  demoMode: boolean;
  logLevel: string;
  trustProxy: boolean;
  /**
   * Seconds an idle HTTP connection stays open. Above a reverse proxy's own idle timeout (nginx
   * and most load balancers: 60 s), so that the proxy, not the app, closes idle connections: a
   * request the proxy sends on a connection the app is just closing meets a reset, and the proxy
   * answers a citizen's form post with 502.
   */
  keepAliveSeconds: number;
  /** Whether this process works on jobs (off for short-lived CLI runs). */
  jobs: boolean;
  /** Days an unfinished application (draft) is kept after its last change. */
  draftRetentionDays: number;
  /** Largest request body accepted (uploads included), in bytes. */
  maxRequestBytes: number;
  /** PostgreSQL schema of the job queue (pg-boss). */
  jobSchema: string;
  secureCookies: boolean;
  /** JSON API requests per second per API key (bursts of twice that); 0 = no limit. */
  apiRateLimit?: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const secrets = e.SECRET_KEY && e.DATABASE_APP_PASSWORD ? undefined : localSecrets(dataDir);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    databaseUrl: e.DATABASE_URL,
    databaseAppPassword: e.DATABASE_APP_PASSWORD ?? secrets!.databaseAppPassword,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    secretKey: e.SECRET_KEY ?? secrets!.secretKey,
    demoMode: e.DEMO_MODE ?? e.NODE_ENV !== "production",
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === "true",
    keepAliveSeconds: e.KEEP_ALIVE_SECONDS,
    jobs: e.JOBS === "true",
    draftRetentionDays: e.DRAFT_RETENTION_DAYS,
    jobSchema: e.JOB_SCHEMA,
    maxRequestBytes: e.MAX_REQUEST_MB * 1024 * 1024,
    secureCookies: baseUrl.startsWith("https://"),
    apiRateLimit: e.API_RATE_LIMIT,
  };
}

type LocalSecrets = { secretKey: string; databaseAppPassword: string };

function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    secretKey: randomBytes(32).toString("base64url"),
    databaseAppPassword: randomBytes(24).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
