import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CaseState,
  ComposeError,
  composeDocument,
  deadlineEnd,
  documentGaps,
  epcQrPayload,
  formatCents,
  formatKassenzeichen,
  formatMessage,
  germanDate,
  type IsoDate,
  KassenzeichenScheme,
  type Problem,
  type ServiceDefinition,
  type TextBlockLibrary,
} from "../../core/index.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { DocumentPayment } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translator } from "../../platform/i18n/index.ts";
import { type InlineEffectHandler, tenantLand } from "../cases/index.ts";
import {
  epcQrImage,
  logoAsset,
  RenderFailed,
  recipientOf,
  renderDocument,
} from "../documents/index.ts";
import type { PublishedService } from "../services/index.ts";
import type { TenantRow } from "../tenants/index.ts";
import { getTenantById, tenantPlaceholderValues } from "../tenants/index.ts";
import { libraryOf } from "../textblocks/index.ts";
import { type NoticePayment, noticeContent } from "./notice.content.ts";
import {
  insertDocument,
  insertPaymentReference,
  nextKassenzeichenNumber,
  paymentReferenceOf,
  staffName,
} from "./notices.repository.ts";

const TEMPLATES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "documents",
  "templates",
);
/** The layout's own version: a changed letter or notice template is another template version. */
const LAYOUT_HASH = createHash("sha256")
  .update(readFileSync(path.join(TEMPLATES, "letter.typ")))
  .update(readFileSync(path.join(TEMPLATES, "notice.typ")))
  .digest("hex");

export type GeneratedDocument = {
  id: string;
  template: string;
  title: string;
  version: number;
  sha256: string;
  pages: number;
  kassenzeichen?: string;
};

type MakeRequest = {
  tenant: TenantRow;
  caseRow: { id: string; reference: string; received_at: Date; service_version: number };
  state: CaseState;
  service: PublishedService;
  template: string;
  actorId: string;
  now: Date;
  effectKey: string | null;
};

/**
 * Makes a notice or letter of a case and stores it as the next version of its record: composed
 * from the definition's blocks and the municipality's text blocks, placeholders filled from the
 * case, rendered to PDF/A, with SHA-256 and the version of its template. A fee notice gets its
 * Kassenzeichen (kept when regenerated), due date and GiroCode. Runs in the caller's transaction:
 * the action that asks for the notice commits with it or not at all.
 */
export async function makeDocument(
  platform: Platform,
  tx: Tx,
  r: MakeRequest,
): Promise<GeneratedDocument> {
  const def = r.service.definition;
  const doc = def.documents?.find((d) => d.id === r.template);
  if (!doc) throw new Error(`Document ${r.template} missing in ${def.id} ${def.version}`);
  const land = await tenantLand(platform.database.db, r.tenant.id);
  const today = germanDate(r.now);
  const library = await libraryOf(tx, r.tenant.id);
  // A gap left to fill ("[… eintragen]") is never printed: the publishing linter refuses it, and
  // this catches versions published before it did. Only the template's texts are searched, not
  // the applicant's answers (which may hold anything).
  const [gap] = documentGaps(def, r.template, library);
  if (gap) {
    throw new DomainError("notices.error.gap", { status: 422, params: { title: doc.title, gap } });
  }
  const payment = doc.payment
    ? await paymentOf(tx, r, doc.title, deadlineEnd(today, doc.payment.due, land))
    : undefined;
  const logo = r.tenant.has_logo ? await logoAsset(platform, r.tenant.slug) : undefined;
  const { pdf, pages, recipient } = await renderNotice({
    tenant: r.tenant,
    definition: def,
    template: r.template,
    state: r.state,
    reference: r.caseRow.reference,
    submittedAt: germanDate(r.caseRow.received_at),
    today,
    now: r.now,
    library,
    payment,
    contactName: await staffName(tx, r.actorId),
    logo,
  });
  const rendered = { pdf, pages };
  const sha256 = hash(rendered.pdf);
  const stored = await insertDocument(tx, {
    tenantId: r.tenant.id,
    caseId: r.caseRow.id,
    template: r.template,
    kind: doc.kind,
    title: doc.title,
    filename: `${slugOf(doc.title)}-${r.caseRow.reference.replace(/[^\w-]+/g, "-")}.pdf`,
    content: rendered.pdf,
    pages: rendered.pages,
    sha256,
    serviceVersion: r.caseRow.service_version,
    templateVersion: templateVersion(def, r.template, library),
    payment: payment ?? null,
    recipient,
    effectKey: r.effectKey,
    createdBy: r.actorId,
  });
  return {
    id: stored.id,
    template: r.template,
    title: doc.title,
    version: stored.version,
    sha256,
    pages: rendered.pages,
    kassenzeichen: payment?.kassenzeichen,
  };
}

