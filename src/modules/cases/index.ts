/**
 * Cases (Vorgänge): applications become cases in one transaction — case, history events and the
 * jobs of their effects — with idempotent submission.
 */
import "./cases.messages.ts";

export { type CaseRow, findCase, listEvents } from "./cases.repository.ts";
export {
  CASE_EFFECT_QUEUE,
  type EffectJob,
  type Submission,
  SubmissionInvalid,
  type Submitted,
  submitApplication,
} from "./cases.service.ts";
