import {
  type ActionDef,
  type Actor,
  type AvailableAction,
  type CaseState,
  decodeFormPost,
  type FieldDef,
  formatMessage,
  type ServiceDefinition,
  type StatusDef,
} from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Locale } from "../../platform/i18n/index.ts";
import { ActionInputInvalid, type CaseRow, type Cases } from "../cases/index.ts";
import {
  type DeliveryRow,
  type DocumentRow,
  deliveriesOfCase,
  documentFile,
  documentsOfCase,
} from "../notices/index.ts";
import { sendMessageToApplicant } from "../postbox/index.ts";
import {
  accessLogOf,
  filesOf,
  findFile,
  historyOf,
  insertNote,
  logAccess,
  messagesOf,
  namesOf,
  notesOf,
} from "./casefile.repository.ts";

/** The staff member looking at a case: their id and roles in this municipality. */
export type StaffActor = Actor & { roles: readonly string[] };
type Ref = { tenantId: string; caseId: string };

/** Roles that may open case files at all; auditors and admins also see the access log. */
export const CASEFILE_ROLES = ["caseworker", "approver", "auditor", "admin"] as const;
const mayAudit = (actor: StaffActor) =>
  actor.roles.includes("auditor") || actor.roles.includes("admin");

export type HistoryEntry = {
  seq: number;
  type: string;
  at: Date;
  actor: { id: string; name?: string; kind?: "citizen" | "staff" | null };
  action?: ActionDef;
  from?: StatusDef;
  to?: StatusDef;
  input?: Record<string, unknown>;
  reason?: string;
  automatic: boolean;
  /** The event's own data (documents made, deliveries and their legal dates). */
  payload: Record<string, unknown>;
};

export type CaseFile = {
  row: CaseRow;
  def: ServiceDefinition;
  status: StatusDef | undefined;
  actions: AvailableAction[];
  pending?: {
    action?: ActionDef;
    proposedBy: string;
    proposedAt: Date;
    input: Record<string, unknown>;
  };
  assigneeName?: string;
  history: HistoryEntry[];
  files: Awaited<ReturnType<typeof filesOf>>;
  messages: Awaited<ReturnType<typeof messagesOf>>;
  notes: Awaited<ReturnType<typeof notesOf>>;
  /** Generated notices and letters (every version) and their deliveries. */
  documents: DocumentRow[];
  deliveries: DeliveryRow[];
  accessLog?: Awaited<ReturnType<typeof accessLogOf>>;
};

/** Every action the caseworker pages deal with: the definition's action by id. */
export function actionOf(def: ServiceDefinition, id: string): ActionDef | undefined {
  return def.process.actions.find((a) => a.id === id);
}

/**
 * The case file for a staff member, with the actions they may take now. Opening it is a view of
 * the case's personal data and is logged (DSGVO accountability) in the same transaction that
 * reads it. A case of another municipality is simply not found (row-level security).
 */
export async function openCaseFile(
  platform: Platform,
  cases: Cases,
  ref: Ref,
  actor: StaffActor,
): Promise<CaseFile> {
  const found = await cases.withActions(
    { tenant: { id: ref.tenantId }, caseId: ref.caseId },
    actor,
  );
  if (!found) throw notFound();
  const { row, service, actions } = found;
  const def = service.definition;
  const statusOf = (id: unknown) => def.process.statuses.find((s) => s.id === id);
  return withTenant(platform.database.db, ref.tenantId, async (tx) => {
    await logAccess(tx, { ...ref, userId: actor.id, what: "view" });
    const [events, files, messages, notes, accessLog, documents, deliveries] = await Promise.all([
      historyOf(tx, row.id),
      filesOf(tx, row.id),
      messagesOf(tx, row.id),
      notesOf(tx, row.id),
      mayAudit(actor) ? accessLogOf(tx, row.id) : Promise.resolve(undefined),
      documentsOfCase(tx, row.id),
      deliveriesOfCase(tx, row.id),
    ]);
    const state: CaseState = row.state;
    const names = await namesOf(
      tx,
      [state.pending?.proposedBy, state.assignedTo?.actorId].filter((x): x is string => !!x),
    );
    const history = events.map((e): HistoryEntry => {
      const p = (e.payload ?? {}) as Record<string, unknown>;
      return {
        seq: e.seq,
        type: e.type,
        at: new Date(e.at),
        actor: { id: e.actor_id, name: e.name ?? undefined, kind: e.kind },
        action: typeof p.actionId === "string" ? actionOf(def, p.actionId) : undefined,
        from: statusOf(p.from),
        to: statusOf(p.to),
        input: p.input as Record<string, unknown> | undefined,
        reason: typeof p.reason === "string" ? p.reason : undefined,
        payload: p,
        automatic: e.actor_id === "system",
      };
    });
    const pending = state.pending && {
      action: actionOf(def, state.pending.actionId),
      proposedBy: names.get(state.pending.proposedBy) ?? state.pending.proposedBy,
      proposedAt: new Date(state.pending.proposedAt),
      input: state.pending.input,
    };
    return {
      row,
      def,
      status: statusOf(row.status),
      actions,
      pending,
      assigneeName: state.assignedTo?.actorId ? names.get(state.assignedTo.actorId) : undefined,
      history,
      files,
      messages,
      notes,
      documents,
      deliveries,
      accessLog,
    };
  });
}

