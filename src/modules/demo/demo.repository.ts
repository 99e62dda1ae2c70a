import { sql } from "kysely";
import type { Db } from "../../platform/db/database.ts";

const DEMO_SEED_LOCK = 7_340_002; // one seeding process at a time (migrations use 7_340_001)

/**
 * Runs `fn` while holding a session advisory lock on one connection, so that two processes
 * starting at the same moment seed one after the other; the second then finds the data there.
 */
export function withSeedLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${DEMO_SEED_LOCK})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${DEMO_SEED_LOCK})`.execute(conn);
    }
  });
}
