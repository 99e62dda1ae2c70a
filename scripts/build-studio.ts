/**
 * Builds the studio with Vite unless dist/studio is newer than every source it is built from
 * (src/studio, src/core, the Vite config, the lock file). `--force` always builds.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = path.join(ROOT, "dist/studio/.vite/manifest.json");
const SOURCES = ["src/studio", "src/core", "vite.config.ts", "package-lock.json"];

function newest(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

export async function buildStudio(options: { force?: boolean } = {}): Promise<"built" | "fresh"> {
  let built = 0;
  try {
    built = statSync(MANIFEST).mtimeMs;
  } catch {}
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (!options.force && built > sources) return "fresh";
  const { build } = await import("vite");
  await build({ root: ROOT, configFile: path.join(ROOT, "vite.config.ts") });
  return "built";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  buildStudio({ force: process.argv.includes("--force") }).then(
    (result) => {
      const ms = Math.round(performance.now() - started);
      console.log(result === "built" ? `studio built in ${ms} ms` : "studio is up to date");
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
