/** The actions of the process: a list to add, reorder, select and remove; a form for one. */
import { type Finding, formatMessage } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import type { Def, DraftStore } from "../store.ts";
import { findingsAt } from "../store.ts";
import { Button, FindingNotes, move, RowButtons, Select, TextInput } from "../ui.tsx";
import { CheckGroup, PeriodInput, periodText } from "./controls.tsx";
import { Effects } from "./Effects.tsx";
import { Feel } from "./Feel.tsx";
import { InputFields } from "./InputFields.tsx";
import { isIdentifier, useAddByTitle } from "./ids.ts";
import { labelOf, ROLES } from "./labels.ts";

// biome-ignore lint/suspicious/noExplicitAny: an action of a draft is free-form JSON
type Action = Record<string, any>;
type Status = { id?: string; title?: string };

export function Actions(p: {
  store: DraftStore;
  def: Def;
  statuses: Status[];
  actions: Action[];
  findings: Finding[];
  selected: number | null;
  onSelect: (index: number | null) => void;
}) {
  const titleOf = (id: string) => p.statuses.find((s) => s.id === id)?.title || id;
  const { title, setTitle, announce, setAnnounce, add } = useAddByTitle({
    taken: () => p.actions.map((a) => a.id ?? ""),
    fallback: "aktion",
    missing: "Bitte geben Sie einen Titel für die neue Aktion ein.",
    added: (t) => `Aktion „${t}“ hinzugefügt.`,
    insert: (id, t) => {
      const from = p.def.process?.initialStatus || p.statuses[0]?.id || "";
      const to = p.statuses.find((s) => s.id !== from)?.id ?? from;
      p.store.change((d) => {
        d.process.actions ??= [];
        d.process.actions.push({
          id,
          title: t,
          from: [from],
          to,
          roles: ["caseworker"],
          effects: [],
        });
      });
      p.onSelect(p.actions.length);
    },
  });

  function remove(index: number) {
    const name = p.actions[index]?.title || p.actions[index]?.id;
    p.store.change((d) => {
      d.process.actions.splice(index, 1);
    });
    p.onSelect(null);
    setAnnounce(`Aktion „${name}“ entfernt.`);
  }

  function reorder(from: number, to: number) {
    p.store.change((d) => move(d.process.actions, from, to));
    if (p.selected === from) p.onSelect(to);
  }

  return (
    <section class="studio-section" aria-labelledby="process-actions">
      <h3 class="kern-title kern-title--small" id="process-actions">
        Aktionen
      </h3>
      <p class="kern-body">
        Eine Aktion führt einen Antrag von einem Status in einen anderen – ausgeführt von einer
        Person oder automatisch – und löst Wirkungen aus, etwa einen Bescheid oder eine Gebühr.
      </p>
      {p.actions.length === 0 ? (
        <p class="kern-body studio-muted">Noch keine Aktionen.</p>
      ) : (
        <div class="studio-table-wrap">
          <table class="studio-table" data-path="process.actions">
            <caption class="kern-sr-only">Aktionen des Ablaufs</caption>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Von → Nach</th>
                <th scope="col">Wer</th>
                <th scope="col">Hinweise</th>
                <th scope="col">
                  <span class="kern-sr-only">Befehle</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.actions.map((a, i) => {
                const path = `process.actions[${i}]`;
                const name = a.title || a.id || `Aktion ${i + 1}`;
                const notes = findingsAt(p.findings, path);
                const from: string[] = Array.isArray(a.from) ? a.from : [];
                return (
                  <tr
                    key={`${i}-${a.id}`}
                    id={`action-row-${a.id}`}
                    class={p.selected === i ? "studio-row--selected" : ""}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        class="link-button"
                        aria-expanded={p.selected === i}
                        aria-controls="action-detail"
                        data-path={path}
                        onClick={() => p.onSelect(p.selected === i ? null : i)}
                      >
                        {name}
                      </button>
                    </th>
                    <td>
                      {from.map(titleOf).join(", ") || "—"} → {titleOf(a.to ?? "") || "—"}
                    </td>
                    <td>
                      {a.automatic
                        ? "automatisch"
                        : a.timer
                          ? `nach ${periodText(a.timer.after)}`
                          : (Array.isArray(a.roles) ? a.roles : [])
                              .map((r: string) => labelOf(ROLES, r))
                              .join(", ") || "—"}
                    </td>
                    <td>
                      <FindingNotes findings={notes} format={formatMessage} />
                    </td>
                    <td class="studio-cell-buttons">
                      <RowButtons
                        name={name}
                        index={i}
                        count={p.actions.length}
                        onMove={(to) => reorder(i, to)}
                        onRemove={() => remove(i)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form class="studio-row studio-add" onSubmit={add} aria-label="Neue Aktion">
        <TextInput
          id="action-new-title"
          label="Titel der neuen Aktion"
          hint="z. B. Genehmigen, Ablehnen, Unterlagen nachfordern"
          value={title}
          onInput={setTitle}
        />
        <Button type="submit">Aktion hinzufügen</Button>
      </form>
      <p class="kern-sr-only" role="status">
        {announce}
      </p>
      {p.selected !== null && p.actions[p.selected] ? (
        <ActionDetail
          store={p.store}
          def={p.def}
          index={p.selected}
          action={p.actions[p.selected]!}
          statuses={p.statuses}
          otherIds={p.actions.filter((_, i) => i !== p.selected).map((a) => a.id)}
          findings={p.findings}
        />
      ) : null}
    </section>
  );
}

function ActionDetail(p: {
  store: DraftStore;
  def: Def;
  index: number;
  action: Action;
  statuses: Status[];
  otherIds: string[];
  findings: Finding[];
}) {
  const a = p.action;
  const path = `process.actions[${p.index}]`;
  const f = p.findings;
  const set = (key: string, value: unknown) =>
    p.store.change((d) => {
      const target = d.process.actions[p.index];
      if (value === undefined || value === "") delete target[key];
      else target[key] = value;
    });
  const statusOptions = p.statuses.map((s) => ({
    value: s.id ?? "",
    label: s.title || s.id || "",
  }));
  const roles: string[] = Array.isArray(a.roles) ? a.roles : [];
  const idError = !isIdentifier(a.id ?? "")
    ? "Die Kennung beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _."
    : p.otherIds.includes(a.id)
      ? "Diese Kennung hat schon eine andere Aktion."
      : errorAt(f, `${path}.id`);
  return (
    <section class="studio-detail" id="action-detail" aria-labelledby="action-detail-title">
      <h4 class="kern-title kern-title--small" id="action-detail-title">
        Aktion „{a.title || a.id}“ bearbeiten
      </h4>
      <div class="studio-row">
        <TextInput
          id="action-title"
          label="Titel"
          required
          path={`${path}.title`}
          hint="So heißt die Schaltfläche im Arbeitsplatz."
          value={a.title}
          error={errorAt(f, `${path}.title`)}
          onInput={(v) => set("title", v)}
        />
        <TextInput
          id="action-id"
          label="Kennung"
          required
          mono
          path={`${path}.id`}
          value={a.id}
          error={idError}
          onInput={(v) => set("id", v)}
        />
      </div>
      <CheckGroup
        legend="Von Status"
        idPrefix="action-from"
        path={`${path}.from`}
        hint="Aus welchen Status die Aktion möglich ist."
        error={errorAt(f, `${path}.from`)}
        options={statusOptions}
        values={Array.isArray(a.from) ? a.from : []}
        onChange={(v) => set("from", v)}
      />
      <Select
        id="action-to"
        label="Nach Status"
        path={`${path}.to`}
        value={a.to}
        error={errorAt(f, `${path}.to`)}
        onChange={(v) => set("to", v)}
        options={[
          ...(statusOptions.some((o) => o.value === a.to)
            ? []
            : [{ value: a.to ?? "", label: "—" }]),
          ...statusOptions,
        ]}
      />
      <CheckGroup
        legend="Wer darf die Aktion ausführen?"
        idPrefix="action-role"
        path={`${path}.roles`}
        error={errorAt(f, `${path}.roles`)}
        options={ROLES}
        values={roles}
        onChange={(v) => set("roles", v)}
      />
      <Feel
        id="action-guard"
        label="Bedingung (optional, FEEL)"
        path={`${path}.guard`}
        hint='Die Aktion ist nur möglich, wenn die Bedingung zutrifft, z. B. fireSize <= 10 oder case.status = "eingegangen".'
        value={a.guard}
        finding={errorAt(f, `${path}.guard`)}
        onInput={(v) => set("guard", v)}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Vier-Augen-Prinzip</legend>
        <div class="kern-fieldset__body">
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id="action-second-approval"
              data-path={`${path}.secondApproval`}
              checked={Boolean(a.secondApproval)}
              onChange={(e) =>
                set(
                  "secondApproval",
                  (e.currentTarget as HTMLInputElement).checked
                    ? { roles: ["approver"] }
                    : undefined,
                )
              }
            />
            <label class="kern-label" for="action-second-approval">
              Zweite Person muss zustimmen
            </label>
          </div>
          {a.secondApproval ? (
            <CheckGroup
              legend="Zustimmen darf"
              idPrefix="action-approval-role"
              path={`${path}.secondApproval.roles`}
              error={errorAt(f, `${path}.secondApproval.roles`)}
              options={ROLES.filter((r) => r.value !== "system" && r.value !== "applicant")}
              values={Array.isArray(a.secondApproval.roles) ? a.secondApproval.roles : []}
              onChange={(v) => set("secondApproval", { roles: v })}
            />
          ) : null}
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Automatisch ausführen</legend>
        <div class="kern-fieldset__body">
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id="action-automatic"
              data-path={`${path}.automatic`}
              aria-describedby="action-automatic-hint"
              checked={a.automatic === true}
              onChange={(e) =>
                set("automatic", (e.currentTarget as HTMLInputElement).checked || undefined)
              }
            />
            <label class="kern-label" for="action-automatic">
              Sofort, sobald die Bedingung zutrifft
            </label>
            <div class="kern-hint" id="action-automatic-hint">
              Das System führt die Aktion aus, ohne dass jemand klickt.
            </div>
          </div>
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id="action-timer"
              data-path={`${path}.timer`}
              checked={Boolean(a.timer)}
              onChange={(e) =>
                set(
                  "timer",
                  (e.currentTarget as HTMLInputElement).checked
                    ? { after: { days: 14 } }
                    : undefined,
                )
              }
            />
            <label class="kern-label" for="action-timer">
              Nach Ablauf einer Frist im Von-Status
            </label>
          </div>
          {a.timer ? (
            <PeriodInput
              idPrefix="action-timer-after"
              label="Frist"
              path={`${path}.timer.after`}
              value={a.timer.after}
              error={errorAt(f, `${path}.timer.after`) ?? errorAt(f, `${path}.timer`)}
              onChange={(v) => set("timer", v ? { after: v } : { after: { days: 0 } })}
            />
          ) : null}
        </div>
      </fieldset>
      <InputFields store={p.store} actionIndex={p.index} fields={a.input} findings={f} />
      <Effects store={p.store} def={p.def} actionIndex={p.index} effects={a.effects} findings={f} />
    </section>
  );
}
