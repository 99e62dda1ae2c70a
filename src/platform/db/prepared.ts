import { createHash } from "node:crypto";
import { CompiledQuery } from "kysely";
import type pg from "pg";
import type { Tx } from "./database.ts";

/**
 * Named prepared statements for the few statements run for every submission (the case writer's):
 * PostgreSQL parses and plans such a statement once per connection instead of once per call, and
 * the driver sends no Parse message after the first. Only statements of fixed text belong here
 * (arrays or JSON for their rows, never a text that grows with a batch): every distinct text is
 * a statement kept on every connection of the pool.
 */
const names = new Map<string, string>();

/** A statement of fixed text, run as a named prepared statement on whichever connection runs it. */
export type PreparedStatement = { readonly text: string };

/**
 * Declares a statement for `executePrepared`: at module level where the text is ours; the same
 * text again gives the same statement (pg-boss's insert, whose text it makes per queue).
 */
export function preparedStatement(text: string): PreparedStatement {
  if (!names.has(text)) {
    names.set(text, `dw_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`);
  }
  return { text };
}

/** Runs a prepared statement in the transaction `tx`; returns its rows. */
export async function executePrepared<R>(
  tx: Tx,
  statement: PreparedStatement,
  parameters: readonly unknown[],
): Promise<R[]> {
  const result = await tx.executeQuery<R>(CompiledQuery.raw(statement.text, [...parameters]));
  return [...result.rows];
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pool client send declared statements by name (Kysely's driver passes text and values
 * only). Called once per new connection of the application's pool.
 */
export function namePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const [text, values, callback] = args;
    const name = typeof text === "string" ? names.get(text) : undefined;
    if (!name) return query(...args);
    return callback === undefined
      ? query({ name, text, values })
      : query({ name, text, values }, callback);
  };
}
