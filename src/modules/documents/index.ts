/**
 * Documents: PDFs rendered with Typst from templates in `templates/` (the DIN 5008 letter base
 * `letter.typ`, the receipt `receipt.typ`), with fonts shipped in npm packages and all data
 * passed as JSON — user text is never Typst markup. The GiroCode of a fee notice goes in as
 * raw grey pixels made by `epcQrImage` (a `.luma8` asset). The receipt (Eingangsbestätigung) of an
 * application is served at `/{tenant}/dienste/{service}/eingangsbestaetigung/{caseId}.pdf` to
 * the applicant's session or with the signed link from `receiptUrl`.
 */
import "./documents.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountDocuments } from "./documents.routes.ts";

export { groupIban, type LetterData, letterOf } from "./letter.ts";
export { epcQrImage, type QrImage } from "./qr.ts";
export { receiptContent, recipientOf } from "./receipt.content.ts";
export { logoAsset, receiptPath, receiptUrl, renderReceipt } from "./receipt.service.ts";
export { RENDERS_PER_WORKER, renderDocument, renderPdf } from "./render-pool.ts";
export { type Assets, RenderFailed, type RenderOptions } from "./renderer.ts";
export { presentSubmission, presentValue } from "./submission.present.ts";

/** The receipt download; mount before the municipality pages. */
export function documentsModule(platform: Platform): WebModule {
  return { name: "documents", mount: (app: Hono<AppEnv>) => mountDocuments(app, platform) };
}
