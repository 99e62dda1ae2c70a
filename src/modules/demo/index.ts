/**
 * Demo data: two made-up municipalities (Musterstadt, Beispielburg) with org units and a staff
 * account for every role, a platform operator and a citizen, all with one known password.
 * Seeded on the first start in demo mode (DEMO_MODE, on by default outside production).
 */
import type { DemoLogin } from "../tenants/index.ts";
import { DEMO_CASEWORKER, DEMO_PASSWORD, DEMO_TENANTS } from "./demo.data.ts";

export { demoBanner } from "./demo.banner.ts";
export {
  DEMO_CASEWORKER,
  DEMO_CITIZEN,
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN,
  DEMO_TENANTS,
} from "./demo.data.ts";
export { seedDemo, seedDemoIfEmpty } from "./demo.service.ts";

/** The demo caseworker's sign-in, for the start pages of the demo municipalities. */
export const demoLogin: DemoLogin = (slug) => {
  const spec = DEMO_TENANTS.find((t) => t.slug === slug);
  if (!spec) return undefined;
  const email = spec.staff.find((s) => s.roles.includes("caseworker"))?.email ?? DEMO_CASEWORKER;
  return { email, password: DEMO_PASSWORD };
};
