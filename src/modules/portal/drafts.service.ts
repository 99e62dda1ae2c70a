import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { type AccountProfile, prefillForm, type ServiceDefinition } from "../../core/index.ts";
import { withCitizen, withPlatform, withTenant } from "../../platform/db/database.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translator } from "../../platform/i18n/index.ts";
import type { Cases } from "../cases/index.ts";
import type { PublishedService } from "../services/index.ts";
import {
  type DraftListRow,
  type DraftRow,
  deleteDraft,
  deleteDraftFile,
  deleteExpired,
  findDraftByToken,
  findDraftFile,
  findDraftOfUser,
  findDraftTenantOfUser,
  findUserContact,
  insertDraft,
  insertFile,
  listDraftsOfUser,
  listTenantIds,
  moveFilesToCase,
  setResumeToken,
  updateDraft,
} from "./drafts.repository.ts";
import { type FormData, setValueAt, valueAt } from "./form-state.ts";

export type { DraftListRow, DraftRow };

/** Who is applying: a signed-in citizen, and/or the browser's draft token (cookie). */
export type Applicant = { userId?: string; token?: string };

export type FileValue = { id: string; name: string; mimeType: string; size: number };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(24).toString("base64url");

function expiry(platform: Platform, now: Date): Date {
  return new Date(now.getTime() + platform.config.draftRetentionDays * 86_400_000);
}

/**
 * The applicant's draft for a service: a signed-in citizen's own, else the one behind the
 * browser's token. A draft begun anonymously is taken over when its applicant signs in.
 */
export async function currentDraft(
  platform: Platform,
  tenantId: string,
  serviceId: string,
  who: Applicant,
  now = new Date(),
): Promise<DraftRow | undefined> {
  return withTenant(platform.database.db, tenantId, async (tx) => {
    if (who.userId) {
      const own = await findDraftOfUser(tx, who.userId, serviceId, now);
      if (own) return own;
    }
    if (!who.token) return undefined;
    const byToken = await findDraftByToken(tx, hashToken(who.token), now);
    if (!byToken || byToken.service_id !== serviceId) return undefined;
    if (byToken.user_id && byToken.user_id !== who.userId) return undefined;
    return byToken;
  });
}

/** Initial data of a new application: prefilled from the citizen account where the form says so. */
export async function initialData(
  platform: Platform,
  def: ServiceDefinition,
  userId: string | undefined,
): Promise<FormData> {
  if (!userId) return {};
  const user = await withPlatform(platform.database.db, (tx) => findUserContact(tx, userId));
  if (!user) return {};
  // Until the Bürgerkonto keeps a structured profile, the account's name is split at its last space.
  const at = user.name.trim().lastIndexOf(" ");
  const profile: AccountProfile = {
    email: user.email,
    ...(at > 0 ? { givenName: user.name.slice(0, at), familyName: user.name.slice(at + 1) } : {}),
  };
  return prefillForm(def, profile);
}

export type Upload = {
  path: string;
  content: Buffer;
  mimeType: string;
  filename: string;
  sha256: string;
  multiple: boolean;
};

/**
 * Stores one page's state in one transaction: creates the draft on the first post (with a new
 * browser token for anonymous applicants), stores uploads linked to it, removes files taken out
 * or replaced, and saves data and page. Returns the draft and, when one was made, the token.
 */
export async function savePage(
  platform: Platform,
  p: {
    tenantId: string;
    service: PublishedService;
    draft: DraftRow | undefined;
    who: Applicant;
    data: FormData;
    page: string;
    uploads: Upload[];
    removedFiles: string[];
    now?: Date;
  },
): Promise<{ draft: DraftRow; data: FormData; token?: string }> {
  const now = p.now ?? new Date();
  return withTenant(platform.database.db, p.tenantId, async (tx) => {
    let draft = p.draft;
    let token: string | undefined;
    if (!draft) {
      token = p.who.userId ? undefined : newToken();
      draft = await insertDraft(tx, {
        tenantId: p.tenantId,
        serviceId: p.service.serviceId,
        version: p.service.version,
        userId: p.who.userId ?? null,
        tokenHash: token ? hashToken(token) : null,
        data: p.data,
        page: p.page,
        submitKey: `draft-${randomUUID()}`,
        expiresAt: expiry(platform, now),
      });
    }
    let data = p.data;
    for (const id of p.removedFiles) await deleteDraftFile(tx, draft.id, id);
    for (const u of p.uploads) {
      const { id } = await insertFile(tx, {
        tenantId: p.tenantId,
        draftId: draft.id,
        fieldPath: u.path,
        filename: u.filename,
        contentType: u.mimeType,
        content: u.content,
        sha256: u.sha256,
      });
      const value: FileValue = {
        id,
        name: u.filename,
        mimeType: u.mimeType,
        size: u.content.length,
      };
      const before = valueAt(data, u.path);
      if (u.multiple) {
        data = setValueAt(data, u.path, [...(Array.isArray(before) ? before : []), value]);
      } else {
        const old = before as FileValue | undefined;
        if (old?.id) await deleteDraftFile(tx, draft.id, old.id);
        data = setValueAt(data, u.path, value);
      }
    }
    await updateDraft(tx, draft.id, {
      data,
      page: p.page,
      version: p.service.version,
      userId: p.who.userId,
      expiresAt: expiry(platform, now),
    });
    return { draft: { ...draft, data, page: p.page }, data, token };
  });
}

