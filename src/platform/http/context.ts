import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import type { Jobs } from "../jobs.ts";
import type { Logger } from "../logging.ts";
import type { Mailer } from "../mail.ts";
import type { Metrics } from "../metrics.ts";

/** What every module gets: the running platform's parts. */
export type Platform = {
  config: Config;
  database: Database;
  jobs: Jobs;
  mailer: Mailer;
  log: Logger;
  metrics: Metrics;
};

/** The municipality a request is for, as pages need it. */
export type TenantView = {
  id: string;
  slug: string;
  name: string;
  hasLogo: boolean;
  primaryColour?: string;
};

/** The signed-in person, as pages need it. */
export type Viewer = {
  userId: string;
  kind: "citizen" | "staff";
  name: string;
  email: string;
  sessionIdHash: string;
  stage: "mfa" | "full";
  /** The municipality a staff session belongs to. */
  tenantId: string | null;
  platformAdmin: boolean;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    t: Translate;
    csrfToken: string;
    viewer: Viewer | undefined;
    tenant: TenantView | undefined;
    log: Logger;
  };
};
