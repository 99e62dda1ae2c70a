/** The properties a field's type has in the schema: lengths, bounds, choices, files, groups. */
import { useState } from "preact/hooks";
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import type { Def, DraftStore } from "../store.ts";
import { TextInput } from "../ui.tsx";
import { arr } from "./fieldTypes.ts";
import { OptionsEditor } from "./OptionsEditor.tsx";

export type TypeProps = {
  store: DraftStore;
  path: string;
  findings: Finding[];
  idPrefix: string;
  field: Def;
  set: (key: string, value: unknown) => void;
  setNumber: (key: string, v: string) => void;
  num: (key: string) => string;
};

/** The properties a field's type has in the schema. */
export function TypeProperties(p: TypeProps) {
  const { field, path, findings: f, set, setNumber, num } = p;
  const type = String(field.type ?? "");
  const id = (name: string) => `${p.idPrefix}-${name}`;
  const number = (key: string, label: string, hint?: string) => (
    <TextInput
      id={id(key)}
      label={label}
      type="number"
      hint={hint}
      path={`${path}.${key}`}
      value={num(key)}
      error={errorAt(f, `${path}.${key}`)}
      onInput={(v) => setNumber(key, v)}
    />
  );
  const text = (key: string, label: string, hint?: string) => (
    <TextInput
      id={id(key)}
      label={label}
      hint={hint}
      mono
      path={`${path}.${key}`}
      value={field[key]}
      error={errorAt(f, `${path}.${key}`)}
      onInput={(v) => set(key, v)}
    />
  );
  switch (type) {
    case "text":
    case "textarea":
      return (
        <>
          <div class="studio-row">
            {number("minLength", "Mindestlänge (Zeichen)")}
            {number("maxLength", "Höchstlänge (Zeichen)")}
          </div>
          {type === "text"
            ? text(
                "pattern",
                "Muster (regulärer Ausdruck, optional)",
                "Die ganze Eingabe muss passen, z. B. [A-Z]{2}-[0-9]{4}",
              )
            : null}
        </>
      );
    case "number":
    case "integer":
      return (
        <div class="studio-row">
          {number("min", "Kleinster Wert")}
          {number("max", "Größter Wert")}
        </div>
      );
    case "money":
      return (
        <div class="studio-row">
          {number("min", "Kleinster Betrag in Cent", "z. B. 1250 für 12,50 €")}
          {number("max", "Größter Betrag in Cent", "z. B. 100000 für 1.000,00 €")}
        </div>
      );
    case "date":
      return (
        <div class="studio-row">
          {text("min", "Frühestes Datum", "today, today+14d, today-18y oder 2025-01-31")}
          {text("max", "Spätestes Datum", "today, today+3m oder ein festes Datum JJJJ-MM-TT")}
        </div>
      );
    case "time":
      return (
        <div class="studio-row">
          {text("min", "Früheste Uhrzeit", "HH:MM, z. B. 08:00")}
          {text("max", "Späteste Uhrzeit", "HH:MM, z. B. 18:00")}
        </div>
      );
    case "select":
    case "radio":
    case "multiselect":
      return (
        <>
          <OptionsEditor
            store={p.store}
            path={path}
            field={field}
            findings={f}
            idPrefix={p.idPrefix}
          />
          {type === "multiselect" ? (
            <div class="studio-row">
              {number("minItems", "Mindestens auswählen")}
              {number("maxItems", "Höchstens auswählen")}
            </div>
          ) : null}
        </>
      );
    case "file":
      return (
        <>
          <AcceptInput
            id={id("accept")}
            path={`${path}.accept`}
            value={arr(field.accept)}
            error={errorAt(f, `${path}.accept`) ?? firstBelow(f, `${path}.accept`)}
            onChange={(list) => set("accept", list.length ? list : undefined)}
          />
          <div class="studio-row">
            <TextInput
              id={id("maxSize")}
              label="Höchste Dateigröße in MB"
              type="number"
              path={`${path}.maxSizeBytes`}
              value={
                typeof field.maxSizeBytes === "number"
                  ? String(Math.round((field.maxSizeBytes / 1048576) * 100) / 100)
                  : ""
              }
              error={errorAt(f, `${path}.maxSizeBytes`)}
              onInput={(v) => {
                const mb = Number(v.replace(",", "."));
                set(
                  "maxSizeBytes",
                  v.trim() === "" || !Number.isFinite(mb) ? undefined : Math.round(mb * 1048576),
                );
              }}
            />
            {number("maxFiles", "Höchstens Dateien", "leer: eine Datei")}
          </div>
        </>
      );
    case "group":
      return (
        <div class="studio-row">
          {text(
            "itemLabel",
            "Bezeichnung eines Eintrags",
            "z. B. Hund – ergibt „Hund 1“, „Hund 2“",
          )}
          {number("minItems", "Mindestens Einträge")}
          {number("maxItems", "Höchstens Einträge")}
        </div>
      );
    default:
      return null;
  }
}

/** MIME types as a comma-separated list; the text is kept as typed while the input has focus. */
function AcceptInput(p: {
  id: string;
  path: string;
  value: string[];
  error?: string;
  onChange: (list: string[]) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <TextInput
      id={p.id}
      label="Erlaubte Dateitypen (MIME-Typen, durch Komma getrennt)"
      hint="z. B. application/pdf, image/jpeg, image/png"
      mono
      path={p.path}
      value={text ?? p.value.join(", ")}
      error={p.error}
      onInput={(v) => {
        setText(v);
        p.onChange(
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        );
      }}
      inputProps={{ onBlur: () => setText(null) }}
    />
  );
}

function firstBelow(findings: Finding[], path: string): string | undefined {
  const hit = findings.find((x) => x.path.startsWith(`${path}[`));
  return hit ? errorAt([hit], hit.path) : undefined;
}
