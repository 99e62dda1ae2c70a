import type { Hono } from "hono";
import { notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { receiptAccess, renderReceipt } from "./receipt.service.ts";

const RECEIPT_FILE = /^([0-9a-f-]{36})\.pdf$/;

/** `GET /{tenant}/dienste/{service}/eingangsbestaetigung/{caseId}.pdf`: the receipt, or 404. */
export function mountDocuments(app: Hono<AppEnv>, platform: Platform) {
  app.get("/:tenant/dienste/:service/eingangsbestaetigung/:file", async (c) => {
    const tenant = c.var.tenant;
    const caseId = RECEIPT_FILE.exec(c.req.param("file"))?.[1];
    if (!tenant || !caseId) throw notFound();
    const access = await receiptAccess(platform, {
      tenant,
      serviceSlug: c.req.param("service"),
      caseId,
      token: c.req.query("t"),
      viewer: c.var.viewer,
    });
    if (!access) throw notFound();
    const pdf = await renderReceipt(platform, tenant, caseId, { locale: c.var.locale });
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="Eingangsbestaetigung-${access.reference}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });
}
