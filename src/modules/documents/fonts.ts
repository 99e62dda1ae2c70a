import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";

/**
 * The fonts of every PDF, shipped in npm packages as TTF (Typst reads TTF/OTF, not the WOFF2
 * that KERN UX ships): Fira Sans (KERN's typeface) for text, DejaVu Sans for scripts Fira lacks
 * (Hebrew, Arabic, many symbols), Noto Emoji (monochrome) for emoji. Templates name exactly
 * these families with `fallback: false`, so a machine's own fonts never change a document.
 */
export const FONT_FAMILIES = ["Fira Sans", "DejaVu Sans", "Noto Emoji"] as const;

type FontFile = { pkg: string; file: string; unhint: boolean };

/** `unhint`: the faces every letter embeds (see {@link documentFonts}). */
const FILES: FontFile[] = [
  { pkg: "@expo-google-fonts/fira-sans", file: "400Regular/FiraSans_400Regular.ttf", unhint: true },
  {
    pkg: "@expo-google-fonts/fira-sans",
    file: "400Regular_Italic/FiraSans_400Regular_Italic.ttf",
    unhint: true,
  },
  {
    pkg: "@expo-google-fonts/fira-sans",
    file: "600SemiBold/FiraSans_600SemiBold.ttf",
    unhint: true,
  },
  { pkg: "@expo-google-fonts/fira-sans", file: "700Bold/FiraSans_700Bold.ttf", unhint: true },
  {
    pkg: "@expo-google-fonts/fira-sans",
    file: "700Bold_Italic/FiraSans_700Bold_Italic.ttf",
    unhint: true,
  },
  { pkg: "dejavu-fonts-ttf", file: "ttf/DejaVuSans.ttf", unhint: false },
  { pkg: "dejavu-fonts-ttf", file: "ttf/DejaVuSans-Bold.ttf", unhint: false },
  {
    pkg: "@expo-google-fonts/noto-emoji",
    file: "400Regular/NotoEmoji_400Regular.ttf",
    unhint: false,
  },
];

/** Every name record a font may carry (family, style, typographic family and style, …). */
const ALL_NAME_IDS = Array.from({ length: 26 }, (_, id) => id);

function readFont({ pkg, file }: FontFile): Buffer {
  const root = path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  return readFileSync(path.join(root, file));
}

/**
 * A font with every glyph, layout feature and name, less its TrueType hinting (instructions
 * for screen rasterisers at small pixel sizes, which neither print nor PDF viewers need): about
 * a quarter smaller, and Typst subsets and compresses an embedded face that much faster on every
 * PDF (bench/notices: ~0.3 ms a notice with two faces). Advance widths and kerning are
 * untouched, so the layout is the same to the point.
 */
async function unhinted(font: Buffer): Promise<Buffer> {
  return subsetFont(font, undefined, {
    keepAllGlyphs: true,
    noHinting: true,
    preserveNameIds: ALL_NAME_IDS,
    targetFormat: "truetype",
  });
}

let prepared: Promise<Buffer[]> | undefined;

/**
 * The fonts the renderer loads: the Fira Sans faces unhinted (made once per process, ~0.3 s),
 * DejaVu Sans and Noto Emoji as shipped (embedded only for the rare text Fira lacks).
 */
export function documentFonts(): Promise<Buffer[]> {
  prepared ??= Promise.all(
    FILES.map(async (f) => (f.unhint ? unhinted(readFont(f)) : readFont(f))),
  );
  return prepared;
}
