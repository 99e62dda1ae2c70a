/** The fields a caseworker fills in when performing an action (stored in the case data). */
import { useEffect, useState } from "preact/hooks";
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import type { DraftStore } from "../store.ts";
import { Button, Checkbox, move, Select, TextArea, TextInput } from "../ui.tsx";
import { idFromTitle } from "./ids.ts";
import { INPUT_TYPES } from "./labels.ts";

// biome-ignore lint/suspicious/noExplicitAny: a field of a draft is free-form JSON
type Field = Record<string, any>;
type Option = { value: string; label: string };

/** Options as lines `Wert = Bezeichnung` (just `Bezeichnung` when both are the same). */
export function optionsText(options: readonly Option[]): string {
  return options.map((o) => (o.value === o.label ? o.label : `${o.value} = ${o.label}`)).join("\n");
}

export function parseOptions(text: string): Option[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf("=");
      if (eq < 0) return { value: line, label: line };
      const value = line.slice(0, eq).trim();
      const label = line.slice(eq + 1).trim();
      return { value: value || label, label: label || value };
    });
}

export function InputFields(p: {
  store: DraftStore;
  actionIndex: number;
  fields: Field[] | undefined;
  findings: Finding[];
}) {
  const fields = Array.isArray(p.fields) ? p.fields : [];
  const base = `process.actions[${p.actionIndex}].input`;
  const change = (recipe: (list: Field[]) => void) =>
    p.store.change((d) => {
      const action = d.process.actions[p.actionIndex];
      action.input ??= [];
      recipe(action.input);
      if (action.input.length === 0) delete action.input;
    });
  return (
    <fieldset class="kern-fieldset studio-subsection" data-path={base}>
      <legend class="kern-label">Eingaben der Sachbearbeitung</legend>
      <p class="kern-hint">
        Felder, die bei der Aktion ausgefüllt werden (z. B. eine Begründung); sie stehen danach in
        Bescheiden und Bedingungen zur Verfügung.
      </p>
      {fields.map((field, i) => {
        const path = `${base}[${i}]`;
        const name = field.label || field.id || `Feld ${i + 1}`;
        const set = (key: string, value: unknown) =>
          change((list) => {
            if (value === undefined || value === "" || value === false) delete list[i]![key];
            else list[i]![key] = value;
          });
        return (
          <div class="studio-card" key={i}>
            <div class="studio-row">
              <TextInput
                id={`input-${i}-label`}
                label="Beschriftung"
                required
                path={`${path}.label`}
                value={field.label}
                error={errorAt(p.findings, `${path}.label`)}
                onInput={(v) => set("label", v)}
              />
              <TextInput
                id={`input-${i}-id`}
                label="Kennung"
                required
                mono
                path={`${path}.id`}
                value={field.id}
                error={errorAt(p.findings, `${path}.id`)}
                onInput={(v) => set("id", v)}
              />
              <Select
                id={`input-${i}-type`}
                label="Art"
                path={`${path}.type`}
                value={field.type}
                onChange={(v) =>
                  change((list) => {
                    const { id, label, required } = list[i]!;
                    list[i] = { id, type: v, label, ...(required ? { required } : {}) };
                    if (v === "select" || v === "radio")
                      list[i]!.options = [{ value: "ja", label: "Ja" }];
                  })
                }
                options={[...INPUT_TYPES]}
              />
            </div>
            <Checkbox
              label="Pflichtfeld"
              path={`${path}.required`}
              checked={field.required === true}
              onChange={(v) => set("required", v)}
            />
            {field.type === "text" || field.type === "textarea" ? (
              <TextInput
                id={`input-${i}-maxlength`}
                label="Höchstens Zeichen (optional)"
                type="number"
                path={`${path}.maxLength`}
                value={field.maxLength === undefined ? "" : String(field.maxLength)}
                error={errorAt(p.findings, `${path}.maxLength`)}
                onInput={(v) => {
                  const n = v.trim() === "" ? undefined : Number(v);
                  if (n === undefined || (Number.isInteger(n) && n >= 1)) set("maxLength", n);
                }}
              />
            ) : null}
            {field.type === "select" || field.type === "radio" ? (
              <OptionsInput
                id={`input-${i}-options`}
                path={`${path}.options`}
                options={Array.isArray(field.options) ? field.options : []}
                error={errorAt(p.findings, `${path}.options`)}
                onChange={(v) => set("options", v.length > 0 ? v : undefined)}
              />
            ) : null}
            <div class="studio-toolbar">
              <Button
                small
                label={`${name} nach oben`}
                disabled={i === 0}
                onClick={() => change((l) => move(l, i, i - 1))}
              >
                ↑
              </Button>
              <Button
                small
                label={`${name} nach unten`}
                disabled={i === fields.length - 1}
                onClick={() => change((l) => move(l, i, i + 1))}
              >
                ↓
              </Button>
              <Button
                small
                label={`Eingabefeld ${name} entfernen`}
                onClick={() => change((l) => l.splice(i, 1))}
              >
                Entfernen
              </Button>
            </div>
          </div>
        );
      })}
      <Button
        small
        onClick={() =>
          change((list) => {
            const id = idFromTitle(
              "Begründung",
              list.map((f) => f.id ?? ""),
              "feld",
            );
            list.push({ id, type: "textarea", label: "Begründung" });
          })
        }
      >
        Eingabefeld hinzufügen
      </Button>
    </fieldset>
  );
}

/** Options of a choice field, one per line; kept as typed while it means the same options. */
function OptionsInput(p: {
  id: string;
  path: string;
  options: Option[];
  error?: string;
  onChange: (options: Option[]) => void;
}) {
  const stored = optionsText(p.options);
  const [text, setText] = useState(stored);
  useEffect(() => {
    if (optionsText(parseOptions(text)) !== stored) setText(stored);
  }, [stored]);
  return (
    <TextArea
      id={p.id}
      label="Auswahlmöglichkeiten"
      hint="Eine je Zeile; für einen anderen gespeicherten Wert: Wert = Bezeichnung"
      path={p.path}
      rows={3}
      value={text}
      error={p.error}
      onInput={(v) => {
        setText(v);
        p.onChange(parseOptions(v));
      }}
    />
  );
}
