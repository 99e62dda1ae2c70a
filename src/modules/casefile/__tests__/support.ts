import { readFileSync } from "node:fs";
import { Client } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import type { Role } from "../../../platform/db/schema.ts";
import { makeCitizen } from "../../accounts/__tests__/factories.ts";
import { publishService } from "../../services/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";

const service = JSON.parse(readFileSync("services/gaststaettengestattung.json", "utf8"));
// The example also carries the caseworker's later inputs: not part of the application form.
const {
  closingTime: _closing,
  signatory: _signatory,
  ...application
} = JSON.parse(readFileSync("services/examples/gaststaettengestattung.happy.json", "utf8")).data;

/** A municipality publishing the Gaststättengestattung (document request, second approval). */
export async function makeOffice(app: Running) {
  const db = app.platform.database.db;
  const t = await makeTenant(db, "akte");
  const tenant = { ...t, state: "ST" };
  await publishService(db, tenant.id, service);
  const staff = async (roles: Role[]) => makeStaff(db, tenant.id, roles);
  return { tenant, staff };
}

let counter = 0;

/** An application by a citizen with an account (so the postbox works). */
export async function applyFor(app: Running, tenant: { id: string; slug: string; state: string }) {
  const citizen = await makeCitizen(app);
  const { caseId } = await app.cases.submit({
    tenant,
    serviceSlug: "gaststaettengestattung",
    data: application,
    applicantId: citizen.id,
    channel: "online",
    idempotencyKey: `akte-${Date.now()}-${counter++}`,
    receivedAt: new Date(),
  });
  return { caseId, citizen };
}

export async function staffClient(app: Running, slug: string, email: string): Promise<Client> {
  const client = new Client(app.url);
  await signInStaff(client, slug, email);
  return client;
}

/** The case version the page was rendered with (the hidden field of its forms). */
export const versionIn = (body: string) =>
  /name="expectedVersion" value="(\d+)"/.exec(body)?.[1] ?? "";
