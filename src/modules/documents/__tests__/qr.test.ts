import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { correction, generate, mode } from "lean-qr";
import { pdfPages, pdfQrCodes, pdfText, pdfWords } from "../../../../test/helpers/pdf.ts";
import { epcQrPayload } from "../../../core/payments/epc.ts";
import { epcQrImage, type QrImage } from "../qr.ts";
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

/** The image's modules (one pixel each): `dark(x, y)`, and its side including the quiet zone. */
function modulesOf({ size, pixels }: QrImage) {
  assert.equal(pixels.length, size * size);
  assert.ok(
    pixels.every((p) => p === 0 || p === 255),
    "black and white only",
  );
  return { side: size, dark: (x: number, y: number) => pixels[y * size + x] === 0 };
}

/**
 * The format information written in the code (ISO/IEC 18004 7.9: 15 bits beside the top-left
 * finder pattern, XOR-masked with 101010000010010): the first two of the five data bits are the
 * error correction level (M = 00), the other three the mask.
 */
function formatInformation(
  image: QrImage,
  quiet = 4,
): { level: "L" | "M" | "Q" | "H"; mask: number } {
  const { dark } = modulesOf(image);
  const at = (x: number, y: number) => (dark(x + quiet, y + quiet) ? 1 : 0);
  const places = [
    ...[0, 1, 2, 3, 4, 5].map((i) => [8, i]),
    [8, 7],
    [8, 8],
    [7, 8],
    ...[9, 10, 11, 12, 13, 14].map((i) => [14 - i, 8]),
  ];
  const bits = places.reduce((acc, [x, y], i) => acc | (at(x, y) << i), 0) ^ 0x5412;
  return { level: (["M", "L", "H", "Q"] as const)[bits >> 13], mask: (bits >> 10) & 7 };
}

function correctionLevel(image: QrImage): "L" | "M" | "Q" | "H" {
  return formatInformation(image).level;
}

/**
 * The code as lean-qr makes it choosing the mask itself: it builds the symbol with each of the
 * eight masks and keeps the one with the lowest penalty (ISO/IEC 18004 7.8.3). `epcQrImage`
 * chose it this way until qr-mask.ts; its choice must stay the same.
 */
function leanQrImage(payload: string): QrImage {
  const code = generate(mode.bytes(new TextEncoder().encode(payload)), {
    minCorrectionLevel: correction.M,
    maxCorrectionLevel: correction.M,
    maxVersion: 13,
  });
  const size = code.size + 8;
  const pixels = new Uint8Array(size * size).fill(255);
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) pixels[(y + 4) * size + 4 + x] = 0;
  }
  return { size, pixels };
}

/** Mulberry32, a small seeded generator: the same "random" payloads on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Characters by UTF-8 length: 1 byte (with the EPC's line break), 2 (umlauts, Greek, Cyrillic),
 * 3 (typography, €), 4 and more (emoji).
 */
const CHARACTERS = [
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/:\n"],
  [..."äöüÄÖÜßéçñΩμέγαЖш"],
  [..."–„“€…"],
  ["😀", "🐕", "🏛️"],
];

/**
 * A GiroCode-like payload of exactly `bytes` UTF-8 bytes: often the EPC header, then mostly
 * ASCII with umlauts, Greek, Cyrillic, typographic characters and emoji among it.
 */
function randomPayload(random: () => number, bytes: number): string {
  let text = bytes > 40 && random() < 0.5 ? "BCD\n002\n1\nSCT\nBYLADEM1001\n" : "";
  let length = Buffer.byteLength(text);
  while (length < bytes) {
    const roll = random();
    const kind = roll < 0.75 ? 0 : roll < 0.9 ? 1 : roll < 0.96 ? 2 : 3;
    const choices = CHARACTERS[kind];
    let next = choices[Math.floor(random() * choices.length)];
    if (length + Buffer.byteLength(next) > bytes) next = "x";
    text += next;
    length += Buffer.byteLength(next);
  }
  return text;
}

/** Renders the codes side by side, 40 mm wide, on an A4 page through Typst, as a notice would. */
function sheet(...texts: string[]): Promise<Uint8Array> {
  const images = texts.map((text) => epcQrImage(text));
  const codes = images.map((image, i) => ({
    asset: `qr-${i}.luma8`,
    side: image.size,
    label: `Code ${i + 1}`,
  }));
  const assets = Object.fromEntries(images.map((image, i) => [`qr-${i}.luma8`, image.pixels]));
  return renderPdf("qr-sheet", { size: 40, codes }, { assets, createdAt: new Date(0) });
}

describe("epcQrImage", () => {
  it("is a square of one black or white pixel per module, at error correction level M as EPC069-12 asks", () => {
    const image = epcQrImage(epc());
    const { side } = modulesOf(image);
    // A QR code is 17 + 4 × version modules wide, plus the quiet zone on both sides.
    assert.equal((side - 8 - 17) % 4, 0);
    assert.equal(correctionLevel(image), "M");
    assert.equal(correctionLevel(epcQrImage("x")), "M", "also where the version has room for more");
  });

  it("leaves a quiet zone of four light modules on every side", () => {
    const { side, dark } = modulesOf(epcQrImage(epc()));
    for (let i = 0; i < side; i++) {
      for (const edge of [0, 1, 2, 3, side - 4, side - 3, side - 2, side - 1]) {
        assert.ok(
          !dark(i, edge) && !dark(edge, i),
          `dark module in the quiet zone at ${i}/${edge}`,
        );
      }
    }
    // The finder pattern's top edge: seven dark modules in the first row of the code.
    const row = Array.from({ length: 8 }, (_, x) => dark(4 + x, 4));
    assert.deepEqual(row, [true, true, true, true, true, true, true, false]);
  });

  it("chooses the mask lean-qr's own search chooses, module for module (2,000 random payloads)", () => {
    const random = seededRandom(18004);
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (let n = 0; n < 2000; n++) {
      const payload = randomPayload(random, 1 + Math.floor(random() * 331));
      const image = epcQrImage(payload);
      const expected = leanQrImage(payload);
      assert.equal(image.size, expected.size);
      const { buffer, byteOffset, byteLength } = image.pixels;
      assert.ok(
        Buffer.from(buffer, byteOffset, byteLength).equals(expected.pixels),
        `a different code for ${JSON.stringify(payload)}`,
      );
      masks.add(formatInformation(image).mask);
      versions.add((image.size - 8 - 17) / 4);
    }
    assert.equal(masks.size, 8, "every mask is chosen for some payload");
    assert.equal(versions.size, 13, "every version from 1 to 13 is made");
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
    const image = epcQrImage(full.payload);
    const { side } = modulesOf(image);
    assert.equal(side - 8, 17 + 4 * 13, `${side - 8} modules`);
    assert.equal(correctionLevel(image), "M");
    assert.throws(() => epcQrImage(`${full.payload}x`), "one byte more does not fit a GiroCode");
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
