import { dateInWords, isIsoDate } from "../calendar/dates.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { formatCents } from "../fees/money.ts";
import { formatMessage } from "../messages.ts";
import type { Problem } from "../problems.ts";
import { caseContext } from "../process/context.ts";
import type { CaseState } from "../process/types.ts";
import { rulesOf } from "../rules/compiled.ts";
import { fillPlaceholders, formatData, germanDateText, repeatedItems } from "./format.ts";
import type { LibraryBlock, TextBlockLibrary } from "./placeholder-roots.ts";

export { fillPlaceholders } from "./format.ts";

/** A document's text, ready for the renderer (Typst): a title and paragraphs. */
export type ComposedDocument = {
  id: string;
  title: string;
  kind: string;
  paragraphs: { title?: string; text: string }[];
};

/** Values the platform supplies to placeholders besides the case data. */
export type PlaceholderValues = {
  /**
   * `reference` (Aktenzeichen) and `submittedAt` (ISO date, printed `17.10.2025`); `status`
   * (the status title) and `service` (the service title) come from the definition unless given.
   */
  case?: { reference?: string; submittedAt?: string; [key: string]: unknown };
  /** The municipality: name, street, postcode, city, phone, email, website, openingHours, bank. */
  tenant?: Record<string, unknown>;
  /** The applicant as the letter addresses them: name and address as printable text. */
  applicant?: { name?: string; address?: string; [key: string]: unknown };
  /**
   * A fee notice's payment: the payment reference (Kassenzeichen), the due date (ISO, printed
   * in words) and the total (defaults to the case's assessed fees in euros).
   */
  payment?: { reference: string; dueDate: string; total?: string };
  /** The municipality's text blocks: a block's `textBlock` is looked up here after the service's own. */
  library?: TextBlockLibrary;
  /** The day the document is made (ISO date); `{{today}}` prints `17.10.2025`. */
  today: string;
};

/**
 * Composing a document failed in a way that would otherwise print a broken letter: a text
 * block that neither the service nor the library has, a named date that is not a date, a fee
 * notice without its payment. `problem` carries the message key and where it happened.
 */
export class ComposeError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(formatMessage(problem.key, problem.params, "en"));
    this.name = "ComposeError";
    this.problem = problem;
  }
}

type DocumentDef = NonNullable<ServiceDefinition["documents"]>[number];

/**
 * Composes a notice or letter from its blocks: blocks whose `if` is false are left out, a
 * block's `textBlock` comes from the service's own blocks, else from `values.library`, and
 * `{{placeholders}}` are filled from the case data (formatted for reading: euros, German
 * dates, option labels), `case.*`, `tenant.*`, `applicant.*`, `fees.total`, `payment.*`, the
 * document's `dates.*` (in words: `22. Dezember 2026`) and `today`. Placeholders without a
 * value stay visible as `{{name}}` (the linter refuses unknown ones before publishing).
 * Throws `ComposeError` for a text block found nowhere, a date that is not one, or a fee
 * notice (`payment`) composed without `values.payment`.
 */
export function composeDocument(
  def: ServiceDefinition,
  documentId: string,
  state: CaseState,
  values: PlaceholderValues,
): ComposedDocument | undefined {
  const d = def.documents?.findIndex((doc) => doc.id === documentId) ?? -1;
  const doc = def.documents?.[d];
  if (!doc) return undefined;
  // every reference is resolved up front, so a missing block fails whatever the case data
  const sources = doc.blocks.map((block, b) =>
    blockSource(def, block, `documents[${d}].blocks[${b}]`, values.library),
  );
  const context = {
    ...caseContext(def, state, state.data, values.today),
    fees: { total: state.fees?.totalCents ?? null },
  };
  const roots: Record<string, unknown> = {
    ...formatData(def, state.data),
    case: caseValues(def, state, values.case),
    tenant: values.tenant ?? {},
    applicant: values.applicant ?? {},
    fees: { total: state.fees ? formatCents(state.fees.totalCents) : "" },
    payment: paymentValues(doc, d, state, values.payment),
    dates: documentDates(def, doc, d, context),
    today: germanDateText(values.today),
  };
  const paragraphs: { title?: string; text: string }[] = [];
  doc.blocks.forEach((block, b) => {
    if (block.if && rulesOf(def).expression(block.if).evaluate(context).value !== true) return;
    if (block.forEach) {
      for (const item of repeatedItems(def, block.forEach, state.data)) {
        paragraphs.push({ text: fillPlaceholders(block.text ?? "", { ...roots, item }) });
      }
      return;
    }
    const source = sources[b];
    const paragraph: { title?: string; text: string } = {
      text: fillPlaceholders(source.text, roots),
    };
    if (source.title) paragraph.title = source.title;
    paragraphs.push(paragraph);
  });
  return { id: doc.id, title: doc.title, kind: doc.kind, paragraphs };
}

