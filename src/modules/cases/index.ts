/**
 * Cases (Vorgänge): applications become cases in one transaction — case, history events and the
 * jobs of their effects — with idempotent submission; actions run through the engine with
 * optimistic concurrency. Create one `Cases` per platform with `createCases` and register effect
 * handlers on it.
 */
import "./cases.messages.ts";

export {
  ActionInputInvalid,
  type ActionRequest,
  CASE_EFFECT_QUEUE,
  type CaseRef,
  type EffectJob,
  type InlineEffectHandler,
  tenantLand,
} from "./case-actions.service.ts";
export { type Assignment, assignCase } from "./case-assignment.service.ts";
export { type CaseRow, findCase, listEvents, recordCaseEvent } from "./cases.repository.ts";
export {
  type Submission,
  SubmissionInvalid,
  type Submitted,
  submitApplication,
} from "./cases.service.ts";
export { type Cases, createCases, type EffectHandler } from "./cases.ts";
