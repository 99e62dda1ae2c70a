import { z } from "zod";
import { FeelSource, Field, Identifier, Option } from "./fields.schema.ts";
import { Period, Process } from "./process.schema.ts";

/** An amount in integer cents (negative for reductions), or a FEEL expression yielding cents. */
export const Amount = z.union([z.int(), FeelSource]);

/** One row of a fee decision table: unary tests per input column ("-" matches anything). */
export const FeeRule = z.strictObject({
  when: z.array(z.string().min(1)).min(1),
  amount: Amount,
  label: z.string().optional().describe("overrides the item's label for this row"),
  legalBasis: z
    .string()
    .min(1)
    .optional()
    .describe("overrides the item's legal basis for this row (a tariff number, a reduction)"),
});

/** A DMN-style decision table producing an amount. */
export const FeeTable = z.strictObject({
  hitPolicy: z.enum(["first", "collect-sum"]),
  inputs: z.array(FeelSource).min(1),
  rules: z.array(FeeRule).min(1),
});

/** One fee position: a formula or a decision table, optionally conditional. */
export const FeeItem = z.strictObject({
  id: Identifier,
  label: z.string().min(1),
  legalBasis: z.string().min(1),
  when: FeelSource.optional(),
  amount: Amount.optional(),
  table: FeeTable.optional(),
});

/** The fee schedule of a service. */
export const Fees = z.strictObject({
  currency: z.literal("EUR").default("EUR"),
  items: z.array(FeeItem).min(1),
});

/** A reusable paragraph with `{{placeholders}}`. */
export const TextBlock = z.strictObject({
  title: z.string().optional(),
  text: z.string().min(1),
});

/** A block of a document: a text block by reference or inline text, optionally conditional. */
export const DocumentBlock = z.strictObject({
  textBlock: Identifier.optional(),
  text: z.string().min(1).optional(),
  if: FeelSource.optional(),
  forEach: Identifier.optional().describe(
    "repeat the (inline) text for each item of this repeating group; {{item.field}} names its fields",
  ),
});

/** A notice or letter template. */
export const DocumentTemplate = z.strictObject({
  id: Identifier,
  title: z.string().min(1),
  kind: z.enum(["notice", "letter", "receipt"]).default("notice"),
  dates: z
    .record(Identifier, FeelSource)
    .optional()
    .describe(
      'named dates: FEEL expressions yielding a date (e.g. today + duration("P1M")); {{dates.name}} prints one in words',
    ),
  payment: z
    .strictObject({ due: Period.describe("when the fee is due, counted from the notice") })
    .optional()
    .describe(
      "marks a fee notice: the renderer adds the fee table, payment reference, due date and GiroCode; {{payment.*}} placeholders",
    ),
  blocks: z.array(DocumentBlock).min(1),
});

/** A message to the applicant or staff. */
export const Notification = z.strictObject({
  id: Identifier,
  subject: z.string().min(1),
  body: z.string().min(1),
});

/** A document the applicant has to provide (listed in the catalogue). */
export const RequiredDocument = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  optional: z.boolean().optional(),
});

/** Catalogue metadata of a service. */
export const Meta = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  leikaKey: z
    .string()
    .regex(/^99\d{12}$/, "LeiKa service key: 14 digits starting with 99")
    .describe("Leistungsschlüssel from the LeiKa catalogue"),
  legalBasis: z.array(z.string().min(1)).min(1),
  orgUnit: z.string().min(1).describe("responsible organisational unit"),
  processingTime: z.strictObject({
    value: z.int().min(1),
    unit: z.enum(["days", "workingDays", "weeks", "months"]),
  }),
  requiredDocuments: z.array(RequiredDocument),
  keywords: z.array(z.string()).optional(),
  category: z
    .string()
    .min(1)
    .max(80)
    .describe("catalogue category on the start page, e.g. Bauen und Wohnen")
    .optional(),
});

/** A page of the application form. */
export const Page = z.strictObject({
  id: Identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  visibleIf: FeelSource.optional(),
  fields: z.array(Field).min(1),
});

/** A reusable list of options. */
export const CodeList = z.strictObject({
  title: z.string().optional(),
  source: z.string().optional().describe("where the list comes from, e.g. an XRepository URN"),
  options: z.array(Option).min(1),
});

/**
 * A service definition: one versioned JSON document holding the form, the process,
 * the fees, the documents and the notifications of a municipal online service.
 */
export const Definition = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words joined by -"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "semantic version, e.g. 1.0.0"),
  meta: Meta,
  codeLists: z.record(Identifier, CodeList).optional(),
  form: z.strictObject({ pages: z.array(Page).min(1) }),
  process: Process,
  fees: Fees.optional(),
  textBlocks: z.record(Identifier, TextBlock).optional(),
  documents: z.array(DocumentTemplate).optional(),
  notifications: z.array(Notification).optional(),
});
