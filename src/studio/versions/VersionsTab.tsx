import { useEffect, useState } from "preact/hooks";
import { type DefinitionDiff, diffDefinitions, loadDefinition } from "../../core/index.ts";
import type { ApiError, ApiProblem } from "../api.ts";
import type { TabProps } from "../context.ts";
import { ProblemList } from "../list/ServiceList.tsx";
import { Alert, Button, Select } from "../ui.tsx";

type Version = { version: number; title: string; publishedAt: string; publishedBy: string | null };

const when = (iso: string) =>
  new Date(iso).toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" });

/** Publishing, the version history with a readable diff, export and import. */
export function VersionsTab({
  store,
  state,
  ctx,
  publish,
}: TabProps & { publish: () => Promise<void> }) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errors = state.findings.filter((f) => f.severity === "error").length;
  const slug = store.slug;

  useEffect(() => {
    ctx.api
      .get<{ versions: Version[] }>(`/services/${slug}/versions`)
      .then((r) => setVersions(r.versions))
      .catch((e: Error) => setError(e.message));
  }, [state.publishedVersion]);

  return (
    <div class="studio-versions">
      <h2 class="kern-title kern-title--medium">Veröffentlichen</h2>
      <p class="kern-body">
        Veröffentlichen legt eine unveränderliche Version an; neue Anträge beginnen auf ihr,
        laufende Anträge bleiben auf ihrer Version.
      </p>
      {errors > 0 ? (
        <Alert
          kind="warning"
          title={`Noch ${errors} Fehler – Veröffentlichen ist erst ohne Fehler möglich.`}
        />
      ) : null}
      <Button variant="primary" onClick={publish} disabled={errors > 0 || state.saving}>
        {state.dirty ? "Speichern und veröffentlichen" : "Veröffentlichen"}
      </Button>

      <h2 class="kern-title kern-title--medium">Versionen</h2>
      {error ? <Alert kind="danger" title={error} role="alert" /> : null}
      {versions === null ? (
        <p class="kern-body">Versionen werden geladen …</p>
      ) : versions.length === 0 ? (
        <p class="kern-body">Noch keine veröffentlichte Version.</p>
      ) : (
        <>
          <div class="kern-table-responsive">
            <table class="kern-table">
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">
                    Version
                  </th>
                  <th class="kern-table__header" scope="col">
                    Veröffentlicht
                  </th>
                  <th class="kern-table__header" scope="col">
                    Export
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {versions.map((v) => (
                  <tr class="kern-table__row" key={v.version}>
                    <td class="kern-table__cell">
                      {v.version}: {v.title}
                    </td>
                    <td class="kern-table__cell">
                      {when(v.publishedAt)}
                      {v.publishedBy ? ` von ${v.publishedBy}` : ""}
                    </td>
                    <td class="kern-table__cell">
                      <a
                        class="kern-link"
                        href={`${ctx.api.base}/services/${slug}/export?version=${v.version}`}
                        download
                      >
                        Version {v.version} als Datei
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <VersionDiff ctx={ctx} slug={slug} versions={versions} draft={state.def} />
        </>
      )}

      <h2 class="kern-title kern-title--medium">Export und Import</h2>
      <p class="kern-body">
        <a class="kern-link" href={`${ctx.api.base}/services/${slug}/export`} download>
          Entwurf als Datei exportieren (JSON)
        </a>
        {state.dirty ? " – nur der gespeicherte Stand" : ""}
      </p>
      <ImportInto store={store} state={state} ctx={ctx} />
    </div>
  );
}

function VersionDiff(p: {
  ctx: TabProps["ctx"];
  slug: string;
  versions: Version[];
  draft: unknown;
}) {
  const options = [
    { value: "draft", label: "Entwurf" },
    ...p.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
  ];
  const [from, setFrom] = useState(String(p.versions[0]!.version));
  const [to, setTo] = useState("draft");
  const [diff, setDiff] = useState<{ diff: DefinitionDiff; before: Loaded; after: Loaded } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const get = (v: string) =>
      v === "draft"
        ? Promise.resolve(p.draft)
        : p.ctx.api
            .get<{ definition: unknown }>(`/services/${p.slug}/versions/${v}`)
            .then((r) => r.definition);
    Promise.all([get(from), get(to)])
      .then(([a, b]) => {
        const la = loadDefinition(a);
        const lb = loadDefinition(b);
        if (!la.ok || !lb.ok) {
          setDiff(null);
          setError("Der Entwurf hat noch Fehler; der Vergleich braucht zwei fehlerfreie Stände.");
          return;
        }
        setError(null);
        setDiff({
          diff: diffDefinitions(la.definition, lb.definition),
          before: a as Loaded,
          after: b as Loaded,
        });
      })
      .catch((e: Error) => setError(e.message));
  }, [from, to, p.draft]);

  return (
    <section aria-labelledby="diff-title" class="studio-section">
      <h3 class="kern-title kern-title--small" id="diff-title">
        Vergleich
      </h3>
      <div class="studio-row">
        <Select label="Von" value={from} onChange={setFrom} options={options} />
        <Select label="Nach" value={to} onChange={setTo} options={options} />
      </div>
      {error ? <p class="kern-body">{error}</p> : null}
      {diff ? <DiffView {...diff} /> : null}
    </section>
  );
}

const CHANGE = { added: "neu", removed: "entfernt", changed: "geändert" } as const;

type Loaded = Record<string, any>;

