/**
 * A plain form generated from field definitions, for the test run: one control per field type
 * (names and addresses by their parts, groups item by item), values kept as the engine stores
 * them (money in cents, dates ISO), errors by path in German.
 */
import { useState } from "preact/hooks";
import {
  type FieldDef,
  formatMessage,
  type Problem,
  parseCents,
  parseDecimal,
  type ServiceDefinition,
} from "../../core/index.ts";
import { Button } from "../ui.tsx";

type Data = Record<string, unknown>;

/** The DOM id of a data path's control (`dogs[0].dogName` -> `tr-dogs-0-dogName`). */
export function controlId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "")}`;
}

/** The messages of the problems at `path` or inside it (`address.postcode` under `address`). */
function messagesAt(errors: Problem[], path: string): string[] {
  return errors
    .filter(
      (e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`),
    )
    .map((e) => formatMessage(e.key, e.params));
}

const PARTS: Record<string, [string, string][]> = {
  personName: [
    ["givenName", "Vorname"],
    ["familyName", "Familienname"],
  ],
  address: [
    ["street", "Straße"],
    ["houseNumber", "Hausnummer"],
    ["postcode", "Postleitzahl"],
    ["city", "Ort"],
  ],
};

export function DataForm(p: {
  def: ServiceDefinition;
  fields: readonly FieldDef[];
  data: Data;
  onChange: (data: Data) => void;
  errors: Problem[];
  /** Prefix of control ids, and of error paths (`input` for an action's input). */
  prefix: string;
  basePath?: string;
}) {
  return (
    <div class="studio-dataform">
      {p.fields.map((field) => (
        <FieldControl
          key={field.id}
          def={p.def}
          field={field}
          value={p.data[field.id]}
          onChange={(v) => {
            const next = { ...p.data };
            if (v === undefined || v === "") delete next[field.id];
            else next[field.id] = v;
            p.onChange(next);
          }}
          errors={p.errors}
          path={p.basePath ? `${p.basePath}.${field.id}` : field.id}
          prefix={p.prefix}
        />
      ))}
    </div>
  );
}

