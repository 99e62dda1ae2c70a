/**
 * Builds the no-code studio (src/studio/, Preact) into dist/studio/, served at /static/studio/.
 * `npm run build:studio` runs it; `npm start` and `npm test` build first when sources changed.
 */
import { defineConfig } from "vite";

export default defineConfig({
  base: "/static/studio/",
  publicDir: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist/studio",
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    target: "es2022",
    // One bundle of ~2 MB (~0.4 MB compressed, served compressed): the studio is a tool staff
    // open for long sessions, and it carries the whole core (zod, FEEL) for instant checks.
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: "src/studio/main.tsx" },
  },
});
