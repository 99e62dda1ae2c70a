/**
 * An amount input: German euros (`12,50`), or `= formula` where formulas are allowed. Keeps
 * the text as typed; a text that is no amount shows a message and changes nothing.
 */
import { useEffect, useState } from "preact/hooks";
import { amountText, parseAmount } from "./amounts.ts";

export function useAmountText(
  value: unknown,
  formulas: boolean,
  onChange: (v: number | string) => void,
) {
  const shown = amountText(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | undefined>(undefined);
  // a change from elsewhere (undo, reload, reorder) replaces the text
  useEffect(() => {
    if (parseAmount(text, formulas) !== value) {
      setText(shown);
      setError(undefined);
    }
  }, [shown]);
  function onInput(v: string) {
    setText(v);
    const parsed = parseAmount(v, formulas);
    if (parsed === undefined) {
      setError(
        formulas
          ? "Bitte einen Betrag in Euro (z. B. 12,50) oder eine Formel nach „=“ eingeben."
          : "Bitte einen Betrag in Euro eingeben, z. B. 12,50.",
      );
      return;
    }
    setError(undefined);
    onChange(parsed);
  }
  return { text, error, onInput };
}

/** A labelled euro input (fixed amount of a fee item). */
export function EuroInput(p: {
  id: string;
  label: string;
  path: string;
  value: unknown;
  finding?: string;
  hint?: string;
  onChange: (cents: number) => void;
}) {
  const { text, error, onInput } = useAmountText(p.value, false, (v) => {
    if (typeof v === "number") p.onChange(v);
  });
  const message = error ?? p.finding;
  const describedBy = [p.hint ? `${p.id}-hint` : "", message ? `${p.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`kern-form-input${message ? " kern-form-input--error" : ""}`}>
      <label class="kern-label" for={p.id}>
        {p.label}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${p.id}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {message ? (
        <p class="kern-error" id={`${p.id}-error`}>
          <span class="kern-body">{message}</span>
        </p>
      ) : null}
      <div class="studio-euro">
        <input
          class={`kern-form-input__input${message ? " kern-form-input__input--error" : ""}`}
          id={p.id}
          type="text"
          inputMode="decimal"
          autocomplete="off"
          data-path={p.path}
          value={text}
          aria-describedby={describedBy || undefined}
          aria-invalid={message ? true : undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        <span aria-hidden="true">€</span>
      </div>
    </div>
  );
}
