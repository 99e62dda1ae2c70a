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
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: "src/studio/main.tsx" },
  },
});
