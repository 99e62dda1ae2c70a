/**
 * A fee decision table as an editable grid: one column per input (a FEEL expression), a
 * unary test per cell ("-" for any value), the amount, and optionally the row's own label and
 * legal basis. Arrow keys move between cells; every cell is named by its row and column.
 * Gaps and overlaps found by the core's check are shown at the rows they concern.
 */
import { checkFeel, checkUnaryTests, type Finding, formatMessage } from "../../core/index.ts";
import type { Def, DraftStore } from "../store.ts";
import { Button, move, Select } from "../ui.tsx";
import { useAmountText } from "./AmountInput.tsx";
import { rowFindings, tableFindings } from "./checks.ts";

const HIT_POLICIES = [
  { value: "first", label: "Die erste passende Zeile gilt" },
  { value: "collect-sum", label: "Die Beträge aller passenden Zeilen werden addiert" },
];

/** Moves the focus within the grid: up and down always, left and right at a text's edge. */
function onGridKey(e: KeyboardEvent) {
  const el = e.target as HTMLInputElement;
  const r = Number(el.dataset.r);
  const c = Number(el.dataset.c);
  if (el.tagName !== "INPUT" || Number.isNaN(r) || Number.isNaN(c)) return;
  const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
  const atEnd = el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
  const [dr, dc] =
    e.key === "ArrowUp"
      ? [-1, 0]
      : e.key === "ArrowDown"
        ? [1, 0]
        : e.key === "ArrowLeft" && atStart
          ? [0, -1]
          : e.key === "ArrowRight" && atEnd
            ? [0, 1]
            : [0, 0];
  if (dr === 0 && dc === 0) return;
  const grid = el.closest("table");
  const next = grid?.querySelector<HTMLInputElement>(
    `input[data-r="${r + dr}"][data-c="${c + dc}"]`,
  );
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.select();
}

