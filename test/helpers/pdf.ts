/**
 * Reading generated PDFs in tests the way a person or a banking app would: the text
 * (poppler's pdftotext), word positions, page count, images and QR codes (the page rendered
 * with pdftoppm, decoded with jsQR). Needs Debian's poppler-utils.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsqr from "jsqr";
import { PNG } from "pngjs";

// poppler warns on stderr about Typst's PDF/A MarkInfo ("Suspects object is wrong type"): noise.
const QUIET: ["ignore", "pipe", "ignore"] = ["ignore", "pipe", "ignore"];
const MM_PER_POINT = 25.4 / 72;
// jsqr is CommonJS with a transpiled default export: under Node's interop the function is `.default`.
const jsQR = jsqr.default;

/** Runs `work(file, dir)` on the PDF written to a fresh temporary folder, then removes it. */
function withPdfFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "dw-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function poppler(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", stdio: QUIET, maxBuffer: 64 << 20 });
}

/** The PDF's text as pdftotext reads it, without Typst's invisible break opportunities (U+200B). */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) => poppler("pdftotext", ["-enc", "UTF-8", file, "-"])).replace(
    /\u200B/g,
    "",
  );
}

/** The number of pages. */
export function pdfPages(pdf: Uint8Array): number {
  const info = withPdfFile(pdf, (file) => poppler("pdfinfo", [file]));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** The number of images placed in the PDF (a PNG's alpha channel is not counted twice). */
export function pdfImages(pdf: Uint8Array): number {
  const list = withPdfFile(pdf, (file) => poppler("pdfimages", ["-list", file]));
  // Rows after the two header lines; an alpha channel is listed as a second row (smask).
  return list
    .trim()
    .split("\n")
    .slice(2)
    .filter((row) => row.trim().split(/\s+/)[2] === "image").length;
}

/** A word on a page, its box in millimetres from the page's top-left corner. */
export type PdfWord = {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
};

/** Every word with its position (pdftotext -bbox), page by page, in reading order. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = withPdfFile(pdf, (file) =>
    poppler("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]),
  );
  const words: PdfWord[] = [];
  let page = 0;
  const tags =
    /<page\b[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tags)) {
    if (m[0].startsWith("<page")) {
      page++;
      continue;
    }
    const text = unescapeHtml(m[5]).replace(/\u200B/g, "");
    if (text === "") continue;
    const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) * MM_PER_POINT);
    words.push({ page, text, xMin, yMin, xMax, yMax });
  }
  return words;
}

function unescapeHtml(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const hex = name[1] === "x" || name[1] === "X";
      return String.fromCodePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return named[name] ?? entity;
  });
}

/**
 * The texts of the QR codes on a page (1-based), read from the page rendered at `dpi`:
 * each code found is painted over and the page searched again, so several codes are found,
 * in no particular order. The bytes are read as UTF-8 (EPC character set 1).
 */
export function pdfQrCodes(pdf: Uint8Array, page = 1, dpi = 200): string[] {
  const png = withPdfFile(pdf, (file, dir) => {
    const out = path.join(dir, "page");
    const p = String(page);
    poppler("pdftoppm", ["-png", "-r", String(dpi), "-f", p, "-l", p, "-singlefile", file, out]);
    return readFileSync(`${out}.png`);
  });
  return pngQrCodes(png);
}

/** The texts of the QR codes in a PNG image (as `pdfQrCodes`, read as UTF-8). */
export function pngQrCodes(png: Uint8Array): string[] {
  const image = PNG.sync.read(Buffer.from(png));
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const found: string[] = [];
  for (let i = 0; i < 20; i++) {
    const code = jsQR(pixels, image.width, image.height, { inversionAttempts: "dontInvert" });
    if (!code) break;
    found.push(utf8.decode(new Uint8Array(code.binaryData)));
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    const corners = [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner];
    paintWhite(pixels, image.width, image.height, corners);
  }
  return found;
}

/** Paints the bounding box of the corners (with a margin of 2 %) white. */
function paintWhite(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  corners: { x: number; y: number }[],
) {
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const margin = Math.ceil(Math.max(width, height) * 0.02);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - margin);
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)) + margin);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - margin);
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)) + margin);
  for (let y = y0; y <= y1; y++) {
    pixels.fill(255, (y * width + x0) * 4, (y * width + x1 + 1) * 4);
  }
}
