/** Small controls of the process editor: a checkbox group with stable ids, a period input. */
import { useState } from "preact/hooks";
import { Select, TextInput } from "../ui.tsx";

/** A group of checkboxes for a set of values; each box has the id `${idPrefix}-${value}`. */
export function CheckGroup(p: {
  legend: string;
  idPrefix: string;
  path: string;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
  error?: string;
}) {
  const describedBy =
    [p.hint ? `${p.idPrefix}-hint` : "", p.error ? `${p.idPrefix}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <fieldset
      class={`kern-fieldset studio-checkgroup${p.error ? " kern-form-input--error" : ""}`}
      aria-describedby={describedBy}
    >
      <legend class="kern-label">{p.legend}</legend>
      {p.hint ? (
        <div class="kern-hint" id={`${p.idPrefix}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p class="kern-error" id={`${p.idPrefix}-error`}>
          <span class="kern-body">{p.error}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body kern-fieldset__body--horizontal">
        {p.options.map((o, i) => {
          const id = `${p.idPrefix}-${o.value}`;
          return (
            <div class="kern-form-check" key={o.value}>
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={id}
                checked={p.values.includes(o.value)}
                data-path={i === 0 ? p.path : undefined}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  const rest = p.values.filter((v) => v !== o.value);
                  // keep the options' order, so the stored list does not depend on click order
                  const next = on ? [...rest, o.value] : rest;
                  p.onChange(p.options.map((x) => x.value).filter((v) => next.includes(v)));
                }}
              />
              <label class="kern-label" for={id}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export type PeriodValue = { months?: number; days?: number; workingDays?: boolean };

type Unit = "days" | "workingDays" | "months";

function unitOf(p: PeriodValue | undefined): Unit {
  if (p?.months !== undefined) return "months";
  return p?.workingDays ? "workingDays" : "days";
}

/** A period as a number and a unit (days, working days, months); empty means none. */
export function PeriodInput(p: {
  idPrefix: string;
  path: string;
  label: string;
  value: PeriodValue | undefined;
  onChange: (v: PeriodValue | undefined) => void;
  error?: string;
  hint?: string;
}) {
  const [pending, setPending] = useState<Unit>("days");
  const unit = p.value ? unitOf(p.value) : pending;
  const amount = unit === "months" ? p.value?.months : p.value?.days;
  const make = (n: number | undefined, u: Unit): PeriodValue | undefined => {
    if (n === undefined) return undefined;
    if (u === "months") return { months: n };
    return u === "workingDays" ? { days: n, workingDays: true } : { days: n };
  };
  return (
    <div class="studio-row studio-period">
      <TextInput
        id={`${p.idPrefix}-amount`}
        label={p.label}
        type="number"
        path={p.path}
        hint={p.hint}
        error={p.error}
        value={amount === undefined ? "" : String(amount)}
        inputProps={{ min: 0, step: 1, inputMode: "numeric" }}
        onInput={(v) => {
          const n = v.trim() === "" ? undefined : Number(v);
          if (n !== undefined && (!Number.isInteger(n) || n < 0)) return;
          p.onChange(make(n, unit));
        }}
      />
      <Select
        id={`${p.idPrefix}-unit`}
        label="Einheit"
        value={unit}
        onChange={(u) => {
          setPending(u as Unit);
          p.onChange(make(amount, u as Unit));
        }}
        options={[
          { value: "days", label: "Kalendertage" },
          { value: "workingDays", label: "Arbeitstage" },
          { value: "months", label: "Monate" },
        ]}
      />
    </div>
  );
}

/** A period in words: `14 Arbeitstage`, `1 Monat`. */
export function periodText(p: PeriodValue | undefined): string {
  if (!p) return "";
  const parts: string[] = [];
  if (p.months !== undefined) parts.push(`${p.months} ${p.months === 1 ? "Monat" : "Monate"}`);
  if (p.days !== undefined) {
    const word = p.workingDays
      ? p.days === 1
        ? "Arbeitstag"
        : "Arbeitstage"
      : p.days === 1
        ? "Tag"
        : "Tage";
    parts.push(`${p.days} ${word}`);
  }
  return parts.join(" und ");
}
