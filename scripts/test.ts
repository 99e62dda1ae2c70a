/**
 * `npm test`: prepares a fresh database on a real PostgreSQL (DATABASE_URL if set, otherwise an
 * embedded server under .test-data/), migrates it once, then runs every test file with Node's
 * test runner. Each test builds its own municipalities and users with the factories in test/;
 * nothing is truncated between tests.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { ensureDatabase } from "../src/platform/db/database.ts";
import { startEmbeddedPostgres } from "../src/platform/db/embedded.ts";
import { migrate } from "../src/platform/db/migrate.ts";

const APP_PASSWORD = "test-app-password";
const files = process.argv.slice(2);

async function main(): Promise<number> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".test-data"),
      port: Number(process.env.TEST_PG_PORT ?? (await freePort())),
      secretKey: "dienstwerk-test-secret-key-0000000000",
    });
    serverUrl = embedded.url;
  }
  const dbName = `dienstwerk_test_${Date.now().toString(36)}`;
  const adminUrl = await ensureDatabase(serverUrl, dbName);
  await migrate(adminUrl, APP_PASSWORD);
  const where = embedded ? "embedded PostgreSQL" : `DATABASE_URL (${new URL(serverUrl).host})`;
  console.log(`# database ${dbName} on ${where}`);
  const patterns = files.length > 0 ? files : ["src/**/__tests__/*.test.ts", "test/**/*.test.ts"];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--test", "--test-concurrency=2", "--test-timeout=300000", ...patterns],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          TEST_DATABASE_URL: adminUrl,
          TEST_APP_PASSWORD: APP_PASSWORD,
          NODE_ENV: "test",
        },
      },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  await admin.end();
  // A server that was already running belongs to a parallel `npm test`: leave it to that one.
  if (embedded && !embedded.adopted) await embedded.stop();
  return code;
}

/** A port nobody listens on now, so that test runs in several checkouts do not collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
