import pg from "pg";
import { fromKysely, type Job, PgBoss } from "pg-boss";
import { APP_ROLE, type Tx } from "./db/database.ts";
import type { Logger } from "./logging.ts";
import type { Metrics } from "./metrics.ts";

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

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
    this.boss = new PgBoss({ connectionString: adminUrl, schema, max: 4 });
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
      if (!(await this.boss.getQueue(q.name))) {
        // Another process may create the same queue at the same moment; that is fine.
        await this.boss
          .createQueue(q.name, { retryLimit: q.retryLimit, retryBackoff: true })
          .catch(async (err) => {
            if (!(await this.boss.getQueue(q.name))) throw err;
          });
      }
    }
    for (const q of this.queues.values()) {
      if (q.cron) await this.boss.schedule(q.name, q.cron, {}, { tz: "Europe/Berlin" });
    }
    await grantQueueAccess(this.adminUrl, this.schema);
  }

  /** Starts workers for every defined queue. */
  async work(): Promise<void> {
    for (const q of this.queues.values()) {
      await this.boss.work(q.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await q.handler(job.data, job);
            this.metrics?.jobsCompleted.inc({ queue: q.name, outcome: "completed" });
          } catch (err) {
            this.metrics?.jobsCompleted.inc({ queue: q.name, outcome: "failed" });
            this.log.warn({ err, queue: q.name, jobId: job.id }, "job failed; it will be retried");
            throw err;
          }
        }
      });
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
    await this.boss.insert(name, jobs, { db: fromKysely(tx) });
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
