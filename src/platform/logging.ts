import pino from "pino";

export type Logger = pino.Logger;

/** JSON logs (pino); every request line carries its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "dienstwerk" },
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.totp"],
  });
}
