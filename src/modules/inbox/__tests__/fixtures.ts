import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import type { Running } from "../../../app.ts";
import { publishService } from "../../services/index.ts";
import { makeStaff, makeTenant } from "../../tenants/__tests__/fixtures.ts";
import { createOrgUnit } from "../../tenants/index.ts";

/** The dog service with "Verfahren einstellen" under the Vier-Augen-Prinzip. */
export function dogWithSecondApproval() {
  const def = structuredClone(dogService);
  const discontinue = def.process.actions.find((a: { id: string }) => a.id === "discontinue");
  discontinue.secondApproval = { roles: ["approver"] };
  return def;
}

/**
 * A municipality with the dog service (routed by meta.orgUnit "steuern-abgaben" to the org unit
 * "Steuern/Abgaben"), a second org unit, and staff: two caseworkers and an approver in the tax
 * office, a caseworker of the other unit, an admin without units.
 */
export async function makeInboxTenant(app: Running) {
  const db = app.platform.database.db;
  const tenant = await makeTenant(db, "inbox");
  await publishService(db, tenant.id, dogWithSecondApproval());
  const tax = await createOrgUnit(db, tenant.id, { name: "Steuern/Abgaben" });
  const order = await createOrgUnit(db, tenant.id, { name: "Ordnungsamt" });
  const staff = {
    anna: await makeStaff(db, tenant.id, ["caseworker"], [tax.id]),
    bert: await makeStaff(db, tenant.id, ["caseworker"], [tax.id]),
    carla: await makeStaff(db, tenant.id, ["caseworker", "approver"], [tax.id]),
    otto: await makeStaff(db, tenant.id, ["caseworker"], [order.id]),
    admin: await makeStaff(db, tenant.id, ["admin"]),
  };
  return { tenant: { ...tenant, state: "ST" }, units: { tax, order }, staff };
}

let counter = 0;

type Tenant = { id: string; slug: string; state: string };

/** A dog registration; `overrides` change the applicant's data (name, dog). */
export function submitDog(
  app: Running,
  tenant: Tenant,
  o: {
    givenName?: string;
    familyName?: string;
    dogName?: string;
    receivedAt?: Date;
    channel?: "online" | "post";
  } = {},
) {
  const data = structuredClone(dogApplication);
  if (o.givenName) data.applicantName.givenName = o.givenName;
  if (o.familyName) data.applicantName.familyName = o.familyName;
  if (o.dogName) data.dogs[0].dogName = o.dogName;
  return app.cases.submit({
    tenant,
    serviceSlug: "hund-anmelden",
    data,
    applicantId: null,
    channel: o.channel ?? "online",
    idempotencyKey: `inbox-${Date.now()}-${counter++}`,
    receivedAt: o.receivedAt ?? new Date(),
  });
}
