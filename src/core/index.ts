/**
 * Dienstwerk core: the service-definition model and the engine that runs it.
 * Pure TypeScript — no I/O, no clock, no Node built-ins — so that the server, the CLI
 * and the browser studio share it. Time (`now`, `today`) and the tenant's Bundesland
 * always come in as arguments.
 */

// Definitions --------------------------------------------------------------------

/** The citizen-account attributes a field may be prefilled from, with the field types each fits. */
export { PREFILL_TYPES } from "./definition/check-structure.ts";
/** The parts of composite values (`applicantName.familyName`, `address.city`). */
export { COMPOSITE_PROPERTIES } from "./definition/data-model.ts";
export { FIELD_TYPES } from "./definition/fields.schema.ts";
/** The JSON Schema (2020-12) of service definitions, generated from the zod schema. */
export { definitionJsonSchema } from "./definition/json-schema.ts";
/** Loads a definition from JSON text or a value; refuses it whole, listing every problem by path. */
export { type LoadResult, loadDefinition } from "./definition/load.ts";
/** The zod schema of a definition, and the field types it allows. */
export { Definition as DefinitionSchema } from "./definition/schema.ts";
/** Types of a loaded definition and its parts. */
export type {
  ActionDef,
  EffectDef,
  FieldDef,
  FieldType,
  ServiceDefinition,
  ServiceDefinitionInput,
  StatusDef,
  StatusKind,
} from "./definition/types.ts";

// Problems and messages ----------------------------------------------------------

/** The German and English texts of every message key, and a formatter. */
export { formatMessage, type MessageKey, messages } from "./messages.ts";
/** Errors are values: a path, a German message key and parameters; findings add a severity. */
export type { Finding, Problem, Severity } from "./problems.ts";

// Forms ---------------------------------------------------------------------------

/** Decodes an HTML form post (no JavaScript) into typed data; German numbers, money in cents, dates. */
export { decodeFormPost, parseCents, parseDecimal, parseGermanDate } from "./forms/decode.ts";
/** German format checks, also useful on their own. */
export {
  isEmailAddress,
  isGermanPostcode,
  isPhoneNumber,
  isValidIban,
  normaliseIban,
} from "./forms/german.ts";
/**
 * Initial form data from the citizen account for fields marked with `prefill`; the applicant's
 * own values (the first field of a type) read back from an application.
 */
export { type AccountProfile, firstValueOfType, prefillForm } from "./forms/prefill.ts";
/**
 * Sample data for trying a service out (studio preview and test run): a plausible valid value
 * per field; stand-ins for catalogue facts that do not affect notices or cases.
 */
export { sampleActionInput, sampleData, withStandInMeta } from "./forms/sample.ts";
/** Validates submitted form data: cleaned data (hidden fields stripped) or field errors. */
export {
  type SubmissionResult,
  type ValidationOptions,
  validateSubmission,
} from "./forms/validate.ts";

/** Text a database cannot store (NUL, lone surrogates): refused with a message, not a crash. */
export { findUnstorableText, hasUnstorableText } from "./text.ts";

// Rules ----------------------------------------------------------------------------

/** Parses, checks and compiles FEEL expressions (compiled once, evaluated many times). */
export {
  analyseFeel,
  type CompiledExpression,
  checkFeel,
  compileFeel,
  type FeelResult,
} from "./rules/feel.ts";

// Process ---------------------------------------------------------------------------

/**
 * The case state machine: `startCase(def, data, actor, now, options)`,
 * `availableActions(def, case, actor, now)`,
 * `performAction(def, case, actionId, actor, input, now, options)` and
 * `rejectProposal(def, case, actor, reason, now)` — deterministic, returning the new
 * state, history events and effects to enqueue.
 */
export {
  availableActions,
  MAX_AUTOMATIC_STEPS,
  performAction,
  rejectProposal,
  SYSTEM_ACTOR,
  startCase,
} from "./process/machine.ts";
export type {
  ActionError,
  ActionResult,
  Actor,
  AvailableAction,
  CaseEffect,
  CaseEvent,
  CaseState,
  EngineOptions,
  PendingApproval,
  TimerDue,
} from "./process/types.ts";

// Fees --------------------------------------------------------------------------------

