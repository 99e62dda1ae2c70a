import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pdfText } from "../../../../test/helpers/pdf.ts";
import { qrSvg } from "../qr.ts";
import { renderPdf } from "../render-pool.ts";

describe("renderPdf", () => {
  it("prints each render's own data, also when renders follow each other with data of equal size", async () => {
    // The data reaches Typst as a file mapped at one path for every render: a stale read would
    // print the previous letter's recipient.
    const asset = { "qr-x.svg": new TextEncoder().encode(qrSvg("x")) };
    const texts: string[] = [];
    for (const label of ["Erika Muster", "Maria Muster", "Erika Muster"]) {
      const pdf = await renderPdf(
        "qr-sheet",
        { size: 20, codes: [{ asset: "qr-x.svg", label }] },
        { assets: asset, createdAt: new Date(0) },
      );
      texts.push(pdfText(pdf));
    }
    assert.match(texts[0], /Erika Muster/);
    assert.match(texts[1], /Maria Muster/);
    assert.doesNotMatch(texts[1], /Erika/);
    assert.match(texts[2], /Erika Muster/);
  });
});
