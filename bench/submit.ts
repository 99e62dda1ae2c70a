/**
 * JSON intake benchmark (a script, not a test: it prints figures and asserts nothing).
 *
 *   npm run bench:submit [-- seconds]        (default 20 s per measurement)
 *   SUBMIT_LOAD=worker npm run bench:submit  (the worker-thread load generator even with wrk)
 *
 * Against a real PostgreSQL (DATABASE_URL if set, otherwise an embedded server under
 * data/bench/): starts Dienstwerk in this process on a loopback port, creates a municipality
 * with a 30-field service (bench/fixtures/thirty-field.json) and an API key, and then
 *
 * 1. fires JSON-intake submissions at concurrency 32 — each one authenticated, validated, and
 *    committed as case + history event + effect job in one transaction — with `wrk` (C, a
 *    process of its own, like pgbench's client; bench/submit.lua gives every request its own
 *    Idempotency-Key) when it is installed, otherwise from a worker thread of this process
 *    (node:http with kept-alive connections); the printout names the one used;
 * 2. runs pgbench on the same database: single-row inserts into a scratch table, 32 clients;
 * 3. runs pgbench writing the rows of one submission per transaction (the probe's case, history
 *    events and effect job copied under a new id, through the same triggers), 32 clients;
 *
 * and prints the rates, the ratio to 2 (the issue's target: 0.5 or better), the ratio to 3 (what
 * HTTP, validation and the app add to their own SQL) and the submission latencies.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import pg from "pg";

const CONCURRENCY = 32;
const WARM_UP_MS = 2000;

type LoadJob = { url: string; key: string; seconds: number; data: unknown };
type LoadResult = {
  /** Which load generator ran. */
  generator: string;
  /** 201 answers: cases created. */
  ok: number;
  /** Every other answer by status (0: network error, "timeout": no answer in time). */
  failed: Record<string, number>;
  seconds: number;
  /** Latency percentiles in ms (worker thread: of the 201s; wrk: of all answers). */
  p50: number;
  p95: number;
  /** CPU the load generator used (wrk only; the worker thread's is part of this process's). */
  generatorCpuMs?: number;
};

/** A valid application for the 30-field form. */
export const thirtyFieldData = {
  applicantName: { givenName: "Erika", familyName: "Mustermann" },
  applicantBirthDate: "1985-03-14",
  applicantAddress: {
    street: "Lindenallee",
    houseNumber: "12",
    postcode: "39999",
    city: "Musterstadt",
    country: "DE",
  },
  applicantEmail: "erika.mustermann@example.org",
  applicantPhone: "+49 3901 123456",
  applicantIban: "DE02120300000000202051",
  hasRepresentative: true,
  representativeName: "Max Vertreter",
  representativeEmail: "max@example.org",
  applicantType: "a",
  startDate: "2030-05-01",
  endDate: "2030-05-03",
  startTime: "10:00",
  persons: 40,
  area: 120.5,
  deposit: 50000,
  siteAddress: {
    street: "Marktplatz",
    houseNumber: "1",
    postcode: "39999",
    city: "Musterstadt",
    country: "DE",
  },
  description: "Sommerfest auf dem Marktplatz mit Bühne und Ausschank.",
  category: "b",
  postcodeExtra: "39998",
  detail1: "Angabe eins",
  detail2: "Angabe zwei",
  detail3: "Angabe drei",
  detail4: "Angabe vier",
  detail5: "Angabe fünf",
  detail6: "Angabe sechs",
  detail7: "Angabe sieben",
  detail8: "Angabe acht",
  helpers: [
    { helperName: "Anna Helfer", helperAdult: true },
    { helperName: "Ben Helfer", helperAdult: false },
  ],
  truthfulnessConfirmed: true,
};

// --- the load generator (worker thread) ---

/**
 * One POST on a kept-alive connection with node:http, answering the status (network errors as
 * 0). Lighter than `fetch`, whose CPU the load generator would otherwise take from the two
 * cores the server and PostgreSQL share (pgbench's own client is C).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(job: LoadJob, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      job.url,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${job.key}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "idempotency-key": randomUUID(),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

async function generateLoad(job: LoadJob): Promise<LoadResult> {
  const body = JSON.stringify({ data: job.data });
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let ok = 0;
  const warmUpEnd = performance.now() + WARM_UP_MS;
  const end = warmUpEnd + job.seconds * 1000;
  const client = async () => {
    for (;;) {
      const started = performance.now();
      if (started >= end) return;
      const status = await post(job, body);
      const done = performance.now();
      if (started < warmUpEnd) continue;
      if (status === 201) {
        ok++;
        latencies.push(done - started);
      } else failed[status] = (failed[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    generator: `${CONCURRENCY} clients in a worker thread of this process (node:http)`,
    ok,
    failed,
    seconds: (performance.now() - warmUpEnd) / 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  };
}

if (!isMainThread) {
  generateLoad(workerData as LoadJob).then((r) => parentPort!.postMessage(r));
}

// --- the load generator (wrk, a process of its own) ---

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * Runs wrk with bench/submit.lua, `seconds` long, and reads its RESULT line. Run under `sh` so
 * that `times` reports the CPU wrk used (its children's user and system time).
 */
