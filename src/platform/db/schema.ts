import type { ColumnType, Generated } from "kysely";

/** Table types, kept in step with migrations/*.sql. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Role = "admin" | "designer" | "caseworker" | "approver" | "auditor";
export const ROLES: readonly Role[] = ["admin", "designer", "caseworker", "approver", "auditor"];

export type TenantSettings = {
  address?: { street?: string; postcode?: string; city?: string };
  contact?: { email?: string; phone?: string; website?: string; openingHours?: string };
  colours?: { primary?: string };
  bank?: { iban?: string; bic?: string; bankName?: string };
  /** Bundesland code (ISO 3166-2 subdivision without "DE-"), e.g. "ST". */
  state?: string;
  legal?: { impressum?: string; privacy?: string; accessibility?: string };
  /** Days after posting a letter counts as notified: 4 (default, VwVfG since 2025) or 3 (Land law). */
  postalDays?: 3 | 4;
  /** How fee notices number their payment reference (src/core/payments/kassenzeichen.ts). */
  kassenzeichen?: {
    prefix?: string;
    yearDigits?: number;
    sequenceDigits?: number;
    checkDigit?: string;
  };
};

export type DeliveryChannel = "postbox" | "email" | "print";

/** What a fee notice says about payment (documents.payment). */
export type DocumentPayment = {
  kassenzeichen: string;
  totalCents: number;
  dueDate: string;
  lines: { label: string; amountCents: number; legalBasis: string }[];
  /** The EPC QR payload printed as GiroCode, when the municipality has a bank account. */
  epc: string | null;
};

