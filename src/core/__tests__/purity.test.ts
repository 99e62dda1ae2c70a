import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ALLOWED_PACKAGES = new Set(["zod", "feelin", "date-holidays"]);

/** Every .ts file of src/core except the tests (which run in Node). */
function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : coreFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

describe("src/core purity", () => {
  const files = coreFiles(coreDir);

  it("finds the core's files", () => {
    assert.ok(files.length > 10);
  });

  it("imports only itself, zod, feelin and date-holidays — no Node built-ins", () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const where = `${relative(coreDir, file)}: ${specifier}`;
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), specifier);
          if (!target.startsWith(coreDir)) offending.push(where);
        } else if (!ALLOWED_PACKAGES.has(specifier)) {
          offending.push(where);
        }
      }
    }
    assert.deepEqual(offending, []);
  });

  it("reads no clock and no environment", () => {
    const offending = files.filter((file) =>
      /\bDate\.now\(|new Date\(\)|\bprocess\.(env|argv|hrtime|exit)\b|Math\.random\(|performance\.now/.test(
        readFileSync(file, "utf8"),
      ),
    );
    assert.deepEqual(
      offending.map((f) => relative(coreDir, f)),
      [],
    );
  });
});
