import { randomBytes } from "node:crypto";
import { type Running, startDienstwerk } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/platform/config.ts";

/** The database prepared by scripts/test.ts (migrated once for the whole run). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("Run tests with `npm test` (it prepares TEST_DATABASE_URL)");
  return url;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_APP_PASSWORD: process.env.TEST_APP_PASSWORD ?? "test-app-password",
    SECRET_KEY: "dienstwerk-test-secret-key-0000000000",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DEMO_MODE: "false",
    // Each app gets its own job queue, so that one test's jobs are not worked by another's app.
    JOB_SCHEMA: `pgboss_t${randomBytes(5).toString("hex")}`,
    ...env,
  });
}

/** Starts the whole app (HTTP on a free port, jobs) against the test database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<Running> {
  const config = testConfig(env);
  const running = await startDienstwerk(config);
  // BASE_URL must match the port the server actually got.
  running.platform.config.baseUrl = running.url;
  return running;
}
