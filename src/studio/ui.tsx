/**
 * Small KERN-styled controls shared by the studio's editors. Every control has a visible label,
 * an id, a hint and an error wired with aria-describedby, and a `path` (the place in the
 * definition, as the linter names it) in `data-path`, so a finding can jump to it.
 */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

type Common = {
  label: string;
  path?: string;
  hint?: string;
  error?: string;
  id?: string;
  required?: boolean;
};

function described(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function Wrap(p: Common & { id: string; children: ComponentChildren }) {
  return (
    <div class={`kern-form-input${p.error ? " kern-form-input--error" : ""}`}>
      <label class="kern-label" for={p.id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${p.id}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p class="kern-error" id={`${p.id}-error`}>
          <span class="kern-body">{p.error}</span>
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

export function TextInput(
  p: Common & {
    value: string | undefined;
    onInput: (v: string) => void;
    type?: string;
    placeholder?: string;
    list?: string;
    mono?: boolean;
    inputProps?: Record<string, unknown>;
  },
) {
  const auto = useId();
  const id = p.id ?? auto;
  return (
    <Wrap {...p} id={id}>
      <input
        {...p.inputProps}
        class={`kern-form-input__input${p.error ? " kern-form-input__input--error" : ""}${p.mono ? " studio-mono" : ""}`}
        id={id}
        type={(p.type ?? "text") as "text"}
        value={p.value ?? ""}
        placeholder={p.placeholder}
        list={p.list}
        data-path={p.path}
        aria-describedby={described(id, p.hint, p.error)}
        aria-invalid={p.error ? true : undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </Wrap>
  );
}

export function TextArea(
  p: Common & {
    value: string | undefined;
    onInput: (v: string) => void;
    rows?: number;
    mono?: boolean;
  },
) {
  const auto = useId();
  const id = p.id ?? auto;
  return (
    <Wrap {...p} id={id}>
      <textarea
        class={`kern-form-input__input${p.error ? " kern-form-input__input--error" : ""}${p.mono ? " studio-mono" : ""}`}
        id={id}
        rows={p.rows ?? 4}
        value={p.value ?? ""}
        data-path={p.path}
        aria-describedby={described(id, p.hint, p.error)}
        aria-invalid={p.error ? true : undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </Wrap>
  );
}

export function Select(
  p: Common & {
    value: string | undefined;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const auto = useId();
  const id = p.id ?? auto;
  return (
    <Wrap {...p} id={id}>
      <div class="kern-form-input__select-wrapper">
        <select
          class="kern-form-input__select"
          id={id}
          value={p.value ?? ""}
          data-path={p.path}
          aria-describedby={described(id, p.hint, p.error)}
          onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value)}
        >
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </Wrap>
  );
}

export function Checkbox(p: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  path?: string;
  hint?: string;
  id?: string;
}) {
  const auto = useId();
  const id = p.id ?? auto;
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        checked={p.checked}
        data-path={p.path}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
        onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label class="kern-label" for={id}>
        {p.label}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
    </div>
  );
}

export function Button(p: {
  children: ComponentChildren;
  onClick?: () => void;
  variant?: "primary" | "secondary" | "tertiary";
  type?: "button" | "submit";
  disabled?: boolean;
  title?: string;
  label?: string;
  small?: boolean;
  id?: string;
}) {
  return (
    <button
      id={p.id}
      type={p.type ?? "button"}
      class={`kern-btn kern-btn--${p.variant ?? "secondary"}${p.small ? " studio-btn--small" : ""}`}
      onClick={p.onClick}
      disabled={p.disabled}
      title={p.title}
      aria-label={p.label}
    >
      <span class="kern-label">{p.children}</span>
    </button>
  );
}

export function Alert(p: {
  kind: "info" | "success" | "warning" | "danger";
  title: string;
  children?: ComponentChildren;
  role?: "alert" | "status";
}) {
  return (
    <div class={`kern-alert kern-alert--${p.kind}`} role={p.role}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${p.kind}`} aria-hidden="true" />
        <span class="kern-title">{p.title}</span>
      </div>
      {p.children ? <div class="kern-alert__body">{p.children}</div> : null}
    </div>
  );
}

/** Moves an array element (reordering with buttons, the keyboard or drag and drop). */
export function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length || from === to) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
}

/**
 * The buttons of a row in an ordered list: up, down (named by the item, for screen readers) and
 * remove. `onMove` gets the new index.
 */
export function RowButtons(p: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  removeLabel?: string;
}) {
  return (
    <>
      <Button
        small
        label={`${p.name} nach oben`}
        disabled={p.index === 0}
        onClick={() => p.onMove(p.index - 1)}
      >
        ↑
      </Button>
      <Button
        small
        label={`${p.name} nach unten`}
        disabled={p.index === p.count - 1}
        onClick={() => p.onMove(p.index + 1)}
      >
        ↓
      </Button>
      <Button small label={p.removeLabel ?? `${p.name} entfernen`} onClick={p.onRemove}>
        Entfernen
      </Button>
    </>
  );
}

/** The linter's findings for one row, as a short list (nothing when there are none). */
export function FindingNotes(p: {
  findings: {
    key: string;
    path: string;
    severity: string;
    params?: Record<string, string | number>;
  }[];
  format: (key: string, params?: Record<string, string | number>) => string;
}) {
  if (p.findings.length === 0) return null;
  return (
    <ul class="studio-notes">
      {p.findings.map((f) => (
        <li
          key={`${f.key}${f.path}${JSON.stringify(f.params)}`}
          class={`studio-note--${f.severity}`}
        >
          {p.format(f.key, f.params)}
        </li>
      ))}
    </ul>
  );
}
