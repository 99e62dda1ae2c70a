/** One fee item: label, id, legal basis, condition, and its amount (fixed, formula or table). */
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import { Feel } from "../process/Feel.tsx";
import { isIdentifier } from "../process/ids.ts";
import type { Def, DraftStore } from "../store.ts";
import { Select, TextArea, TextInput } from "../ui.tsx";
import { EuroInput } from "./AmountInput.tsx";
import { DecisionTable } from "./DecisionTable.tsx";

export const MODES = [
  { value: "fixed", label: "fester Betrag" },
  { value: "formula", label: "Formel" },
  { value: "table", label: "Entscheidungstabelle" },
];

export function modeOf(item: Def): "fixed" | "formula" | "table" {
  if (item.table) return "table";
  return typeof item.amount === "string" ? "formula" : "fixed";
}

export function FeeItemDetail(p: {
  store: DraftStore;
  index: number;
  item: Def;
  otherIds: string[];
  findings: Finding[];
}) {
  const item = p.item;
  const path = `fees.items[${p.index}]`;
  const f = p.findings;
  const mode = modeOf(item);
  const set = (key: string, value: unknown) =>
    p.store.change((d) => {
      const target = d.fees.items[p.index];
      if (value === undefined || (value === "" && key !== "legalBasis")) delete target[key];
      else target[key] = value;
    });
  function switchMode(next: string) {
    p.store.change((d) => {
      const target = d.fees.items[p.index];
      const amount = target.amount;
      if (next === "table") {
        delete target.amount;
        target.table ??= {
          hitPolicy: "first",
          inputs: [""],
          rules: [{ when: ["-"], amount: typeof amount === "number" ? amount : 0 }],
        };
        return;
      }
      delete target.table;
      if (next === "fixed") target.amount = typeof amount === "number" ? amount : 0;
      else target.amount = typeof amount === "string" ? amount : String(amount ?? 0);
    });
  }
  const idError = !isIdentifier(item.id ?? "")
    ? "Die Kennung beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _."
    : p.otherIds.includes(item.id)
      ? "Diese Kennung hat schon eine andere Gebührenposition."
      : errorAt(f, `${path}.id`);
  return (
    <section class="studio-detail" id="fee-detail" aria-labelledby="fee-detail-title">
      <h3 class="kern-title kern-title--small" id="fee-detail-title">
        Gebührenposition „{item.label || item.id}“ bearbeiten
      </h3>
      <div class="studio-row">
        <TextInput
          id="fee-label"
          label="Bezeichnung"
          required
          path={`${path}.label`}
          hint="So steht die Position im Bescheid."
          value={item.label}
          error={errorAt(f, `${path}.label`)}
          onInput={(v) => set("label", v)}
        />
        <TextInput
          id="fee-id"
          label="Kennung"
          required
          mono
          path={`${path}.id`}
          value={item.id}
          error={idError}
          onInput={(v) => set("id", v)}
        />
      </div>
      <TextArea
        id="fee-legal-basis"
        label="Rechtsgrundlage"
        required
        rows={2}
        path={`${path}.legalBasis`}
        hint="z. B. § 4 KAG i. V. m. der Verwaltungskostensatzung, Tarifstelle 7.1"
        value={item.legalBasis}
        error={
          (item.legalBasis ?? "").trim() === ""
            ? "Bitte die Rechtsgrundlage angeben; sie steht im Bescheid."
            : errorAt(f, `${path}.legalBasis`)
        }
        onInput={(v) => set("legalBasis", v)}
      />
      <Feel
        id="fee-when"
        label="Nur erheben, wenn (optional, FEEL)"
        path={`${path}.when`}
        hint='z. B. applicantType = "gewerblich"; leer: immer'
        value={item.when}
        finding={errorAt(f, `${path}.when`)}
        onInput={(v) => set("when", v)}
      />
      <Select id="fee-mode" label="Betrag" value={mode} onChange={switchMode} options={MODES} />
      {mode === "fixed" ? (
        <EuroInput
          id="fee-amount"
          label="Betrag in Euro"
          path={`${path}.amount`}
          value={item.amount}
          finding={errorAt(f, `${path}.amount`)}
          onChange={(cents) => set("amount", cents)}
        />
      ) : null}
      {mode === "formula" ? (
        <Feel
          id="fee-formula"
          label="Formel (Ergebnis in Cent)"
          path={`${path}.amount`}
          hint="Das Ergebnis muss eine ganze Zahl von Cent sein, z. B. 500 * weeks oder min(20000, 1000 * days)."
          value={typeof item.amount === "string" ? item.amount : ""}
          finding={errorAt(f, `${path}.amount`)}
          onInput={(v) => set("amount", v)}
        />
      ) : null}
      {mode === "table" && item.table ? (
        <DecisionTable store={p.store} itemIndex={p.index} table={item.table} findings={f} />
      ) : null}
    </section>
  );
}
