import { readFileSync } from "node:fs";
import { loadDefinition } from "../definition/load.ts";
import type { ServiceDefinition } from "../definition/types.ts";

const fixtures = new URL("./fixtures/", import.meta.url);

/** Reads a JSON fixture from `__tests__/fixtures/`. */
export function readFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, fixtures), "utf8")) as T;
}

/** Loads a definition fixture and fails loudly if it does not load. */
export function loadFixtureDefinition(name = "hundesteuer.json"): ServiceDefinition {
  const result = loadDefinition(readFixture(name));
  if (!result.ok)
    throw new Error(`fixture ${name} does not load: ${JSON.stringify(result.problems)}`);
  return result.definition;
}

/** A deep copy of a JSON value, for tests that break a fixture on purpose. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Sets a value at a path written like finding paths (`process.actions[2].roles`). */
export function setPath(
  target: unknown,
  path: string,
  value: unknown,
  mode: "set" | "push" = "set",
): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
  let node = target as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts[parts.length - 1];
  if (mode === "push") (node[last] as unknown[]).push(value);
  else node[last] = value;
}
