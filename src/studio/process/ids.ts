/**
 * Identifiers for new statuses, actions and fee items, made from the title the designer typed:
 * German letters spelt out, words joined in camelCase (`In Prüfung` → `inPruefung`), unique.
 */
const SPELL: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
  Ä: "Ae",
  Ö: "Oe",
  Ü: "Ue",
};

/** An identifier (`^[a-zA-Z][a-zA-Z0-9_]*$`) from a title, not among `taken`. */
export function idFromTitle(title: string, taken: Iterable<string>, fallback = "neu"): string {
  const words = title
    .replace(/[äöüßÄÖÜ]/g, (c) => SPELL[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  let id = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("")
    .slice(0, 40);
  if (!/^[a-zA-Z]/.test(id)) id = id ? `${fallback}${id}` : fallback;
  const used = new Set(taken);
  if (!used.has(id)) return id;
  for (let n = 2; ; n++) if (!used.has(`${id}${n}`)) return `${id}${n}`;
}

/** Whether a text is a valid identifier. */
export function isIdentifier(text: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9_]*$/.test(text);
}
