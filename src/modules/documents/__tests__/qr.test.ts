import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pdfPages, pdfQrCodes, pdfText, pdfWords } from "../../../../test/helpers/pdf.ts";
import { epcQrPayload } from "../../../core/payments/epc.ts";
import { qrSvg } from "../qr.ts";
import { renderPdf } from "../render-pool.ts";

function epc(overrides: { name?: string; remittance?: string; info?: string } = {}): string {
  const result = epcQrPayload({
    name: "Gemeinde Groß Köris – Gemeindekasse",
    iban: "DE02120300000000202051",
    bic: "BYLADEM1001",
    amountCents: 4750,
    remittance: "KZ260001239 Hundesteuer für „Bello“, Überprüfung",
    purpose: "GOVT",
    info: "Vielen Dank!",
    ...overrides,
  });
  assert.ok(result.ok, JSON.stringify(result));
  return result.payload;
}

/** The side of the SVG in modules and the dark rectangles of its path. */
function parseSvg(svg: string) {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1] ?? "";
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
  }));
  return { side, d, runs };
}

/** Renders the SVGs side by side, 40 mm wide, on an A4 page through Typst, as a notice would. */
function sheet(...texts: string[]): Promise<Uint8Array> {
  const codes = texts.map((_, i) => ({ asset: `qr-${i}.svg`, label: `Code ${i + 1}` }));
  const assets = Object.fromEntries(
    texts.map((text, i) => [`qr-${i}.svg`, new TextEncoder().encode(qrSvg(text))]),
  );
  return renderPdf("qr-sheet", { size: 40, codes }, { assets, createdAt: new Date(0) });
}

describe("qrSvg", () => {
  it("is one compact SVG: a white square, one path of dark modules, crisp edges", () => {
    const svg = qrSvg(epc());
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /shape-rendering="crispEdges"/);
    assert.equal(svg.match(/<path /g)?.length, 1);
    const { side, d, runs } = parseSvg(svg);
    assert.match(svg, new RegExp(`<rect width="${side}" height="${side}" fill="#fff"/>`));
    assert.equal(d.replace(/M\d+ \d+h\d+v1h-\d+z/g, ""), "", "the path is nothing but runs");
    assert.ok(runs.length > 100);
  });

  it("leaves a quiet zone of four modules on every side", () => {
    const { side, runs } = parseSvg(qrSvg(epc()));
    // A QR code is 17 + 4 × version modules wide.
    assert.equal((side - 8 - 17) % 4, 0);
    for (const r of runs) {
      assert.ok(r.x >= 4 && r.y >= 4 && r.x + r.width <= side - 4 && r.y + 1 <= side - 4);
    }
    // The finder pattern's top edge: seven dark modules in the first row of the code.
    assert.deepEqual(runs[0], { x: 4, y: 4, width: 7 });
  });

  it("fits the largest EPC payload (331 bytes) into version 13, the most EPC069-12 allows", () => {
    const full = epcQrPayload({
      name: "ü".repeat(70),
      iban: "DE02120300000000202051",
      amountCents: 1250,
      remittance: `${"a".repeat(139)}ü`,
    });
    assert.ok(full.ok);
    assert.equal(Buffer.byteLength(full.payload), 331);
    const { side } = parseSvg(qrSvg(full.payload));
    assert.ok(side - 8 <= 17 + 4 * 13, `${side - 8} modules`);
  });
});

describe("QR round trip through a PDF (Typst -> poppler -> jsQR)", () => {
  it("reads back an EPC payload with umlauts byte for byte", async () => {
    const payload = epc();
    const pdf = await sheet(payload);
    assert.deepEqual(pdfQrCodes(pdf), [payload]);
  });

  it("reads back the largest EPC payload at 200 dpi from a 40 mm code", async () => {
    const full = epcQrPayload({
      name: "ü".repeat(70),
      iban: "DE02120300000000202051",
      amountCents: 99_999_999_999,
      remittance: `${"Z".repeat(132)}ß`,
    });
    assert.ok(full.ok, JSON.stringify(full));
    assert.equal(Buffer.byteLength(full.payload), 331);
    assert.deepEqual(pdfQrCodes(await sheet(full.payload)), [full.payload]);
  });

  it("finds every code on a page, and none on a page without", async () => {
    const a = epc();
    const b = epc({ name: "Stadt Musterstadt", remittance: "260001235", info: "" });
    const found = pdfQrCodes(await sheet(a, b));
    assert.deepEqual(found.toSorted(), [a, b].toSorted());
    const none = await sheet();
    assert.match(pdfText(none), /Kein Code/);
    assert.deepEqual(pdfQrCodes(none), []);
  });
});

describe("test/helpers/pdf", () => {
  it("reads text, pages and word positions in millimetres from the top-left corner", async () => {
    const pdf = await sheet(epc(), "zweiter Code");
    assert.equal(pdfPages(pdf), 1);
    assert.match(pdfText(pdf), /Code 1\s+Code 2/);
    const words = pdfWords(pdf);
    assert.deepEqual(
      words.map((w) => [w.page, w.text]),
      [
        [1, "Code"],
        [1, "1"],
        [1, "Code"],
        [1, "2"],
      ],
    );
    // The sheet has 20 mm margins, 40 mm codes, 20 mm between them and 3 mm below.
    const [first, , second] = words;
    assert.ok(Math.abs(first.xMin - 20) < 0.5, `${first.xMin}`);
    assert.ok(Math.abs(second.xMin - 80) < 0.5, `${second.xMin}`);
    assert.ok(first.yMin > 63 - 1 && first.yMax < 63 + 6, `${first.yMin}–${first.yMax}`);
    assert.ok(first.xMax > first.xMin && first.yMax > first.yMin);
  });
});
