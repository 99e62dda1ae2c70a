import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type NodeCompiler, typstBinding } from "./typst.native.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");
/** Where a render's data is mapped (templates read it as `json("/data.json")`); no file on disk. */
const DATA_FILE = path.join(TEMPLATES, "data.json");

/**
 * Files a template may read besides its data, e.g. the municipality's logo (`assets/logo.png`), a
 * QR code's pixels (`.luma8`) or PDFs whose pages a print batch places (`.pdf`). Name them by their content
 * (a hash): Typst caches files by path.
 */
export type Assets = Record<string, Uint8Array>;

export type RenderOptions = {
  /** Mapped to `assets/<name>` for the duration of this render only. */
  assets?: Assets;
  /** The creation date written into the PDF (deterministic output: the same input, the same bytes). */
  createdAt?: Date;
  /**
   * PDF/A-2b unless "none": documents are records kept for years. A print batch is not a record
   * (its letters are) and places other PDFs' pages, which PDF/A forbids in this form.
   */
  standard?: "a-2b" | "none";
};

/** A template failed to compile: a bug in the template, never caused by the data. */
export class RenderFailed extends Error {}

/** Renders between two evictions of Typst's caches (see `renderHere`). */
const EVICT_EVERY = 10;

let compiler: NodeCompiler | undefined;
let fonts: Buffer[] | undefined;
let renders = 0;

/** The fonts this thread's renders use (`documentFonts()`), given before the first render. */
export function useFonts(blobs: Buffer[]): void {
  fonts = blobs;
}

function typst(): NodeCompiler {
  if (!fonts) throw new Error("No fonts given to the renderer (useFonts)");
  compiler ??= typstBinding().NodeCompiler.create({
    workspace: TEMPLATES,
    fontArgs: [{ fontBlobs: fonts }],
  });
  return compiler;
}

/**
 * Renders `templates/<template>.typ` to PDF in this thread (the render worker's work). All data
 * reaches the template as one JSON text, `json` (the file `/data.json`, mapped for this render
 * only and read with `json(...)`): user text is a
 * Typst string there, shown as text, never parsed as markup, so `#import "x"` or `]*[` in a name
 * prints literally. Not `sys.inputs`: they are part of Typst's standard library, and new inputs
 * on every render made it miss much of what it had memoised (0.7 ms of a 6 ms two-page notice).
 * Synchronous (Typst compiles in a few milliseconds); one compiler serves every render,
 * which keeps fonts and templates parsed once.
 */
export function renderHere(
  template: string,
  json: string,
  opts: RenderOptions = {},
): { pdf: Uint8Array; pages: number } {
  if (!/^[a-z][a-z0-9-]*$/.test(template) || !existsSync(path.join(TEMPLATES, `${template}.typ`))) {
    throw new RenderFailed(`Unknown document template ${template}`);
  }
  const c = typst();
  const assets = Object.entries(opts.assets ?? {}).map(([name, bytes]) => {
    if (!/^[a-z][a-z0-9-]*\.(png|jpg|svg|pdf|luma8)$/.test(name))
      throw new RenderFailed(`Bad asset ${name}`);
    const file = path.join(TEMPLATES, "assets", name);
    c.mapShadow(file, Buffer.from(bytes));
    return file;
  });
  c.mapShadow(DATA_FILE, Buffer.from(json));
  try {
    const result = c.compile({ mainFilePath: path.join(TEMPLATES, `${template}.typ`) });
    const error = result.takeError();
    if (error || !result.result) {
      const messages = error?.shortDiagnostics.map((d) => d.message).join("; ");
      throw new RenderFailed(`Template ${template} did not compile: ${messages ?? "no document"}`);
    }
    const createdAt = opts.createdAt ?? new Date();
    // PDF/A-2b: documents are records kept for years; Typst checks the rules while writing.
    const pdf = c.pdf(result.result, {
      pdfStandard: opts.standard === "none" ? undefined : "a-2b",
      creationTimestamp: Math.floor(createdAt.getTime() / 1000),
    });
    return { pdf, pages: result.result.numOfPages };
  } finally {
    c.unmapShadow(DATA_FILE);
    for (const file of assets) c.unmapShadow(file);
    // Typst memoises what it computes (fonts, templates, layout) in caches that live as long as
    // the thread. Every 10 renders, drop what the last ones did not use: the next notice differs
    // in its data anyway, and it still finds the fonts and templates. Keeping entries for 10
    // evictions every 50 renders (as before) held ~500 notices' layouts: a thread grew ~0.6 MB a
    // render instead of ~0.3 MB. Evicting this often costs ~0.5 % more instructions (callgrind).
    if (++renders % EVICT_EVERY === 0) c.evictCache(1);
  }
}
