/**
 * The form builder: the form's pages, the fields of the selected page (reorder, duplicate,
 * remove, move to another page), a palette of field types, the selected field's properties with
 * conditions in FEEL, and a live preview rendered by the citizen portal itself.
 */
import "./form.css";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { FieldType } from "../../core/index.ts";
import type { TabProps } from "../context.ts";
import { at, type Def } from "../store.ts";
import { Select } from "../ui.tsx";
import type { FeelName } from "./FeelInput.tsx";
import { FieldList } from "./FieldList.tsx";
import { FieldProperties } from "./FieldProperties.tsx";
import { arr, newField, typeLabel } from "./fieldTypes.ts";
import { PageList, PageSettings } from "./PageList.tsx";
import { Palette } from "./Palette.tsx";
import { Preview } from "./Preview.tsx";

type Selection = { page: number; field: number | null; sub: number | null };

const FOCUS_PATH = /^form\.pages\[(\d+)\](?:\.fields\[(\d+)\](?:\.fields\[(\d+)\])?)?/;

/** Which page, field and group subfield a linter path points into. */
function selectionFor(path: string | undefined): Selection | null {
  const m = path ? FOCUS_PATH.exec(path) : null;
  if (!m) return null;
  return {
    page: Number(m[1]),
    field: m[2] === undefined ? null : Number(m[2]),
    sub: m[3] === undefined ? null : Number(m[3]),
  };
}

export function FormTab({ store, state, ctx }: TabProps) {
  const pages = arr(state.def.form?.pages);
  const [sel, setSel] = useState<Selection>(
    () => selectionFor(state.focus?.path) ?? { page: 0, field: null, sub: null },
  );
  const autoIds = useRef(new Set<string>()).current;

  // A jump from the linter: select the page, field and subfield so that the input is rendered.
  useEffect(() => {
    const next = selectionFor(state.focus?.path);
    if (next) setSel(next);
  }, [state.focus?.seq]);

  const pageIndex = Math.min(sel.page, Math.max(pages.length - 1, 0));
  const page = pages[pageIndex] as Def | undefined;
  const fields = arr(page?.fields);
  const fieldIndex = sel.field !== null && sel.field < fields.length ? sel.field : null;
  const field = fieldIndex === null ? undefined : (fields[fieldIndex] as Def);
  const fieldPath = `form.pages[${pageIndex}].fields[${fieldIndex}]`;
  const names = useMemo(() => formNames(state.def), [state.def.form]);

  function addField(type: FieldType) {
    const at0 = fieldIndex === null ? fields.length : fieldIndex + 1;
    let id = "";
    store.change((d) => {
      d.form ??= {};
      d.form.pages ??= [];
      if (d.form.pages.length === 0)
        d.form.pages.push({ id: "seite1", title: "Seite 1", fields: [] });
      const target = d.form.pages[pageIndex];
      target.fields ??= [];
      const created = newField(type, d);
      id = created.id;
      target.fields.splice(at0, 0, created);
    });
    autoIds.add(id);
    setSel({ page: pageIndex, field: at0, sub: null });
    focusSoon("#feld-label");
  }

  function moveToPage(target: number) {
    if (fieldIndex === null || target === pageIndex) return;
    let index = 0;
    store.change((d) => {
      const [moved] = d.form.pages[pageIndex].fields.splice(fieldIndex, 1);
      d.form.pages[target].fields ??= [];
      index = d.form.pages[target].fields.push(moved) - 1;
    });
    setSel({ page: target, field: index, sub: null });
  }

  return (
    <div class="studio-form">
      <PageList
        store={store}
        findings={state.findings}
        selected={pageIndex}
        onSelect={(i) => setSel({ page: i, field: null, sub: null })}
      />
      {page ? (
        <PageSettings
          key={pageIndex}
          store={store}
          index={pageIndex}
          findings={state.findings}
          names={names}
        />
      ) : null}
      <div class="studio-form__grid">
        <section class="studio-form__fields" aria-labelledby="felder-titel">
          <h2 class="kern-title kern-title--medium" id="felder-titel">
            Felder der Seite „{String(page?.title || page?.id || "")}“
          </h2>
          <FieldList
            store={store}
            basePath={`form.pages[${pageIndex}].fields`}
            findings={state.findings}
            selected={fieldIndex}
            onSelect={(i) => setSel({ page: pageIndex, field: i, sub: null })}
            label={`Felder der Seite „${String(page?.title || page?.id || "")}“`}
          />
          <Palette onAdd={addField} />
        </section>
        <section class="studio-form__props" aria-labelledby="eigenschaften-titel">
          <h2 class="kern-title kern-title--medium" id="eigenschaften-titel">
            Eigenschaften
          </h2>
          {field ? (
            <>
              <FieldProperties
                key={fieldPath}
                store={store}
                path={fieldPath}
                names={names}
                findings={state.findings}
                autoIds={autoIds}
                idPrefix="feld"
              />
              {pages.length > 1 ? (
                <Select
                  id="feld-seite"
                  label="Auf eine andere Seite verschieben"
                  value={String(pageIndex)}
                  onChange={(v) => moveToPage(Number(v))}
                  options={pages.map((x: Def, i: number) => ({
                    value: String(i),
                    label: `${i + 1}. ${String(x?.title || x?.id)}`,
                  }))}
                />
              ) : null}
              {field.type === "group" ? (
                <GroupFields
                  {...{ store, state, ctx }}
                  path={fieldPath}
                  selected={sel.sub}
                  onSelect={(sub) => setSel({ page: pageIndex, field: fieldIndex, sub })}
                  names={names}
                  autoIds={autoIds}
                />
              ) : null}
            </>
          ) : (
            <p class="kern-body studio-muted">
              Wählen Sie ein Feld aus der Liste oder fügen Sie eines hinzu.
            </p>
          )}
        </section>
        <Preview store={store} ctx={ctx} pageIndex={pageIndex} />
      </div>
    </div>
  );
}