async function runWrk(
  wrk: string,
  job: LoadJob & { seconds: number },
): Promise<Omit<LoadResult, "generator">> {
  const dir = mkdtempSync(path.join(tmpdir(), "dienstwerk-wrk-"));
  const bodyFile = path.join(dir, "body.json");
  writeFileSync(bodyFile, JSON.stringify({ data: job.data }));
  const script = path.join(import.meta.dirname, "submit.lua");
  const args = [
    ...["-t", "2", "-c", String(CONCURRENCY), "-d", `${job.seconds}s`, "--timeout", "10s"],
    ...["-s", script, job.url, "--", job.key, bodyFile, randomUUID()],
  ];
  const { stdout } = await promisify(execFile)(
    "/bin/sh",
    ["-c", '"$0" "$@"; status=$?; times; exit $status', wrk, ...args],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const line = /^RESULT (.*)$/m.exec(stdout)?.[1];
  if (!line) throw new Error(`Could not read wrk's output:\n${stdout}`);
  const r = JSON.parse(line) as {
    statuses: Record<string, number>;
    seconds: number;
    socketErrors: number;
    timeouts: number;
    p50: number;
    p95: number;
  };
  const failed: Record<string, number> = {};
  for (const [status, n] of Object.entries(r.statuses)) if (status !== "201") failed[status] = n;
  if (r.socketErrors > 0) failed["0"] = r.socketErrors;
  if (r.timeouts > 0) failed.timeout = r.timeouts;
  // `times`: this shell's user and system time, then its children's (wrk's) on the last line.
  const children = [...stdout.matchAll(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/g)].at(-1);
  const cpuSeconds = children
    ? Number(children[1]) * 60 +
      Number(children[2]) +
      Number(children[3]) * 60 +
      Number(children[4])
    : undefined;
  return {
    ok: r.statuses["201"] ?? 0,
    failed,
    seconds: r.seconds,
    p50: r.p50,
    p95: r.p95,
    generatorCpuMs: cpuSeconds === undefined ? undefined : cpuSeconds * 1000,
  };
}

/**
 * wrk when installed (warm-up run first), else the worker thread; `SUBMIT_LOAD=worker` chooses
 * the worker thread anyway (to compare with earlier figures).
 */
async function generateLoadOutside(job: LoadJob): Promise<LoadResult> {
  const wrk = process.env.SUBMIT_LOAD === "worker" ? undefined : findOnPath("wrk");
  if (!wrk) {
    return new Promise<LoadResult>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  }
  await runWrk(wrk, { ...job, seconds: WARM_UP_MS / 1000 });
  const r = await runWrk(wrk, job);
  return { generator: `wrk, 2 threads, ${CONCURRENCY} connections (${wrk})`, ...r };
}

// --- the driver (main thread) ---

function findPgbench(): string | undefined {
  const onPath = findOnPath("pgbench");
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const file = path.join(root, v, "bin", "pgbench");
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** pgbench: single-row inserts into a scratch table, 32 clients, on the same database. */
/** pgbench's script for the reference: one single-row insert per transaction. */
async function singleRowInsert(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(
    "create table if not exists bench_scratch (id bigserial primary key, created_at timestamptz not null default now(), payload text not null)",
  );
  await client.end();
  return "insert into bench_scratch (payload) values ('x');\n";
}

/**
 * pgbench's script for the second reference: the rows one submission writes — its case (with
 * the triggers that fill the inbox columns and the generated search column), its history events
 * and its effect job — copied from the probe submission under a new id, one submission per
 * transaction, so that the ratio shows what the app adds to its own SQL. A function made in the
 * scratch database from the tables' columns (generated and identity columns left to the server).
 */
async function replayOfSubmission(adminUrl: string, caseId: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const columns = async (schema: string, table: string) =>
      (
        await client.query<{ name: string }>(
          `select column_name as name from information_schema.columns
           where table_schema = $1 and table_name = $2 and is_generated = 'NEVER' and is_identity = 'NO'
           order by ordinal_position`,
          [schema, table],
        )
      ).rows.map((r) => r.name);
    const list = (cols: string[], value: (c: string) => string | undefined) => ({
      names: cols.map((c) => `"${c}"`).join(", "),
      values: cols.map((c) => value(c) ?? `"${c}"`).join(", "),
    });
    const cases = list(await columns("public", "cases"), (c) =>
      c === "id"
        ? "n"
        : c === "reference"
          ? "'R-' || n"
          : c === "idempotency_key"
            ? "n::text"
            : undefined,
    );
    const events = list(await columns("public", "case_events"), (c) =>
      c === "case_id" ? "n" : ["prev_hash", "hash", "chain_seq"].includes(c) ? "null" : undefined,
    );
    const jobs = list(
      (await columns("pgboss", "job")).filter((c) => c !== "id"),
      (c) =>
        c === "data"
          ? `jsonb_set("data", '{caseId}', to_jsonb(n::text))`
          : c === "singleton_key" // "<case id>:<effect key>"
            ? `n::text || substr("singleton_key", 37)`
            : undefined,
    );
    // The probe's rows, kept apart: the copies are read from these three small tables, not
    // looked up among the growing ones.
    await client.query("create table bench_probe_case as select * from cases where id = $1", [
      caseId,
    ]);
    await client.query(
      "create table bench_probe_events as select * from case_events where case_id = $1",
      [caseId],
    );
    await client.query(
      "create table bench_probe_job as select * from pgboss.job where name = 'case.effect' and data ->> 'caseId' = $1",
      [caseId],
    );
    const counts = await client.query<{ c: number; e: number; j: number }>(
      `select (select count(*) from bench_probe_case)::int as c,
         (select count(*) from bench_probe_events)::int as e, (select count(*) from bench_probe_job)::int as j`,
    );
    const { c, e, j } = counts.rows[0];
    if (c !== 1 || e < 1 || j !== 1) throw new Error(`probe rows not found (${c}, ${e}, ${j})`);
    await client.query(`
      create function bench_replay_submission() returns void language plpgsql as $fn$
      declare n uuid := gen_random_uuid();
      begin
        perform set_config('app.tenant_id', (select tenant_id::text from bench_probe_case), true);
        insert into cases (${cases.names}) select ${cases.values} from bench_probe_case;
        insert into case_events (${events.names})
          select ${events.values} from bench_probe_events order by seq;
        insert into pgboss.job (${jobs.names}) select ${jobs.values} from bench_probe_job;
      end $fn$`);
    return "select bench_replay_submission();\n";
  } finally {
    await client.end();
  }
}

async function runPgbench(
  pgbench: string,
  adminUrl: string,
  seconds: number,
  sql: string,
): Promise<{ tps: number; latencyMs?: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "dienstwerk-pgbench-"));
  const script = path.join(dir, "script.sql");
  writeFileSync(script, sql);
  // pgbench wants libpq's URL; the driver's sslmode=disable etc. are understood by both.
  const { stdout } = await promisify(execFile)(
    pgbench,
    ["-n", "-c", String(CONCURRENCY), "-j", "2", "-T", String(seconds), "-f", script, adminUrl],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  if (!Number.isFinite(tps)) throw new Error(`Could not read pgbench's output:\n${stdout}`);
  return { tps, latencyMs: latency ? Number(latency) : undefined };
}

