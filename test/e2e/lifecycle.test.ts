import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "node:test";
import { testConfig } from "../helpers/app.ts";

it("SIGTERM lets running requests and jobs finish, then exits 0", async (t) => {
  const marker = path.join(mkdtempSync(path.join(tmpdir(), "dw-life-")), "events");
  writeFileSync(marker, "");
  const cfg = testConfig();
  const child = spawn(process.execPath, ["test/fixtures/slow-app.ts"], {
    env: { ...process.env, MARKER_FILE: marker, DATABASE_URL: cfg.databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  t.after(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(`app exited before ready: ${out}`)));
  });

  const jobId = `j${Date.now()}`;
  const queued = await fetch(`${url}/dev/test-job?id=${jobId}`);
  assert.equal(queued.status, 202);
  await waitFor(() => readFileSync(marker, "utf8").includes(`job-start ${jobId}`), 15_000);
  const slow = fetch(`${url}/dev/test-slow`).then(async (r) => ({
    status: r.status,
    body: await r.text(),
  }));
  await waitFor(() => readFileSync(marker, "utf8").includes("request-start"), 5_000);

  child.kill("SIGTERM");
  const response = await slow;
  assert.deepEqual(response, { status: 200, body: "finished" });
  assert.equal(await exited, 0);
  const events = readFileSync(marker, "utf8");
  assert.match(events, new RegExp(`job-done ${jobId}`), "the running job finished before exit");
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
