import { createHash } from "node:crypto";
import { germanDate, germanDateText, notifiedAfterPosting } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import type { Platform } from "../../platform/http/context.ts";
import { translator } from "../../platform/i18n/index.ts";
import { recordCaseEvent, tenantLand } from "../cases/index.ts";
import { renderDocument } from "../documents/index.ts";
import { getTenantById } from "../tenants/index.ts";
import { insertBatch, lastBatchNumber, markPosted, queuedLetters } from "./notices.repository.ts";

/** Letters per batch: one print job the print room can handle (and one PDF Typst makes quickly). */
const BATCH_SIZE = 200;

export type PrintBatch = { id: string; number: number; letters: number; pages: number };

/**
 * Makes the print batch of the letters waiting for the post: one PDF with a cover sheet listing
 * them and every letter in order. The letters count as posted today and as notified on the fourth
 * day after (§ 41 Abs. 2 VwVfG); each case's history says so. Letters are taken with a row lock,
 * so two batches made at once never print a letter twice. Undefined when nothing waits.
 */
export async function makePrintBatch(
  platform: Platform,
  tenant: { id: string; name: string },
  actorId: string,
  now = new Date(),
): Promise<PrintBatch | undefined> {
  const land = await tenantLand(platform.database.db, tenant.id);
  const settings = (await getTenantById(platform.database.db, tenant.id))?.settings;
  return withTenant(platform.database.db, tenant.id, async (tx) => {
    const letters = await queuedLetters(tx, BATCH_SIZE);
    if (letters.length === 0) return undefined;
    const postedOn = germanDate(now);
    const effectiveOn = notifiedAfterPosting(postedOn, land, settings?.postalDays ?? 4);
    const t = translator("de");
    const pages = letters.reduce((n, l) => n + l.pages, 0);
    const nextNumber = (await lastBatchNumber(tx)) + 1;
    const file = (sha: string) => `letter-${sha.slice(0, 24)}.pdf`;
    const data = {
      cover: {
        title: t("notices.cover.title", { tenant: tenant.name }),
        batch: t("notices.cover.batch", { number: nextNumber, date: germanDateText(postedOn) }),
        summary: t("notices.cover.summary", { letters: letters.length, pages }),
        hint: t("notices.cover.hint"),
        head: [
          t("notices.cover.no"),
          t("notices.cover.reference"),
          t("notices.cover.recipient"),
          t("notices.cover.document"),
          t("notices.cover.pages"),
        ],
        rows: letters.map((l, i) => ({
          no: String(i + 1),
          reference: l.reference,
          recipient: l.recipient.join(", "),
          document: l.title,
          pages: String(l.pages),
        })),
      },
      letters: letters.map((l) => ({ file: `assets/${file(l.sha256)}`, pages: l.pages })),
    };
    const assets = Object.fromEntries(
      letters.map((l) => [file(l.sha256), new Uint8Array(l.content)]),
    );
    const rendered = await renderDocument("print-batch", data, {
      assets,
      createdAt: now,
      standard: "none",
    });
    const batch = await insertBatch(tx, {
      tenantId: tenant.id,
      number: nextNumber,
      postedOn,
      letters: letters.length,
      pages: rendered.pages,
      content: rendered.pdf,
      sha256: createHash("sha256").update(rendered.pdf).digest("hex"),
      createdBy: actorId,
    });
    await markPosted(
      tx,
      letters.map((l) => l.id),
      { id: batch.id, postedOn, effectiveOn },
    );
    for (const l of letters) {
      await recordCaseEvent(tx, {
        tenantId: tenant.id,
        caseId: l.case_id,
        type: "document.posted",
        actorId,
        at: now,
        payload: {
          deliveryId: l.id,
          title: l.title,
          batch: batch.number,
          postedOn,
          effectiveOn,
        },
      });
    }
    return { id: batch.id, number: batch.number, letters: letters.length, pages: rendered.pages };
  });
}
