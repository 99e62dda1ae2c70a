/**
 * The fields of a page (or of a repeating group) in order: select one to edit it, reorder by
 * drag and drop, with the buttons on each row, or with Alt+ArrowUp/Alt+ArrowDown on a focused
 * row (the new position is announced); duplicate and remove.
 */
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Finding } from "../../core/index.ts";
import { at, type DraftStore, findingsAt } from "../store.ts";
import { move } from "../ui.tsx";
import { arr, stillSelected, typeLabel } from "./fieldTypes.ts";
import { countReferences, duplicateField } from "./references.ts";

export type FieldListProps = {
  store: DraftStore;
  /** Path of the field array, e.g. `form.pages[0].fields`. */
  basePath: string;
  findings: Finding[];
  selected: number | null;
  onSelect: (index: number | null) => void;
  /** Accessible name of the list, e.g. `Felder der Seite „Antragsteller“`. */
  label: string;
};

const fieldName = (f: Record<string, unknown>) =>
  (typeof f?.label === "string" && f.label) ||
  (typeof f?.text === "string" && f.text.slice(0, 40)) ||
  String(f?.id ?? "ohne Kennung");

export function FieldList(p: FieldListProps) {
  const fields = arr(at(p.store.state.def, p.basePath));
  const [announcement, setAnnouncement] = useState("");
  // drag state lives outside rendering: re-rendering the rows mid-drag can cancel the drop
  const dragging = useRef<number | null>(null);
  const focusRow = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // the moved row gets the focus back before the browser paints
  useLayoutEffect(() => {
    if (focusRow.current === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${focusRow.current}"]`);
    focusRow.current = null;
    row?.focus();
  });

  function moveField(from: number, to: number, refocus: boolean) {
    if (to < 0 || to >= fields.length || from === to) return;
    const name = fieldName(fields[from]);
    p.store.change((d) => {
      move(at(d, p.basePath) as unknown[], from, to);
    });
    p.onSelect(to);
    if (refocus) focusRow.current = to;
    setAnnouncement(`„${name}“ ist jetzt an Position ${to + 1} von ${fields.length}.`);
  }

  function duplicate(i: number) {
    p.store.change((d) => {
      const list = at(d, p.basePath) as Record<string, unknown>[];
      list.splice(i + 1, 0, duplicateField(list[i] as Record<string, unknown>, d));
    });
    p.onSelect(i + 1);
    setAnnouncement(`„${fieldName(fields[i])}“ wurde dupliziert (Position ${i + 2}).`);
  }

  function remove(i: number) {
    const f = fields[i];
    const uses = typeof f?.id === "string" ? countReferences(p.store.state.def, f.id) : 0;
    const own = countReferences({ form: { pages: [{ fields: [f] }] } }, String(f?.id));
    const elsewhere = uses - own;
    const question =
      elsewhere > 0
        ? `„${fieldName(f)}“ wird an ${elsewhere} ${elsewhere === 1 ? "Stelle" : "Stellen"} verwendet (Bedingungen, Gebühren, Bescheide). Trotzdem entfernen? Diese Stellen müssen Sie danach anpassen.`
        : `Das Feld „${fieldName(f)}“ entfernen?`;
    if (!confirm(question)) return;
    p.store.change((d) => {
      (at(d, p.basePath) as unknown[]).splice(i, 1);
    });
    p.onSelect(stillSelected(p.selected, i, fields.length));
    setAnnouncement(`„${fieldName(f)}“ wurde entfernt.`);
  }

  function onKeyDown(e: KeyboardEvent, i: number) {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    e.preventDefault();
    moveField(i, e.key === "ArrowUp" ? i - 1 : i + 1, true);
  }

  const hintId = `${p.basePath}-reihenfolge`;
  return (
    <div class="studio-fields">
      <p class="kern-hint" id={hintId}>
        Reihenfolge ändern: Zeile ziehen, die Pfeil-Schaltflächen nutzen oder in einer Zeile
        Alt+Pfeil nach oben/unten drücken.
      </p>
      {fields.length === 0 ? (
        <p class="kern-body studio-muted">Noch keine Felder. Fügen Sie unten ein Feld hinzu.</p>
      ) : null}
      <ol class="studio-fieldlist" aria-label={p.label} ref={listRef}>
        {fields.map((f, i) => {
          const path = `${p.basePath}[${i}]`;
          const errors = findingsAt(p.findings, path).filter((x) => x.severity === "error").length;
          const name = fieldName(f);
          const conditional = Boolean(f?.visibleIf || f?.requiredIf);
          return (
            <li
              key={`${i}-${f?.id}`}
              data-index={i}
              data-field-id={f?.id}
              data-path={path}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the row takes focus so that Alt+Arrow moves it
              tabIndex={0}
              draggable
              aria-current={p.selected === i ? "true" : undefined}
              aria-describedby={hintId}
              class={`studio-fieldrow${p.selected === i ? " studio-fieldrow--selected" : ""}`}
              onKeyDown={(e) => onKeyDown(e, i)}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest("button")) return;
                p.onSelect(i);
              }}
              onDragStart={(e) => {
                e.dataTransfer?.setData("text/plain", String(i));
                if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
                dragging.current = i;
              }}
              onDragEnter={(e) => {
                e.preventDefault();
                (e.currentTarget as HTMLElement).classList.add("studio-fieldrow--over");
              }}
              onDragOver={(e) => {
                e.preventDefault();
                if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
              }}
              onDragLeave={(e) => {
                const row = e.currentTarget as HTMLElement;
                if (!row.contains(e.relatedTarget as Node))
                  row.classList.remove("studio-fieldrow--over");
              }}
              onDragEnd={() => {
                dragging.current = null;
              }}
              onDrop={(e) => {
                e.preventDefault();
                (e.currentTarget as HTMLElement).classList.remove("studio-fieldrow--over");
                const from = dragging.current ?? Number(e.dataTransfer?.getData("text/plain"));
                dragging.current = null;
                if (Number.isInteger(from)) moveField(from, i, false);
              }}
            >
              <span class="studio-fieldrow__grip" aria-hidden="true">
                ⠿
              </span>
              <button
                type="button"
                class="link-button studio-fieldrow__name"
                aria-pressed={p.selected === i}
                onClick={() => p.onSelect(i)}
              >
                {name}
              </button>
              <span class="studio-fieldrow__meta">
                <span class="studio-muted">{typeLabel(f?.type)}</span>{" "}
                <code class="studio-mono studio-muted">{String(f?.id ?? "")}</code>
                {f?.required ? <span class="studio-tag">Pflicht</span> : null}
                {conditional ? <span class="studio-tag">bedingt</span> : null}
                {f?.computed ? <span class="studio-tag">berechnet</span> : null}
                {errors > 0 ? (
                  <span class="studio-tag studio-tag--error">
                    {errors} {errors === 1 ? "Fehler" : "Fehler"}
                  </span>
                ) : null}
              </span>
              <span class="studio-fieldrow__actions">
                <button
                  type="button"
                  class="kern-btn kern-btn--tertiary studio-btn--small studio-field-up"
                  aria-label={`„${name}“ nach oben`}
                  disabled={i === 0}
                  onClick={() => moveField(i, i - 1, false)}
                >
                  <span class="kern-label" aria-hidden="true">
                    ↑
                  </span>
                </button>
                <button
                  type="button"
                  class="kern-btn kern-btn--tertiary studio-btn--small studio-field-down"
                  aria-label={`„${name}“ nach unten`}
                  disabled={i === fields.length - 1}
                  onClick={() => moveField(i, i + 1, false)}
                >
                  <span class="kern-label" aria-hidden="true">
                    ↓
                  </span>
                </button>
                <button
                  type="button"
                  class="kern-btn kern-btn--tertiary studio-btn--small studio-field-duplicate"
                  aria-label={`„${name}“ duplizieren`}
                  onClick={() => duplicate(i)}
                >
                  <span class="kern-label">Duplizieren</span>
                </button>
                <button
                  type="button"
                  class="kern-btn kern-btn--tertiary studio-btn--small studio-field-remove"
                  aria-label={`„${name}“ entfernen`}
                  onClick={() => remove(i)}
                >
                  <span class="kern-label">Entfernen</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p class="kern-sr-only" role="status">
        {announcement}
      </p>
    </div>
  );
}
