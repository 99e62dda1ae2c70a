import { html } from "hono/html";
import type { FieldDef, ServiceDefinition } from "../../core/index.ts";
import type { Html } from "../../platform/http/ui.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import { checkboxes } from "../tenants/index.ts";
import { domId, type FormData, itemsOf } from "./form-state.ts";
import { acceptedNames, megabytes } from "./uploads.ts";

// The controls of every field type of a service definition, rendered without JavaScript. Names
// follow the data paths core's `decodeFormPost` reads (`address.street`, `dogs[0].name`); ids
// are the same paths made safe for `#fragment` links from the error summary.

type Leaf = Exclude<FieldDef, { type: "group" }>;

export type FieldContext = {
  def: ServiceDefinition;
  t: Translate;
  data: FormData;
  /** Error messages by data path. */
  errors: Map<string, string>;
  /** Field paths shown now (`visibleIf` evaluated on the server). */
  shown: Set<string>;
  /** Link to download a file uploaded to the draft. */
  fileHref: (fileId: string) => string;
};

/** A value as the citizen typed it or as it reads in German (dates, euros, decimals). */
export function displayValue(type: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") {
    if (type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
    return value;
  }
  if (typeof value === "number") {
    if (type === "money") {
      const euros = Math.trunc(value / 100);
      const cents = String(Math.abs(value % 100)).padStart(2, "0");
      return `${euros},${cents}`;
    }
    return String(value).replace(".", ",");
  }
  return String(value);
}

export function optionsOf(def: ServiceDefinition, f: FieldDef): { value: string; label: string }[] {
  if (!("options" in f) && !("codeList" in f)) return [];
  const c = f as { options?: { value: string; label: string }[]; codeList?: string };
  return c.options ?? (c.codeList ? (def.codeLists?.[c.codeList]?.options ?? []) : []);
}

const INPUT: Record<string, { type?: "email" | "tel"; inputmode?: string; autocomplete?: string }> =
  {
    email: { type: "email", autocomplete: "email" },
    phone: { type: "tel", autocomplete: "tel" },
    postcode: { inputmode: "numeric", autocomplete: "postal-code" },
    number: { inputmode: "decimal" },
    integer: { inputmode: "numeric" },
    money: { inputmode: "decimal" },
    iban: { autocomplete: "off" },
  };

function hintOf(ctx: FieldContext, f: Leaf): string | undefined {
  const typeHint =
    f.type === "date"
      ? ctx.t("portal.hint.date")
      : f.type === "money"
        ? ctx.t("portal.hint.money")
        : f.type === "time"
          ? ctx.t("portal.hint.time")
          : undefined;
  const own = "hint" in f ? f.hint : undefined;
  return [own, typeHint].filter(Boolean).join(" ") || undefined;
}

function labelOf(ctx: FieldContext, f: FieldDef): string {
  const required = "required" in f && f.required;
  return required || f.type === "info" ? (f.label ?? "") : `${f.label} ${ctx.t("portal.optional")}`;
}

/** One field (or repeating group) of a page at `path`, unless it is hidden now. */
export function fieldControl(
  ctx: FieldContext,
  f: FieldDef,
  path = f.id,
  value?: unknown,
): Html | "" {
  if (!ctx.shown.has(path)) return "";
  const v = value === undefined ? ctx.data[f.id] : value;
  if (f.type === "group") return groupControl(ctx, f);
  return leafControl(ctx, f, path, v);
}

function leafControl(ctx: FieldContext, f: Leaf, path: string, v: unknown): Html {
  const id = domId(path);
  const error = ctx.errors.get(path);
  switch (f.type) {
    case "info":
      return html`<div class="kern-alert kern-alert--info info-text" id="${id}">
        ${f.label ? html`<div class="kern-alert__header"><span class="kern-icon kern-icon--info" aria-hidden="true"></span><h2 class="kern-title">${f.label}</h2></div>` : ""}
        <div class="kern-alert__body">${f.text.split(/\n\n+/).map((p) => html`<p class="kern-body">${p}</p>`)}</div></div>`;
    case "textarea":
      return control(
        ctx,
        f,
        path,
        error,
        (
          by,
        ) => html`<textarea class="kern-form-input__input${error ? " kern-form-input__input--error" : ""}" id="${id}" name="${path}" rows="5"
        ${by ? html`aria-describedby="${by}"` : ""} ${error ? html`aria-invalid="true"` : ""}>${displayValue(f.type, v)}</textarea>`,
      );
    case "boolean":
      return checkbox(ctx, f, path, v === true, error);
    case "select":
      return control(
        ctx,
        f,
        path,
        error,
        (by) => html`<div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select${error ? " kern-form-input__select--error" : ""}" id="${id}" name="${path}"
          ${by ? html`aria-describedby="${by}"` : ""} ${error ? html`aria-invalid="true"` : ""}>
          <option value="">${ctx.t("portal.choose")}</option>
          ${optionsOf(ctx.def, f).map((o) => html`<option value="${o.value}" ${o.value === v ? "selected" : ""}>${o.label}</option>`)}
        </select></div>`,
      );
    case "radio":
      return radios(ctx, f, path, typeof v === "string" ? v : undefined, error);
    case "multiselect":
      return checkboxes({
        name: id,
        legend: labelOf(ctx, f),
        hint: hintOf(ctx, f),
        error,
        options: optionsOf(ctx.def, f),
        checked: Array.isArray(v) ? v.map(String) : [],
      });
    case "address":
      return composite(ctx, f, path, v, error, [
        ["street", "portal.address.street", "address-line1"],
        ["houseNumber", "portal.address.houseNumber", undefined],
        ["postcode", "portal.address.postcode", "postal-code"],
        ["city", "portal.address.city", "address-level2"],
        ["addition", "portal.address.addition", "address-line2"],
      ]);
    case "personName":
      return composite(ctx, f, path, v, error, [
        ["givenName", "portal.name.givenName", "given-name"],
        ["familyName", "portal.name.familyName", "family-name"],
      ]);
    case "file":
      return fileControl(ctx, f, path, v, error);
    default: {
      const input = INPUT[f.type] ?? {};
      const short = ["postcode", "integer", "money", "number", "date", "time"].includes(f.type);
      return textInput(ctx, path, labelOf(ctx, f), hintOf(ctx, f), error, displayValue(f.type, v), {
        ...input,
        short,
      });
    }
  }
}

