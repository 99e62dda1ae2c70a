import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { withTenant } from "../../platform/db/database.ts";
import { notFound } from "../../platform/errors.ts";
import type { Platform, Viewer } from "../../platform/http/context.ts";
import { type Locale, translator } from "../../platform/i18n/index.ts";
import { type CaseRow, findCase } from "../cases/index.ts";
import { getServiceVersion, type PublishedService } from "../services/index.ts";
import { getTenant, tenantLogo } from "../tenants/index.ts";
import { receiptContent } from "./receipt.content.ts";
import { renderPdf } from "./render-pool.ts";

export type TenantRef = { id: string; slug: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The case and its service version, or undefined for an unknown or malformed id. */
async function loadCase(
  platform: Platform,
  tenant: TenantRef,
  caseId: string,
): Promise<{ row: CaseRow; service: PublishedService } | undefined> {
  if (!UUID.test(caseId)) return undefined;
  const { db } = platform.database;
  const row = await withTenant(db, tenant.id, (tx) => findCase(tx, caseId));
  if (!row) return undefined;
  const service = await getServiceVersion(db, tenant.id, row.service_id, row.service_version);
  return service ? { row, service } : undefined;
}

/**
 * The receipt (Eingangsbestätigung) of a case as PDF: reference, time of receipt, service and
 * every submitted value with the form's labels, in the municipality's letter. German unless
 * `locale` says otherwise (the form's own labels stay as the municipality wrote them).
 */
export async function renderReceipt(
  platform: Platform,
  tenant: TenantRef,
  caseId: string,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<Uint8Array> {
  const found = await loadCase(platform, tenant, caseId);
  const tenantRow = await getTenant(platform.database.db, tenant.slug);
  if (!found || !tenantRow || tenantRow.id !== tenant.id) throw notFound();
  const { row, service } = found;
  const now = opts.now ?? new Date();
  const logo = tenantRow.has_logo ? await logoAsset(platform, tenant.slug) : undefined;
  const data = receiptContent(
    tenantRow,
    service.definition,
    {
      reference: row.reference,
      receivedAt: row.received_at,
      data: row.state.data,
      hasAccount: row.applicant_id !== null,
    },
    translator(opts.locale ?? "de"),
    now,
    logo && `assets/${logo.name}`,
  );
  return renderPdf("receipt", data, {
    createdAt: now,
    assets: logo ? { [logo.name]: logo.bytes } : {},
  });
}

/** The logo as a template asset, named by its content (Typst caches files by path). */
export async function logoAsset(platform: Platform, slug: string) {
  const logo = await tenantLogo(platform.database.db, slug);
  if (!logo?.logo) return undefined;
  const hash = createHash("sha256").update(logo.logo).digest("hex").slice(0, 16);
  const ext = logo.logo_type === "image/jpeg" ? "jpg" : "png";
  return { name: `logo-${hash}.${ext}`, bytes: new Uint8Array(logo.logo) };
}

/** The token that lets whoever holds the link download the receipt (anonymous applicants). */
export function receiptToken(secretKey: string, tenantId: string, caseId: string): string {
  return createHmac("sha256", secretKey)
    .update(`receipt\0${tenantId}\0${caseId}`)
    .digest("base64url");
}

function tokenMatches(secretKey: string, tenantId: string, caseId: string, token: string) {
  const expected = Buffer.from(receiptToken(secretKey, tenantId, caseId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path of a case's receipt, signed: the portal's confirmation page links it. */
export function receiptPath(
  secretKey: string,
  tenant: TenantRef,
  serviceSlug: string,
  caseId: string,
): string {
  const token = receiptToken(secretKey, tenant.id, caseId);
  return `/${tenant.slug}/dienste/${serviceSlug}/eingangsbestaetigung/${caseId}.pdf?t=${token}`;
}

/**
 * The signed link (a path on this instance) to a case's receipt. It does not expire: it is shown
 * only to the applicant, on the confirmation page, and reveals no more than they submitted.
 */
export async function receiptUrl(
  platform: Platform,
  tenant: TenantRef,
  caseId: string,
): Promise<string> {
  const found = await loadCase(platform, tenant, caseId);
  if (!found) throw notFound();
  return receiptPath(platform.config.secretKey, tenant, found.service.slug, caseId);
}

/**
 * The receipt's reference if this request may have it: the applicant's own citizen session, or a valid
 * token. Anything else (another citizen, staff, a wrong token, another service in the path, an
 * unknown case) gets the same 404, so that nobody learns which cases exist.
 */
export async function receiptAccess(
  platform: Platform,
  req: { tenant: TenantRef; serviceSlug: string; caseId: string; token?: string; viewer?: Viewer },
): Promise<{ reference: string } | undefined> {
  const found = await loadCase(platform, req.tenant, req.caseId);
  if (!found || found.service.slug !== req.serviceSlug) return undefined;
  const v = req.viewer;
  const ownCase =
    v?.kind === "citizen" &&
    v.stage === "full" &&
    found.row.applicant_id !== null &&
    found.row.applicant_id === v.userId;
  const tokenValid =
    req.token !== undefined &&
    tokenMatches(platform.config.secretKey, req.tenant.id, req.caseId, req.token);
  return ownCase || tokenValid ? { reference: found.row.reference } : undefined;
}
