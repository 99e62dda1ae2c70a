/** German names for the process's technical values, as the studio shows them. */

export const STATUS_KINDS = [
  { value: "open", label: "offen" },
  { value: "waiting-for-applicant", label: "wartet auf Antragsteller" },
  { value: "final-positive", label: "abgeschlossen positiv" },
  { value: "final-negative", label: "abgeschlossen negativ" },
] as const;

/** Roles in the order designers need them most. */
export const ROLES = [
  { value: "caseworker", label: "Sachbearbeitung" },
  { value: "approver", label: "Freigabe (Vorgesetzte)" },
  { value: "applicant", label: "Antragsteller/in" },
  { value: "system", label: "System (automatisch)" },
  { value: "auditor", label: "Prüfung und Aufsicht" },
  { value: "designer", label: "Dienstgestaltung" },
  { value: "admin", label: "Administration" },
] as const;

export const EFFECT_TYPES = [
  { value: "generateDocument", label: "Dokument erzeugen (z. B. Bescheid)" },
  { value: "deliver", label: "Dokument zustellen" },
  { value: "messageApplicant", label: "Nachricht an Antragsteller/in" },
  { value: "notifyStaff", label: "Mitarbeitende benachrichtigen" },
  { value: "assessFee", label: "Gebühren festsetzen" },
  { value: "assign", label: "Vorgang zuweisen" },
  { value: "setFollowUp", label: "Wiedervorlage setzen" },
  { value: "archive", label: "Archivieren" },
  { value: "setData", label: "Wert setzen" },
  { value: "webhook", label: "Anderes System benachrichtigen (Webhook)" },
] as const;

export const CHANNELS = [
  { value: "", label: "automatisch: Postfach, sonst E-Mail, sonst Brief" },
  { value: "postbox", label: "Postfach im Portal" },
  { value: "email", label: "E-Mail" },
  { value: "print", label: "Ausdruck zum Versand durch die Verwaltung" },
  { value: "mail", label: "Briefpost" },
] as const;

/** Field types a caseworker can fill in as input to an action. */
export const INPUT_TYPES = [
  { value: "text", label: "Text (eine Zeile)" },
  { value: "textarea", label: "Text (mehrzeilig)" },
  { value: "number", label: "Zahl" },
  { value: "integer", label: "Ganze Zahl" },
  { value: "money", label: "Geldbetrag" },
  { value: "date", label: "Datum" },
  { value: "boolean", label: "Ja/Nein" },
  { value: "select", label: "Auswahlliste" },
  { value: "radio", label: "Auswahl (Optionsfelder)" },
] as const;

export function labelOf(list: readonly { value: string; label: string }[], value: unknown): string {
  return list.find((x) => x.value === value)?.label ?? String(value ?? "");
}
