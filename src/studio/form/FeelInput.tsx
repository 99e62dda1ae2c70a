/**
 * An input for a FEEL expression (a condition, a computed value, a rule) with completion of the
 * names it may use and live messages: syntax errors and unknown names as you type (checked by
 * core's `checkFeel`, the same check publishing makes), plus the linter's findings at its path.
 *
 * Completion is an ARIA 1.2 combobox: typing the start of a name lists the matching names with
 * their labels; ArrowDown/ArrowUp choose, Enter or Tab inserts at the cursor, Escape closes,
 * Ctrl+Space lists every name.
 */
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { checkFeel, type Finding, formatMessage } from "../../core/index.ts";

/** A name an expression may use: a field id, with its label and type for the suggestion list. */
export type FeelName = { id: string; label: string; type: string };

export type FeelInputProps = {
  label: string;
  /** The linter path of the expression, e.g. `form.pages[0].fields[2].visibleIf`. */
  path: string;
  value: string | undefined;
  onInput: (value: string) => void;
  /** The names the expression may use (besides `today`). */
  names: FeelName[];
  hint?: string;
  /** The linter's findings; those at exactly `path` are shown below the input. */
  findings?: Finding[];
  /** Element id of the input (stable ids for tests and labels); generated when absent. */
  id?: string;
  /** A further message from the caller (e.g. a finding computed for an incomplete draft). */
  message?: string;
};

const MAX_SUGGESTIONS = 8;
const BUILTIN_NAMES = new Set(["today"]);
let counter = 0;

/** The identifier being typed before `caret`: where it starts and what has been typed. */
function wordAt(
  text: string,
  caret: number,
): { start: number; end: number; prefix: string } | null {
  const before = text.slice(0, caret);
  // inside a string literal nothing is a name
  if ((before.match(/"/g) ?? []).length % 2 === 1) return null;
  const m = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before);
  const start = m ? m.index : caret;
  // after a dot comes a property, not a name
  if (text[start - 1] === ".") return null;
  const after = /^[A-Za-z0-9_]*/.exec(text.slice(caret))?.[0] ?? "";
  return { start, end: caret + after.length, prefix: m ? m[0] : "" };
}

function suggestionsFor(names: FeelName[], prefix: string, all: boolean): FeelName[] {
  const p = prefix.toLowerCase();
  if (!p) return all ? names.slice(0, 50) : [];
  const starts = names.filter((n) => n.id.toLowerCase().startsWith(p));
  const contains = names.filter(
    (n) =>
      !starts.includes(n) && (n.id.toLowerCase().includes(p) || n.label.toLowerCase().includes(p)),
  );
  const found = [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  // the name is complete: nothing to suggest
  if (found.length === 1 && found[0]!.id === prefix) return [];
  return found;
}

/** Live problems of an expression: syntax, clock functions, names that do not exist. */
export function feelProblems(source: string | undefined, names: FeelName[]): string[] {
  if (!source?.trim()) return [];
  const known = new Set(names.map((n) => n.id));
  return checkFeel(source, (ref) =>
    known.has(ref.name) || BUILTIN_NAMES.has(ref.name)
      ? undefined
      : { key: "rules.unknownName", params: { name: ref.name } },
  ).map((issue) => formatMessage(issue.key, issue.params));
}

export function FeelInput(p: FeelInputProps) {
  const [fallbackId] = useState(() => `feel-${++counter}`);
  const id = p.id ?? fallbackId;
  const listId = `${id}-vorschlaege`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<FeelName[]>([]);
  const [active, setActive] = useState(0);
  const [word, setWord] = useState<{ start: number; end: number } | null>(null);
  const caretAfter = useRef<number | null>(null);
  const value = p.value ?? "";

  const live = useMemo(() => feelProblems(value, p.names), [value, p.names]);
  const linted = (p.findings ?? [])
    .filter((f) => f.path === p.path)
    .map((f) => formatMessage(f.key, f.params as Record<string, string | number>));
  const messages = [...new Set([...live, ...linted, ...(p.message ? [p.message] : [])])];

  useLayoutEffect(() => {
    if (caretAfter.current === null || !inputRef.current) return;
    inputRef.current.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [value]);

  function suggest(el: HTMLInputElement, all = false) {
    const w = wordAt(el.value, el.selectionStart ?? el.value.length);
    const found = w ? suggestionsFor(p.names, w.prefix, all) : [];
    setWord(w);
    setItems(found);
    setActive(0);
    setOpen(found.length > 0);
  }

  function insert(name: FeelName) {
    if (!word) return;
    const next = value.slice(0, word.start) + name.id + value.slice(word.end);
    caretAfter.current = word.start + name.id.length;
    setOpen(false);
    p.onInput(next);
  }

  function onKeyDown(e: KeyboardEvent) {
    const el = e.currentTarget as HTMLInputElement;
    if (e.key === " " && e.ctrlKey) {
      e.preventDefault();
      suggest(el, true);
      return;
    }
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if (e.key === "Enter" || (e.key === "Tab" && !e.shiftKey)) {
      e.preventDefault();
      const chosen = items[active];
      if (chosen) insert(chosen);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === "Home" || e.key === "End") {
      setOpen(false);
    }
  }

  const errorId = messages.length ? `${id}-error` : "";
  const hintId = `${id}-hint`;
  return (
    <div class={`kern-form-input studio-feel${messages.length ? " kern-form-input--error" : ""}`}>
      <label class="kern-label" for={id}>
        {p.label}
      </label>
      <div class="kern-hint" id={hintId}>
        {p.hint ? <span class="studio-feel__hint">{p.hint}</span> : null}
        <span class="studio-feel__hint">
          Feldnamen werden beim Tippen vorgeschlagen (alle: Strg+Leertaste).
        </span>
      </div>
      <div class={messages.length ? "kern-error" : undefined} id={`${id}-error`} aria-live="polite">
        {messages.map((m) => (
          <p class="kern-body" key={m}>
            {m}
          </p>
        ))}
      </div>
      <div class="studio-feel__box">
        <input
          ref={inputRef}
          id={id}
          type="text"
          class={`kern-form-input__input studio-mono${messages.length ? " kern-form-input__input--error" : ""}`}
          value={value}
          data-path={p.path}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
          aria-describedby={`${hintId}${errorId ? ` ${errorId}` : ""}`}
          aria-invalid={messages.length ? true : undefined}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            p.onInput(el.value);
            suggest(el);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {open ? (
          <div
            class="studio-feel__list"
            role="listbox"
            id={listId}
            aria-label={`Feldnamen für „${p.label}“`}
          >
            {items.map((n, i) => (
              <div
                key={n.id}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                class={`studio-feel__option${i === active ? " studio-feel__option--active" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(n);
                }}
              >
                <span class="studio-mono">{n.id}</span> <span class="studio-muted">{n.label}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <span class="kern-sr-only" role="status">
        {open
          ? `${items.length} ${items.length === 1 ? "Vorschlag" : "Vorschläge"}, mit Pfeiltasten wählen, Eingabetaste übernimmt.`
          : ""}
      </span>
    </div>
  );
}
