import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pdfText } from "../../../../test/helpers/pdf.ts";
import { epcQrImage } from "../qr.ts";
import { RenderPool, renderPdf } from "../render-pool.ts";
import { RenderFailed } from "../renderer.ts";

describe("renderPdf", () => {
  it("prints each render's own data, also when renders follow each other with data of equal size", async () => {
    // The data reaches Typst as a file mapped at one path for every render: a stale read would
    // print the previous letter's recipient.
    const qr = epcQrImage("x");
    const asset = { "qr-x.luma8": qr.pixels };
    const texts: string[] = [];
    for (const label of ["Erika Muster", "Maria Muster", "Erika Muster"]) {
      const pdf = await renderPdf(
        "qr-sheet",
        { size: 20, codes: [{ asset: "qr-x.luma8", side: qr.size, label }] },
        { assets: asset, createdAt: new Date(0) },
      );
      texts.push(pdfText(pdf));
    }
    assert.match(texts[0], /Erika Muster/);
    assert.match(texts[1], /Maria Muster/);
    assert.doesNotMatch(texts[1], /Erika/);
    assert.match(texts[2], /Erika Muster/);
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
