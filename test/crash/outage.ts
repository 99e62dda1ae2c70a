/**
 * Database outage test (`npm run test:outage`; issue 8, item 3). PostgreSQL is stopped during
 * load and started again: while it is down the app answers 503 (never 500, never a hang), it
 * recovers without a restart, and no acknowledged submission is lost.
 *
 * Always on an embedded PostgreSQL of its own (in a temporary directory): a test must only stop
 * a server it started. The app runs as a child process; 16 clients submit through the JSON API
 * with Idempotency-Keys for 25 s, each request with a 10 s timeout (a hang counts as a failure).
 * PostgreSQL is stopped at 6 s (fast shutdown, as an operator or a failing host would) and
 * started again 6 s later. Exits 1 on any 500, hang or loss, or without a 503 during the outage.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { freePort } from "../../scripts/scratch-database.ts";
import { ensureDatabase } from "../../src/platform/db/database.ts";
import { startEmbeddedPostgres } from "../../src/platform/db/embedded.ts";
import { TestSmtp } from "../helpers/smtp.ts";
import { appProcess, prepare, SECRET } from "./setup.ts";

const SECONDS = 25;
const CLIENTS = 16;
const DOWN_AT = 6;
const DOWN_FOR = 6;

type Outcome = { key: string; caseId: string; at: number };

async function main() {
  const smtp = new TestSmtp();
  const smtpUrl = await smtp.start();
  const dataDir = mkdtempSync(path.join(tmpdir(), "dienstwerk-outage-"));
  const port = await freePort();
  let server = await startEmbeddedPostgres({ dataDir, port, secretKey: SECRET });
  const adminUrl = await ensureDatabase(server.url, "dienstwerk_outage");
  const app = appProcess({
    adminUrl,
    port: await freePort(),
    smtpUrl,
    quiet: !process.env.VERBOSE,
  });
  let failed = true;
  try {
    const { tenantId, slug, apiKey } = await prepare(adminUrl);
    await app.start();
    const url = `${app.base}/api/v1/${slug}/services/osterfeuer/applications`;
    const t0 = Date.now();
    const since = () => (Date.now() - t0) / 1000;
    let down: { from: number; to: number } | undefined;
    const acks: Outcome[] = [];
    const byPhase = {
      before: new Map<string, number>(),
      outage: new Map<string, number>(),
      after: new Map<string, number>(),
    };
    let hangs = 0;
    let stop = false;
    const phase = () => {
      const t = since();
      if (!down || t < down.from) return "before";
      if (t <= down.to + 1) return "outage";
      return "after";
    };
    const count = (s: string) => {
      const m = byPhase[phase()];
      m.set(s, (m.get(s) ?? 0) + 1);
    };

    async function submit(n: number): Promise<Outcome> {
      const key = randomUUID();
      const body = JSON.stringify({ data: { name: `Feuer ${n}`, fireDate: "2027-03-27" } });
      for (;;) {
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: {
              authorization: `Bearer ${apiKey}`,
              "content-type": "application/json",
              "idempotency-key": key,
            },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          count(String(res.status));
          const json = (await res.json().catch(() => ({}))) as { caseId?: string };
          if ((res.status === 201 || res.status === 200) && json.caseId)
            return { key, caseId: json.caseId, at: since() };
          if (res.status !== 503) throw new Error(`unexpected ${res.status}`);
        } catch (err) {
          const e = err as Error;
          if (e.message.startsWith("unexpected")) throw e;
          if (e.name === "TimeoutError") hangs++;
          count(e.name === "TimeoutError" ? "hang (10 s)" : "network error");
        }
        if (since() > SECONDS + 60) throw new Error(`no answer for ${key}`);
        await sleep(100);
      }
    }
    let n = 0;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (!stop) acks.push(await submit(n++));
    });
    await sleep(DOWN_AT * 1000);
    const from = since();
    await server.stop();
    down = { from, to: Number.POSITIVE_INFINITY };
    await sleep(DOWN_FOR * 1000);
    server = await startEmbeddedPostgres({ dataDir, port, secretKey: SECRET });
    down.to = since();
    await sleep(Math.max(0, (SECONDS - since()) * 1000));
    stop = true;
    await Promise.all(clients);

    const check = new pg.Client({ connectionString: adminUrl });
    await check.connect();
    const rows = (await check.query(`select id from cases where tenant_id = $1`, [tenantId]))
      .rows as { id: string }[];
    await check.end();
    const stored = new Set(rows.map((r) => r.id));
    const lost = acks.filter((a) => !stored.has(a.caseId));
    const ackedIds = new Set(acks.map((a) => a.caseId));
    const extra = rows.filter((r) => !ackedIds.has(r.id));
    const after = acks.filter((a) => a.at > down!.to);
    const fmt = (m: Map<string, number>) =>
      [...m].map(([s, k]) => `${k} × ${s}`).join(", ") || "none";
    const five00 = [...Object.values(byPhase)].reduce(
      (s, m) => s + [...m].filter(([k]) => k === "500").reduce((x, [, v]) => x + v, 0),
      0,
    );
    const outage503 = byPhase.outage.get("503") ?? 0;

    console.log(
      `\nDatabase outage test: ${CLIENTS} clients for ${SECONDS} s; PostgreSQL down from ${down.from.toFixed(1)} s to ${down.to.toFixed(1)} s`,
    );
    console.log(`before the outage: ${fmt(byPhase.before)}`);
    console.log(`during the outage: ${fmt(byPhase.outage)}`);
    console.log(`after the outage:  ${fmt(byPhase.after)}`);
    console.log(
      `acknowledged: ${acks.length} (${after.length} after PostgreSQL was back, app not restarted); stored: ${rows.length}; lost: ${lost.length}; stored without an answer: ${extra.length}; 500s: ${five00}; hangs: ${hangs}`,
    );
    failed =
      lost.length > 0 ||
      extra.length > 0 ||
      five00 > 0 ||
      hangs > 0 ||
      outage503 === 0 ||
      after.length === 0 ||
      !app.running;
    console.log(
      failed
        ? "\nFAILED"
        : "\nPASSED: 503 while the database was down, recovered without a restart, nothing lost",
    );
  } finally {
    await app.kill();
    await server.stop().catch(() => {});
    await Promise.race([smtp.stop(), sleep(2000)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
