import type { Config } from "../../platform/config.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Mailer } from "../../platform/mail.ts";
import { type SecretBox, secretBox } from "./accounts.crypto.ts";

/** What the account use cases need of the platform, and the clock (injectable for tests). */
export type AccountsDeps = {
  db: Db;
  mailer: Pick<Mailer, "queueMail">;
  config: Pick<Config, "baseUrl" | "demoMode" | "secretKey" | "secureCookies" | "trustProxy">;
  box: SecretBox;
  now: () => Date;
};

export function accountsDeps(platform: Platform, now: () => Date = () => new Date()): AccountsDeps {
  return {
    db: platform.database.db,
    mailer: platform.mailer,
    config: platform.config,
    box: secretBox(platform.config.secretKey),
    now,
  };
}
