import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { APP_ROLE } from "./database.ts";

const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);
const LOCK_ID = 7_340_001; // advisory lock: one migrator at a time across processes

export type MigrationResult = { applied: string[] };

/**
 * Applies the ordered SQL files in migrations/ that have not run yet, each in its own
 * transaction, under an advisory lock. A file that changed after it was applied is an error:
 * published migrations are immutable. Finally gives the application role its login password.
 */
export async function migrate(adminUrl: string, appPassword: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          "select name, checksum from schema_migrations",
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      const text = readFileSync(path.join(MIGRATIONS_DIR, file), "utf8");
      const checksum = createHash("sha256").update(text).digest("hex");
      const before = done.get(file);
      if (before) {
        if (before !== checksum) throw new Error(`Migration ${file} changed after it was applied`);
        continue;
      }
      await client.query("begin");
      try {
        await client.query(text);
        await client.query("insert into schema_migrations (name, checksum) values ($1, $2)", [
          file,
          checksum,
        ]);
        await client.query("commit");
        applied.push(file);
      } catch (err) {
        await client.query("rollback");
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`);
      }
    }
    await client.query(`alter role ${APP_ROLE} login password ${pg.escapeLiteral(appPassword)}`);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
  return { applied };
}