/** A block's text: inline, the service's own text block, or the library's. */
export function blockSource(
  def: ServiceDefinition,
  block: DocumentDef["blocks"][number],
  path: string,
  library: TextBlockLibrary | undefined,
): LibraryBlock {
  if (!block.textBlock) return { text: block.text ?? "" };
  const found = def.textBlocks?.[block.textBlock] ?? libraryBlock(library, block.textBlock);
  if (found) return found;
  throw new ComposeError({
    path: `${path}.textBlock`,
    key: "compose.unknownTextBlock",
    params: { id: block.textBlock },
  });
}

/** A library block by key; own keys only, so `constructor` is no block. */
function libraryBlock(library: TextBlockLibrary | undefined, key: string) {
  return library && Object.hasOwn(library, key) ? library[key] : undefined;
}

function caseValues(
  def: ServiceDefinition,
  state: CaseState,
  given: PlaceholderValues["case"],
): Record<string, unknown> {
  const status = def.process.statuses.find((s) => s.id === state.status)?.title ?? state.status;
  const out: Record<string, unknown> = { status, service: def.meta.title, ...given };
  if (typeof given?.submittedAt === "string") out.submittedAt = germanDateText(given.submittedAt);
  return out;
}

function paymentValues(
  doc: DocumentDef,
  d: number,
  state: CaseState,
  payment: PlaceholderValues["payment"],
): Record<string, unknown> | undefined {
  if (!doc.payment) return undefined;
  const path = `documents[${d}].payment`;
  if (!payment) throw new ComposeError({ path, key: "compose.paymentMissing", params: {} });
  if (!isIsoDate(payment.dueDate)) {
    const params = { value: payment.dueDate };
    throw new ComposeError({ path, key: "compose.badDueDate", params });
  }
  const total = payment.total ?? (state.fees ? formatCents(state.fees.totalCents) : "");
  return { reference: payment.reference, dueDate: dateInWords(payment.dueDate), total };
}

/**
 * The document's named dates, each evaluated when a placeholder first reads it: a date used
 * only in a block that is left out need not be computable for this case.
 */
function documentDates(
  def: ServiceDefinition,
  doc: DocumentDef,
  d: number,
  context: Record<string, unknown>,
): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const [name, source] of Object.entries(doc.dates ?? {})) {
    let text: string | undefined;
    Object.defineProperty(dates, name, {
      enumerable: true,
      get: () => {
        text ??= dateText(rulesOf(def).expression(source).evaluate(context).value, {
          path: `documents[${d}].dates.${name}`,
          name,
        });
        return text;
      },
    });
  }
  return dates;
}

function dateText(value: unknown, where: { path: string; name: string }): string {
  const iso = value && typeof value === "object" ? (value as { iso?: unknown }).iso : undefined;
  if (typeof iso === "string" && isIsoDate(iso)) return dateInWords(iso);
  const got = value === null || value === undefined ? "null" : String(iso ?? value);
  throw new ComposeError({
    path: where.path,
    key: "compose.notADate",
    params: { name: where.name, value: got },
  });
}
