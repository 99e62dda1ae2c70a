import type { Logger } from "./logging.ts";

/**
 * On SIGTERM or SIGINT: stop taking requests, let running requests and jobs finish, close the
 * database, then exit 0 (1 if shutting down itself failed).
 */
export function exitGracefullyOnSignal(stop: () => Promise<void>, log: Logger): void {
  let signalled = false;
  const shutdown = async (signal: string) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, "shutting down");
    try {
      await stop();
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
