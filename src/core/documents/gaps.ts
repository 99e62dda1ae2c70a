import type { ServiceDefinition } from "../definition/types.ts";
import { blockSource } from "./compose.ts";
import type { TextBlockLibrary } from "./placeholder-roots.ts";

/**
 * A gap left for the municipality to fill, as the default text blocks have them: "[Name und
 * Anschrift des zuständigen Verwaltungsgerichts eintragen]". A notice must never print one.
 */
const GAP = /\[[^[\]\n]{0,200}\beintragen\]/gi;

/** The gaps still to fill in a text (see `GAP`), in order. */
export function textGaps(text: string): string[] {
  return [...text.matchAll(GAP)].map((m) => m[0]);
}

/**
 * The gaps in the texts a document is made of — its own text and the text blocks it takes (the
 * service's, else the library's) — never in the case's data, which may hold anything. A block
 * found nowhere is left to `composeDocument`, which refuses it.
 */
export function documentGaps(
  def: ServiceDefinition,
  template: string,
  library: TextBlockLibrary,
): string[] {
  const doc = def.documents?.find((d) => d.id === template);
  return (doc?.blocks ?? []).flatMap((block, b) => {
    try {
      return textGaps(blockSource(def, block, `blocks[${b}]`, library).text);
    } catch {
      return [];
    }
  });
}
