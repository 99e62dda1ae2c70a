import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pdfText } from "../../../../test/helpers/pdf.ts";
import { epcQrImage } from "../qr.ts";
import { RenderPool, renderPdf } from "../render-pool.ts";
import { RenderFailed } from "../renderer.ts";

describe("renderPdf", () => {
  it("prints each render's own data, also when renders follow each other with data of equal size", async () => {
    // The data reaches Typst as a file mapped at one path for every render: a stale read would
    // print the previous letter's recipient. 25 renders: the worker evicts Typst's caches every
    // 10 renders, and a render after an eviction must read its own data too.
    const qr = epcQrImage("x");
    const asset = { "qr-x.luma8": qr.pixels };
    const labels = Array.from(
      { length: 25 },
      (_, i) => `${i % 2 ? "Maria" : "Erika"} Muster ${String(i).padStart(2, "0")}`,
    );
    for (const [i, label] of labels.entries()) {
      const pdf = await renderPdf(
        "qr-sheet",
        { size: 20, codes: [{ asset: "qr-x.luma8", side: qr.size, label }] },
        { assets: asset, createdAt: new Date(0) },
      );
      const text = pdfText(pdf);
      assert.match(text, new RegExp(label));
      if (i > 0) assert.doesNotMatch(text, new RegExp(labels[i - 1]));
    }
  });

  it("moves to a fresh worker after its quota, answering every render with its own PDF", async () => {
    const pool = new RenderPool({ rendersPerWorker: 2 });
    const qr = epcQrImage("x");
    const asset = { "qr-x.luma8": qr.pixels };
    const labels = ["Anna", "Bernd", "Carla", "Dieter", "Emil"];
    // All at once: five renders over three workers, the retired ones finishing what they took.
    const pdfs = await Promise.all(
      labels.map((label) =>
        pool.render(
          "qr-sheet",
          { size: 20, codes: [{ asset: "qr-x.luma8", side: qr.size, label }] },
          { assets: asset },
        ),
      ),
    );
    assert.equal(pool.started, 3);
    pdfs.forEach(({ pdf, pages }, i) => {
      assert.equal(pages, 1);
      assert.match(pdfText(pdf), new RegExp(labels[i]));
    });
    await assert.rejects(pool.render("gibt-es-nicht", {}), RenderFailed);
    await pool.close();
    await assert.rejects(pool.render("qr-sheet", { size: 20, codes: [] }), /closed/);
  });
});
