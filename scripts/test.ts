/**
 * `npm test`: prepares a fresh database on a real PostgreSQL (DATABASE_URL if set, otherwise an
 * embedded server under .test-data/), migrates it once, then runs every test file with Node's
 * test runner. Each test builds its own municipalities and users with the factories in test/;
 * nothing is truncated between tests.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { migrate } from "../src/platform/db/migrate.ts";
import { buildStudio } from "./build-studio.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const APP_PASSWORD = "test-app-password";
const files = process.argv.slice(2);

async function main(): Promise<number> {
  // Browser tests open the studio; build it when its sources changed.
  if ((await buildStudio()) === "built") console.log("# studio built");
  const db = await openScratchDatabase({
    prefix: "dienstwerk_test",
    dataDir: path.resolve(".test-data"),
    secretKey: "dienstwerk-test-secret-key-0000000000",
    port: process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : undefined,
  });
  const adminUrl = db.adminUrl;
  await migrate(adminUrl, APP_PASSWORD);
  console.log(`# database ${db.dbName} on ${db.where}`);
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
  await db.close();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
