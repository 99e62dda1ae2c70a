import { html } from "hono/html";
import type { Html } from "../../platform/http/ui.ts";

// Controls the platform's ui.ts does not have yet (textarea, select, checkbox group), built the
// same way: label, hint and error wired with aria-describedby, KERN classes, no JavaScript.

type Described = { name: string; hint?: string; error?: string };

function describedBy(o: Described): string {
  return [o.hint ? `${o.name}-hint` : "", o.error ? `${o.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
}

function hintAndError(o: Described): Html {
  return html`${o.hint ? html`<div class="kern-hint" id="${o.name}-hint">${o.hint}</div>` : ""}
    ${o.error ? html`<p class="kern-error" id="${o.name}-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${o.error}</span></p>` : ""}`;
}

export function textarea(
  o: Described & { label: string; value?: string; rows?: number; required?: boolean },
): Html {
  const by = describedBy(o);
  return html`<div class="kern-form-input${o.error ? " kern-form-input--error" : ""}">
    <label class="kern-label" for="${o.name}">${o.label}</label>
    ${hintAndError(o)}
    <textarea class="kern-form-input__input${o.error ? " kern-form-input__input--error" : ""}" id="${o.name}" name="${o.name}" rows="${o.rows ?? 6}"
      ${o.required ? "required" : ""} ${by ? html`aria-describedby="${by}"` : ""} ${o.error ? html`aria-invalid="true"` : ""}>${o.value ?? ""}</textarea>
  </div>`;
}

export function select(
  o: Described & {
    label: string;
    value?: string;
    options: { value: string; label: string }[];
    placeholder?: string;
    required?: boolean;
  },
): Html {
  const by = describedBy(o);
  return html`<div class="kern-form-input${o.error ? " kern-form-input--error" : ""}">
    <label class="kern-label" for="${o.name}">${o.label}</label>
    ${hintAndError(o)}
    <div class="kern-form-input__select-wrapper">
      <select class="kern-form-input__select${o.error ? " kern-form-input__select--error" : ""}" id="${o.name}" name="${o.name}"
        ${o.required ? "required" : ""} ${by ? html`aria-describedby="${by}"` : ""} ${o.error ? html`aria-invalid="true"` : ""}>
        ${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : ""}
        ${o.options.map((x) => html`<option value="${x.value}" ${x.value === o.value ? "selected" : ""}>${x.label}</option>`)}
      </select>
    </div>
  </div>`;
}

/** A fieldset of checkboxes sharing one name; the first box carries the id errors link to. */
export function checkboxes(
  o: Described & {
    legend: string;
    options: { value: string; label: string; hint?: string }[];
    checked: readonly string[];
  },
): Html {
  const by = describedBy(o);
  return html`<fieldset class="kern-fieldset${o.error ? " kern-fieldset--error" : ""}" ${by ? html`aria-describedby="${by}"` : ""}>
    <legend class="kern-label">${o.legend}</legend>
    ${hintAndError(o)}
    <div class="kern-fieldset__body">
      ${o.options.map((x, i) => {
        const id = i === 0 ? o.name : `${o.name}-${i}`;
        return html`<div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="${id}" name="${o.name}" value="${x.value}"
            ${o.checked.includes(x.value) ? "checked" : ""} ${x.hint ? html`aria-describedby="${id}-hint"` : ""}>
          <label class="kern-label" for="${id}">${x.label}${x.hint ? html` <span class="kern-hint" id="${id}-hint">${x.hint}</span>` : ""}</label>
        </div>`;
      })}
    </div>
  </fieldset>`;
}

export function fieldset(legend: string, body: Html): Html {
  return html`<fieldset class="kern-fieldset form-section"><legend class="kern-title kern-title--small">${legend}</legend>
    <div class="kern-fieldset__body">${body}</div></fieldset>`;
}
