import type { Context, Hono } from "hono";
import { z } from "zod";
import { withTenant } from "../../platform/db/database.ts";
import { notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { requireStaff } from "../accounts/index.ts";
import { retrievalTokenValid, retrieveByLink } from "./deliver.service.ts";
import { batchContent, findDelivery, listBatches, queuedCount } from "./notices.repository.ts";
import { printPage, retrievalPage } from "./notices.views.ts";
import { makePrintBatch } from "./print.service.ts";

const uuid = z.uuid();

function pdf(c: Context<AppEnv>, bytes: Uint8Array, filename: string) {
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
}

/**
 * Staff: the outgoing mail (`/{tenant}/amt/postausgang`); documents are downloaded from the case
 * file. Applicants without an account: the retrieval page an e-mail links to (`/{tenant}/abruf/{delivery}?t=…`).
 */
export function mountNotices(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  const printers = requireStaff(platform, ["caseworker", "approver", "admin"]);
  const outgoing = async (c: Context<AppEnv>, message?: string) => {
    const [queued, batches] = await withTenant(db, c.var.tenant!.id, (tx) =>
      Promise.all([queuedCount(tx), listBatches(tx)]),
    );
    return printPage(c, { queued, batches, message });
  };
  app.get("/:tenant/amt/postausgang", printers, (c) => outgoing(c));
  app.post("/:tenant/amt/postausgang", printers, async (c) => {
    const tenant = c.var.tenant!;
    const batch = await makePrintBatch(platform, tenant, c.var.viewer!.userId);
    const t = c.var.t;
    return outgoing(
      c,
      batch
        ? t("notices.print.created", { number: batch.number, letters: batch.letters })
        : t("notices.print.nothing"),
    );
  });
  app.get("/:tenant/amt/postausgang/:file", printers, async (c) => {
    const id = uuid.safeParse(c.req.param("file").replace(/\.pdf$/, ""));
    if (!id.success) throw notFound();
    const batch = await withTenant(db, c.var.tenant!.id, (tx) => batchContent(tx, id.data));
    if (!batch) throw notFound();
    return pdf(c, batch.content, `postausgang-${batch.number}-${batch.posted_on}.pdf`);
  });

  /** The delivery behind a retrieval link, if the link is genuine; otherwise not found. */
  const linked = async (c: Context<AppEnv>) => {
    const tenant = c.var.tenant;
    const id = uuid.safeParse(c.req.param("deliveryId"));
    const token = c.req.query("t") ?? "";
    if (!tenant || !id.success) throw notFound();
    if (!retrievalTokenValid(platform.config.secretKey, tenant.id, id.data, token))
      throw notFound();
    const d = await withTenant(db, tenant.id, (tx) => findDelivery(tx, id.data));
    if (d?.channel !== "email") throw notFound();
    return {
      tenant,
      delivery: d,
      action: `/${tenant.slug}/abruf/${d.id}?t=${encodeURIComponent(token)}`,
    };
  };
  app.get("/:tenant/abruf/:deliveryId", async (c) => {
    const { tenant, delivery, action } = await linked(c);
    const state =
      delivery.status === "expired"
        ? "expired"
        : delivery.status === "retrieved"
          ? "retrieved"
          : "provided";
    return retrievalPage(c, { action, tenantName: tenant.name, state });
  });
  app.post("/:tenant/abruf/:deliveryId", async (c) => {
    const { tenant, delivery, action } = await linked(c);
    const result = await retrieveByLink(platform, tenant.id, delivery.id);
    if (!result) throw notFound();
    if (result.status === "expired")
      return retrievalPage(c, { action, tenantName: tenant.name, state: "expired" });
    return pdf(c, result.file.content, result.file.filename);
  });
}
