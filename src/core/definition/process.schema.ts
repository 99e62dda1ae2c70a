import { z } from "zod";
import { FeelSource, Identifier, LeafField } from "./fields.schema.ts";

/** Roles known to the platform; `system` performs automatic actions, `applicant` is the citizen. */
export const Role = z.enum([
  "admin",
  "designer",
  "caseworker",
  "approver",
  "auditor",
  "system",
  "applicant",
]);

/**
 * A period: calendar months and/or days, or working days of the tenant's Bundesland.
 * Months count as in § 188 (2) BGB (to the same day number of the later month).
 */
export const Period = z
  .strictObject({
    months: z.int().min(0).optional(),
    days: z.int().min(0).optional(),
    workingDays: z.boolean().optional().describe("count days as working days (not with months)"),
  })
  .refine((p) => p.days !== undefined || p.months !== undefined, "give days or months")
  .refine(
    (p) => !(p.workingDays && p.months !== undefined),
    "working days cannot be combined with months",
  );

/** Where a case stands. Final statuses end the case. */
export const Status = z.strictObject({
  id: Identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  kind: z.enum(["open", "waiting-for-applicant", "final-positive", "final-negative"]),
  deadline: Period.optional().describe("due date for the case while in this status"),
});

/** A case variable that is neither a form field nor a caseworker input (set by effects). */
export const Variable = z.strictObject({
  id: Identifier,
  type: z.enum(["text", "number", "integer", "money", "date", "time", "boolean"]),
  label: z.string().optional(),
});

const SetData = z.strictObject({
  type: z.literal("setData"),
  field: Identifier,
  value: FeelSource,
});
const AssessFee = z.strictObject({
  type: z.literal("assessFee"),
  items: z.array(Identifier).min(1).optional().describe("fee items to assess; all when absent"),
});
const GenerateDocument = z.strictObject({
  type: z.literal("generateDocument"),
  document: Identifier,
});
const Deliver = z.strictObject({
  type: z.literal("deliver"),
  document: Identifier,
  channel: z.enum(["postbox", "mail", "email", "print"]).optional(),
});
const MessageApplicant = z.strictObject({
  type: z.literal("messageApplicant"),
  notification: Identifier,
});
const NotifyStaff = z.strictObject({
  type: z.literal("notifyStaff"),
  notification: Identifier,
  roles: z.array(Role).optional(),
});
const Assign = z.strictObject({
  type: z.literal("assign"),
  orgUnit: z.string().min(1).optional(),
  toActor: z.boolean().optional().describe("assign the case to the person performing the action"),
});
const SetFollowUp = z.strictObject({
  type: z.literal("setFollowUp"),
  after: Period,
  note: z.string().optional(),
});
const Archive = z.strictObject({
  type: z.literal("archive"),
  retentionYears: z.int().min(0).optional(),
});
const Webhook = z.strictObject({
  type: z.literal("webhook"),
  url: z.url({ protocol: /^https$/ }),
  event: z.string().min(1).optional(),
});

/** Something the platform does after an action: a job, run idempotently. */
export const Effect = z.discriminatedUnion("type", [
  SetData,
  AssessFee,
  GenerateDocument,
  Deliver,
  MessageApplicant,
  NotifyStaff,
  Assign,
  SetFollowUp,
  Archive,
  Webhook,
]);

/** A guarded transition a person or the system takes on a case. */
export const Action = z.strictObject({
  id: Identifier,
  title: z.string().min(1),
  from: z.array(Identifier).min(1),
  to: Identifier,
  roles: z.array(Role).default([]),
  guard: FeelSource.optional(),
  input: z.array(LeafField).optional().describe("fields the caseworker fills in; stored in data"),
  automatic: z.boolean().optional().describe("performed by the system when its guard holds"),
  secondApproval: z
    .strictObject({ roles: z.array(Role).min(1) })
    .optional()
    .describe("proposed by one person, completed by another holding one of these roles"),
  timer: z
    .strictObject({ after: Period })
    .optional()
    .describe("performed by the system once the case has been in a from-status this long"),
  effects: z.array(Effect).default([]),
});

/** The process a case goes through. */
export const Process = z.strictObject({
  initialStatus: Identifier,
  statuses: z.array(Status).min(1),
  actions: z.array(Action),
  variables: z.array(Variable).optional(),
});
