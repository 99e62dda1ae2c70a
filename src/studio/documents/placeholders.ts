/**
 * The placeholders a text may use where it is used — a document's block, a notification, a
 * service text block — computed from the draft (possibly incomplete) as the linter checks them:
 * the case data (form fields, caseworker inputs, variables), what the platform supplies, the
 * document's named dates, `payment.*` in fee notices and `item.*` in repeated blocks.
 */
import { COMPOSITE_PROPERTIES, PLATFORM_PLACEHOLDERS } from "../../core/index.ts";
import type { Def } from "../store.ts";

export type Placeholder = { name: string; label: string };
export type PlaceholderGroup = { id: string; title: string; items: Placeholder[] };

/** Where a text is edited. */
export type TextScope =
  | { kind: "document"; doc: number; forEach?: string }
  | { kind: "notification" }
  | { kind: "textBlock" };

// biome-ignore lint/suspicious/noExplicitAny: draft JSON
type Json = any;

const list = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

const PLATFORM_LABELS: Record<string, string> = {
  "case.reference": "Aktenzeichen",
  "case.submittedAt": "Eingangsdatum",
  "case.status": "Stand des Vorgangs",
  "case.service": "Name des Dienstes",
  "tenant.name": "Name der Kommune",
  "tenant.street": "Straße",
  "tenant.postcode": "Postleitzahl",
  "tenant.city": "Ort",
  "tenant.phone": "Telefon",
  "tenant.email": "E-Mail",
  "tenant.website": "Internetseite",
  "tenant.openingHours": "Öffnungszeiten",
  "tenant.iban": "IBAN",
  "tenant.bic": "BIC",
  "tenant.bankName": "Bank",
  "applicant.name": "Name",
  "applicant.address": "Anschrift",
  "fees.total": "Gebühren gesamt",
  "payment.reference": "Kassenzeichen",
  "payment.dueDate": "Fälligkeitsdatum",
  "payment.total": "Zahlbetrag",
};

const PART_LABELS: Record<string, string> = {
  street: "Straße",
  houseNumber: "Hausnummer",
  postcode: "PLZ",
  city: "Ort",
  addition: "Zusatz",
  country: "Land",
  title: "Titel",
  givenName: "Vorname",
  familyName: "Familienname",
  birthName: "Geburtsname",
};

/** Placeholders of one field: itself, or its parts for names and addresses; none for files, groups and info. */
function fieldItems(field: Json): Placeholder[] {
  if (!field || typeof field.id !== "string" || !field.id) return [];
  const label = typeof field.label === "string" && field.label ? field.label : field.id;
  if (["info", "file", "group"].includes(field.type)) return [];
  const parts = COMPOSITE_PROPERTIES[field.type as keyof typeof COMPOSITE_PROPERTIES];
  if (parts) {
    return parts.map((p) => ({
      name: `${field.id}.${p}`,
      label: `${label}: ${PART_LABELS[p] ?? p}`,
    }));
  }
  return [{ name: field.id, label }];
}

function platform(root: keyof typeof PLATFORM_PLACEHOLDERS): Placeholder[] {
  const keys: readonly string[] = PLATFORM_PLACEHOLDERS[root];
  return keys.map((k) => ({ name: `${root}.${k}`, label: PLATFORM_LABELS[`${root}.${k}`] ?? k }));
}

/** The placeholders valid in `scope`, grouped for the list. */
export function placeholderGroups(def: Def, scope: TextScope): PlaceholderGroup[] {
  const groups: PlaceholderGroup[] = [];
  const pages = list(def.form?.pages);
  const formFields = pages.flatMap((p) => list(p?.fields));
  const seen = new Set<string>();
  const unique = (items: Placeholder[]) =>
    items.filter((i) => {
      if (seen.has(i.name)) return false;
      seen.add(i.name);
      return true;
    });
  if (scope.kind === "document" && scope.forEach) {
    const group = formFields.find((f) => f?.id === scope.forEach && f?.type === "group");
    const items = list(group?.fields)
      .flatMap(fieldItems)
      .map((i) => ({ name: `item.${i.name}`, label: i.label }));
    groups.push({ id: "item", title: `Je Eintrag von „${group?.label ?? scope.forEach}“`, items });
  }
  groups.push({
    id: "form",
    title: "Angaben im Antrag",
    items: unique(formFields.flatMap(fieldItems)),
  });
  const inputs = list(def.process?.actions).flatMap((a) => list(a?.input).flatMap(fieldItems));
  if (inputs.length)
    groups.push({ id: "input", title: "Eingaben der Sachbearbeitung", items: unique(inputs) });
  const variables = list(def.process?.variables).flatMap(fieldItems);
  if (variables.length)
    groups.push({ id: "variable", title: "Vorgangsdaten", items: unique(variables) });
  groups.push({ id: "case", title: "Vorgang", items: platform("case") });
  groups.push({
    id: "applicant",
    title: "Antragstellerin oder Antragsteller",
    items: platform("applicant"),
  });
  groups.push({ id: "fees", title: "Gebühren", items: platform("fees") });
  if (scope.kind !== "notification") {
    const doc = scope.kind === "document" ? list(def.documents)[scope.doc] : undefined;
    if (scope.kind === "textBlock" || doc?.payment) {
      groups.push({
        id: "payment",
        title: "Zahlung (Gebührenbescheid)",
        items: platform("payment"),
      });
    }
    const dates =
      scope.kind === "document"
        ? Object.keys(doc?.dates ?? {})
        : [...new Set(list(def.documents).flatMap((d) => Object.keys(d?.dates ?? {})))];
    if (dates.length) {
      groups.push({
        id: "dates",
        title: "Termine des Dokuments",
        items: dates.map((d) => ({ name: `dates.${d}`, label: `Termin „${d}“ in Worten` })),
      });
    }
  }
  groups.push({ id: "tenant", title: "Ihre Kommune", items: platform("tenant") });
  groups.push({ id: "today", title: "Datum", items: [{ name: "today", label: "Heutiges Datum" }] });
  return groups.filter((g) => g.items.length > 0);
}
