/**
 * Gebühren: the fee items of the service — each a fixed amount, a formula or a decision
 * table, with its legal basis and an optional condition — and the live check of tables for
 * gaps and overlaps.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Finding, formatMessage } from "../../core/index.ts";
import type { TabProps } from "../context.ts";
import { focusSoon } from "../process/focus.ts";
import { useAddByTitle } from "../process/ids.ts";
import type { Def, DraftStore } from "../store.ts";
import { findingsAt } from "../store.ts";
import { Button, FindingNotes, move, RowButtons, Select, TextInput } from "../ui.tsx";
import { centsText } from "./amounts.ts";
import { feeFindings } from "./checks.ts";
import { FeeItemDetail, MODES, modeOf } from "./FeeItem.tsx";
import "./fees.css";

function summary(item: Def): string {
  const mode = modeOf(item);
  if (mode === "table") {
    const n = Array.isArray(item.table?.rules) ? item.table.rules.length : 0;
    return `Tabelle, ${n} ${n === 1 ? "Zeile" : "Zeilen"}`;
  }
  if (mode === "formula") return "Formel";
  return typeof item.amount === "number" ? `${centsText(item.amount)} €` : "—";
}

export function FeesTab({ store, state }: TabProps) {
  const items: Def[] = Array.isArray(state.def.fees?.items) ? state.def.fees.items : [];
  const findings = useMemo(
    () => feeFindings(state.def, state.findings),
    [state.def, state.findings],
  );
  const [selected, setSelected] = useState<number | null>(null);
  const [mode, setMode] = useState("fixed");
  const {
    title: label,
    setTitle: setLabel,
    announce,
    setAnnounce,
    add,
  } = useAddByTitle({
    taken: () => items.map((x) => x.id ?? ""),
    fallback: "gebuehr",
    missing: "Bitte geben Sie eine Bezeichnung für die Gebührenposition ein.",
    added: (text) => `Gebührenposition „${text}“ hinzugefügt.`,
    insert: (id, text) => {
      const item: Def = { id, label: text, legalBasis: "" };
      if (mode === "fixed") item.amount = 0;
      if (mode === "formula") item.amount = "0";
      if (mode === "table")
        item.table = { hitPolicy: "first", inputs: [""], rules: [{ when: ["-"], amount: 0 }] };
      store.change((d) => {
        d.fees ??= { currency: "EUR", items: [] };
        d.fees.items ??= [];
        d.fees.items.push(item);
      });
      setSelected(items.length);
    },
  });

  // a jump from the linter: open the item its path is in
  useEffect(() => {
    const m = /^fees\.items\[(\d+)\]/.exec(state.focus?.path ?? "");
    if (!m) return;
    setSelected(Number(m[1]));
    setRefocus(state.focus?.path ?? null);
  }, [state.focus?.seq]);
  const [refocus, setRefocus] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus) return;
    focusSoon(root.current, refocus);
    setRefocus(null);
  }, [refocus]);

  function remove(index: number) {
    const name = items[index]?.label || items[index]?.id;
    store.change((d) => {
      d.fees.items.splice(index, 1);
      // a fee schedule needs at least one item: without items the service has no fees
      if (d.fees.items.length === 0) delete d.fees;
    });
    setSelected(null);
    setAnnounce(`Gebührenposition „${name}“ entfernt.`);
  }

  return (
    <div class="studio-fees" ref={root}>
      <h2 class="kern-title kern-title--medium">Gebühren</h2>
      <p class="kern-body">
        Jede Gebührenposition erscheint mit ihrer Rechtsgrundlage im Gebührenbescheid. Der Betrag
        ist fest, wird mit einer Formel berechnet oder einer Entscheidungstabelle entnommen. Eine
        Aktion mit der Wirkung „Gebühren festsetzen“ (Reiter Ablauf) setzt sie fest.
      </p>
      <p class="kern-sr-only" role="status">
        {announce}
      </p>
      {items.length === 0 ? (
        <p class="kern-body studio-muted">Dieser Dienst ist gebührenfrei.</p>
      ) : (
        <div class="studio-table-wrap">
          <table class="studio-table" data-path="fees.items">
            <caption class="kern-sr-only">Gebührenpositionen</caption>
            <thead>
              <tr>
                <th scope="col">Bezeichnung</th>
                <th scope="col">Betrag</th>
                <th scope="col">Rechtsgrundlage</th>
                <th scope="col">Hinweise</th>
                <th scope="col">
                  <span class="kern-sr-only">Befehle</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <ItemRow
                  key={`${i}-${item.id}`}
                  store={store}
                  item={item}
                  index={i}
                  count={items.length}
                  findings={findingsAt(findings, `fees.items[${i}]`)}
                  selected={selected === i}
                  onSelect={() => setSelected(selected === i ? null : i)}
                  onMove={(to) => {
                    store.change((d) => move(d.fees.items, i, to));
                    if (selected === i) setSelected(to);
                  }}
                  onRemove={() => remove(i)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="studio-row studio-add" onSubmit={add} aria-label="Neue Gebührenposition">
        <TextInput
          id="fee-new-label"
          label="Bezeichnung der neuen Gebührenposition"
          hint="z. B. Verwaltungsgebühr"
          value={label}
          onInput={setLabel}
        />
        <Select id="fee-new-kind" label="Betrag" value={mode} onChange={setMode} options={MODES} />
        <Button type="submit">Gebührenposition hinzufügen</Button>
      </form>
      {selected !== null && items[selected] ? (
        <FeeItemDetail
          store={store}
          index={selected}
          item={items[selected]}
          otherIds={items.filter((_, i) => i !== selected).map((x) => x.id)}
          findings={findings}
        />
      ) : null}
    </div>
  );
}

function ItemRow(p: {
  store: DraftStore;
  item: Def;
  index: number;
  count: number;
  findings: Finding[];
  selected: boolean;
  onSelect: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const name = p.item.label || p.item.id || `Position ${p.index + 1}`;
  const path = `fees.items[${p.index}]`;
  return (
    <tr class={p.selected ? "studio-row--selected" : ""} id={`fee-row-item-${p.item.id}`}>
      <th scope="row">
        <button
          type="button"
          class="link-button"
          aria-expanded={p.selected}
          aria-controls="fee-detail"
          data-path={path}
          onClick={p.onSelect}
        >
          {name}
        </button>
      </th>
      <td>{summary(p.item)}</td>
      <td>{p.item.legalBasis || <span class="studio-note--error">fehlt</span>}</td>
      <td>
        <FindingNotes findings={p.findings} format={formatMessage} />
      </td>
      <td class="studio-cell-buttons">
        <RowButtons
          name={name}
          index={p.index}
          count={p.count}
          onMove={p.onMove}
          onRemove={p.onRemove}
        />
      </td>
    </tr>
  );
}
