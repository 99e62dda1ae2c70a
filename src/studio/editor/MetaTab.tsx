import { formatMessage } from "../../core/index.ts";
import type { TabProps } from "../context.ts";
import { findingsAt } from "../store.ts";
import { Button, Select, TextArea, TextInput } from "../ui.tsx";

/** The first finding at exactly `path`, as a message. */
export function errorAt(findings: TabProps["state"]["findings"], path: string): string | undefined {
  const f = findingsAt(findings, path).find((x) => x.path === path);
  return f ? formatMessage(f.key, f.params) : undefined;
}

/** Catalogue facts: title, description, LeiKa key, legal basis, org unit, processing time. */
export function MetaTab({ store, state }: TabProps) {
  const meta = state.def.meta ?? {};
  const f = state.findings;
  const set = (key: string, value: unknown) =>
    store.change((d) => {
      d.meta ??= {};
      if (value === "" || value === undefined) delete d.meta[key];
      else d.meta[key] = value;
    });
  const legal: string[] = Array.isArray(meta.legalBasis) ? meta.legalBasis : [];
  const docs: { title: string; description?: string; optional?: boolean }[] = Array.isArray(
    meta.requiredDocuments,
  )
    ? meta.requiredDocuments
    : [];
  return (
    <div class="studio-meta">
      <h2 class="kern-title kern-title--medium">Allgemeine Angaben</h2>
      <p class="kern-body">Diese Angaben erscheinen im Dienste-Katalog Ihrer Kommune.</p>
      <TextInput
        label="Titel"
        required
        path="meta.title"
        value={meta.title}
        error={errorAt(f, "meta.title")}
        onInput={(v) => set("title", v)}
      />
      <TextArea
        label="Beschreibung"
        required
        path="meta.description"
        rows={4}
        hint="Was ist das, wer kann es beantragen?"
        value={meta.description}
        error={errorAt(f, "meta.description")}
        onInput={(v) => set("description", v)}
      />
      <TextInput
        label="LeiKa-Leistungsschlüssel"
        required
        path="meta.leikaKey"
        hint="14 Ziffern, beginnt mit 99 (Leistungskatalog)"
        value={meta.leikaKey}
        error={errorAt(f, "meta.leikaKey")}
        onInput={(v) => set("leikaKey", v.replace(/\s/g, ""))}
      />
      <TextInput
        label="Zuständige Stelle (Organisationseinheit)"
        required
        path="meta.orgUnit"
        hint="z. B. ordnungsamt – neue Anträge gehen an diese Stelle"
        value={meta.orgUnit}
        error={errorAt(f, "meta.orgUnit")}
        onInput={(v) => set("orgUnit", v)}
      />
      <TextInput
        label="Kategorie im Katalog (optional)"
        path="meta.category"
        value={meta.category}
        error={errorAt(f, "meta.category")}
        onInput={(v) => set("category", v)}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Bearbeitungsdauer</legend>
        <div class="studio-row">
          <TextInput
            label="Dauer"
            type="number"
            path="meta.processingTime.value"
            value={String(meta.processingTime?.value ?? "")}
            error={errorAt(f, "meta.processingTime.value")}
            onInput={(v) =>
              set("processingTime", {
                ...meta.processingTime,
                value: v === "" ? undefined : Number(v),
              })
            }
          />
          <Select
            label="Einheit"
            path="meta.processingTime.unit"
            value={meta.processingTime?.unit ?? "workingDays"}
            onChange={(v) => set("processingTime", { ...meta.processingTime, unit: v })}
            options={[
              { value: "days", label: "Tage" },
              { value: "workingDays", label: "Arbeitstage" },
              { value: "weeks", label: "Wochen" },
              { value: "months", label: "Monate" },
            ]}
          />
        </div>
      </fieldset>
      <TextList
        legend="Rechtsgrundlagen"
        dataPath="meta.legalBasis"
        error={errorAt(f, "meta.legalBasis")}
        itemLabel="Rechtsgrundlage"
        addLabel="Rechtsgrundlage hinzufügen"
        values={legal}
        pathOf={(i) => `meta.legalBasis[${i}]`}
        onInput={(i, v) =>
          store.change((d) => {
            d.meta.legalBasis[i] = v;
          })
        }
        onRemove={(i) =>
          store.change((d) => {
            d.meta.legalBasis.splice(i, 1);
          })
        }
        onAdd={() =>
          store.change((d) => {
            d.meta ??= {};
            d.meta.legalBasis = [...(d.meta.legalBasis ?? []), ""];
          })
        }
      />
      <TextList
        legend="Erforderliche Unterlagen"
        itemLabel="Unterlage"
        addLabel="Unterlage hinzufügen"
        values={docs.map((doc) => doc.title)}
        pathOf={(i) => `meta.requiredDocuments[${i}].title`}
        onInput={(i, v) =>
          store.change((d) => {
            d.meta.requiredDocuments[i].title = v;
          })
        }
        onRemove={(i) =>
          store.change((d) => {
            d.meta.requiredDocuments.splice(i, 1);
          })
        }
        onAdd={() =>
          store.change((d) => {
            d.meta ??= {};
            d.meta.requiredDocuments = [...(d.meta.requiredDocuments ?? []), { title: "" }];
          })
        }
      />
      <TextInput
        label="Versionsnummer"
        path="version"
        hint="z. B. 1.0.0 – für Ihre eigene Zählung; Veröffentlichungen werden zusätzlich fortlaufend nummeriert."
        value={state.def.version}
        error={errorAt(f, "version")}
        onInput={(v) =>
          store.change((d) => {
            d.version = v;
          })
        }
      />
    </div>
  );
}

/** A list of one-line texts, each with its remove button, and a button to add one. */
function TextList(p: {
  legend: string;
  dataPath?: string;
  error?: string;
  itemLabel: string;
  addLabel: string;
  values: string[];
  pathOf: (i: number) => string;
  onInput: (i: number, value: string) => void;
  onRemove: (i: number) => void;
  onAdd: () => void;
}) {
  return (
    <fieldset class="kern-fieldset" data-path={p.dataPath}>
      <legend class="kern-label">{p.legend}</legend>
      {p.error ? (
        <p class="kern-error">
          <span class="kern-body">{p.error}</span>
        </p>
      ) : null}
      {p.values.map((text, i) => (
        <div class="studio-row" key={i}>
          <TextInput
            label={`${p.itemLabel} ${i + 1}`}
            path={p.pathOf(i)}
            value={text}
            onInput={(v) => p.onInput(i, v)}
          />
          <Button small label={`${p.itemLabel} ${i + 1} entfernen`} onClick={() => p.onRemove(i)}>
            Entfernen
          </Button>
        </div>
      ))}
      <Button small onClick={p.onAdd}>
        {p.addLabel}
      </Button>
    </fieldset>
  );
}
