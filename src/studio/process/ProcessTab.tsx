/**
 * Ablauf: the statuses and actions of the process, edited in tables and forms, with a
 * generated diagram that marks unreachable statuses, and the process's findings.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { formatMessage } from "../../core/index.ts";
import type { TabProps } from "../context.ts";
import type { Def } from "../store.ts";
import { Actions } from "./Actions.tsx";
import { periodText } from "./controls.tsx";
import { Diagram, type Selection } from "./Diagram.tsx";
import { processFindings } from "./findings.ts";
import { focusSoon } from "./focus.ts";
import { processGraph, unreachableStatuses } from "./graph.ts";
import { Statuses } from "./Statuses.tsx";
import "./process.css";

export function ProcessTab({ store, state }: TabProps) {
  const process = state.def.process ?? {};
  const statuses = Array.isArray(process.statuses) ? process.statuses : [];
  const actions: Def[] = Array.isArray(process.actions) ? process.actions : [];
  const graph = useMemo(() => processGraph(state.def.process), [state.def.process]);
  const unreachable = useMemo(() => new Set(unreachableStatuses(graph).map((s) => s.id)), [graph]);
  const findings = useMemo(
    () => processFindings(state.def, state.findings),
    [state.def, state.findings],
  );
  const timers = useMemo(
    () =>
      new Map<number, string>(
        actions.flatMap((a, i) => (a?.timer ? [[i, periodText(a.timer.after)] as const] : [])),
      ),
    [actions],
  );
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<number | null>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);

  // a jump from the linter: open the status or action its path is in
  useEffect(() => {
    const m = /^process\.(statuses|actions)\[(\d+)\]/.exec(state.focus?.path ?? "");
    if (!m) return;
    if (m[1] === "statuses") setStatus(Number(m[2]));
    else setAction(Number(m[2]));
    setRefocus(state.focus?.path ?? null);
  }, [state.focus?.seq]);
  const [refocus, setRefocus] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus) return;
    focusSoon(root.current, refocus);
    setRefocus(null);
  }, [refocus]);

  // after a click in the diagram, bring the form into view and put the focus in it
  useEffect(() => {
    if (!scrollTo) return;
    const el = document.getElementById(scrollTo);
    el?.scrollIntoView({ block: "start" });
    el?.focus();
    setScrollTo(null);
  }, [scrollTo]);

  function select(s: Selection) {
    if (s.kind === "status") {
      setStatus(s.index);
      setScrollTo("status-title");
    } else {
      setAction(s.index);
      setScrollTo("action-title");
    }
  }

  const selected: Selection[] = [
    ...(status === null ? [] : [{ kind: "status" as const, index: status }]),
    ...(action === null ? [] : [{ kind: "action" as const, index: action }]),
  ];
  return (
    <div class="studio-process" ref={root}>
      <h2 class="kern-title kern-title--medium">Ablauf</h2>
      <p class="kern-body">
        Legen Sie fest, welche Status ein Antrag durchläuft und mit welchen Aktionen er von einem
        Status in den nächsten kommt.
      </p>
      <p class="kern-body" role="status">
        {findings.length === 0
          ? "Keine Hinweise zum Ablauf."
          : `${findings.length} ${findings.length === 1 ? "Hinweis" : "Hinweise"} zum Ablauf.`}
      </p>
      {findings.length > 0 ? (
        <ul class="studio-findings" aria-label="Hinweise zum Ablauf">
          {findings.map((f) => (
            <li
              key={`${f.path}${f.key}${JSON.stringify(f.params ?? {})}`}
              class={`studio-finding studio-finding--${f.severity}`}
            >
              <span class="studio-finding__severity">
                {f.severity === "error" ? "Fehler" : "Hinweis"}:
              </span>{" "}
              <button type="button" class="link-button" onClick={() => store.jump(f.path)}>
                {formatMessage(f.key, f.params)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Diagram
        graph={graph}
        unreachable={unreachable}
        timers={timers}
        selected={selected}
        onSelect={select}
      />
      <Statuses
        store={store}
        statuses={statuses}
        actions={actions}
        initial={typeof process.initialStatus === "string" ? process.initialStatus : ""}
        unreachable={unreachable}
        findings={findings}
        selected={status}
        onSelect={setStatus}
      />
      <Actions
        store={store}
        def={state.def}
        statuses={statuses}
        actions={actions}
        findings={findings}
        selected={action}
        onSelect={setAction}
      />
    </div>
  );
}
