import { type SMTPServer as Server, SMTPServer } from "smtp-server";

export type CapturedMail = {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
};

/**
 * A real SMTP server in the test process: the app sends to it over TCP with nodemailer, and the
 * test reads what arrived.
 */
export class TestSmtp {
  readonly mails: CapturedMail[] = [];
  private server: Server;
  port = 0;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject: decodeHeader(/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? ""),
            text: decodeBody(raw),
          });
          for (const w of this.waiters.splice(0)) w();
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    // A client that dies mid-session (the crash test kills the app) resets its connection;
    // that ends the session, it must not end the test process.
    this.server.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "ECONNRESET" && err.code !== "EPIPE") throw err;
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits until a mail to `to` has arrived (at most `ms`). */
  async waitFor(to: string, ms = 15_000): Promise<CapturedMail> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.mails.find((m) => m.to.includes(to));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function decodeHeader(v: string): string {
  return v
    .replace(/\r\n[ \t]/g, " ")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) =>
                String.fromCharCode(Number.parseInt(h, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    )
    .replace(/\?=\s+=\?/g, "");
}

/** The text part, with quoted-printable soft breaks and escapes undone. */
function decodeBody(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  return Buffer.from(
    body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}