/**
 * CPU time (ms) the PostgreSQL server has used so far: every live child of the postmaster plus
 * the postmaster's own time and that of its children that ended (`cutime`/`cstime`), so that a
 * backend ending between two readings (pgbench's) still counts. Read from /proc, so only for a
 * server on this machine (undefined otherwise); the whole server, whatever database.
 */
function postgresCpuMs(postmaster: number | undefined): number | undefined {
  if (postmaster === undefined) return undefined;
  const ticksPerMs = 100 / 1000; // USER_HZ
  const fields = (pid: number | string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    } catch {
      return undefined;
    }
  };
  const own = fields(postmaster);
  if (!own) return undefined;
  // fields after the name, from 0: state ppid … utime(11) stime(12) cutime(13) cstime(14)
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = fields(entry);
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / ticksPerMs;
}

/** The postmaster's process id, if the server runs on this machine and /proc shows it. */
async function findPostmaster(adminUrl: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query("select pg_backend_pid() as pid");
    const stat = readFileSync(`/proc/${rows[0].pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 20);
  if (!(seconds > 0 && seconds <= 600)) throw new Error("seconds: 1..600");
  const pgbench = findPgbench();
  if (!pgbench) {
    console.error(
      "pgbench not found (PATH or /usr/lib/postgresql/*/bin). Install it, e.g. `apt-get install -y postgresql-client`.",
    );
    process.exit(2);
  }
  // Imported here, so that the worker thread does not load the whole app.
  const { startDienstwerk } = await import("../src/app.ts");
  const { loadConfig } = await import("../src/platform/config.ts");
  const { openScratchDatabase } = await import("../scripts/scratch-database.ts");
  const { createTenant } = await import("../src/modules/tenants/index.ts");
  const { publishService } = await import("../src/modules/services/index.ts");
  const { createApiKey } = await import("../src/modules/intake/index.ts");

  const secretKey = "dienstwerk-bench-secret-key-000000000000";
  const db = await openScratchDatabase({
    prefix: "dienstwerk_bench",
    dataDir: path.resolve("data/bench"),
    secretKey,
  });
  const { adminUrl, dbName, where } = db;

  const app = await startDienstwerk(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: adminUrl,
      DATABASE_APP_PASSWORD: "bench-app-password",
      SECRET_KEY: secretKey,
      HOST: "127.0.0.1",
      PORT: "0",
      BASE_URL: "http://127.0.0.1",
      LOG_LEVEL: "silent",
      DEMO_MODE: "false",
      // Jobs are enqueued (in the submission's transaction) but not worked during the run.
      JOBS: "false",
      API_RATE_LIMIT: "0",
    }),
  );
  let result: LoadResult;
  let pgb: { tps: number; latencyMs?: number };
  let replay: { tps: number; latencyMs?: number };
  let serverLoad = { elu: 0, cpuMs: 0 };
  const postgresMs: { intake?: number; pgbench?: number; replay?: number } = {};
  let casesStored = 0;
  try {
    // An effect job per case: the fixture's automatic first step notifies staff.
    try {
      app.cases.onEffect("notifyStaff", async () => {});
    } catch {
      // another module handles it already: the job is enqueued all the same
    }
    const db = app.platform.database.db;
    const slug = `bench-${Date.now().toString(36)}`;
    const tenant = await createTenant(db, { slug, settings: { name: "Benchstadt", state: "ST" } });
    const definition = JSON.parse(readFileSync("bench/fixtures/thirty-field.json", "utf8"));
    await publishService(db, tenant.id, definition);
    const { key } = await createApiKey(db, tenant.id, { name: "bench", createdBy: null });
    const port = new URL(app.url).port;
    const url = `http://127.0.0.1:${port}/api/v1/${slug}/services/${definition.id}/applications`;

    const probe = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ data: thirtyFieldData }),
    });
    if (probe.status !== 201) throw new Error(`probe: ${probe.status} ${await probe.text()}`);
    const { caseId: probeCase } = (await probe.json()) as { caseId: string };
    const jobs = await countEffectJobs(adminUrl);
    if (jobs < 1) throw new Error("the probe submission enqueued no effect job");

    console.log(`# database ${dbName} on ${where}`);
    console.log(
      `# ${cpus()[0]?.model ?? "cpu"} × ${availableParallelism()}, Node ${process.version}, ${seconds} s per measurement`,
    );
    console.log(`intake: ${CONCURRENCY} concurrent clients, ${seconds} s …`);
    const postmaster = await findPostmaster(adminUrl);
    const eluBefore = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    // wrk warms up first (2 s): PostgreSQL's CPU of that run counts too, so the cases of the
    // warm-up are counted from the database below.
    const pgBefore = postgresCpuMs(postmaster);
    const casesBefore = await countCases(adminUrl);
    result = await generateLoadOutside({ url, key, seconds, data: thirtyFieldData });
    const pgAfter = postgresCpuMs(postmaster);
    casesStored = (await countCases(adminUrl)) - casesBefore;
    serverLoad = {
      elu: performance.eventLoopUtilization(eluBefore).utilization,
      cpuMs: (process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000,
    };
    if (pgBefore !== undefined && pgAfter !== undefined)
      postgresMs.intake = (pgAfter - pgBefore) / Math.max(1, casesStored);
    console.log(`pgbench: ${CONCURRENCY} clients, -j 2, ${seconds} s …`);
    const pgbBefore = postgresCpuMs(postmaster);
    pgb = await runPgbench(pgbench, adminUrl, seconds, await singleRowInsert(adminUrl));
    const pgbAfter = postgresCpuMs(postmaster);
    if (pgbBefore !== undefined && pgbAfter !== undefined)
      postgresMs.pgbench = (pgbAfter - pgbBefore) / Math.max(1, pgb.tps * seconds);
    console.log(`pgbench replaying a submission's rows: ${CONCURRENCY} clients, ${seconds} s …`);
    const replayScript = await replayOfSubmission(adminUrl, probeCase);
    const replayBefore = postgresCpuMs(postmaster);
    replay = await runPgbench(pgbench, adminUrl, seconds, replayScript);
    const replayAfter = postgresCpuMs(postmaster);
    if (replayBefore !== undefined && replayAfter !== undefined)
      postgresMs.replay = (replayAfter - replayBefore) / Math.max(1, replay.tps * seconds);
  } finally {
    await app.stop();
    await db.close();
  }

  const perSecond = result.ok / result.seconds;
  const failures = Object.entries(result.failed);
  console.log("");
  console.log(`JSON intake (30-field form, concurrency ${CONCURRENCY})`);
  console.log(
    `  submissions/s   ${perSecond.toFixed(0)}  (${result.ok} cases in ${result.seconds.toFixed(1)} s)`,
  );
  console.log(`  load generator  ${result.generator}`);
  console.log(`  latency p50     ${result.p50.toFixed(1)} ms`);
  console.log(`  latency p95     ${result.p95.toFixed(1)} ms`);
  if (failures.length > 0)
    console.log(`  failed          ${failures.map(([s, n]) => `${n} × ${s}`).join(", ")}`);
  // CPU is read around wrk's warm-up run and the measured run: per case stored in both.
  const perCase = (ms: number) => (ms / Math.max(1, casesStored)).toFixed(2);
  console.log(
    `  server thread   event loop ${(serverLoad.elu * 100).toFixed(0)} % busy; process CPU ${perCase(serverLoad.cpuMs)} ms per case (${result.generatorCpuMs === undefined ? "server and load generator" : "server"})`,
  );
  if (result.generatorCpuMs !== undefined)
    console.log(`  load generator  CPU ${perCase(result.generatorCpuMs)} ms per case (wrk)`);
  if (postgresMs.intake !== undefined)
    console.log(
      `  PostgreSQL      CPU ${postgresMs.intake.toFixed(2)} ms per case (every server process, /proc)`,
    );
  console.log(
    `  machine         load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  );
  console.log(`pgbench (single-row inserts, ${CONCURRENCY} clients)`);
  console.log(`  inserts/s       ${pgb.tps.toFixed(0)}`);
  if (pgb.latencyMs !== undefined) console.log(`  latency avg     ${pgb.latencyMs.toFixed(1)} ms`);
  if (postgresMs.pgbench !== undefined)
    console.log(`  PostgreSQL      CPU ${postgresMs.pgbench.toFixed(2)} ms per insert`);
  console.log(`ratio intake / pgbench: ${(perSecond / pgb.tps).toFixed(2)}  (target ≥ 0.5)`);
  console.log(
    `pgbench replaying one submission's rows per transaction (case + history + job, ${CONCURRENCY} clients)`,
  );
  console.log(`  submissions/s   ${replay.tps.toFixed(0)}`);
  if (replay.latencyMs !== undefined)
    console.log(`  latency avg     ${replay.latencyMs.toFixed(1)} ms`);
  if (postgresMs.replay !== undefined)
    console.log(`  PostgreSQL      CPU ${postgresMs.replay.toFixed(2)} ms per submission`);
  console.log(
    `ratio intake / the same rows through pgbench: ${(perSecond / replay.tps).toFixed(2)}  (what HTTP, validation and the app add to the SQL; no target)`,
  );
  const { report } = await import("./report.ts");
  report([
    {
      bench: "submit",
      measurement: `JSON submissions/s, concurrency ${CONCURRENCY} (30-field form)`,
      value: perSecond,
      unit: "/s",
      reference: `pgbench single-row inserts, ${CONCURRENCY} clients`,
      referenceValue: pgb.tps,
      better: "higher",
      target: "≥ 0.5 × reference",
      met: perSecond >= 0.5 * pgb.tps,
    },
    {
      bench: "submit",
      measurement: `JSON submissions/s, concurrency ${CONCURRENCY} (30-field form)`,
      value: perSecond,
      unit: "/s",
      reference:
        "pgbench writing the same rows (case, history, job), one submission per transaction",
      referenceValue: replay.tps,
      better: "higher",
    },
  ]);
}

/** Cases stored so far (the warm-up's included): the owner connection, no RLS. */
async function countCases(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query("select count(*)::int as n from cases");
    return r.rows[0].n;
  } finally {
    await client.end();
  }
}

async function countEffectJobs(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query(
      "select count(*)::int as n from pgboss.job where name = 'case.effect'",
    );
    return r.rows[0].n;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
