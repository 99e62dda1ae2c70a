/** The statuses of the process: a table to add, reorder, select and remove; a form for one. */
import { useState } from "preact/hooks";
import { type Finding, formatMessage } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import type { DraftStore } from "../store.ts";
import { findingsAt } from "../store.ts";
import {
  Alert,
  Button,
  FindingNotes,
  move,
  RowButtons,
  Select,
  TextArea,
  TextInput,
} from "../ui.tsx";
import { PeriodInput, periodText } from "./controls.tsx";
import { isIdentifier, useAddByTitle } from "./ids.ts";
import { labelOf, STATUS_KINDS } from "./labels.ts";

type Status = {
  id?: string;
  title?: string;
  kind?: string;
  description?: string;
  deadline?: { months?: number; days?: number; workingDays?: boolean };
};
type Action = { id?: string; title?: string; from?: string[]; to?: string };

export function Statuses(p: {
  store: DraftStore;
  statuses: Status[];
  actions: Action[];
  initial: string;
  unreachable: Set<string>;
  findings: Finding[];
  selected: number | null;
  onSelect: (index: number | null) => void;
}) {
  const [kind, setKind] = useState("open");
  const [pendingRemoval, setPendingRemoval] = useState<number | null>(null);
  const { title, setTitle, announce, setAnnounce, add } = useAddByTitle({
    taken: () => p.statuses.map((s) => s.id ?? ""),
    fallback: "status",
    missing: "Bitte geben Sie einen Titel für den neuen Status ein.",
    added: (t) => `Status „${t}“ hinzugefügt.`,
    insert: (id, t) => {
      p.store.change((d) => {
        d.process ??= { initialStatus: id, statuses: [], actions: [] };
        d.process.statuses ??= [];
        d.process.statuses.push({ id, title: t, kind });
        if (!d.process.initialStatus) d.process.initialStatus = id;
      });
      p.onSelect(p.statuses.length);
    },
  });

  function usersOf(id: string | undefined): Action[] {
    return p.actions.filter((a) => a.to === id || (a.from ?? []).includes(id ?? ""));
  }

  function remove(index: number) {
    const removed = p.statuses[index];
    p.store.change((d) => {
      d.process.statuses.splice(index, 1);
      for (const a of d.process.actions ?? []) {
        if (Array.isArray(a.from)) a.from = a.from.filter((s: string) => s !== removed?.id);
      }
      if (d.process.initialStatus === removed?.id)
        d.process.initialStatus = d.process.statuses[0]?.id ?? "";
    });
    setPendingRemoval(null);
    p.onSelect(null);
    setAnnounce(`Status „${removed?.title ?? removed?.id}“ entfernt.`);
  }

  function reorder(from: number, to: number) {
    p.store.change((d) => move(d.process.statuses, from, to));
    if (p.selected === from) p.onSelect(to);
  }

  const pending = pendingRemoval === null ? undefined : p.statuses[pendingRemoval];
  return (
    <section class="studio-section" aria-labelledby="process-statuses">
      <h3 class="kern-title kern-title--small" id="process-statuses">
        Status
      </h3>
      <p class="kern-body">
        Ein Status sagt, wo ein Antrag gerade steht. Abgeschlossene Status beenden den Vorgang.
      </p>
      <Select
        id="process-initial"
        label="Anfangsstatus"
        path="process.initialStatus"
        hint="In diesem Status beginnt jeder neue Antrag."
        value={p.initial}
        error={errorAt(p.findings, "process.initialStatus")}
        onChange={(v) =>
          p.store.change((d) => {
            d.process.initialStatus = v;
          })
        }
        options={[
          ...(p.statuses.some((s) => s.id === p.initial) ? [] : [{ value: p.initial, label: "—" }]),
          ...p.statuses.map((s) => ({ value: s.id ?? "", label: s.title || s.id || "" })),
        ]}
      />
      <div class="studio-table-wrap">
        <table class="studio-table" data-path="process.statuses">
          <caption class="kern-sr-only">Status des Ablaufs</caption>
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Kennung</th>
              <th scope="col">Art</th>
              <th scope="col">Frist</th>
              <th scope="col">Hinweise</th>
              <th scope="col">
                <span class="kern-sr-only">Befehle</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.statuses.map((s, i) => {
              const path = `process.statuses[${i}]`;
              const notes = findingsAt(p.findings, path);
              const name = s.title || s.id || `Status ${i + 1}`;
              return (
                <tr
                  key={`${i}-${s.id}`}
                  class={`${p.selected === i ? "studio-row--selected" : ""}${p.unreachable.has(s.id ?? "") ? " studio-row--unreachable" : ""}`}
                  id={`status-row-${s.id}`}
                >
                  <th scope="row">
                    <button
                      type="button"
                      class="link-button"
                      aria-expanded={p.selected === i}
                      aria-controls="status-detail"
                      data-path={path}
                      onClick={() => p.onSelect(p.selected === i ? null : i)}
                    >
                      {name}
                    </button>
                    {s.id === p.initial ? <span class="studio-tag">Anfang</span> : null}
                  </th>
                  <td>
                    <code>{s.id}</code>
                  </td>
                  <td>
                    <span class={`studio-kind studio-kind--${s.kind}`}>
                      {labelOf(STATUS_KINDS, s.kind)}
                    </span>
                  </td>
                  <td>{periodText(s.deadline)}</td>
                  <td>
                    <FindingNotes findings={notes} format={formatMessage} />
                  </td>
                  <td class="studio-cell-buttons">
                    <RowButtons
                      name={name}
                      index={i}
                      count={p.statuses.length}
                      onMove={(to) => reorder(i, to)}
                      onRemove={() => (usersOf(s.id).length > 0 ? setPendingRemoval(i) : remove(i))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pending && pendingRemoval !== null ? (
        <Alert
          kind="warning"
          title={`Status „${pending.title || pending.id}“ wird verwendet`}
          role="alert"
        >
          <p class="kern-body">
            Diese Aktionen führen zu diesem Status oder gehen von ihm aus:{" "}
            {usersOf(pending.id)
              .map((a) => `„${a.title || a.id}“`)
              .join(", ")}
            . Wenn Sie den Status entfernen, müssen Sie diese Aktionen anpassen.
          </p>
          <div class="studio-toolbar">
            <Button variant="primary" onClick={() => remove(pendingRemoval)}>
              Trotzdem entfernen
            </Button>
            <Button onClick={() => setPendingRemoval(null)}>Abbrechen</Button>
          </div>
        </Alert>
      ) : null}
      <form class="studio-row studio-add" onSubmit={add} aria-label="Neuer Status">
        <TextInput
          id="status-new-title"
          label="Titel des neuen Status"
          value={title}
          onInput={setTitle}
        />
        <Select
          id="status-new-kind"
          label="Art"
          value={kind}
          onChange={setKind}
          options={[...STATUS_KINDS]}
        />
        <Button type="submit">Status hinzufügen</Button>
      </form>
      <p class="kern-sr-only" role="status">
        {announce}
      </p>
      {p.selected !== null && p.statuses[p.selected] ? (
        <StatusDetail
          store={p.store}
          index={p.selected}
          status={p.statuses[p.selected]!}
          others={p.statuses.filter((_, i) => i !== p.selected).map((s) => s.id ?? "")}
          findings={p.findings}
        />
      ) : null}
    </section>
  );
}

function StatusDetail(p: {
  store: DraftStore;
  index: number;
  status: Status;
  others: string[];
  findings: Finding[];
}) {
  const path = `process.statuses[${p.index}]`;
  const s = p.status;
  const set = (key: keyof Status, value: unknown) =>
    p.store.change((d) => {
      const target = d.process.statuses[p.index];
      if (value === "" || value === undefined) delete target[key];
      else target[key] = value;
    });
  const idError = !isIdentifier(s.id ?? "")
    ? "Die Kennung beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _."
    : p.others.includes(s.id ?? "")
      ? "Diese Kennung hat schon ein anderer Status."
      : errorAt(p.findings, `${path}.id`);
  return (
    <section class="studio-detail" id="status-detail" aria-labelledby="status-detail-title">
      <h4 class="kern-title kern-title--small" id="status-detail-title">
        Status „{s.title || s.id}“ bearbeiten
      </h4>
      <TextInput
        id="status-title"
        label="Titel"
        required
        path={`${path}.title`}
        value={s.title}
        error={errorAt(p.findings, `${path}.title`)}
        onInput={(v) => set("title", v)}
      />
      <TextInput
        id="status-id"
        label="Kennung"
        required
        mono
        path={`${path}.id`}
        hint="Technischer Name; Aktionen verweisen darauf und werden beim Umbenennen angepasst."
        value={s.id}
        error={idError}
        onInput={(v) =>
          p.store.change((d) => {
            const old = d.process.statuses[p.index].id;
            d.process.statuses[p.index].id = v;
            // an id another status already has would merge their references: keep them apart
            if (p.others.includes(v) || p.others.includes(old)) return;
            if (d.process.initialStatus === old) d.process.initialStatus = v;
            for (const a of d.process.actions ?? []) {
              if (a.to === old) a.to = v;
              if (Array.isArray(a.from)) a.from = a.from.map((x: string) => (x === old ? v : x));
            }
          })
        }
      />
      <Select
        id="status-kind"
        label="Art"
        path={`${path}.kind`}
        value={s.kind}
        error={errorAt(p.findings, `${path}.kind`)}
        onChange={(v) => set("kind", v)}
        options={[...STATUS_KINDS]}
      />
      <PeriodInput
        idPrefix="status-deadline"
        label="Frist in diesem Status (optional)"
        hint="Bis wann der Antrag diesen Status verlassen haben soll; überschrittene Fristen zeigt der Arbeitsplatz."
        path={`${path}.deadline`}
        value={s.deadline}
        error={errorAt(p.findings, `${path}.deadline`)}
        onChange={(v) => set("deadline", v)}
      />
      <TextArea
        id="status-description"
        label="Beschreibung (optional)"
        path={`${path}.description`}
        rows={2}
        value={s.description}
        onInput={(v) => set("description", v)}
      />
    </section>
  );
}
