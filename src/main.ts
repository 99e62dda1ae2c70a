import { startDienstwerk } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./platform/config.ts";

/** `npm start`: runs Dienstwerk until SIGTERM/SIGINT, then shuts down gracefully and exits 0. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const running = await startDienstwerk(config);
  const log = running.platform.log;
  log.info({ url: running.url }, "Dienstwerk is running");
  process.stdout.write(`\nDienstwerk läuft / is running: ${config.baseUrl}\n\n`);
  let signalled = false;
  const shutdown = async (signal: string) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, "shutting down");
    try {
      await running.stop();
      log.info("stopped");
      process.exit(0);
    } catch (err) {
      log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
