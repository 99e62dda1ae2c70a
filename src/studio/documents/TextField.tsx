/**
 * A text input or textarea that placeholders can be inserted into: like ui.tsx's controls
 * (label, hint, error, `data-path`), and it reports focus so that the placeholder list knows
 * where to insert.
 */
import { useId } from "preact/hooks";

export type TextTarget = HTMLTextAreaElement | HTMLInputElement;

export function TextField(p: {
  label: string;
  value: string | undefined;
  onInput: (v: string) => void;
  onFocusText?: (el: TextTarget) => void;
  path?: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
  rows?: number;
  id?: string;
  required?: boolean;
}) {
  const auto = useId();
  const id = p.id ?? auto;
  const describedBy =
    [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    class: `kern-form-input__input${p.error ? " kern-form-input__input--error" : ""}`,
    id,
    value: p.value ?? "",
    "data-path": p.path,
    "aria-describedby": describedBy,
    "aria-invalid": p.error ? true : undefined,
    onFocus: (e: FocusEvent) => p.onFocusText?.(e.currentTarget as TextTarget),
    onInput: (e: Event) => p.onInput((e.currentTarget as TextTarget).value),
  };
  return (
    <div class={`kern-form-input${p.error ? " kern-form-input--error" : ""}`}>
      <label class="kern-label" for={id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-body">{p.error}</span>
        </p>
      ) : null}
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 5} />
      ) : (
        <input {...common} type="text" />
      )}
    </div>
  );
}
