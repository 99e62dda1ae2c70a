import { useState } from "preact/hooks";

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

/**
 * The add-by-title form of a list editor (statuses, actions, fee items): the title typed, and
 * `add`, which refuses an empty title with `missing`, makes a unique id from the title, hands
 * both to `insert`, empties the field and announces `added` to screen readers.
 */
export function useAddByTitle(o: {
  taken: () => string[];
  fallback: string;
  missing: string;
  added: (title: string) => string;
  insert: (id: string, title: string) => void;
}) {
  const [title, setTitle] = useState("");
  const [announce, setAnnounce] = useState("");
  function add(e: Event) {
    e.preventDefault();
    const text = title.trim();
    if (!text) {
      setAnnounce(o.missing);
      return;
    }
    o.insert(idFromTitle(text, o.taken(), o.fallback), text);
    setTitle("");
    setAnnounce(o.added(text));
  }
  return { title, setTitle, announce, setAnnounce, add };
}
