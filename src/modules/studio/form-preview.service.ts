import { loadDefinition, type Problem, type ServiceDefinition } from "../../core/index.ts";
import type { Db } from "../../platform/db/database.ts";
import { withTenant } from "../../platform/db/database.ts";
import { notFound } from "../../platform/errors.ts";
import { findServiceBySlug } from "../services/index.ts";

/** The outcome of preparing a draft for the form preview. */
export type PreviewLoad =
  | {
      ok: true;
      definition: ServiceDefinition;
      /** The parts outside the form did not load yet and were stood in for (see below). */
      formOnly: boolean;
    }
  | { ok: false; problems: Problem[] };

const PREVIEW_META = {
  title: "Vorschau",
  description: "Vorschau",
  leikaKey: "99000000000000",
  legalBasis: ["Vorschau"],
  orgUnit: "vorschau",
  processingTime: { value: 1, unit: "days" },
  requiredDocuments: [],
};

const PREVIEW_PROCESS = {
  initialStatus: "vorschau",
  statuses: [{ id: "vorschau", title: "Vorschau", kind: "open" }],
  actions: [],
};

/**
 * Loads a draft for the form preview with core's `loadDefinition`, exactly as publishing would.
 * A draft is usually unfinished elsewhere while its form is being built (no LeiKa key yet, an
 * action half set up): those parts do not change how the form looks, so when the whole draft
 * does not load, the form is loaded again with stand-ins for the catalogue facts and the
 * process (first keeping the fees, whose preview the form shows, then without them). The
 * problems reported are those of the form itself (and its code lists).
 */
export function loadForPreview(input: unknown): PreviewLoad {
  const whole = loadDefinition(input);
  if (whole.ok) return { ok: true, definition: whole.definition, formOnly: false };
  if (!isObject(input)) return { ok: false, problems: whole.problems };
  const meta = isObject(input.meta) ? input.meta : {};
  const title = typeof meta.title === "string" && meta.title.trim() ? meta.title : "Vorschau";
  const standIn = {
    schemaVersion: 1,
    id: "vorschau",
    version: "1.0.0",
    meta: { ...PREVIEW_META, title },
    ...(input.codeLists === undefined ? {} : { codeLists: input.codeLists }),
    form: input.form,
    process: PREVIEW_PROCESS,
  };
  if (input.fees !== undefined) {
    const withFees = loadDefinition({ ...standIn, fees: input.fees });
    if (withFees.ok) return { ok: true, definition: withFees.definition, formOnly: true };
  }
  const formOnly = loadDefinition(standIn);
  if (formOnly.ok) return { ok: true, definition: formOnly.definition, formOnly: true };
  return { ok: false, problems: formOnly.problems };
}

/**
 * Keeps only values of the form's own fields from the preview data (anything else could not
 * come from a citizen's form either).
 */
export function previewData(
  def: ServiceDefinition,
  data: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!data) return {};
  const ids = new Set(def.form.pages.flatMap((p) => p.fields.map((f) => f.id)));
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => ids.has(k) && v !== null));
}

/** Refuses (404) a preview for a service the municipality does not have. */
export async function assertServiceExists(db: Db, tenantId: string, slug: string): Promise<void> {
  const service = await withTenant(db, tenantId, (tx) => findServiceBySlug(tx, slug));
  if (!service) throw notFound();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