/** What a notice is rendered from: the case, the municipality and, for a fee notice, its payment. */
export type NoticeRequest = {
  tenant: TenantRow;
  definition: ServiceDefinition;
  template: string;
  state: CaseState;
  /** The Aktenzeichen. */
  reference: string;
  submittedAt: IsoDate;
  today: IsoDate;
  now: Date;
  library: TextBlockLibrary;
  payment?: DocumentPayment & Omit<NoticePayment, "qr">;
  contactName?: string;
  logo?: { name: string; bytes: Uint8Array };
  /** A preview's mark ("MUSTER"), printed across every page; never on a real notice. */
  watermark?: string;
};

/**
 * Composes and renders a notice to PDF/A without storing anything: the definition's blocks and
 * the text blocks with placeholders filled from the case, the letter of the municipality and a
 * fee notice's payment section with GiroCode. `makeDocument` stores what this makes; the studio's
 * preview shows it. A notice that cannot be made is a `DomainError` with the reason.
 */
export async function renderNotice(r: NoticeRequest): Promise<{
  pdf: Uint8Array;
  pages: number;
  recipient: string[];
}> {
  const def = r.definition;
  const doc = def.documents?.find((d) => d.id === r.template);
  if (!doc) throw new Error(`Document ${r.template} missing in ${def.id} ${def.version}`);
  const t = translator("de");
  const payment = r.payment;
  const recipient = recipientOf(def, r.state.data, t);
  let composed: ReturnType<typeof composeDocument>;
  try {
    composed = composeDocument(def, r.template, r.state, {
      today: r.today,
      case: { reference: r.reference, submittedAt: r.submittedAt },
      tenant: tenantPlaceholderValues(r.tenant),
      applicant: { name: recipient[0] ?? "", address: recipient.slice(1).join(", ") },
      payment: payment && {
        reference: payment.kassenzeichen,
        dueDate: payment.dueDate,
        total: formatCents(payment.totalCents),
      },
      library: r.library,
    });
  } catch (err) {
    throw renderRefused(doc.title, err);
  }
  if (!composed) throw new Error(`Document ${r.template} could not be composed`);
  const logo = r.logo;
  const qr = payment?.epc
    ? { name: `qr-${hash(payment.epc).slice(0, 16)}.luma8`, image: epcQrImage(payment.epc) }
    : undefined;
  const data = noticeContent(
    {
      tenant: r.tenant,
      document: composed,
      reference: r.reference,
      issuedOn: r.today,
      recipient,
      contactName: r.contactName,
      payment: payment && {
        ...payment,
        qr: qr ? { file: `assets/${qr.name}`, size: qr.image.size } : null,
      },
      logo: logo && `assets/${logo.name}`,
      watermark: r.watermark,
    },
    t,
  );
  try {
    const rendered = await renderDocument("notice", data, {
      createdAt: r.now,
      assets: {
        ...(logo ? { [logo.name]: logo.bytes } : {}),
        ...(qr ? { [qr.name]: qr.image.pixels } : {}),
      },
    });
    return { ...rendered, recipient };
  } catch (err) {
    throw renderRefused(doc.title, err);
  }
}

/**
 * The payment of a fee notice for the case's fees and a Kassenzeichen: lines, total, due date
 * and the EPC QR payload when the municipality has a bank account (else no GiroCode).
 */
export function paymentDetails(
  tenant: Pick<TenantRow, "name" | "settings">,
  fees: NonNullable<CaseState["fees"]>,
  kassenzeichen: string,
  due: IsoDate,
  title: string,
): DocumentPayment & Omit<NoticePayment, "qr"> {
  let epc: string | null = null;
  const bank = tenant.settings.bank;
  // Without the municipality's bank account the notice names amount, due date and Kassenzeichen
  // but prints no GiroCode (the settings page asks for the account).
  if (fees.totalCents > 0 && bank?.iban) {
    const result = epcQrPayload({
      name: tenant.name,
      iban: bank.iban,
      bic: bank.bic,
      amountCents: fees.totalCents,
      remittance: kassenzeichen,
    });
    if (!result.ok) {
      throw new DomainError("notices.error.payment", {
        status: 422,
        params: { title, detail: problemText(result.problems) },
      });
    }
    epc = result.payload;
  }
  return {
    kassenzeichen,
    totalCents: fees.totalCents,
    dueDate: due,
    lines: fees.lines.map((l) => ({
      label: l.label,
      amountCents: l.amountCents,
      legalBasis: l.legalBasis,
    })),
    epc,
  };
}