export interface DB {
  tenants: {
    id: Generated<string>;
    slug: string;
    name: string;
    settings: Json<TenantSettings>;
    logo: Buffer | null;
    logo_type: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  users: {
    id: Generated<string>;
    kind: "citizen" | "staff";
    email: string;
    name: Generated<string>;
    password_hash: string;
    platform_admin: Generated<boolean>;
    email_verified_at: Timestamp | null;
    totp_secret: string | null;
    totp_enabled_at: Timestamp | null;
    totp_last_step: number | null;
    locale: Generated<"de" | "en">;
    /** The citizen's name, address and phone for prefilling forms (migration 0005). */
    profile: ColumnType<Record<string, unknown>, string | undefined, string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  recovery_codes: { user_id: string; code_hash: string; used_at: Timestamp | null };
  /** News by topic (migration 0012). */
  news_topics: {
    tenant_id: string;
    id: Generated<string>;
    name: string;
    created_at: Generated<Date>;
  };
  news_subscriptions: {
    tenant_id: string;
    topic_id: string;
    user_id: string;
    created_at: Generated<Date>;
  };
  news_items: {
    tenant_id: string;
    id: Generated<string>;
    topic_id: string;
    title: string;
    body: string;
    author_id: string | null;
    recipients: Generated<number>;
    published_at: Generated<Date>;
  };
  /** The municipality's text blocks (migration 0015). */
  text_blocks: {
    tenant_id: string;
    key: string;
    title: string | null;
    text: string;
    version: Generated<number>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  sessions: {
    id_hash: string;
    user_id: string;
    stage: "mfa" | "full";
    tenant_id: string | null;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Timestamp;
    ip: string | null;
    user_agent: string | null;
  };
  auth_tokens: {
    token_hash: string;
    user_id: string;
    purpose: "verify-email" | "reset-password";
    expires_at: Timestamp;
    used_at: Timestamp | null;
    created_at: Generated<Date>;
  };
  login_throttle: {
    key: string;
    failures: number;
    first_failure_at: Timestamp;
    blocked_until: Timestamp | null;
  };
  org_units: {
    tenant_id: string;
    id: Generated<string>;
    name: string;
    email: string | null;
    created_at: Generated<Date>;
  };
  memberships: {
    tenant_id: string;
    user_id: string;
    roles: Role[];
    org_unit_ids: Generated<string[]>;
    created_at: Generated<Date>;
  };
  dev_outbox: {
    id: Generated<number>;
    created_at: Generated<Date>;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    message_id: string;
  };
  services: {
    tenant_id: string;
    id: Generated<string>;
    slug: string;
    created_at: Generated<Date>;
    archived_at: Timestamp | null;
  };
  service_versions: {
    tenant_id: string;
    service_id: string;
    version: number;
    state: "draft" | "published";
    title: string;
    definition: Json<unknown>;
    created_at: Generated<Date>;
    published_at: Timestamp | null;
    published_by: Generated<string | null>;
  };
  case_effect_runs: {
    tenant_id: string;
    case_id: string;
    effect_key: string;
    ran_at: Generated<Date>;
  };
  service_drafts: {
    tenant_id: string;
    service_id: string;
    revision: number;
    definition: Json<unknown>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  case_reference_counters: { tenant_id: string; year: number; last: number };
  cases: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    service_id: string;
    service_version: number;
    status: string;
    state: Json<unknown>;
    version: Generated<number>;
    applicant_id: string | null;
    channel: "online" | "api" | "post" | "fax" | "phone" | "email" | "counter";
    idempotency_key: string | null;
    request_hash: string | null;
    received_at: Timestamp;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    /** Inbox columns (migration 0009), kept by a trigger from `state` and the definition. */
    org_unit_id: Generated<string | null>;
    assignee_id: Generated<string | null>;
    due_date: Generated<string | null>;
    follow_up: Generated<string | null>;
    pending_by: Generated<string | null>;
    open: Generated<boolean>;
    applicant_name: Generated<string | null>;
    search: Generated<string>;
  };
  case_events: {
    tenant_id: string;
    id: Generated<number>;
    case_id: string;
    seq: number;
    type: string;
    actor_id: string;
    at: Timestamp;
    payload: Json<unknown>;
    prev_hash: string | null;
    hash: string | null;
    chain_seq: number | null;
  };
  /** Follow-ups, deadlines and timers that fired (migration 0011; one row per event). */
  case_reminders: {
    tenant_id: string;
    case_id: string;
    kind: "followUp" | "deadline" | "timer";
    due_on: string;
    action_id: Generated<string>;
    fired_at: Generated<Date>;
    outcome: string | null;
  };
  audit_heads: {
    tenant_id: string;
    last_seq: number;
    last_hash: string;
    sealed_at: Generated<Date>;
  };
  files: {
    tenant_id: string;
    id: Generated<string>;
    case_id: string | null;
    draft_id: string | null;
    field_path: string | null;
    filename: string;
    content_type: string;
    size: number;
    sha256: string;
    content: Buffer;
    /** The postbox message the file is attached to. */
    message_id: string | null;
    created_at: Generated<Date>;
  };
  drafts: {
    tenant_id: string;
    id: Generated<string>;
    service_id: string;
    service_version: number;
    user_id: string | null;
    resume_token_hash: string | null;
    data: Json<Record<string, unknown>>;
    page: string | null;
    submit_key: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    expires_at: Timestamp;
  };
  postbox_messages: {
    tenant_id: string;
    id: Generated<string>;
    case_id: string;
    recipient_id: string | null;
    direction: "to-applicant" | "from-applicant";
    subject: string;
    body: string;
    author_id: string | null;
    created_at: Generated<Date>;
    read_at: Timestamp | null;
    /** `<case>:<effect key>` of the case effect that wrote the message. */
    effect_key: string | null;
  };
  /** Generated notices and letters: immutable records (migration 0014). */
  documents: {
    tenant_id: string;
    id: Generated<string>;
    case_id: string;
    template: string;
    version: number;
    kind: "notice" | "letter" | "receipt";
    title: string;
    filename: string;
    content: Buffer;
    size: number;
    pages: number;
    sha256: string;
    service_version: number;
    template_version: string;
    payment: ColumnType<DocumentPayment | null, string | null, never>;
    recipient: ColumnType<string[], string[] | undefined, never>;
    effect_key: string | null;
    created_by: string;
    created_at: Generated<Date>;
  };
  payment_references: {
    tenant_id: string;
    kassenzeichen: string;
    case_id: string;
    template: string;
    created_at: Generated<Date>;
  };
  kassenzeichen_counters: {
    tenant_id: string;
    year: number;
    last: ColumnType<string, number, number>;
  };
  print_batches: {
    tenant_id: string;
    id: Generated<string>;
    number: number;
    posted_on: ColumnType<string, string, never>;
    letters: number;
    pages: number;
    content: Buffer;
    sha256: string;
    created_by: string;
    created_at: Generated<Date>;
  };
  deliveries: {
    tenant_id: string;
    id: Generated<string>;
    case_id: string;
    document_id: string;
    channel: DeliveryChannel;
    status: "provided" | "retrieved" | "expired" | "queued" | "posted";
    replaces: string | null;
    message_id: string | null;
    email: string | null;
    effect_key: string | null;
    provided_at: Timestamp | null;
    notified_at: Timestamp | null;
    expires_on: ColumnType<string | null, string | null | undefined, string | null>;
    retrieved_at: Timestamp | null;
    batch_id: string | null;
    posted_on: ColumnType<string | null, string | null | undefined, string | null>;
    effective_on: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Generated<Date>;
  };
  /** Internal notes of the staff on a case (migration 0010; append-only). */
  case_notes: {
    tenant_id: string;
    id: Generated<string>;
    case_id: string;
    author_id: string | null;
    body: string;
    created_at: Generated<Date>;
  };
  /** Staff views of a case's personal data (migration 0010; insert-only). */
  case_access_log: {
    tenant_id: string;
    id: Generated<number>;
    case_id: string;
    user_id: string | null;
    at: Generated<Date>;
    what: "view" | "download";
    file_id: string | null;
  };
  api_keys: {
    tenant_id: string;
    id: Generated<string>;
    name: string;
    key_hash: string;
    created_by: string | null;
    created_at: Generated<Date>;
    last_used_at: Timestamp | null;
    revoked_at: Timestamp | null;
  };
}
