import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { leaveGuard } from "../App.tsx";
import { type StudioContext, TABS, type TabId, tabFor } from "../context.ts";
import { DocumentsTab } from "../documents/DocumentsTab.tsx";
import { caseDataNames, FeelNamesContext } from "../feel-names.ts";
import { FeesTab } from "../fees/FeesTab.tsx";
import { FormTab } from "../form/FormTab.tsx";
import { LintPanel } from "../lint/LintPanel.tsx";
import { ProcessTab } from "../process/ProcessTab.tsx";
import { type DraftInfo, DraftStore, useStore } from "../store.ts";
import { TestRunTab } from "../testrun/TestRunTab.tsx";
import { Alert, Button } from "../ui.tsx";
import { VersionsTab } from "../versions/VersionsTab.tsx";
import { MetaTab } from "./MetaTab.tsx";

/** Loads the draft of `slug` and shows its editor. */
export function Editor(p: { slug: string; tab: TabId; ctx: StudioContext }) {
  const [store, setStore] = useState<DraftStore | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    p.ctx.api
      .get<DraftInfo>(`/services/${encodeURIComponent(p.slug)}/draft`)
      .then((d) => setStore(new DraftStore(p.ctx.api, d, p.ctx.library)))
      .catch((e: Error) => setError(e.message));
  }, [p.slug]);
  if (error) return <Alert kind="danger" title={error} role="alert" />;
  if (!store) return <p class="kern-body">Der Entwurf wird geladen …</p>;
  return <EditorView store={store} initialTab={p.tab} ctx={p.ctx} />;
}

function EditorView({
  store,
  initialTab,
  ctx,
}: {
  store: DraftStore;
  initialTab: TabId;
  ctx: StudioContext;
}) {
  const state = useStore(store);
  const [tab, setTab] = useState<TabId>(
    TABS.some((t) => t.id === initialTab) ? initialTab : "formular",
  );
  const [notice, setNotice] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const title = (state.def.meta?.title as string) || store.slug;
  const errors = state.findings.filter((f) => f.severity === "error").length;
  const warnings = state.findings.length - errors;

  // Unsaved changes: the browser asks before the page is left; the studio asks before navigating.
  useEffect(() => {
    leaveGuard.dirty = () => store.state.dirty;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!store.state.dirty) return;
      e.preventDefault();
      e.returnValue = "";
    };
    addEventListener("beforeunload", onBeforeUnload);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        void save();
      }
    };
    addEventListener("keydown", onKey);
    return () => {
      leaveGuard.dirty = () => false;
      removeEventListener("beforeunload", onBeforeUnload);
      removeEventListener("keydown", onKey);
    };
  }, [store]);

  useEffect(() => {
    document.title = `${title} – Studio – ${ctx.tenantName}`;
  }, [title]);

  function show(next: TabId) {
    setTab(next);
    history.replaceState(null, "", `/${ctx.tenant}/studio/dienste/${store.slug}/${next}`);
  }

  // A jump from the linter: open the tab owning the path, then focus the closest input.
  useEffect(() => {
    if (!state.focus) return;
    const next = tabFor(state.focus.path);
    if (next !== tab) show(next);
    const path = state.focus.path;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const target = closestControl(panelRef.current, path);
        if (target) {
          target.focus();
          target.scrollIntoView({ block: "center" });
        }
      }),
    );
  }, [state.focus?.seq]);

  async function save() {
    setNotice(null);
    if (await store.save()) setNotice("Gespeichert.");
  }

  async function publish() {
    setNotice(null);
    const version = await store.publish();
    if (version) setNotice(`Version ${version} ist veröffentlicht.`);
  }

  const props = { store, state, ctx };
  const feelNames = useMemo(() => caseDataNames(state.def), [state.def.form, state.def.process]);
  const panels: Record<TabId, () => preact.JSX.Element> = useMemo(
    () => ({
      allgemein: () => <MetaTab {...props} />,
      formular: () => <FormTab {...props} />,
      ablauf: () => <ProcessTab {...props} />,
      gebuehren: () => <FeesTab {...props} />,
      bescheide: () => <DocumentsTab {...props} />,
      pruefung: () => <LintPanel {...props} />,
      testlauf: () => <TestRunTab {...props} />,
      versionen: () => <VersionsTab {...props} publish={publish} />,
    }),
    [state, tab],
  );

  return (
    <div class="studio-editor">
      <div class="studio-editor__head">
        <p class="kern-body kern-body--small">
          <a
            class="kern-link"
            href={`/${ctx.tenant}/studio/`}
            onClick={(e) => {
              e.preventDefault();
              ctx.navigate("");
            }}
          >
            Alle Dienste
          </a>
        </p>
        <h1 class="kern-title kern-title--large">{title}</h1>
        <p class="kern-body studio-status" aria-live="polite">
          {state.saving
            ? "Wird gespeichert …"
            : state.dirty
              ? "Ungespeicherte Änderungen"
              : state.revision === 0
                ? "Wie veröffentlicht"
                : `Gespeichert (Stand ${state.revision})`}
          {" · "}
          {state.publishedVersion
            ? `veröffentlicht: Version ${state.publishedVersion}`
            : "noch nicht veröffentlicht"}
          {state.archived ? " · archiviert" : ""}
          {" · "}
          <button type="button" class="link-button" onClick={() => show("pruefung")}>
            {errors === 0 ? "keine Fehler" : `${errors} ${errors === 1 ? "Fehler" : "Fehler"}`}
            {warnings > 0 ? `, ${warnings} ${warnings === 1 ? "Hinweis" : "Hinweise"}` : ""}
          </button>
        </p>
        <div class="studio-toolbar">
          <Button
            variant="primary"
            onClick={save}
            disabled={state.saving || (!state.dirty && state.revision > 0)}
          >
            Speichern
          </Button>
          <Button
            onClick={publish}
            disabled={errors > 0 || state.saving}
            title={errors > 0 ? "Erst alle Fehler beheben (Reiter Prüfung)" : undefined}
          >
            Veröffentlichen
          </Button>
        </div>
        {state.conflict ? (
          <Alert kind="warning" title="Der Entwurf wurde inzwischen geändert" role="alert">
            <p class="kern-body">{state.conflict}</p>
            <Button onClick={() => store.reload()}>Entwurf neu laden</Button>
          </Alert>
        ) : null}
        {state.error ? <Alert kind="danger" title={state.error} role="alert" /> : null}
        {notice && !state.error && !state.conflict ? (
          <Alert kind="success" title={notice} role="status" />
        ) : null}
      </div>
      <Tabs current={tab} onSelect={show} errorsByTab={errorsByTab(state.findings)} />
      <div
        class="studio-panel"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        ref={panelRef}
      >
        <FeelNamesContext.Provider value={feelNames}>{panels[tab]()}</FeelNamesContext.Provider>
      </div>
    </div>
  );
}

