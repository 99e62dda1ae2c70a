import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { documentFonts } from "../fonts.ts";

/** An sfnt's tables by tag (the table directory at the start of the file). */
function tables(font: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const at = 12 + 16 * i;
    const offset = font.readUInt32BE(at + 8);
    out.set(
      font.toString("latin1", at, at + 4),
      font.subarray(offset, offset + font.readUInt32BE(at + 12)),
    );
  }
  return out;
}

/** The Windows (UTF-16) name records of a font, by name id. */
function names(font: Buffer): Map<number, string> {
  const name = tables(font).get("name");
  assert.ok(name);
  const out = new Map<number, string>();
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < name.readUInt16BE(2); i++) {
    const at = 6 + 12 * i;
    if (name.readUInt16BE(at) !== 3) continue; // platform: Windows
    const bytes = name.subarray(
      strings + name.readUInt16BE(at + 10),
      strings + name.readUInt16BE(at + 10) + name.readUInt16BE(at + 8),
    );
    out.set(name.readUInt16BE(at + 6), Buffer.from(bytes).swap16().toString("utf16le"));
  }
  return out;
}

const fira = path.dirname(
  createRequire(import.meta.url).resolve("@expo-google-fonts/fira-sans/package.json"),
);
const SHIPPED = [
  "400Regular/FiraSans_400Regular.ttf",
  "400Regular_Italic/FiraSans_400Regular_Italic.ttf",
  "600SemiBold/FiraSans_600SemiBold.ttf",
  "700Bold/FiraSans_700Bold.ttf",
  "700Bold_Italic/FiraSans_700Bold_Italic.ttf",
].map((file) => readFileSync(path.join(fira, file)));

describe("documentFonts", () => {
  it("gives the Fira faces without hinting, with every glyph, layout table and name kept", async () => {
    const fonts = await documentFonts();
    for (const [i, shipped] of SHIPPED.entries()) {
      const font = fonts[i];
      const mine = tables(font);
      const theirs = tables(shipped);
      assert.ok(
        font.length < shipped.length * 0.8,
        `face ${i}: ${font.length} of ${shipped.length} bytes`,
      );
      for (const hinting of ["fpgm", "prep", "cvt "]) {
        assert.ok(theirs.has(hinting) && !mine.has(hinting), `face ${i}: ${hinting}`);
      }
      for (const kept of ["glyf", "GPOS", "GSUB", "cmap", "hmtx"]) assert.ok(mine.has(kept), kept);
      // maxp: the number of glyphs; hmtx: every advance width, so the layout stays the same.
      assert.equal(mine.get("maxp")?.readUInt16BE(4), theirs.get("maxp")?.readUInt16BE(4));
      assert.deepEqual(mine.get("hmtx"), theirs.get("hmtx"));
      // Family and style as Typst matches them (typographic family 16/17 where the face has it).
      for (const id of [1, 2, 16, 17])
        assert.equal(names(font).get(id), names(shipped).get(id), `name ${id}`);
    }
  });
});