export function DecisionTable(p: {
  store: DraftStore;
  itemIndex: number;
  table: Def;
  findings: Finding[];
}) {
  const i = p.itemIndex;
  const base = `fees.items[${i}].table`;
  const inputs: string[] = Array.isArray(p.table.inputs) ? p.table.inputs : [];
  const rules: Def[] = Array.isArray(p.table.rules) ? p.table.rules : [];
  const change = (recipe: (t: Def) => void) =>
    p.store.change((d) => {
      const t = d.fees.items[i].table;
      t.inputs ??= [];
      t.rules ??= [];
      recipe(t);
    });
  const whole = tableFindings(p.findings, i);
  const checked = inputs.length === 1;
  return (
    <div class="studio-fee-table">
      <Select
        id="fee-hit-policy"
        label="Wenn mehrere Zeilen passen"
        path={base}
        value={p.table.hitPolicy ?? "first"}
        onChange={(v) =>
          change((t) => {
            t.hitPolicy = v;
          })
        }
        options={HIT_POLICIES}
      />
      <p class="kern-hint" id={`fee-grid-hint`}>
        In jeder Zelle steht eine Bedingung an die Eingabe der Spalte, z. B. <code>&lt; 10</code>,{" "}
        <code>[1..5]</code>, <code>"gewerblich"</code>; <code>-</code> passt immer. Beträge in Euro
        (12,50) oder als Formel in Cent nach einem Gleichheitszeichen (= 50 * weeks). Mit den
        Pfeiltasten wechseln Sie zwischen den Zellen.
      </p>
      <div class="studio-table-wrap">
        <table
          class="studio-table studio-grid"
          aria-describedby="fee-grid-hint"
          onKeyDown={onGridKey}
        >
          <caption class="kern-sr-only">Entscheidungstabelle der Gebührenposition</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="kern-sr-only">Zeile</span>
              </th>
              {inputs.map((input, c) => (
                <th scope="col" key={c}>
                  <label class="kern-label" id={`fee-col-${c}`} for={`fee-input-${c}`}>
                    Eingabe {c + 1}
                  </label>
                  <input
                    class="kern-form-input__input studio-mono studio-grid__input"
                    id={`fee-input-${c}`}
                    data-path={`${base}.inputs[${c}]`}
                    data-r={-1}
                    data-c={c}
                    value={input}
                    spellcheck={false}
                    autocomplete="off"
                    placeholder="z. B. persons"
                    onInput={(e) =>
                      change((t) => {
                        t.inputs[c] = (e.currentTarget as HTMLInputElement).value;
                      })
                    }
                  />
                  <div class="studio-grid__buttons">
                    <Button
                      small
                      label={`Eingabe ${c + 1} nach links`}
                      disabled={c === 0}
                      onClick={() =>
                        change((t) => {
                          move(t.inputs, c, c - 1);
                          for (const r of t.rules)
                            if (Array.isArray(r.when)) move(r.when, c, c - 1);
                        })
                      }
                    >
                      ←
                    </Button>
                    <Button
                      small
                      label={`Eingabe ${c + 1} nach rechts`}
                      disabled={c === inputs.length - 1}
                      onClick={() =>
                        change((t) => {
                          move(t.inputs, c, c + 1);
                          for (const r of t.rules)
                            if (Array.isArray(r.when)) move(r.when, c, c + 1);
                        })
                      }
                    >
                      →
                    </Button>
                    <Button
                      small
                      label={`Eingabe ${c + 1} entfernen`}
                      disabled={inputs.length === 1}
                      onClick={() =>
                        change((t) => {
                          t.inputs.splice(c, 1);
                          for (const r of t.rules) if (Array.isArray(r.when)) r.when.splice(c, 1);
                        })
                      }
                    >
                      ✕
                    </Button>
                  </div>
                </th>
              ))}
              <th scope="col" id="fee-col-amount">
                Betrag
              </th>
              <th scope="col" id="fee-col-label">
                Bezeichnung (wenn abweichend)
              </th>
              <th scope="col" id="fee-col-basis">
                Rechtsgrundlage (wenn abweichend)
              </th>
              <th scope="col">Prüfung</th>
              <th scope="col">
                <span class="kern-sr-only">Befehle</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, r) => (
              <Row
                key={r}
                store={p.store}
                itemIndex={i}
                row={r}
                rule={rule}
                inputs={inputs}
                last={r === rules.length - 1}
                findings={rowFindings(p.findings, i, r)}
                checked={checked}
                change={change}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div class="studio-toolbar">
        <Button
          small
          onClick={() =>
            change((t) => {
              t.rules.push({ when: t.inputs.map(() => "-"), amount: 0 });
            })
          }
        >
          Zeile hinzufügen
        </Button>
        <Button
          small
          onClick={() =>
            change((t) => {
              t.inputs.push("");
              for (const r of t.rules) {
                if (!Array.isArray(r.when)) r.when = [];
                r.when.push("-");
              }
            })
          }
        >
          Eingabe (Spalte) hinzufügen
        </Button>
      </div>
      <div class="studio-fee-checks" id="fee-table-checks">
        <p class="kern-body" role="status">
          {whole.length === 0 && !rules.some((_, r) => rowFindings(p.findings, i, r).length > 0)
            ? checked
              ? "Keine Lücken und Überschneidungen gefunden."
              : "Lücken und Überschneidungen prüft das Studio bei Tabellen mit genau einer Eingabe."
            : "Die Tabelle hat Lücken oder Überschneidungen – siehe die Liste darunter und die Spalte „Prüfung“."}
        </p>
        {whole.length > 0 ? (
          <ul class="studio-notes" id="fee-table-findings">
            {whole.map((f) => (
              <li key={`${f.key}${JSON.stringify(f.params)}`} class={`studio-note--${f.severity}`}>
                {formatMessage(f.key, f.params)}
              </li>
            ))}
          </ul>
        ) : null}
        <details>
          <summary class="kern-body">Was bedeuten Lücke und Überschneidung?</summary>
          <p class="kern-body">
            <strong>Lücke:</strong> Für manche Werte passt keine Zeile. Dann wird für diese
            Gebührenposition nichts festgesetzt – meist fehlt eine Zeile.
          </p>
          <p class="kern-body">
            <strong>Überschneidung:</strong> Für manche Werte passen mehrere Zeilen. Gilt die erste
            passende Zeile, wird eine spätere Zeile, die ganz von früheren abgedeckt ist, nie
            angewendet. Werden die Beträge addiert, zahlt die Antragstellerin oder der Antragsteller
            für diese Werte mehrere Beträge.
          </p>
          <p class="kern-body">
            Geprüft werden Tabellen mit genau einer Eingabe und Zahlenbedingungen wie{" "}
            <code>&lt; 10</code>, <code>&gt;= 5</code> oder <code>[1..5]</code>.
          </p>
        </details>
      </div>
    </div>
  );
}

