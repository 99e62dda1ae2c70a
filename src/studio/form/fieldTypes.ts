/**
 * The field types as the form builder offers them: German names, what a new field of each type
 * starts with (chosen so that the definition stays valid), and ids made from labels.
 */
import { FIELD_TYPES, type FieldType } from "../../core/index.ts";
import type { Def } from "../store.ts";

/** German names of the field types, in the palette's order. */
export const TYPE_LABELS: Record<FieldType, string> = {
  text: "Text (einzeilig)",
  textarea: "Text (mehrzeilig)",
  number: "Zahl (mit Nachkommastellen)",
  integer: "Ganze Zahl",
  money: "Geldbetrag",
  date: "Datum",
  time: "Uhrzeit",
  boolean: "Ankreuzfeld (Ja/Nein)",
  select: "Auswahlliste (eine Option)",
  radio: "Auswahl (eine Option)",
  multiselect: "Mehrfachauswahl",
  email: "E-Mail-Adresse",
  phone: "Telefonnummer",
  postcode: "Postleitzahl",
  address: "Anschrift",
  personName: "Name einer Person",
  iban: "IBAN (Bankverbindung)",
  file: "Datei-Upload",
  info: "Hinweistext",
  group: "Wiederholbare Gruppe",
};

/** The field types in palette order (every type core knows; unknown ones last). */
export const PALETTE_TYPES: FieldType[] = [
  ...(Object.keys(TYPE_LABELS) as FieldType[]).filter((t) => FIELD_TYPES.includes(t)),
  ...FIELD_TYPES.filter((t) => !(t in TYPE_LABELS)),
];

export const typeLabel = (type: unknown): string =>
  (TYPE_LABELS as Record<string, string>)[String(type)] ?? `Unbekannter Typ „${String(type)}“`;

export const CHOICE_TYPES = new Set(["select", "radio", "multiselect"]);
export const COMPUTABLE_TYPES = new Set(["text", "number", "integer", "money", "date", "boolean"]);

/** Every id used in the definition's data (form fields, group subfields, inputs, variables). */
export function usedIds(def: Def): Set<string> {
  const ids = new Set<string>();
  const addAll = (fields: unknown) => {
    if (!Array.isArray(fields)) return;
    for (const f of fields) {
      if (typeof f?.id === "string") ids.add(f.id);
      addAll(f?.fields);
    }
  };
  for (const page of arr(def.form?.pages)) addAll(page?.fields);
  for (const action of arr(def.process?.actions)) addAll(action?.input);
  for (const v of arr(def.process?.variables)) if (typeof v?.id === "string") ids.add(v.id);
  return ids;
}

/** `Art des Hundes` -> `artDesHundes`: an identifier (FEEL name) made from a German label. */
export function identifierFrom(label: string): string {
  const plain = label
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  const words = plain.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("")
    .slice(0, 40);
  if (!/^[a-zA-Z]/.test(id)) id = `feld${id}`;
  return id;
}

/** `base`, or `base2`, `base3` … whichever is not taken yet. */
export function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new field of `type` that passes the linter: `Feld 3` with id `feld3`, two options … */
export function newField(type: FieldType, def: Def, inGroup = false): Def {
  const taken = usedIds(def);
  let n = 1;
  while (taken.has(`feld${n}`)) n++;
  const id = `feld${n}`;
  const label = `Feld ${n}`;
  switch (type) {
    case "select":
    case "radio":
    case "multiselect":
      return {
        id,
        type,
        label,
        options: [
          { value: "option1", label: "Option 1" },
          { value: "option2", label: "Option 2" },
        ],
      };
    case "file":
      return {
        id,
        type,
        label,
        accept: ["application/pdf", "image/jpeg", "image/png"],
        maxSizeBytes: 10 * 1024 * 1024,
      };
    case "info":
      return { id, type, text: "Bitte ersetzen Sie diesen Text durch Ihren Hinweis." };
    case "group":
      if (inGroup) return { id, type: "text", label };
      return {
        id,
        type,
        label,
        itemLabel: "Eintrag",
        fields: [{ id: uniqueId(`${id}Bezeichnung`, taken), type: "text", label: "Bezeichnung" }],
      };
    default:
      return { id, type, label };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: drafts are free-form JSON
export function arr(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** The index that stays selected after removing `removed` from a list of `length` items. */
export function stillSelected(
  selected: number | null,
  removed: number,
  length: number,
): number | null {
  if (selected === null) return null;
  if (selected > removed) return selected - 1;
  if (selected < removed) return selected;
  return length > 1 ? Math.min(removed, length - 2) : null;
}