type InputOpts = { type?: string; inputmode?: string; autocomplete?: string; short?: boolean };

/** A labelled text input whose id is safe in links (the name is the data path). */
function textInput(
  _ctx: FieldContext,
  path: string,
  label: string,
  hint: string | undefined,
  error: string | undefined,
  value: string,
  o: InputOpts,
): Html {
  const id = domId(path);
  const by = described(id, hint, error);
  return html`<div class="kern-form-input${error ? " kern-form-input--error" : ""} form-field">
    <label class="kern-label" for="${id}">${label}</label>
    ${hintLine(id, hint)}${errorLine(id, error)}
    <input class="kern-form-input__input${error ? " kern-form-input__input--error" : ""}${o.short ? " kern-form-input__input--width-10" : ""}" id="${id}" name="${path}" type="${o.type ?? "text"}" value="${value}"
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ""} ${o.inputmode ? html`inputmode="${o.inputmode}"` : ""}
      ${by ? html`aria-describedby="${by}"` : ""} ${error ? html`aria-invalid="true"` : ""}>
  </div>`;
}

/** Label, hint and error around a control built by `inner` (given its aria-describedby). */
function control(
  ctx: FieldContext,
  f: Leaf,
  path: string,
  error: string | undefined,
  inner: (describedBy: string) => Html,
): Html {
  const id = domId(path);
  const hint = hintOf(ctx, f);
  return html`<div class="kern-form-input${error ? " kern-form-input--error" : ""} form-field">
    <label class="kern-label" for="${id}">${labelOf(ctx, f)}</label>
    ${hintLine(id, hint)}${errorLine(id, error)}
    ${inner(described(id, hint, error))}
  </div>`;
}

function errorLine(id: string, error: string | undefined): Html | "" {
  return error
    ? html`<p class="kern-error" id="${id}-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${error}</span></p>`
    : "";
}

function hintLine(id: string, hint: string | undefined): Html | "" {
  return hint ? html`<div class="kern-hint" id="${id}-hint">${hint}</div>` : "";
}

function described(id: string, hint: string | undefined, error: string | undefined): string {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
}

function checkbox(
  ctx: FieldContext,
  f: Leaf,
  path: string,
  checked: boolean,
  error?: string,
): Html {
  const id = domId(path);
  const hint = hintOf(ctx, f);
  const by = described(id, hint, error);
  return html`<div class="kern-form-check${error ? " kern-form-check--error" : ""} form-field">
    ${errorLine(id, error)}
    <input class="kern-form-check__checkbox" type="checkbox" id="${id}" name="${path}" value="true" ${checked ? "checked" : ""}
      ${by ? html`aria-describedby="${by}"` : ""} ${error ? html`aria-invalid="true"` : ""}>
    <label class="kern-label" for="${id}">${labelOf(ctx, f)}</label>
    ${hintLine(id, hint)}
  </div>`;
}

function radios(
  ctx: FieldContext,
  f: Leaf,
  path: string,
  value: string | undefined,
  error?: string,
): Html {
  const id = domId(path);
  const hint = hintOf(ctx, f);
  const by = described(id, hint, error);
  return html`<fieldset class="kern-fieldset${error ? " kern-fieldset--error" : ""} form-field" ${by ? html`aria-describedby="${by}"` : ""}>
    <legend class="kern-label">${labelOf(ctx, f)}</legend>
    ${hintLine(id, hint)}${errorLine(id, error)}
    <div class="kern-fieldset__body">
      ${optionsOf(ctx.def, f).map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return html`<div class="kern-form-check"><input class="kern-form-check__radio" type="radio" id="${oid}" name="${path}" value="${o.value}" ${o.value === value ? "checked" : ""}>
          <label class="kern-label" for="${oid}">${o.label}</label></div>`;
      })}
    </div></fieldset>`;
}

