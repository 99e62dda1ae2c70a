import { decodeFormPost, formatMessage } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Platform } from "../../platform/http/context.ts";
import { type Locale, translate } from "../../platform/i18n/index.ts";
import { ActionInputInvalid, type Cases } from "../cases/index.ts";
import { readUpload, uploadedFiles } from "../postbox/index.ts";
import { deleteFiles, insertCaseFile } from "./citizen.repository.ts";
import { type ApplicationDetail, applicationOf, type TaskAction } from "./citizen.service.ts";

/** Field errors of a task form, by the form's field names (`<action>-<field>`). */
export class TaskInvalid extends Error {
  readonly errors: Record<string, string>;
  constructor(errors: Record<string, string>) {
    super("task input invalid");
    this.errors = errors;
  }
}

/**
 * Answers the applicant's task: the action's input decoded from the form (files stored for the
 * case, type checked by content), performed by the engine as the applicant on the case version
 * the page showed (a stale page is refused). A refusal leaves no stored file behind.
 */
export async function answerTask(
  platform: Platform,
  cases: Cases,
  p: {
    userId: string;
    tenantSlug: string;
    caseId: string;
    actionId: string;
    expectedVersion: number;
    body: Record<string, unknown>;
    locale: Locale;
  },
): Promise<ApplicationDetail> {
  const detail = await applicationOf(platform, cases, p.userId, p.tenantSlug, p.caseId);
  const action = [...(detail.task?.actions ?? []), ...detail.actions].find(
    (a) => a.actionId === p.actionId,
  );
  if (!action) throw new DomainError("citizen.task.notAvailable", { status: 409 });
  const tenantId = detail.summary.tenantId;
  const { input, fileIds } = await decodeInput(platform, tenantId, p, action);
  try {
    await cases.perform({
      tenant: { id: tenantId },
      caseId: p.caseId,
      actionId: p.actionId,
      actor: { id: p.userId, roles: ["applicant"] },
      input,
      expectedVersion: p.expectedVersion,
    });
  } catch (err) {
    await dropFiles(platform, tenantId, fileIds);
    if (err instanceof ActionInputInvalid) {
      const errors: Record<string, string> = {};
      for (const problem of err.problems) {
        const fieldId = problem.path.replace(/^input\.?/, "").split(/[.[]/)[0];
        const name = fieldId ? `${p.actionId}-${fieldId}` : "_form";
        errors[name] ??= formatMessage(problem.key, problem.params ?? {}, p.locale);
      }
      throw new TaskInvalid(errors);
    }
    throw err;
  }
  return detail;
}

async function decodeInput(
  platform: Platform,
  tenantId: string,
  p: { caseId: string; actionId: string; body: Record<string, unknown>; locale: Locale },
  action: TaskAction,
): Promise<{ input: Record<string, unknown>; fileIds: string[] }> {
  const prefix = `${p.actionId}-`;
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(p.body)) {
    if (name.startsWith(prefix) && typeof value === "string") {
      entries.push([name.slice(prefix.length), value]);
    }
  }
  // The action's input fields decode like a form page (German numbers, dates, checkboxes).
  const asForm = { form: { pages: [{ id: "input", title: "", fields: action.fields }] } };
  const input = decodeFormPost(asForm as never, entries);
  const fileIds: string[] = [];
  const errors: Record<string, string> = {};
  for (const f of action.fields) {
    if (f.type !== "file") continue;
    const name = `${prefix}${f.id}`;
    const uploads = uploadedFiles(p.body[name]);
    if (uploads.length === 0) continue;
    try {
      const values = [];
      for (const upload of uploads) {
        const a = await readUpload(upload, name, f.accept, f.maxSizeBytes);
        const id = await withTenant(platform.database.db, tenantId, (tx) =>
          insertCaseFile(tx, { tenantId, caseId: p.caseId, fieldPath: `input.${f.id}` }, a),
        );
        fileIds.push(id);
        values.push({ id, name: a.filename, mimeType: a.contentType, size: a.size });
      }
      input[f.id] = (f.maxFiles ?? 1) > 1 ? values : values[0];
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors[name] = translate(p.locale, err.key, err.params);
    }
  }
  if (Object.keys(errors).length > 0) {
    await dropFiles(platform, tenantId, fileIds);
    throw new TaskInvalid(errors);
  }
  return { input, fileIds };
}

async function dropFiles(platform: Platform, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  await withTenant(platform.database.db, tenantId, (tx) => deleteFiles(tx, ids));
}
