import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Where `npm run build:studio` (Vite) writes the studio; served at /static/studio/. */
export const STUDIO_DIST = path.join(ROOT, "dist/studio");
const MANIFEST = path.join(STUDIO_DIST, ".vite/manifest.json");
const ENTRY = "src/studio/main.tsx";

export type StudioAssets = { script: string; styles: string[] };

let cached: { mtimeMs: number; assets: StudioAssets } | undefined;

/**
 * The built studio's entry script and styles from Vite's manifest (file names carry content
 * hashes, so they are cached for a year); undefined when the studio has not been built.
 */
export function studioAssets(): StudioAssets | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(MANIFEST).mtimeMs;
  } catch {
    return undefined;
  }
  if (cached?.mtimeMs === mtimeMs) return cached.assets;
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<
    string,
    { file: string; css?: string[] }
  >;
  const entry = manifest[ENTRY];
  if (!entry) return undefined;
  const assets = {
    script: `/static/studio/${entry.file}`,
    styles: (entry.css ?? []).map((f) => `/static/studio/${f}`),
  };
  cached = { mtimeMs, assets };
  return assets;
}
