import { randomBytes } from "node:crypto";
import type { Running } from "../../src/app.ts";
import { createTenant, type STATES } from "../../src/modules/tenants/index.ts";

/** A fresh municipality with a unique slug: each test builds its own, nothing is truncated. */
export async function makeTenant(
  app: Running,
  state: (typeof STATES)[number] = "ST",
): Promise<{ id: string; slug: string }> {
  const slug = `t-${randomBytes(5).toString("hex")}`;
  return createTenant(app.platform.database.db, {
    slug,
    settings: { name: `Gemeinde ${slug}`, state },
  });
}
