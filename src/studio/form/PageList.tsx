/** The pages of the form: select, add, reorder, remove; the selected page's settings. */
import { useState } from "preact/hooks";
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import { type Def, type DraftStore, findingsAt } from "../store.ts";
import { Button, move, TextArea, TextInput } from "../ui.tsx";
import { FeelInput, type FeelName } from "./FeelInput.tsx";
import { arr, stillSelected } from "./fieldTypes.ts";

const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export function PageList(p: {
  store: DraftStore;
  findings: Finding[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  const pages = arr(p.store.state.def.form?.pages);
  const [announcement, setAnnouncement] = useState("");

  function add() {
    const at = Math.min(p.selected + 1, pages.length);
    p.store.change((d) => {
      d.form ??= {};
      d.form.pages ??= [];
      const taken = new Set(arr(d.form.pages).map((x: Def) => String(x?.id)));
      let n = d.form.pages.length + 1;
      while (taken.has(`seite${n}`)) n++;
      d.form.pages.splice(at, 0, { id: `seite${n}`, title: `Seite ${n}`, fields: [] });
    });
    p.onSelect(at);
    setAnnouncement(`Neue Seite an Position ${at + 1} angelegt.`);
  }

  function remove(i: number) {
    const page = pages[i];
    const count = arr(page?.fields).length;
    if (pages.length <= 1) return;
    if (
      count > 0 &&
      !confirm(
        `Die Seite „${page?.title || page?.id}“ mit ${count} ${count === 1 ? "Feld" : "Feldern"} entfernen? Die Felder werden mit entfernt.`,
      )
    )
      return;
    p.store.change((d) => {
      d.form.pages.splice(i, 1);
    });
    p.onSelect(stillSelected(p.selected, i, pages.length) ?? 0);
    setAnnouncement(`Die Seite „${page?.title || page?.id}“ wurde entfernt.`);
  }

  function reorder(from: number, to: number) {
    if (to < 0 || to >= pages.length) return;
    p.store.change((d) => move(d.form.pages, from, to));
    p.onSelect(to);
    setAnnouncement(`„${pages[from]?.title}“ ist jetzt Seite ${to + 1} von ${pages.length}.`);
  }

  return (
    <section class="studio-pages" aria-labelledby="seiten-titel">
      <h2 class="kern-title kern-title--medium" id="seiten-titel">
        Seiten des Formulars
      </h2>
      <ol class="studio-pagelist">
        {pages.map((page, i) => {
          const errors = findingsAt(p.findings, `form.pages[${i}]`).filter(
            (x) => x.severity === "error",
          ).length;
          return (
            <li
              key={i}
              class={`studio-pagelist__item${i === p.selected ? " studio-pagelist__item--selected" : ""}`}
            >
              <button
                type="button"
                id={`seite-${i}`}
                data-path={`form.pages[${i}]`}
                class="link-button"
                aria-current={i === p.selected ? "page" : undefined}
                onClick={() => p.onSelect(i)}
              >
                {i + 1}. {String(page?.title || page?.id || "ohne Titel")}
                <span class="studio-muted">
                  {" "}
                  ({arr(page?.fields).length} {arr(page?.fields).length === 1 ? "Feld" : "Felder"})
                </span>
              </button>
              {errors > 0 ? (
                <span class="studio-tag studio-tag--error">{errors} Fehler</span>
              ) : null}
              <span class="studio-pagelist__actions">
                <Button
                  small
                  variant="tertiary"
                  label={`Seite „${page?.title}“ nach vorn`}
                  disabled={i === 0}
                  onClick={() => reorder(i, i - 1)}
                >
                  ←
                </Button>
                <Button
                  small
                  variant="tertiary"
                  label={`Seite „${page?.title}“ nach hinten`}
                  disabled={i === pages.length - 1}
                  onClick={() => reorder(i, i + 1)}
                >
                  →
                </Button>
                <Button
                  small
                  variant="tertiary"
                  label={`Seite „${page?.title}“ entfernen`}
                  disabled={pages.length <= 1}
                  onClick={() => remove(i)}
                >
                  Entfernen
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <div class="studio-toolbar">
        <button type="button" id="seite-neu" class="kern-btn kern-btn--secondary" onClick={add}>
          <span class="kern-label">Seite hinzufügen</span>
        </button>
      </div>
      <p class="kern-sr-only" role="status">
        {announcement}
      </p>
    </section>
  );
}

/** Title, id, description and condition of a page. */
export function PageSettings(p: {
  store: DraftStore;
  index: number;
  findings: Finding[];
  names: FeelName[];
}) {
  const page = (arr(p.store.state.def.form?.pages)[p.index] ?? {}) as Def;
  const path = `form.pages[${p.index}]`;
  const f = p.findings;
  const set = (key: string, value: string) =>
    p.store.change((d) => {
      const target = d.form?.pages?.[p.index];
      if (!target) return;
      if (value === "" && key !== "title") delete target[key];
      else target[key] = value;
    });
  // the typed id while the input has focus; otherwise the stored one
  const [id, setId] = useState<string | null>(null);
  const [idError, setIdError] = useState<string | undefined>();
  function applyId() {
    if (id === null) return;
    const next = id.trim();
    if (next === page.id) {
      setId(null);
      return setIdError(undefined);
    }
    if (!IDENTIFIER.test(next))
      return setIdError(
        "Die Kennung beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _.",
      );
    const taken = new Set(arr(p.store.state.def.form?.pages).map((x: Def) => String(x?.id)));
    if (taken.has(next)) return setIdError(`Die Kennung „${next}“ hat schon eine andere Seite.`);
    setIdError(undefined);
    setId(null);
    set("id", next);
  }
  return (
    <details
      class="studio-pagesettings"
      open={findingsAt(f, path).some((x) => !x.path.includes(".fields"))}
    >
      <summary class="kern-label">
        Einstellungen der Seite „{String(page.title || page.id || "")}“
      </summary>
      <TextInput
        id="seite-titel"
        label="Überschrift der Seite"
        required
        path={`${path}.title`}
        value={page.title}
        error={errorAt(f, `${path}.title`)}
        onInput={(v) => set("title", v)}
      />
      <TextInput
        id="seite-kennung"
        label="Kennung der Seite"
        mono
        hint={`Erscheint in der Adresse der Seite (…/antrag/${String(page.id ?? "")}). Übernehmen mit der Eingabetaste.`}
        path={`${path}.id`}
        value={id ?? String(page.id ?? "")}
        error={idError ?? errorAt(f, `${path}.id`)}
        onInput={setId}
        inputProps={{
          onBlur: applyId,
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === "Enter") {
              e.preventDefault();
              applyId();
            }
          },
        }}
      />
      <TextArea
        id="seite-beschreibung"
        label="Einleitung (optional)"
        path={`${path}.description`}
        rows={3}
        value={page.description}
        error={errorAt(f, `${path}.description`)}
        onInput={(v) => set("description", v)}
      />
      <FeelInput
        id="seite-visibleIf"
        label="Seite nur zeigen, wenn (optional)"
        path={`${path}.visibleIf`}
        value={page.visibleIf}
        names={p.names}
        findings={f}
        onInput={(v) => set("visibleIf", v)}
      />
    </details>
  );
}