const PROPERTY: Record<string, string> = {
  label: "Beschriftung",
  title: "Titel",
  hint: "Hinweis",
  required: "Pflichtfeld",
  requiredIf: "Pflicht, wenn",
  visibleIf: "Sichtbar, wenn",
  computed: "Berechnung",
  options: "Optionen",
  type: "Art",
  kind: "Art",
  deadline: "Frist",
  from: "von",
  to: "nach",
  roles: "Rollen",
  guard: "Bedingung",
  effects: "Wirkungen",
  input: "Eingaben",
  amount: "Betrag",
  legalBasis: "Rechtsgrundlage",
  when: "Wann",
  table: "Entscheidungstabelle",
  blocks: "Textbausteine",
  text: "Text",
  subject: "Betreff",
  body: "Text",
  description: "Beschreibung",
};

/** The item a change names, in one of the two versions, by kind. */
function itemOf(def: Loaded, group: string, id: string): Loaded | undefined {
  switch (group) {
    case "fields": {
      const [first, second] = id.split(".");
      for (const page of def.form?.pages ?? [])
        for (const f of page.fields ?? []) {
          if (f.id !== first) continue;
          return second ? (f.fields ?? []).find((g: Loaded) => g.id === second) : f;
        }
      return undefined;
    }
    case "statuses":
      return (def.process?.statuses ?? []).find((x: Loaded) => x.id === id);
    case "actions":
      return (def.process?.actions ?? []).find((x: Loaded) => x.id === id);
    case "fees":
      return (def.fees?.items ?? []).find((x: Loaded) => x.id === id);
    case "documents":
      return (def.documents ?? []).find((x: Loaded) => x.id === id);
    case "notifications":
      return (def.notifications ?? []).find((x: Loaded) => x.id === id);
    case "textBlocks":
      return def.textBlocks?.[id];
    case "meta":
      return def.meta;
  }
  return undefined;
}

const short = (v: unknown): string => {
  const text = typeof v === "string" ? v : v === undefined ? "–" : JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

/** A readable comparison: each change by name, and for texts and settings before → after. */
function DiffView({
  diff,
  before,
  after,
}: {
  diff: DefinitionDiff;
  before: Loaded;
  after: Loaded;
}) {
  const groups: [string, string][] = [
    ["meta", "Allgemeine Angaben"],
    ["fields", "Felder"],
    ["statuses", "Status"],
    ["actions", "Aktionen"],
    ["fees", "Gebühren"],
    ["documents", "Bescheide"],
    ["textBlocks", "Textbausteine"],
    ["notifications", "Nachrichten"],
  ];
  const all = diff as unknown as Record<string, DefinitionDiff["fields"] | undefined>;
  const total = groups.reduce((n, [k]) => n + (all[k]?.length ?? 0), 0);
  if (total === 0) return <p class="kern-body">Keine Unterschiede.</p>;
  return (
    <div class="studio-diff">
      {diff.breaking ? (
        <Alert
          kind="warning"
          title="Achtung: Gespeicherte Entwürfe von Anträgen passen nicht zu jeder Änderung (markiert)."
        />
      ) : null}
      {groups
        .filter(([k]) => (all[k]?.length ?? 0) > 0)
        .map(([k, title]) => (
          <div key={k}>
            <h4 class="kern-title kern-title--small">{title}</h4>
            <ul class="kern-list">
              {all[k]!.map((c) => {
                const old = itemOf(before, k, c.id);
                const next = itemOf(after, k, c.id);
                const name = (next ?? old)?.label ?? (next ?? old)?.title ?? "";
                return (
                  <li key={c.id} class={c.breaking ? "studio-diff--breaking" : undefined}>
                    {k === "meta" ? null : (
                      <>
                        {name ? `„${name}“ ` : null}
                        <code>{c.id}</code>{" "}
                      </>
                    )}
                    {CHANGE[c.change]}
                    {c.breaking ? " – betrifft gespeicherte Daten" : ""}
                    {c.change === "changed" && c.properties?.length ? (
                      <ul class="kern-list">
                        {c.properties.map((p) => (
                          <li key={p}>
                            {PROPERTY[p] ?? p}: {short(old?.[p])} → {short(next?.[p])}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </div>
  );
}

function ImportInto({ store, state, ctx }: TabProps) {
  const [problems, setProblems] = useState<ApiProblem[] | null>(null);
  const [message, setMessage] = useState<{ kind: "danger" | "success"; text: string } | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem(
      "import-into",
    ) as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setMessage({ kind: "danger", text: "Bitte wählen Sie eine Datei aus." });
    if (
      state.dirty &&
      !confirm(
        "Der Import ersetzt den Entwurf; Ihre ungespeicherten Änderungen gehen verloren. Fortfahren?",
      )
    )
      return;
    setProblems(null);
    setMessage(null);
    try {
      const draft = await ctx.api.postText<{
        definition: Record<string, unknown>;
        revision: number;
      }>(`/services/${store.slug}/import?revision=${state.revision}`, await file.text());
      store.replace(draft.definition, draft.revision);
      setMessage({ kind: "success", text: "Importiert: Der Entwurf ist ersetzt." });
    } catch (err) {
      const e2 = err as ApiError;
      if (e2.problems?.length) setProblems(e2.problems);
      else setMessage({ kind: "danger", text: e2.message });
    }
  }
  return (
    <form onSubmit={submit}>
      <div class="kern-form-input">
        <label class="kern-label" for="import-into">
          Datei in diesen Entwurf importieren
        </label>
        <div class="kern-hint" id="import-into-hint">
          Ersetzt den Entwurf; die Kurzbezeichnung bleibt.
        </div>
        <input
          class="kern-form-input__input"
          type="file"
          id="import-into"
          name="import-into"
          accept="application/json,.json"
          aria-describedby="import-into-hint"
        />
      </div>
      <Button type="submit">Importieren</Button>
      {message ? (
        <Alert
          kind={message.kind}
          title={message.text}
          role={message.kind === "danger" ? "alert" : "status"}
        />
      ) : null}
      {problems ? <ProblemList problems={problems} /> : null}
    </form>
  );
}
