/**
 * The live preview: the selected page as the citizen portal renders it (the server's real form
 * renderer), refreshed shortly after each change, shown in a sandboxed frame without scripts
 * and without form submission — a preview never makes a draft or a case. Sample values for the
 * names the page's conditions read let the designer see conditional fields appear.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { analyseFeel } from "../../core/index.ts";
import { ApiError, type ApiProblem } from "../api.ts";
import type { StudioContext } from "../context.ts";
import type { Def, DraftStore } from "../store.ts";
import { Alert, Checkbox, Select, TextInput } from "../ui.tsx";
import { arr } from "./fieldTypes.ts";

const DELAY_MS = 400;

type Answer = { html: string; page: string; formOnly: boolean };

export function Preview(p: { store: DraftStore; ctx: StudioContext; pageIndex: number }) {
  const def = p.store.state.def;
  const page = arr(def.form?.pages)[p.pageIndex] as Def | undefined;
  const pageId = typeof page?.id === "string" ? page.id : "";
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [data, setData] = useState<Record<string, unknown>>({});
  const seq = useRef(0);

  const empty = arr(page?.fields).length === 0;
  useEffect(() => {
    if (!pageId || empty) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await p.ctx.api.post<Answer>(
          `/services/${encodeURIComponent(p.store.slug)}/preview/form`,
          { definition: def, page: pageId, data },
        );
        if (mine !== seq.current) return;
        setAnswer(res);
        setProblems([]);
        setError(null);
      } catch (err) {
        if (mine !== seq.current) return;
        const e = err as ApiError;
        setProblems(e instanceof ApiError ? e.problems : []);
        setError(e.message);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [def, pageId, data]);

  const samples = sampleFields(def, page);
  const title = String(page?.title || pageId);
  return (
    <section class="studio-preview" aria-labelledby="vorschau-titel">
      <h2 class="kern-title kern-title--medium" id="vorschau-titel">
        Vorschau
      </h2>
      <p class="kern-body">
        So sieht die Seite „{title}“ für Antragstellende aus. In der Vorschau lässt sich nichts
        absenden; es entstehen weder Entwürfe noch Anträge.
      </p>
      <p class="kern-body studio-muted" role="status">
        {empty
          ? ""
          : loading
            ? "Vorschau wird aktualisiert …"
            : error
              ? "Die Vorschau ist nicht aktuell."
              : answer
                ? "Vorschau ist aktuell."
                : ""}
      </p>
      {empty ? (
        <p class="kern-body">
          Diese Seite hat noch keine Felder. Sobald Sie ein Feld hinzufügen, erscheint hier die
          Vorschau.
        </p>
      ) : null}
      {error && !empty ? (
        <Alert kind="warning" title="Die Vorschau kann diese Fassung nicht zeigen">
          <p class="kern-body">
            {problems.length > 0
              ? "Das Formular lässt sich so noch nicht laden. Bitte beheben Sie zuerst:"
              : error}
          </p>
          {problems.length > 0 ? (
            <ul class="kern-list studio-problems">
              {problems.slice(0, 10).map((x) => (
                <li key={`${x.path}-${x.key}`}>
                  <button type="button" class="link-button" onClick={() => p.store.jump(x.path)}>
                    {x.message}
                  </button>{" "}
                  <code class="studio-muted">{x.path}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {answer?.formOnly && !error ? (
        <p class="kern-hint">
          Andere Teile des Dienstes sind noch unvollständig; die Vorschau zeigt das Formular
          trotzdem.
        </p>
      ) : null}
      {samples.length > 0 ? (
        <details class="studio-preview__samples">
          <summary class="kern-label">Beispielwerte für Bedingungen ({samples.length})</summary>
          <p class="kern-hint">
            Werte, mit denen die Bedingungen dieser Seite in der Vorschau ausgewertet werden.
          </p>
          {samples.map((f) => (
            <SampleInput
              key={f.id}
              field={f}
              options={optionsOf(def, f)}
              value={data[f.id]}
              onChange={(v) =>
                setData((old) => {
                  const next = { ...old };
                  if (v === undefined) delete next[f.id];
                  else next[f.id] = v;
                  return next;
                })
              }
            />
          ))}
        </details>
      ) : null}
      {answer && !error && !empty ? (
        <iframe
          id="form-preview"
          class="studio-preview__frame"
          title={`Vorschau der Seite „${title}“`}
          sandbox=""
          srcdoc={inert(answer.html)}
        />
      ) : null}
    </section>
  );
}

/** The fields whose values the conditions on this page read (from any page). */
function sampleFields(def: Def, page: Def | undefined): Def[] {
  if (!page) return [];
  const sources = [page.visibleIf];
  for (const f of arr(page.fields)) sources.push(f?.visibleIf, f?.requiredIf);
  const names = new Set<string>();
  for (const s of sources) {
    if (typeof s !== "string" || !s.trim()) continue;
    for (const r of analyseFeel(s).refs) names.add(r.name);
  }
  const all = arr(def.form?.pages).flatMap((x: Def) => arr(x?.fields));
  return all.filter((f: Def) => names.has(f?.id) && f?.type !== "info" && f?.type !== "group");
}

function optionsOf(def: Def, f: Def): { value: string; label: string }[] {
  const own = arr(f.options);
  const list = typeof f.codeList === "string" ? arr(def.codeLists?.[f.codeList]?.options) : [];
  return (own.length ? own : list).filter((o) => typeof o?.value === "string");
}

function SampleInput(p: {
  field: Def;
  options: { value: string; label: string }[];
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const f = p.field;
  const label = `${f.label || f.id} (${f.id})`;
  const id = `beispiel-${f.id}`;
  if (f.type === "boolean")
    return (
      <Checkbox
        label={label}
        checked={p.value === true}
        onChange={(v) => p.onChange(v || undefined)}
      />
    );
  if (f.type === "select" || f.type === "radio")
    return (
      <Select
        id={id}
        label={label}
        value={typeof p.value === "string" ? p.value : ""}
        onChange={(v) => p.onChange(v || undefined)}
        options={[{ value: "", label: "(keine Angabe)" }, ...p.options]}
      />
    );
  if (f.type === "multiselect")
    return (
      <Select
        id={id}
        label={label}
        hint="Eine Auswahl für die Vorschau"
        value={Array.isArray(p.value) ? String(p.value[0] ?? "") : ""}
        onChange={(v) => p.onChange(v ? [v] : undefined)}
        options={[{ value: "", label: "(keine Angabe)" }, ...p.options]}
      />
    );
  const numeric = f.type === "number" || f.type === "integer" || f.type === "money";
  return (
    <TextInput
      id={id}
      label={label}
      type={numeric ? "number" : f.type === "date" ? "date" : "text"}
      hint={f.type === "money" ? "in Cent" : undefined}
      value={p.value === undefined ? "" : String(p.value)}
      onInput={(v) => {
        if (v === "") return p.onChange(undefined);
        p.onChange(numeric ? Number(v) : v);
      }}
    />
  );
}

/**
 * Links in the preview open nothing: with a `_blank` target they would need a pop-up, which the
 * sandbox forbids (the portal's pages refuse to be framed anyway). The form itself cannot be
 * sent because the sandbox does not allow forms.
 */
function inert(html: string): string {
  return html.replace(/<head>/i, '<head><base target="_blank">');
}
