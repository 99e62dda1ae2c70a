import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { formatMessage, messages } from "../messages.ts";

const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sources(path);
    return entry.name.endsWith(".ts") && entry.name !== "messages.ts"
      ? [readFileSync(path, "utf8")]
      : [];
  });
}

describe("message catalogue", () => {
  it("has a German and an English text for every key the core emits", () => {
    const used = new Set<string>();
    for (const text of sources(coreDir)) {
      for (const m of text.matchAll(
        /key: "([a-z]+\.[a-zA-Z]+)"|refuse\("([a-z]+\.[a-zA-Z]+)"|finding\("[a-z]+", "([a-z]+\.[a-zA-Z]+)"/g,
      )) {
        used.add(m[1] ?? m[2] ?? m[3]);
      }
      for (const m of text.matchAll(/"(validation\.[a-zA-Z]+)"/g)) used.add(m[1]);
    }
    assert.ok(used.size > 40);
    const missing = [...used].filter((key) => !(key in messages.de) || !(key in messages.en));
    assert.deepEqual(missing, []);
  });

  it("has the same keys in both languages", () => {
    assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages.de).sort());
  });

  it("fills placeholders", () => {
    assert.equal(
      formatMessage("validation.tooLong", { max: 50 }),
      "Bitte geben Sie höchstens 50 Zeichen ein.",
    );
    assert.equal(
      formatMessage("validation.tooLong", { max: 50 }, "en"),
      "Please enter at most 50 characters.",
    );
  });
});
