import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "./db/database.ts";
import type { Jobs } from "./jobs.ts";

export type MailMessage = { to: string; subject: string; text: string; html?: string };

export const MAIL_QUEUE = "mail.send";

/**
 * Outgoing mail. `queueMail` enqueues within the caller's transaction; the job sends over SMTP
 * when SMTP_URL is set, otherwise writes to the development outbox shown at /dev/outbox.
 * The job id is the Message-ID, so a retried job does not add a second outbox entry.
 */
export class Mailer {
  private transport: Transporter | undefined;
  private from: string;
  private db: Db;
  private jobs: Jobs;

  constructor(opts: { smtpUrl?: string; from: string; db: Db; jobs: Jobs }) {
    // Pooled: the mail job reuses SMTP connections instead of opening one per message.
    this.transport = opts.smtpUrl ? nodemailer.createTransport(pooled(opts.smtpUrl)) : undefined;
    this.from = opts.from;
    this.db = opts.db;
    this.jobs = opts.jobs;
    this.jobs.define<MailMessage>(MAIL_QUEUE, (msg, job) => this.deliver(msg, job.id));
  }

  get usesDevOutbox(): boolean {
    return !this.transport;
  }

  queueMail(tx: Tx, message: MailMessage): Promise<void> {
    return this.jobs.enqueue(tx, MAIL_QUEUE, message);
  }

  private async deliver(msg: MailMessage, jobId: string): Promise<void> {
    const messageId = `<${jobId}@dienstwerk>`;
    if (this.transport) {
      await this.transport.sendMail({ from: this.from, messageId, ...msg });
      return;
    }
    await this.db
      .insertInto("dev_outbox")
      .values({
        recipient: msg.to,
        subject: msg.subject,
        text_body: msg.text,
        html_body: msg.html ?? null,
        message_id: messageId,
      })
      .onConflict((oc) => oc.column("message_id").doNothing())
      .execute();
  }

  close(): void {
    this.transport?.close();
  }
}

function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}
