import {
  type ActionDef,
  assessFees,
  type Bundesland,
  type CaseState,
  caseContext,
  deadlineEnd,
  type FeeAssessment,
  germanDate,
  loadDefinition,
  type Problem,
  performAction,
  type ServiceDefinition,
  sampleActionInput,
  sampleData,
  validateSubmission,
  withStandInMeta,
} from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { tenantLand } from "../cases/index.ts";
import { logoAsset } from "../documents/index.ts";
import { paymentDetails, renderNotice } from "../notices/index.ts";
import { findServiceBySlug } from "../services/index.ts";
import { getTenantById, tenantPlaceholderValues } from "../tenants/index.ts";
import { libraryOf } from "../textblocks/index.ts";

/** What a preview prints where a real notice has the case's Aktenzeichen and Kassenzeichen. */
export const SAMPLE_REFERENCE = "MUSTER-2026-0001";
export const SAMPLE_KASSENZEICHEN = "MUSTER-0000-0000";
/** Printed across every page of a preview. */
export const PREVIEW_WATERMARK = "MUSTER";

export type PreviewRequest = {
  definition: unknown;
  document: string;
  /** The case data (the test run's); sample data for the form and every action's input if absent. */
  data?: Record<string, unknown>;
  /** The case's status; else the status the document is made on. */
  status?: string;
};

export type PreviewResult =
  | { ok: true; pdf: Uint8Array }
  | { ok: false; reason: "definition" | "fees"; problems: Problem[] };

/**
 * A notice of a draft as a PDF, made by the same code as real notices (`renderNotice`) with
 * sample or given data, marked "MUSTER" and with a sample Aktenzeichen and Kassenzeichen. Stores
 * nothing, takes no number from the Kassenzeichen counter and sends nothing. A draft that does not
 * load gives its problems (catalogue facts still missing do not count: they change no notice).
 */
export async function previewDocument(
  platform: Platform,
  tenantId: string,
  slug: string,
  input: PreviewRequest,
  now = new Date(),
): Promise<PreviewResult> {
  const db = platform.database.db;
  const [service, library] = await withTenant(db, tenantId, async (tx) =>
    Promise.all([findServiceBySlug(tx, slug), libraryOf(tx, tenantId)]),
  );
  if (!service) throw notFound();
  const loaded = loadDefinition(withStandInMeta(input.definition));
  if (!loaded.ok) return { ok: false, reason: "definition", problems: loaded.problems };
  const def = loaded.definition;
  const doc = def.documents?.find((d) => d.id === input.document);
  if (!doc) {
    throw new DomainError("studio.preview.unknownDocument", {
      status: 422,
      params: { id: input.document },
    });
  }
  const tenant = await getTenantById(db, tenantId);
  if (!tenant) throw notFound();
  const land = await tenantLand(db, tenantId);
  const today = germanDate(now);
  const maker = def.process.actions.find((a) =>
    a.effects.some((e) => e.type === "generateDocument" && e.document === doc.id),
  );
  const data = withComputed(def, input.data ?? sampleCaseData(def, today), today);
  const state = caseFor(def, maker, data, input.status, now, land);
  if (def.fees && !state.fees) {
    const only = maker?.effects.find((e) => e.type === "assessFee")?.items;
    const fees = assessFees(def, caseContext(def, state, state.data, today), only);
    if (fees.ok) state.fees = fees.assessment;
    else if (doc.payment) return { ok: false, reason: "fees", problems: fees.problems };
  }
  let payment: ReturnType<typeof paymentDetails> | undefined;
  if (doc.payment) {
    const fees: FeeAssessment = state.fees ?? { currency: "EUR", lines: [], totalCents: 0 };
    const due = deadlineEnd(today, doc.payment.due, land);
    payment = paymentDetails(tenant, fees, SAMPLE_KASSENZEICHEN, due, doc.title);
  }
  const logo = tenant.has_logo ? await logoAsset(platform, tenant.slug) : undefined;
  const { pdf } = await renderNotice({
    tenant,
    definition: def,
    template: doc.id,
    state,
    reference: SAMPLE_REFERENCE,
    submittedAt: today,
    today,
    now,
    library,
    payment,
    logo,
    watermark: PREVIEW_WATERMARK,
  });
  return { ok: true, pdf };
}

/**
 * The case the notice is made for. With a status (the test run's case), the data as it is.
 * Without, the case as the action that makes the notice leaves it: performed by the engine on
 * the data (its input taken from the data, a second approval given), so that the action's
 * computed values and fees are there as in a real notice; as it is if the action refuses.
 */
function caseFor(
  def: ServiceDefinition,
  maker: ActionDef | undefined,
  data: Record<string, unknown>,
  status: string | undefined,
  now: Date,
  land: Bundesland,
): CaseState {
  const known = status !== undefined && def.process.statuses.some((s) => s.id === status);
  const at = now.toISOString();
  if (!known && maker) {
    const inputIds = new Set((maker.input ?? []).map((f) => f.id));
    const input = Object.fromEntries(Object.entries(data).filter(([k]) => inputIds.has(k)));
    const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !inputIds.has(k)));
    const start: CaseState = {
      status: maker.from[0] ?? "",
      data: rest,
      version: 1,
      statusEnteredAt: at,
    };
    const options = { land };
    let result = performAction(
      def,
      start,
      maker.id,
      { id: "muster-1", roles: maker.roles },
      input,
      now,
      options,
    );
    if (result.ok && result.state.pending && maker.secondApproval) {
      const approver = { id: "muster-2", roles: maker.secondApproval.roles };
      result = performAction(def, result.state, maker.id, approver, {}, now, options);
    }
    if (result.ok && !result.state.pending)
      return { ...result.state, data: { ...data, ...result.state.data } };
  }
  return {
    status: known ? status : (maker?.to ?? def.process.initialStatus),
    data,
    version: 1,
    statusEnteredAt: at,
  };
}

/**
 * The data as the portal would have stored it: the form's part validated, which fills in its
 * computed fields (`dogListed` …); as given if it does not validate (a preview prints anyway).
 */
function withComputed(
  def: ServiceDefinition,
  data: Record<string, unknown>,
  today: string,
): Record<string, unknown> {
  const formIds = new Set(def.form.pages.flatMap((p) => p.fields.map((f) => f.id)));
  const form = Object.fromEntries(Object.entries(data).filter(([k]) => formIds.has(k)));
  const checked = validateSubmission(def, form, { today });
  return checked.ok ? { ...data, ...checked.data } : data;
}

/** Sample data for a whole case: the form's, and every caseworker input's. */
function sampleCaseData(def: ServiceDefinition, today: string): Record<string, unknown> {
  const inputs = def.process.actions.map((a) => sampleActionInput(def, a, today));
  return Object.assign({}, ...inputs.reverse(), sampleData(def, { today }));
}

/**
 * What the test run in the browser needs of the municipality: its placeholder values
 * (`{{tenant.name}}` …) and its Bundesland (deadlines count its public holidays).
 */
export async function sandboxFacts(platform: Platform, tenantId: string) {
  const tenant = await getTenantById(platform.database.db, tenantId);
  if (!tenant) throw notFound();
  return {
    tenant: tenantPlaceholderValues(tenant),
    land: await tenantLand(platform.database.db, tenantId),
  };
}