/** A file uploaded to this draft, with its content. */
export function draftFile(platform: Platform, tenantId: string, draftId: string, fileId: string) {
  return withTenant(platform.database.db, tenantId, (tx) => findDraftFile(tx, draftId, fileId));
}

/** Signs a case id for the confirmation cookie, so that only the submitter sees its page. */
export function signCase(platform: Platform, caseId: string): string {
  const mac = createHmac("sha256", platform.config.secretKey)
    .update(`receipt:${caseId}`)
    .digest("base64url");
  return `${caseId}.${mac}`;
}

export function verifyCase(platform: Platform, signed: string | undefined): string | undefined {
  const caseId = signed?.split(".")[0];
  return caseId && signCase(platform, caseId) === signed ? caseId : undefined;
}

/**
 * Submits the draft through the case engine with the draft's submit key as idempotency key,
 * then moves its files to the case and deletes the draft in one transaction. A retry after any
 * failure (even after the case was made) submits the same data under the same key and so gets
 * the same case back.
 */
export async function submitDraft(
  platform: Platform,
  cases: Cases,
  p: {
    tenant: { id: string; state?: string };
    service: PublishedService;
    draft: DraftRow;
    applicantId: string | null;
  },
) {
  const submitted = await cases.submit({
    tenant: p.tenant,
    serviceSlug: p.service.slug,
    data: p.draft.data,
    applicantId: p.applicantId,
    channel: "online",
    idempotencyKey: p.draft.submit_key,
  });
  await withTenant(platform.database.db, p.tenant.id, async (tx) => {
    await moveFilesToCase(tx, p.draft.id, submitted.caseId);
    await deleteDraft(tx, p.draft.id);
  });
  return submitted;
}

/**
 * Mails a resume link for an anonymous draft. The link carries a fresh token (only its hash is
 * stored), which also replaces the browser's: whoever has the mail can continue.
 */
export async function mailResumeLink(
  platform: Platform,
  p: {
    tenant: { id: string; slug: string; name: string };
    service: PublishedService;
    draft: DraftRow;
    email: string;
    locale: "de" | "en";
  },
): Promise<string> {
  const token = newToken();
  const t = translator(p.locale);
  const link = `${platform.config.baseUrl}/${p.tenant.slug}/dienste/${p.service.slug}/antrag/fortsetzen/${token}`;
  await withTenant(platform.database.db, p.tenant.id, async (tx) => {
    await setResumeToken(tx, p.draft.id, hashToken(token));
    await platform.mailer.queueMail(tx, {
      to: p.email,
      subject: t("portal.resume.mailSubject", { service: p.service.definition.meta.title }),
      text: t("portal.resume.mailText", {
        municipality: p.tenant.name,
        service: p.service.definition.meta.title,
        link,
        days: platform.config.draftRetentionDays,
      }),
    });
  });
  return token;
}

/** The draft behind a resume link, if it is still there. */
export function draftByResumeToken(platform: Platform, tenantId: string, token: string) {
  return withTenant(platform.database.db, tenantId, (tx) =>
    findDraftByToken(tx, hashToken(token), new Date()),
  );
}

/** A citizen's unexpired drafts in every municipality, newest first (for the Bürgerkonto). */
export function draftsOf(platform: Platform, userId: string): Promise<DraftListRow[]> {
  return withCitizen(platform.database.db, userId, (tx) =>
    listDraftsOfUser(tx, userId, new Date()),
  );
}

/** Deletes one of the citizen's drafts with its files; false when it is not theirs. */
export async function deleteDraftOf(
  platform: Platform,
  userId: string,
  draftId: string,
): Promise<boolean> {
  const { db } = platform.database;
  const owned = await withCitizen(db, userId, (tx) => findDraftTenantOfUser(tx, userId, draftId));
  if (!owned) return false;
  return withTenant(db, owned.tenant_id, (tx) => deleteDraft(tx, owned.id));
}

/** Deletes expired drafts and their files in every municipality; the daily job runs this. */
export async function deleteExpiredDrafts(platform: Platform, now = new Date()): Promise<number> {
  const { db } = platform.database;
  const tenants = await withPlatform(db, (tx) => listTenantIds(tx));
  let deleted = 0;
  for (const t of tenants) deleted += await withTenant(db, t.id, (tx) => deleteExpired(tx, now));
  return deleted;
}
