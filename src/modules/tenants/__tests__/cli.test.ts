import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase } from "../../../platform/db/database.ts";
import { getTenant, membersOf } from "../index.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI as an operator would, against the test database. */
function cli(args: string[], opts: { node?: string; entry?: string } = {}): Promise<Run> {
  const env = {
    ...process.env,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    // Must be the test run's password: `migrate` sets the application role's password.
    DATABASE_APP_PASSWORD: process.env.TEST_APP_PASSWORD ?? "test-app-password",
    SECRET_KEY: "dienstwerk-test-secret-key-0000000000",
    NODE_ENV: "test",
  };
  return new Promise((resolve) => {
    const child = spawn(
      opts.node ?? process.execPath,
      [opts.entry ?? path.join(ROOT, "src/cli.ts"), ...args],
      { cwd: ROOT, env },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("dienstwerk CLI", () => {
  let database: Database;
  before(() => {
    database = openDatabase(
      process.env.TEST_DATABASE_URL!,
      process.env.TEST_APP_PASSWORD ?? "test-app-password",
      2,
    );
  });
  after(() => database?.close());

  it("creates a municipality with its first admin invited", async () => {
    const slug = `cli-${randomUUID().slice(0, 8)}`;
    const email = `${slug}@cli.example`;
    const run = await cli([
      "tenant",
      "create",
      "--slug",
      slug,
      "--name",
      "Gemeinde Kommandozeile",
      "--state",
      "by",
      "--admin-email",
      email,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Created Gemeinde Kommandozeile at .*/${slug}/`));
    assert.match(run.stdout, /Invitation/);
    const tenant = await getTenant(database.db, slug);
    assert.equal(tenant?.settings.state, "BY");
    const members = await membersOf(database.db, tenant!.id);
    assert.deepEqual(
      members.map((m) => [m.email, m.roles]),
      [[email, ["admin"]]],
    );

    const list = await cli(["tenant", "list"]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`${slug}\\tGemeinde Kommandozeile\\tBY`));
  });

  it("refuses bad arguments with a clear message and exit code 2, never a stack trace", async () => {
    const slug = `cli-${randomUUID().slice(0, 8)}`;
    const cases: [string[], RegExp][] = [
      [["tenant", "create", "--slug", slug, "--name", "X Y"], /Missing --state/],
      [
        ["tenant", "create", "--slug", slug, "--name", "Gemeinde", "--state", "XX"],
        /Bundesland.*\(--state\)/,
      ],
      [
        ["tenant", "create", "--slug", "Bad Slug!", "--name", "Gemeinde", "--state", "ST"],
        /\(--slug\)/,
      ],
      [
        ["tenant", "create", "--slug", "admin", "--name", "Gemeinde", "--state", "ST"],
        /reserviert/,
      ],
      [
        [
          "tenant",
          "create",
          "--slug",
          slug,
          "--name",
          "Gemeinde",
          "--state",
          "ST",
          "--admin-email",
          "nope",
        ],
        /\(--admin-email\)/,
      ],
      [["tenant", "create", "--slug", slug, "--bogus", "1"], /Unknown option '--bogus'/],
      [["tenant", "frobnicate"], /Unknown tenant command "frobnicate"/],
      [["frobnicate"], /Unknown command "frobnicate"/],
      [[], /No command given/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(" "));
      assert.doesNotMatch(run.stderr, /\n\s+at /, `stack trace for ${args.join(" ")}`);
    }
    assert.equal(await getTenant(database.db, slug), undefined, "nothing was created");
  });

  it("refuses a slug that is taken, with exit code 2", async () => {
    const slug = `cli-${randomUUID().slice(0, 8)}`;
    const args = [
      "tenant",
      "create",
      "--slug",
      slug,
      "--name",
      "Gemeinde Doppelt",
      "--state",
      "HE",
    ];
    assert.equal((await cli(args)).code, 0);
    const again = await cli(args);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /bereits vergeben.*already taken/);
  });

  it("migrates (a no-op on a migrated database) and says so", async () => {
    const run = await cli(["migrate"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /up to date/);
  });

  it("delegates service commands to the engine; a missing file or bad command exits 2 without a stack trace", async () => {
    for (const args of [
      ["service", "lint", "/gibt-es-nicht.json"],
      ["service", "frobnicate"],
    ]) {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /, args.join(" "));
    }
  });

  it("runs through bin/dienstwerk.js, re-executing with the pinned Node 24 from an older node", async () => {
    const entry = path.join(ROOT, "bin/dienstwerk.js");
    const current = await cli(["help"], { entry });
    assert.equal(current.code, 0, current.stderr);
    assert.match(current.stdout, /Usage: dienstwerk/);
    // The machine's own node may be older than 24; the launcher must cope either way.
    const system = await cli(["help"], { entry, node: "/usr/bin/node" }).catch(() => undefined);
    if (system && system.code !== null && !/ENOENT/.test(system.stderr)) {
      assert.equal(system.code, 0, system.stderr);
      assert.match(system.stdout, /Usage: dienstwerk/);
    }
  });
});