/** Field errors of an action form, by field id (`_form` for the form as a whole). */
export class ActionFormInvalid extends Error {
  readonly errors: Record<string, string>;
  constructor(errors: Record<string, string>) {
    super("action input invalid");
    this.errors = errors;
  }
}

/** The leaf input fields of an action, as a one-page form the core decoder understands. */
function inputForm(action: ActionDef): ServiceDefinition {
  const fields = (action.input ?? []) as FieldDef[];
  return { form: { pages: [{ id: "input", title: "", fields }] } } as unknown as ServiceDefinition;
}

/**
 * Performs an action from its HTML form: the fields decoded like a form page (German numbers,
 * dates, checkboxes), validated and run by the engine on the version the page showed. Field
 * problems come back as `ActionFormInvalid`; a stale page or a refused action as the engine's
 * DomainError (409). Nothing changes on refusal.
 */
export async function performFromForm(
  _platform: Platform,
  cases: Cases,
  p: Ref & {
    actionId: string;
    actor: StaffActor;
    entries: [string, string][];
    expectedVersion: number;
    locale: Locale;
  },
): Promise<{ status: string }> {
  const found = await cases.withActions({ tenant: { id: p.tenantId }, caseId: p.caseId }, p.actor);
  if (!found) throw notFound();
  const action = actionOf(found.service.definition, p.actionId);
  if (!action) throw notFound();
  const input = decodeFormPost(inputForm(action), p.entries);
  try {
    return await cases.perform({
      tenant: { id: p.tenantId },
      caseId: p.caseId,
      actionId: p.actionId,
      actor: p.actor,
      input,
      expectedVersion: p.expectedVersion,
    });
  } catch (err) {
    if (!(err instanceof ActionInputInvalid)) throw err;
    const errors: Record<string, string> = {};
    for (const problem of err.problems) {
      const fieldId = problem.path.replace(/^input\.?/, "").split(/[.[]/)[0] || "_form";
      errors[fieldId] ??= formatMessage(problem.key, problem.params ?? {}, p.locale);
    }
    throw new ActionFormInvalid(errors);
  }
}

/** Approves the action waiting for second approval (another person with an approver role). */
export async function approveProposal(
  _platform: Platform,
  cases: Cases,
  p: Ref & { actor: StaffActor; expectedVersion: number },
): Promise<{ status: string }> {
  const found = await cases.withActions({ tenant: { id: p.tenantId }, caseId: p.caseId }, p.actor);
  if (!found) throw notFound();
  const pending = found.row.state.pending;
  if (!pending) throw new DomainError("process.nothingPending", { status: 409 });
  return cases.perform({
    tenant: { id: p.tenantId },
    caseId: p.caseId,
    actionId: pending.actionId,
    actor: p.actor,
    input: {},
    expectedVersion: p.expectedVersion,
  });
}

/** Returns the proposal to the caseworker (core `rejectProposal`), with an optional reason. */
export function returnProposal(
  cases: Cases,
  p: Ref & { actor: StaffActor; expectedVersion: number; reason: string },
) {
  return cases.returnProposal({
    tenant: { id: p.tenantId },
    caseId: p.caseId,
    actor: p.actor,
    reason: p.reason,
    expectedVersion: p.expectedVersion,
  });
}

/** An internal note (staff only; never shown to the applicant). Notes cannot be changed. */
export async function addNote(
  platform: Platform,
  p: Ref & { authorId: string; body: string },
): Promise<void> {
  await withTenant(platform.database.db, p.tenantId, (tx) =>
    insertNote(tx, { tenantId: p.tenantId, caseId: p.caseId, authorId: p.authorId, body: p.body }),
  );
}

/** A message to the applicant's postbox, written by the caseworker. */
export function messageApplicant(
  platform: Platform,
  p: Ref & { authorId: string; subject: string; body: string },
) {
  return sendMessageToApplicant(platform, {
    tenant: { id: p.tenantId },
    caseId: p.caseId,
    subject: p.subject,
    body: p.body,
    authorId: p.authorId,
  });
}

/** A file of the case for download; the download is logged like a view of the case file. */
/** A generated document of the case (any version), for download: logged like a file. */
export async function downloadDocument(
  platform: Platform,
  p: Ref & { documentId: string; userId: string },
) {
  return withTenant(platform.database.db, p.tenantId, async (tx) => {
    const doc = await documentFile(tx, p.caseId, p.documentId);
    if (!doc) throw notFound();
    await logAccess(tx, {
      tenantId: p.tenantId,
      caseId: p.caseId,
      userId: p.userId,
      what: "download",
    });
    return doc;
  });
}

export async function downloadFile(
  platform: Platform,
  p: Ref & { fileId: string; userId: string },
) {
  return withTenant(platform.database.db, p.tenantId, async (tx) => {
    const file = await findFile(tx, p.caseId, p.fileId);
    if (!file) throw notFound();
    await logAccess(tx, {
      tenantId: p.tenantId,
      caseId: p.caseId,
      userId: p.userId,
      what: "download",
      fileId: file.id,
    });
    return file;
  });
}
