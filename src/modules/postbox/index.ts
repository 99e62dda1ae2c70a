/**
 * Postbox (Postfach): messages and notices from the authority to the applicant of a case, with
 * attachments, and the applicant's replies. Each new message queues a notification mail without
 * personal data in the same transaction; the recipient's first opening records the time of
 * retrieval (§ 41 Abs. 2a VwVfG). `messageApplicantEffect` is the handler of the case effect
 * `messageApplicant` (idempotent by effect key); `sendMessageToApplicant` is for caseworkers.
 */
import "./postbox.messages.ts";

export {
  type Attachment,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  REPLY_TYPES,
  readUpload,
  uploadedFiles,
} from "./attachments.ts";
export { exportMessages } from "./postbox.repository.ts";
export {
  citizenFile,
  correspondenceOf,
  deliverToPostbox,
  type MessageView,
  messageApplicantEffect,
  type OutgoingMessage,
  onMessageRetrieved,
  openMessage,
  postboxOf,
  type RetrievalHook,
  replyToAuthority,
  sendMessageToApplicant,
} from "./postbox.service.ts";
