import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "node:test";
import { testConfig } from "../helpers/app.ts";

it("SIGTERM lets running requests and jobs finish, closes idle connections, then exits 0", async (t) => {
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
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
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
  // Like a reverse proxy, this client keeps its connection open after the answer for as long as
  // the server does (Node's agent ignores the Keep-Alive hint): the server must close it.
  const agent = new http.Agent({ keepAlive: true });
  t.after(() => agent.destroy());
  const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(`${url}/dev/test-slow`, { agent }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
  await waitFor(() => readFileSync(marker, "utf8").includes("request-start"), 5_000);

  child.kill("SIGTERM");
  const response = await slow;
  assert.deepEqual(response, { status: 200, body: "finished" });
  assert.equal(await exited, 0);
  assert.doesNotMatch(out, /connections are cut/, "the idle connection held the shutdown up");
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