function Row(p: {
  store: DraftStore;
  itemIndex: number;
  row: number;
  rule: Def;
  inputs: string[];
  last: boolean;
  findings: Finding[];
  checked: boolean;
  change: (recipe: (t: Def) => void) => void;
}) {
  const r = p.row;
  const path = `fees.items[${p.itemIndex}].table.rules[${r}]`;
  const when: unknown[] = Array.isArray(p.rule.when) ? p.rule.when : [];
  const rowId = `fee-row-${r}`;
  const checkId = `fee-check-${r}`;
  const cellIssues = p.inputs.flatMap((_, c) => {
    const cell = typeof when[c] === "string" ? (when[c] as string) : "";
    if (cell.trim() === "")
      return [{ c, message: "Bitte eine Bedingung eingeben („-“ für jeden Wert)." }];
    const issue = checkUnaryTests(cell)[0];
    return issue ? [{ c, message: formatMessage(issue.key, issue.params) }] : [];
  });
  const formulaIssue =
    typeof p.rule.amount === "string" ? checkFeel(p.rule.amount, () => undefined)[0] : undefined;
  // syntax is checked here as the designer types; the linter's copy of it would repeat it
  const findings = p.findings.filter((f) => f.key !== "rules.syntax");
  const problem = findings.length > 0 || cellIssues.length > 0 || formulaIssue !== undefined;
  const amount = useAmountText(p.rule.amount, true, (v) =>
    p.change((t) => {
      t.rules[r].amount = v;
    }),
  );
  const describedBy = [problem ? checkId : "", amount.error ? `fee-amount-${r}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const setText = (key: "label" | "legalBasis", v: string) =>
    p.change((t) => {
      if (v.trim() === "") delete t.rules[r][key];
      else t.rules[r][key] = v;
    });
  const col = p.inputs.length;
  return (
    <tr class={problem ? "studio-row--finding" : ""}>
      <th scope="row" id={rowId}>
        Zeile {r + 1}
      </th>
      {p.inputs.map((_, c) => (
        <td key={c}>
          <input
            class="kern-form-input__input studio-mono studio-grid__input"
            id={`fee-cell-${r}-${c}`}
            data-path={`${path}.when[${c}]`}
            data-r={r}
            data-c={c}
            aria-labelledby={`${rowId} fee-col-${c}`}
            aria-describedby={problem ? checkId : undefined}
            aria-invalid={cellIssues.some((x) => x.c === c) ? true : undefined}
            spellcheck={false}
            autocomplete="off"
            value={typeof when[c] === "string" ? (when[c] as string) : ""}
            onInput={(e) =>
              p.change((t) => {
                const rule = t.rules[r];
                if (!Array.isArray(rule.when)) rule.when = [];
                while (rule.when.length < t.inputs.length) rule.when.push("-");
                rule.when[c] = (e.currentTarget as HTMLInputElement).value;
              })
            }
          />
        </td>
      ))}
      <td>
        <input
          class={`kern-form-input__input studio-grid__input studio-grid__amount${amount.error ? " kern-form-input__input--error" : ""}`}
          id={`fee-amount-${r}`}
          data-path={`${path}.amount`}
          data-r={r}
          data-c={col}
          aria-labelledby={`${rowId} fee-col-amount`}
          aria-describedby={describedBy || undefined}
          aria-invalid={amount.error ? true : undefined}
          autocomplete="off"
          value={amount.text}
          onInput={(e) => amount.onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {amount.error ? (
          <p class="kern-error" id={`fee-amount-${r}-error`}>
            <span class="kern-body">{amount.error}</span>
          </p>
        ) : null}
      </td>
      <td>
        <input
          class="kern-form-input__input studio-grid__input"
          id={`fee-rowlabel-${r}`}
          data-path={`${path}.label`}
          data-r={r}
          data-c={col + 1}
          aria-labelledby={`${rowId} fee-col-label`}
          autocomplete="off"
          value={p.rule.label ?? ""}
          onInput={(e) => setText("label", (e.currentTarget as HTMLInputElement).value)}
        />
      </td>
      <td>
        <input
          class="kern-form-input__input studio-grid__input"
          id={`fee-basis-${r}`}
          data-path={`${path}.legalBasis`}
          data-r={r}
          data-c={col + 2}
          aria-labelledby={`${rowId} fee-col-basis`}
          autocomplete="off"
          value={p.rule.legalBasis ?? ""}
          onInput={(e) => setText("legalBasis", (e.currentTarget as HTMLInputElement).value)}
        />
      </td>
      <td id={checkId} class="studio-grid__check">
        {problem ? (
          <ul class="studio-notes">
            {cellIssues.map((x) => (
              <li key={`cell${x.c}`} class="studio-note--error">
                Eingabe {x.c + 1}: {x.message}
              </li>
            ))}
            {formulaIssue ? (
              <li class="studio-note--error">
                Betrag: {formatMessage(formulaIssue.key, formulaIssue.params)}
              </li>
            ) : null}
            {findings.map((f) => (
              <li
                key={`${f.key}${f.path}${JSON.stringify(f.params)}`}
                class={`studio-note--${f.severity}`}
              >
                {f.key === "lint.feeOverlap" ? "Überschneidung: " : ""}
                {formatMessage(f.key, f.params)}
              </li>
            ))}
          </ul>
        ) : (
          <span class="studio-muted">{p.checked ? "in Ordnung" : ""}</span>
        )}
      </td>
      <td class="studio-cell-buttons">
        <Button
          small
          label={`Zeile ${r + 1} nach oben`}
          disabled={r === 0}
          onClick={() => p.change((t) => move(t.rules, r, r - 1))}
        >
          ↑
        </Button>
        <Button
          small
          label={`Zeile ${r + 1} nach unten`}
          disabled={p.last}
          onClick={() => p.change((t) => move(t.rules, r, r + 1))}
        >
          ↓
        </Button>
        <Button
          small
          label={`Zeile ${r + 1} entfernen`}
          disabled={r === 0 && p.last}
          onClick={() => p.change((t) => t.rules.splice(r, 1))}
        >
          Entfernen
        </Button>
      </td>
    </tr>
  );
}