function errorsByTab(
  findings: { path: string; severity: string }[],
): Partial<Record<TabId, number>> {
  const out: Partial<Record<TabId, number>> = {};
  for (const f of findings) {
    if (f.severity !== "error") continue;
    const tab = tabFor(f.path);
    out[tab] = (out[tab] ?? 0) + 1;
  }
  return out;
}

/** ARIA tabs: arrow keys move between tabs, Home/End to the first/last. */
function Tabs(p: {
  current: TabId;
  onSelect: (t: TabId) => void;
  errorsByTab: Partial<Record<TabId, number>>;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKey(e: KeyboardEvent, index: number) {
    const last = TABS.length - 1;
    const next =
      e.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : e.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = TABS[next]!.id;
    p.onSelect(id);
    refs.current[id]?.focus();
  }
  return (
    <div class="studio-tabs" role="tablist" aria-label="Bereiche des Dienstes">
      {TABS.map((t, i) => {
        const count = p.errorsByTab[t.id] ?? 0;
        return (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={p.current === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={p.current === t.id ? 0 : -1}
            class={`studio-tab${p.current === t.id ? " studio-tab--current" : ""}`}
            onClick={() => p.onSelect(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
            {count > 0 ? (
              <span class="studio-badge">
                {count}
                <span class="kern-sr-only"> Fehler</span>
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

/** The control whose data-path is the longest prefix of `path` (the place, or its parent). */
function closestControl(root: HTMLElement | null, path: string): HTMLElement | null {
  if (!root) return null;
  let best: HTMLElement | null = null;
  let bestLength = -1;
  for (const el of root.querySelectorAll<HTMLElement>("[data-path]")) {
    const p = el.dataset.path ?? "";
    const matches = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (matches && p.length > bestLength) {
      best = el;
      bestLength = p.length;
    }
  }
  return best;
}
