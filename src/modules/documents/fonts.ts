import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The fonts of every PDF, shipped in npm packages as TTF (Typst reads TTF/OTF, not the WOFF2
 * that KERN UX ships): Fira Sans (KERN's typeface) for text, DejaVu Sans for scripts Fira lacks
 * (Hebrew, Arabic, many symbols), Noto Emoji (monochrome) for emoji. Templates name exactly
 * these families with `fallback: false`, so a machine's own fonts never change a document.
 */
export const FONT_FAMILIES = ["Fira Sans", "DejaVu Sans", "Noto Emoji"] as const;

const FILES: [pkg: string, file: string][] = [
  ["@expo-google-fonts/fira-sans", "400Regular/FiraSans_400Regular.ttf"],
  ["@expo-google-fonts/fira-sans", "400Regular_Italic/FiraSans_400Regular_Italic.ttf"],
  ["@expo-google-fonts/fira-sans", "600SemiBold/FiraSans_600SemiBold.ttf"],
  ["@expo-google-fonts/fira-sans", "700Bold/FiraSans_700Bold.ttf"],
  ["@expo-google-fonts/fira-sans", "700Bold_Italic/FiraSans_700Bold_Italic.ttf"],
  ["dejavu-fonts-ttf", "ttf/DejaVuSans.ttf"],
  ["dejavu-fonts-ttf", "ttf/DejaVuSans-Bold.ttf"],
  ["@expo-google-fonts/noto-emoji", "400Regular/NotoEmoji_400Regular.ttf"],
];

/** The font files' bytes, read once. */
export function fontBlobs(): Buffer[] {
  const require = createRequire(import.meta.url);
  return FILES.map(([pkg, file]) => {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    return readFileSync(path.join(root, file));
  });
}