/** The payment part of a fee notice: fees from the case, the Kassenzeichen, due date, EPC QR. */
async function paymentOf(
  tx: Tx,
  r: MakeRequest,
  title: string,
  due: IsoDate,
): Promise<DocumentPayment & Omit<NoticePayment, "qr">> {
  const fees = r.state.fees;
  if (!fees) throw new DomainError("notices.error.noFees", { status: 422, params: { title } });
  const kassenzeichen =
    (await paymentReferenceOf(tx, r.caseRow.id, r.template)) ??
    (await allocateKassenzeichen(tx, r, title));
  return paymentDetails(r.tenant, fees, kassenzeichen, due, title);
}

/** The next Kassenzeichen of the municipality's scheme, stored for this case and template. */
async function allocateKassenzeichen(tx: Tx, r: MakeRequest, title: string): Promise<string> {
  const scheme = KassenzeichenScheme.parse(r.tenant.settings.kassenzeichen ?? {});
  const year = Number(germanDate(r.now).slice(0, 4));
  // After a change of scheme a new number can spell one given before: take the next one then.
  for (let attempt = 0; attempt < 100; attempt++) {
    const sequence = await nextKassenzeichenNumber(tx, r.tenant.id, year);
    const formatted = formatKassenzeichen(scheme, { year, sequence });
    if (!formatted.ok) {
      throw new DomainError("notices.error.payment", {
        status: 422,
        params: { title, detail: problemText(formatted.problems) },
      });
    }
    const stored = await insertPaymentReference(tx, {
      tenantId: r.tenant.id,
      kassenzeichen: formatted.value,
      caseId: r.caseRow.id,
      template: r.template,
    });
    if (stored) return formatted.value;
  }
  throw new Error(`No free Kassenzeichen for ${r.tenant.id} after 100 numbers`);
}

/**
 * The version of what a document was made from: the definition's document, the text blocks it
 * can use (the service's and the municipality's) and the layout templates, hashed.
 */
function templateVersion(
  def: ServiceDefinition,
  template: string,
  library: Record<string, unknown>,
): string {
  return createHash("sha256")
    .update(JSON.stringify(def.documents?.find((d) => d.id === template) ?? null))
    .update(JSON.stringify(def.textBlocks ?? {}))
    .update(JSON.stringify(library))
    .update(LAYOUT_HASH)
    .digest("hex");
}

/** Problems of the core as one German sentence for the caseworker. */
function problemText(problems: Problem[]): string {
  return problems.map((p) => formatMessage(p.key, p.params, "de")).join(" ");
}

function renderRefused(title: string, err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof ComposeError) {
    return new DomainError("notices.error.render", {
      status: 422,
      params: { title, detail: problemText([err.problem]) },
    });
  }
  const detail =
    err instanceof RenderFailed || err instanceof Error ? err.message.slice(0, 300) : String(err);
  return new DomainError("notices.error.render", { status: 422, params: { title, detail } });
}

const hash = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A file name from a title: `Bescheid über die Hundesteuer` -> `bescheid-ueber-die-hundesteuer`. */
function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "dokument"
  );
}

/**
 * The `generateDocument` effect, run inside the action's transaction: the notice exists when the
 * case's new status does. A notice that cannot be made refuses the action with the reason.
 */
export function generateDocumentEffect(platform: Platform): InlineEffectHandler {
  return async (tx, c) => {
    const effect = c.effect;
    if (effect.type !== "generateDocument") return undefined;
    const tenant = await getTenantById(platform.database.db, c.tenantId);
    if (!tenant) throw new Error(`Tenant ${c.tenantId} not found`);
    const made = await makeDocument(platform, tx, {
      tenant,
      caseRow: c.row,
      state: c.state,
      service: c.service,
      template: effect.document,
      actorId: c.actor.id,
      now: c.now,
      effectKey: `${c.row.id}:${c.effect.key}`,
    });
    return {
      document: made.template,
      title: made.title,
      version: made.version,
      sha256: made.sha256,
      ...(made.kassenzeichen ? { kassenzeichen: made.kassenzeichen } : {}),
    };
  };
}
