import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { publishService } from "../../services/index.ts";
import { createOrgUnit } from "../../tenants/index.ts";
import { assignCase } from "../index.ts";

/**
 * The inbox columns as migration 0009's trigger derived them, from the case and its whole
 * definition: the reference the per-version derivation (migration 0018) must agree with.
 */
const derivedAs0009 = sql<{
  id: string;
  org_unit_id: string | null;
  open: boolean;
  applicant_name: string | null;
}>`
  select c.id,
    (select o.id from org_units o
      where o.tenant_id = c.tenant_id and t.target is not null
        and (o.id::text = t.target or lower(o.name) = lower(t.target)
          or org_unit_slug(o.name) = org_unit_slug(t.target)
          or org_unit_slug(t.target) like org_unit_slug(o.name) || '-%')
      order by (o.id::text = t.target) desc,
        (org_unit_slug(o.name) = org_unit_slug(t.target)) desc, length(o.name) desc
      limit 1) as org_unit_id,
    not exists (
      select 1 from jsonb_array_elements(v.definition -> 'process' -> 'statuses') s
      where s ->> 'id' = c.status and s ->> 'kind' like 'final%') as open,
    (select nullif(concat_ws(' ', p ->> 'givenName', p ->> 'familyName'), '')
      from jsonb_path_query(v.definition,
        '$.form.pages[*].fields[*] ? (@.type == "personName")') with ordinality as f(field, n)
      cross join lateral (select c.state -> 'data' -> (f.field ->> 'id') as p) x
      where jsonb_typeof(p) = 'object'
      order by f.n limit 1) as applicant_name
  from cases c
  join service_versions v on v.tenant_id = c.tenant_id and v.service_id = c.service_id
    and v.version = c.service_version
  cross join lateral (
    select coalesce(c.state -> 'assignedTo' ->> 'orgUnit', v.definition -> 'meta' ->> 'orgUnit')
      as target) t
  order by c.id`;

describe("inbox columns of cases stored by the case writer", () => {
  let app: Running;
  let tenant: { id: string; slug: string; state: string };
  const units: Record<string, { id: string }> = {};
  const submitted: Record<string, { caseId: string }> = {};

  /** Publishes the dog service as `id` routed to `orgUnit`, `firstFields` before its first page's. */
  async function publishDog(id: string, orgUnit: string, firstFields: unknown[] = []) {
    const def = structuredClone(dogService);
    def.id = id;
    def.meta.orgUnit = orgUnit;
    def.form.pages[0].fields.unshift(...firstFields);
    await publishService(app.platform.database.db, tenant.id, def);
  }

  const submit = (serviceSlug: string, data: Record<string, unknown> = {}) =>
    app.cases.submit({
      tenant,
      serviceSlug,
      data: { ...structuredClone(dogApplication), ...data },
      applicantId: null,
      channel: "api",
      idempotencyKey: `inbox-columns-${randomUUID()}`,
      receivedAt: new Date(),
    });

  before(async () => {
    app = await startTestApp();
    tenant = { ...(await makeTenant(app)), state: "ST" };
    const db = app.platform.database.db;
    for (const name of ["Steuern/Abgaben", "Ordnungsamt", "Bürgerbüro", "Bürgerbüro Nord"])
      units[name] = await createOrgUnit(db, tenant.id, { name });
    await publishDog("hund-slug", "steuern-abgaben");
    await publishDog("hund-id", units.Ordnungsamt.id);
    await publishDog("hund-name", "ORDNUNGSAMT");
    await publishDog("hund-praefix", "buergerbuero-nord-sued");
    await publishDog("hund-unbekannt", "gibt-es-nicht");
    await publishDog("hund-leer", "---");
    await publishDog("hund-vertreten", "Bürgerbüro", [
      { id: "representativeName", type: "personName", label: "Vertreter" },
    ]);
    // Submitted together, so that they share the writer's batches.
    const names = [
      ["slug", "hund-slug"],
      ["id", "hund-id"],
      ["name", "hund-name"],
      ["prefix", "hund-praefix"],
      ["unknown", "hund-unbekannt"],
      ["symbols", "hund-leer"],
      ["representedNot", "hund-vertreten"],
      ["toClose", "hund-slug"],
      ["toAssign", "hund-leer"],
    ] as const;
    const stored = await Promise.all(names.map(([, slug]) => submit(slug)));
    names.forEach(([name], i) => {
      submitted[name] = stored[i];
    });
    submitted.represented = await submit("hund-vertreten", {
      representativeName: { givenName: "Vera", familyName: "Vertreterin" },
    });
  });
  after(() => app?.stop());

  async function columns() {
    return withTenant(app.platform.database.db, tenant.id, async (tx) => ({
      stored: await tx
        .selectFrom("cases")
        .select(["id", "org_unit_id", "open", "applicant_name"])
        .orderBy("id")
        .execute(),
      reference: (await derivedAs0009.execute(tx)).rows,
    }));
  }

  it("routes, opens and names each new case as the definition says", async () => {
    const { stored } = await columns();
    const of = (name: string) => stored.find((r) => r.id === submitted[name].caseId)!;
    assert.equal(of("slug").org_unit_id, units["Steuern/Abgaben"].id);
    assert.equal(of("id").org_unit_id, units.Ordnungsamt.id);
    assert.equal(of("name").org_unit_id, units.Ordnungsamt.id);
    assert.equal(of("prefix").org_unit_id, units["Bürgerbüro Nord"].id);
    assert.equal(of("unknown").org_unit_id, null);
    assert.equal(of("symbols").org_unit_id, null);
    assert.equal(of("represented").org_unit_id, units["Bürgerbüro"].id);
    assert.equal(of("represented").applicant_name, "Vera Vertreterin");
    const { givenName, familyName } = dogApplication.applicantName;
    assert.equal(of("representedNot").applicant_name, `${givenName} ${familyName}`);
    assert.ok(stored.every((r) => r.open));
  });

  it("holds the values migration 0009's trigger derived, for new and changed cases", async () => {
    const before = await columns();
    assert.deepEqual(before.stored, before.reference);
    await app.cases.perform({
      tenant,
      caseId: submitted.toClose.caseId,
      actionId: "discontinue",
      actor: { id: randomUUID(), roles: ["caseworker"] },
      input: { discontinueReason: "Hund lebt nicht in der Gemeinde." },
    });
    await assignCase(app.platform, {
      tenant,
      caseId: submitted.toAssign.caseId,
      assignment: { actorId: null, orgUnit: "buergerbuero" },
      by: randomUUID(),
      expectedVersion: 1,
    });
    const after = await columns();
    assert.deepEqual(after.stored, after.reference);
    const of = (name: string) => after.stored.find((r) => r.id === submitted[name].caseId)!;
    assert.equal(of("toClose").open, false);
    assert.equal(of("toAssign").org_unit_id, units["Bürgerbüro"].id);
  });
});