/** The fields of a repeating group: a list, a palette of simple types, the selected one's properties. */
function GroupFields(
  p: TabProps & {
    path: string;
    selected: number | null;
    onSelect: (i: number | null) => void;
    names: FeelName[];
    autoIds: Set<string>;
  },
) {
  const group = (at(p.state.def, p.path) ?? {}) as Def;
  const subs = arr(group.fields);
  const selected = p.selected !== null && p.selected < subs.length ? p.selected : null;
  const names = useMemo(
    () => [
      ...subs
        .filter((s: Def) => typeof s?.id === "string" && s.type !== "info")
        .map((s: Def) => ({
          id: s.id,
          label: `${String(s.label ?? "")} (in der Gruppe)`,
          type: typeLabel(s.type),
        })),
      ...p.names,
    ],
    [group, p.names],
  );
  function add(type: FieldType) {
    const at0 = selected === null ? subs.length : selected + 1;
    let id = "";
    p.store.change((d) => {
      const target = at(d, p.path) as Def;
      target.fields ??= [];
      const created = newField(type, d, true);
      id = created.id;
      target.fields.splice(at0, 0, created);
    });
    p.autoIds.add(id);
    p.onSelect(at0);
    focusSoon("#unterfeld-label");
  }
  return (
    <section class="studio-group" aria-labelledby="gruppe-titel">
      <h3 class="kern-title kern-title--small" id="gruppe-titel">
        Felder jedes Eintrags der Gruppe „{String(group.label || group.id)}“
      </h3>
      <FieldList
        store={p.store}
        basePath={`${p.path}.fields`}
        findings={p.state.findings}
        selected={selected}
        onSelect={p.onSelect}
        label={`Felder der Gruppe „${String(group.label || group.id)}“`}
      />
      <Palette onAdd={add} inGroup idPrefix="gruppe-palette" />
      {selected !== null ? (
        <FieldProperties
          key={`${p.path}.fields[${selected}]`}
          store={p.store}
          path={`${p.path}.fields[${selected}]`}
          names={names}
          findings={p.state.findings}
          autoIds={p.autoIds}
          idPrefix="unterfeld"
        />
      ) : null}
    </section>
  );
}

/** The names form conditions may use: every field that holds a value, with label and type. */
function formNames(def: Def): FeelName[] {
  const out: FeelName[] = [];
  const seen = new Set<string>();
  for (const page of arr(def.form?.pages))
    for (const f of arr(page?.fields)) {
      if (typeof f?.id !== "string" || f.type === "info" || seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ id: f.id, label: String(f.label ?? ""), type: typeLabel(f.type) });
    }
  return out;
}

/** Focuses (and selects the text of) an input once the next render is on screen. */
function focusSoon(selector: string) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLInputElement>(selector);
      el?.focus();
      el?.select?.();
    }),
  );
}
