import { startDienstwerk } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./platform/config.ts";
import { exitGracefullyOnSignal } from "./platform/shutdown.ts";

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
  running.platform.log.info({ url: running.url }, "Dienstwerk is running");
  process.stdout.write(`\nDienstwerk läuft / is running: ${config.baseUrl}\n\n`);
  exitGracefullyOnSignal(running.stop, running.platform.log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