/** Fee assessment in integer cents from decision tables and FEEL formulas. */
export { assessFees, type FeeAssessment, type FeeLine, type FeeResult } from "./fees/assess.ts";
/** Formats cents as German euros (`1.234,50 €`) without floating point. */
export { formatCents } from "./fees/money.ts";
/** The FEEL context of process rules for a case (data, `today`, `case`). */
export { caseContext, feelData } from "./process/context.ts";

// Payments ----------------------------------------------------------------------------

/** The EPC QR code ("GiroCode") payload of a SEPA credit transfer, EPC069-12 version 002. */
export { EPC_LIMITS, type EpcTransfer, epcAmount, epcQrPayload } from "./payments/epc.ts";
/** Kassenzeichen (payment references): the municipality's scheme, formatting, check digits. */
export {
  CHECK_DIGIT_METHODS,
  type CheckDigitMethod,
  checkDigit,
  DEFAULT_KASSENZEICHEN_SCHEME,
  formatKassenzeichen,
  isValidKassenzeichen,
  KassenzeichenScheme,
  normaliseKassenzeichen,
} from "./payments/kassenzeichen.ts";

// Calendar ------------------------------------------------------------------------------

/** Working days and deadlines per Bundesland (§ 31 VwVfG), German public holidays. */
export {
  addWorkingDays,
  BUNDESLAENDER,
  type Bundesland,
  deadlineEnd,
  holidayName,
  isWorkingDay,
  nextWorkingDayFrom,
  type Period,
  publicHolidays,
} from "./calendar/calendar.ts";
/** ISO calendar dates without time zone; the German date of an instant. */
export {
  addDays,
  addMonths,
  dateInWords,
  germanDate,
  type IsoDate,
  isIsoDate,
} from "./calendar/dates.ts";
/** The legal date of notification of a notice by retrieval or by post (§ 41 VwVfG). */
export {
  notifiedAfterPosting,
  notifiedAfterRetrieval,
  POSTAL_DAYS,
  type PostalDays,
  retrievalDeadline,
} from "./calendar/notification.ts";
/** `2025-10-17` -> `17.10.2025`, as letters and pages print a date. */
export { germanDateText } from "./documents/format.ts";

// Documents -------------------------------------------------------------------------------

/**
 * Composes a notice from its text blocks (the service's own, then the municipality's library)
 * with placeholders filled, for the renderer; `ComposeError` instead of a broken letter.
 */
export {
  type ComposedDocument,
  ComposeError,
  composeDocument,
  fillPlaceholders,
  type PlaceholderValues,
} from "./documents/compose.ts";
/** The platform's placeholder roots and keys; the municipality's library of text blocks. */
export {
  type LibraryBlock,
  PLACEHOLDER_ROOTS,
  PLATFORM_PLACEHOLDERS,
  type TextBlockLibrary,
} from "./documents/placeholder-roots.ts";

// Linter and versions ---------------------------------------------------------------------

/** The syntax check of one fee table cell (unary tests). */
export { checkUnaryTests } from "./definition/check-rules.ts";
/** Compares two versions: added, removed and changed fields, statuses and actions. */
export { type Change, type DefinitionDiff, diffDefinitions } from "./diff/diff.ts";
/** Checks a library text block before it is saved: platform placeholders only. */
export { documentGaps, textGaps } from "./documents/gaps.ts";
/**
 * Parts of the linter on their own, for editors that check one part of a draft while the
 * rest is still incomplete: the status graph, and gaps and overlaps of fee tables.
 */
export { lintFeeTables } from "./lint/fee-tables.ts";
export { lintProcessGraph } from "./lint/graph.ts";
/** Lints a definition (against the municipality's library); publishing refuses definitions with errors. */
export { type LintOptions, type LintReport, lintDefinition } from "./lint/lint.ts";
export { checkLibraryBlock } from "./lint/placeholders.ts";

// CLI ----------------------------------------------------------------------------------------

/** Pure CLI commands returning `{ text, exitCode }`; `bin/service-cli.ts` does the I/O. */
export {
  type CommandResult,
  diffCommand,
  lintCommand,
  schemaCommand,
  simulateCommand,
} from "./cli/index.ts";