function FieldControl(p: {
  def: ServiceDefinition;
  field: FieldDef;
  value: unknown;
  onChange: (v: unknown) => void;
  errors: Problem[];
  path: string;
  prefix: string;
}) {
  const { field } = p;
  const id = controlId(p.prefix, p.path);
  const [text, setText] = useState<string | null>(null);
  if (field.type === "info") return null;
  if ("computed" in field && field.computed) {
    return (
      <p class="kern-body studio-muted">
        {field.label}: wird berechnet (<code>{field.computed}</code>)
      </p>
    );
  }
  const messages =
    field.type === "group"
      ? p.errors.filter((e) => e.path === p.path).map((e) => formatMessage(e.key, e.params))
      : messagesAt(p.errors, p.path);
  const errorId = messages.length ? `${id}-error` : undefined;
  // the test run hides top-level fields the answers do not ask for; inside a group it tells
  const hint =
    field.visibleIf && p.path.includes("[") ? `Nur gefragt, wenn ${field.visibleIf}` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const label = `${field.label}${field.required ? " *" : ""}`;
  const hintAndErrors = (
    <>
      {hint ? (
        <div class="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {messages.length ? (
        <p class="kern-error" id={errorId}>
          <span class="kern-body">{messages.join(" ")}</span>
        </p>
      ) : null}
    </>
  );
  const wrap = (control: preact.ComponentChildren, asGroup = false) =>
    asGroup ? (
      <fieldset class="studio-fieldset" aria-describedby={describedBy}>
        <legend class="kern-label">{label}</legend>
        {hintAndErrors}
        {control}
      </fieldset>
    ) : (
      <div class={`kern-form-input${messages.length ? " kern-form-input--error" : ""}`}>
        <label class="kern-label" for={id}>
          {label}
        </label>
        {hintAndErrors}
        {control}
      </div>
    );
  const inputClass = `kern-form-input__input${messages.length ? " kern-form-input__input--error" : ""}`;
  const common = {
    id,
    class: inputClass,
    "aria-describedby": describedBy,
    "aria-invalid": messages.length ? true : undefined,
  };
  const str = typeof p.value === "string" ? p.value : p.value === undefined ? "" : String(p.value);

  switch (field.type) {
    case "textarea":
      return wrap(
        <textarea
          {...common}
          rows={3}
          value={str}
          onInput={(e) => p.onChange(e.currentTarget.value)}
        />,
      );
    case "number":
    case "integer":
    case "money": {
      const shown =
        text ??
        (typeof p.value === "number"
          ? field.type === "money"
            ? (p.value / 100).toFixed(2).replace(".", ",")
            : String(p.value).replace(".", ",")
          : str);
      return wrap(
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={shown}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            if (!v.trim()) return p.onChange(undefined);
            const parsed = field.type === "money" ? parseCents(v) : parseDecimal(v);
            p.onChange(parsed ?? v);
          }}
          onBlur={() => setText(null)}
        />,
      );
    }
    case "date":
      return wrap(
        <input
          {...common}
          type="date"
          value={str}
          onInput={(e) => p.onChange(e.currentTarget.value)}
        />,
      );
    case "time":
      return wrap(
        <input
          {...common}
          type="time"
          value={str}
          onInput={(e) => p.onChange(e.currentTarget.value)}
        />,
      );
    case "boolean":
      return (
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={id}
            checked={p.value === true}
            aria-describedby={describedBy}
            onChange={(e) => p.onChange(e.currentTarget.checked)}
          />
          <label class="kern-label" for={id}>
            {label}
          </label>
          {messages.length ? (
            <p class="kern-error" id={errorId}>
              <span class="kern-body">{messages.join(" ")}</span>
            </p>
          ) : null}
        </div>
      );
    case "select":
    case "radio": {
      const options = field.options ?? p.def.codeLists?.[field.codeList ?? ""]?.options ?? [];
      return wrap(
        <div class="kern-form-input__select-wrapper">
          <select
            {...common}
            class="kern-form-input__select"
            value={str}
            onChange={(e) => p.onChange(e.currentTarget.value || undefined)}
          >
            <option value="">– keine Angabe –</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>,
      );
    }
    case "multiselect": {
      const options = field.options ?? p.def.codeLists?.[field.codeList ?? ""]?.options ?? [];
      const chosen = Array.isArray(p.value) ? (p.value as string[]) : [];
      return wrap(
        options.map((o) => (
          <div class="kern-form-check" key={o.value}>
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={chosen.includes(o.value)}
              onChange={(e) =>
                p.onChange(
                  e.currentTarget.checked
                    ? [...chosen, o.value]
                    : chosen.filter((v) => v !== o.value),
                )
              }
            />
            <label class="kern-label" for={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        )),
        true,
      );
    }
    case "personName":
    case "address": {
      const value = (p.value && typeof p.value === "object" ? p.value : {}) as Data;
      return wrap(
        <div class="studio-row">
          {PARTS[field.type]!.map(([part, partLabel]) => {
            const partId = `${id}-${part}`;
            return (
              <div class="kern-form-input" key={part}>
                <label class="kern-label" for={partId}>
                  {partLabel}
                </label>
                <input
                  class="kern-form-input__input"
                  id={partId}
                  type="text"
                  value={typeof value[part] === "string" ? (value[part] as string) : ""}
                  onInput={(e) => {
                    const next = { ...value, [part]: e.currentTarget.value };
                    if (!e.currentTarget.value) delete next[part];
                    p.onChange(Object.keys(next).length ? next : undefined);
                  }}
                />
              </div>
            );
          })}
        </div>,
        true,
      );
    }
    case "file": {
      const attached = p.value !== undefined;
      return wrap(
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={id}
            checked={attached}
            onChange={(e) =>
              p.onChange(
                e.currentTarget.checked
                  ? [
                      {
                        id: "00000000-0000-4000-8000-00000000beef",
                        name: "beispiel.pdf",
                        mimeType: field.accept[0]?.replace(/\/\*$/, "/png") ?? "application/pdf",
                        size: Math.min(1024, field.maxSizeBytes),
                      },
                    ]
                  : undefined,
              )
            }
          />
          <label class="kern-label" for={id}>
            Beispieldatei anhängen (im Testlauf wird nichts hochgeladen)
          </label>
        </div>,
        true,
      );
    }
    case "group": {
      const items = Array.isArray(p.value) ? (p.value as Data[]) : [];
      const setItems = (next: Data[]) => p.onChange(next.length ? next : undefined);
      return wrap(
        <>
          {items.map((item, i) => (
            <fieldset class="studio-fieldset" key={i}>
              <legend class="kern-label">
                {field.itemLabel ?? "Eintrag"} {i + 1}
              </legend>
              <DataForm
                def={p.def}
                fields={field.fields}
                data={item ?? {}}
                onChange={(d) => setItems(items.map((x, j) => (j === i ? d : x)))}
                errors={p.errors}
                prefix={p.prefix}
                basePath={`${p.path}[${i}]`}
              />
              <Button
                small
                label={`${field.itemLabel ?? "Eintrag"} ${i + 1} entfernen`}
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                Entfernen
              </Button>
            </fieldset>
          ))}
          <Button small onClick={() => setItems([...items, {}])}>
            {field.itemLabel ?? "Eintrag"} hinzufügen
          </Button>
        </>,
        true,
      );
    }
    default:
      return wrap(
        <input
          {...common}
          type="text"
          value={str}
          onInput={(e) => p.onChange(e.currentTarget.value)}
        />,
      );
  }
}
