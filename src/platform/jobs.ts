import pg from "pg";
import { fromKysely, type Job, type JobResult, PgBoss } from "pg-boss";
import { APP_ROLE, type Tx } from "./db/database.ts";
import { executePrepared, preparedStatement } from "./db/prepared.ts";
import type { Logger } from "./logging.ts";
import type { Metrics } from "./metrics.ts";

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

/**
 * A running job refreshes its heartbeat; a job whose process died (crash, SIGKILL, lost machine)
 * misses it and is retried after this long instead of waiting for its expiry.
 */
const HEARTBEAT_SECONDS = 30;

// biome-ignore lint/suspicious/noExplicitAny: each queue has its own payload type
type QueueDef = { name: string; handler: JobHandler<any>; retryLimit: number; cron?: string };

/**
 * The job queue (pg-boss on the app's own database). Jobs are enqueued inside the transaction of
 * the state change that causes them (`enqueue(tx, ...)`): no state change without its job and no
 * job without its state change. Handlers must be idempotent: delivery is at least once.
 */
export class Jobs {
  private boss: PgBoss;
  private queues = new Map<string, QueueDef>();
  private started = false;
  private log: Logger;
  private metrics?: Metrics;
  private adminUrl: string;
  private schema: string;

  /** `schema` holds the queue tables; processes that share it share their jobs. */
  constructor(opts: { adminUrl: string; schema: string; log: Logger; metrics?: Metrics }) {
    const { adminUrl, schema, log, metrics } = opts;
    this.adminUrl = adminUrl;
    this.schema = schema;
    // Supervision every 10 s: jobs of a process that died (no heartbeat) are retried soon.
    this.boss = new PgBoss({
      connectionString: adminUrl,
      schema,
      max: 4,
      superviseIntervalSeconds: 10,
      monitorIntervalSeconds: 10,
    });
    this.boss.on("error", (err) => log.error({ err }, "job queue error"));
    this.log = log;
    this.metrics = metrics;
  }

  /** Registers a queue and its handler; with `cron`, a job is also scheduled on that cron line. */
  define<T extends object>(
    name: string,
    handler: JobHandler<T>,
    opts: { retryLimit?: number; cron?: string } = {},
  ): void {
    this.queues.set(name, { name, handler, retryLimit: opts.retryLimit ?? 8, cron: opts.cron });
  }

  /** Creates pg-boss's schema and the queues, and lets the application role enqueue jobs. */
  async install(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const q of this.queues.values()) {
      const options = {
        retryLimit: q.retryLimit,
        retryBackoff: true,
        heartbeatSeconds: HEARTBEAT_SECONDS,
      };
      if (await this.boss.getQueue(q.name)) {
        await this.boss.updateQueue(q.name, options);
        continue;
      }
      // Another process may create the same queue at the same moment; that is fine.
      await this.boss.createQueue(q.name, options).catch(async (err) => {
        if (!(await this.boss.getQueue(q.name))) throw err;
      });
    }
    for (const q of this.queues.values()) {
      if (q.cron) await this.boss.schedule(q.name, q.cron, {}, { tz: "Europe/Berlin" });
    }
    await grantQueueAccess(this.adminUrl, this.schema);
  }

  /**
   * Starts workers for every defined queue. A worker takes up to ten jobs at a time and, while
   * it finds full batches, fetches again at once instead of waiting for the next poll (a burst of
   * submissions drains in seconds, not one job per poll). Each job succeeds or fails on its own.
   */
  async work(): Promise<void> {
    for (const q of this.queues.values()) {
      await this.boss.work(
        q.name,
        { pollingIntervalSeconds: 1, batchSize: 10, burstWhenBatchFull: true, perJobResults: true },
        async (jobs) => {
          const results: JobResult[] = [];
          for (const job of jobs) {
            try {
              await q.handler(job.data, job);
              // Settled at once, not with the batch: a crash right after a job's outside effect
              // (a mail accepted by the SMTP server) repeats that one job, not the whole batch.
              await this.boss.complete(q.name, job.id).catch(() => {});
              this.metrics?.jobsCompleted.inc({ queue: q.name, outcome: "completed" });
              results.push({ id: job.id, status: "completed" });
            } catch (err) {
              this.metrics?.jobsCompleted.inc({ queue: q.name, outcome: "failed" });
              this.log.warn(
                { err, queue: q.name, jobId: job.id },
                "job failed; it will be retried",
              );
              results.push({
                id: job.id,
                status: "failed",
                output: { message: (err as Error)?.message ?? String(err) },
              });
            }
          }
          return results;
        },
      );
    }
  }

  /** Enqueues a job within the caller's transaction. */
  async enqueue<T extends object>(
    tx: Tx,
    name: string,
    data: T,
    opts: { singletonKey?: string } = {},
  ): Promise<void> {
    if (!this.queues.has(name)) throw new Error(`Unknown job queue ${name}`);
    await this.boss.send(name, data, { ...opts, db: fromKysely(tx) });
  }

  /** Enqueues several jobs of one queue within the caller's transaction, in one statement. */
  async enqueueMany<T extends object>(
    tx: Tx,
    name: string,
    jobs: { data: T; singletonKey?: string }[],
  ): Promise<void> {
    if (!this.queues.has(name)) throw new Error(`Unknown job queue ${name}`);
    if (jobs.length === 0) return;
    // pg-boss's insert has one text per queue (the rows travel as one JSON parameter): prepared,
    // it is parsed and planned once per connection, not once per batch of the case writer.
    await this.boss.insert(name, jobs, {
      db: {
        executeSql: (text, values) =>
          executePrepared(tx, preparedStatement(text), values ?? []).then((rows) => ({ rows })),
      },
    });
  }

  /** Stops taking new jobs and waits (up to `timeoutMs`) for running ones to finish. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, close: true, timeout: timeoutMs });
    this.started = false;
  }
}

async function grantQueueAccess(adminUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`grant usage on schema ${schema} to ${APP_ROLE};
      grant select, insert, update on all tables in schema ${schema} to ${APP_ROLE};
      grant usage, select on all sequences in schema ${schema} to ${APP_ROLE};
      grant execute on all functions in schema ${schema} to ${APP_ROLE};
      alter default privileges in schema ${schema} grant select, insert, update on tables to ${APP_ROLE};`);
  } finally {
    await client.end();
  }
}