function composite(
  ctx: FieldContext,
  f: Leaf,
  path: string,
  v: unknown,
  error: string | undefined,
  parts: [string, string, string | undefined][],
): Html {
  const id = domId(path);
  const value = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const hint = hintOf(ctx, f);
  return html`<fieldset class="kern-fieldset${error ? " kern-fieldset--error" : ""} form-field" id="${id}">
    <legend class="kern-label">${labelOf(ctx, f)}</legend>
    ${hintLine(id, hint)}${errorLine(id, error)}
    <div class="kern-fieldset__body">
      ${parts.map(([part, label, autocomplete]) =>
        textInput(
          ctx,
          `${path}.${part}`,
          part === "addition" ? `${ctx.t(label)} ${ctx.t("portal.optional")}` : ctx.t(label),
          undefined,
          ctx.errors.get(`${path}.${part}`),
          typeof value[part] === "string" ? (value[part] as string) : "",
          { autocomplete, short: part === "houseNumber" || part === "postcode" },
        ),
      )}
    </div></fieldset>`;
}

function fileControl(
  ctx: FieldContext,
  f: Extract<Leaf, { type: "file" }>,
  path: string,
  v: unknown,
  error?: string,
): Html {
  const id = domId(path);
  const files = (Array.isArray(v) ? v : v ? [v] : []) as {
    id: string;
    name: string;
    size: number;
  }[];
  const hint = [
    f.hint,
    ctx.t("portal.file.hint", { types: acceptedNames(f), max: megabytes(f.maxSizeBytes) }),
  ]
    .filter(Boolean)
    .join(" ");
  const by = described(id, hint, error);
  return html`<div class="kern-form-input${error ? " kern-form-input--error" : ""} form-field">
    <label class="kern-label" for="${id}">${labelOf(ctx, f)}</label>
    ${hintLine(id, hint)}${errorLine(id, error)}
    ${
      files.length > 0
        ? html`<ul class="kern-list uploaded-files">${files.map(
            (
              file,
            ) => html`<li><a class="kern-link" href="${ctx.fileHref(file.id)}">${file.name}</a> (${megabytes(file.size)})
            <button type="submit" class="kern-btn kern-btn--tertiary" name="_action" value="removeFile:${path}:${file.id}"><span class="kern-label">${ctx.t("portal.file.remove")}<span class="kern-sr-only"> ${file.name}</span></span></button></li>`,
          )}</ul>`
        : ""
    }
    <input class="kern-form-input__input" type="file" id="${id}" name="${path}" accept="${f.accept.join(",")}" ${(f.maxFiles ?? 1) > 1 ? "multiple" : ""}
      ${by ? html`aria-describedby="${by}"` : ""} ${error ? html`aria-invalid="true"` : ""}>
  </div>`;
}

function groupControl(ctx: FieldContext, g: Extract<FieldDef, { type: "group" }>): Html {
  const items = itemsOf(ctx.data, g);
  const label = g.itemLabel ?? g.label;
  const error = ctx.errors.get(g.id);
  const canRemove = items.length > Math.max(g.minItems ?? 1, 1);
  const canAdd = g.maxItems === undefined || items.length < g.maxItems;
  return html`<section class="repeating-group form-field" id="${domId(g.id)}" aria-labelledby="${domId(g.id)}-title">
    <h2 class="kern-title kern-title--small" id="${domId(g.id)}-title">${g.label}</h2>
    ${g.hint ? html`<p class="kern-hint">${g.hint}</p>` : ""}${errorLine(domId(g.id), error)}
    ${items.map(
      (item, i) => html`<fieldset class="kern-fieldset form-section" id="${domId(`${g.id}[${i}]`)}">
        <legend class="kern-title kern-title--small">${label} ${i + 1}</legend>
        <div class="kern-fieldset__body">
          ${g.fields.map((sub) => {
            const path = `${g.id}[${i}].${sub.id}`;
            return ctx.shown.has(path) ? leafControl(ctx, sub as Leaf, path, item[sub.id]) : "";
          })}
          ${canRemove ? html`<button type="submit" class="kern-btn kern-btn--secondary" name="_action" value="remove:${g.id}:${i}"><span class="kern-label">${ctx.t("portal.group.remove", { item: `${label} ${i + 1}` })}</span></button>` : ""}
        </div></fieldset>`,
    )}
    ${canAdd ? html`<button type="submit" class="kern-btn kern-btn--secondary" name="_action" value="add:${g.id}"><span class="kern-label">${ctx.t("portal.group.add", { item: label })}</span></button>` : ""}
  </section>`;
}
