/**
 * The process as a diagram (automatic layout, SVG) with a text version beside it: statuses as
 * boxes styled by kind, actions as labelled arrows, unreachable statuses marked. Clicking a
 * box or an arrow selects it in the editor; the text version's buttons do the same by keyboard.
 */
import { useMemo } from "preact/hooks";
import {
  type ActionEdge,
  type LaidEdge,
  layoutDiagram,
  type ProcessGraph,
  shorten,
  transitions,
} from "./graph.ts";
import { labelOf, STATUS_KINDS } from "./labels.ts";

export type Selection = { kind: "status" | "action"; index: number };

function signature(graph: ProcessGraph): string {
  return JSON.stringify([
    graph.statuses.map((s) => [s.id, s.title, s.kind]),
    graph.actions.map((a) => [a.id, a.title, a.from, a.to, a.automatic, a.timer]),
  ]);
}

/** A smooth path through the layout's bend points: curves between their midpoints. */
function pathOf(edge: LaidEdge): string {
  const pts = edge.points;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return "";
  let d = `M${first.x},${first.y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i]!;
    const next = pts[i + 1]!;
    d += ` Q${p.x},${p.y} ${(p.x + next.x) / 2},${(p.y + next.y) / 2}`;
  }
  return `${d} L${last.x},${last.y}`;
}

function manner(a: ActionEdge): string {
  return a.automatic ? " (automatisch)" : a.timer ? " (nach Fristablauf)" : "";
}

export function Diagram(p: {
  graph: ProcessGraph;
  unreachable: Set<string>;
  timers: Map<number, string>;
  selected: Selection[];
  onSelect: (s: Selection) => void;
}) {
  const key = signature(p.graph);
  // layout only when statuses or arrows change, not on every keystroke in a guard
  const diagram = useMemo(() => layoutDiagram(p.graph), [key]);
  const isSelected = (kind: Selection["kind"], index: number) =>
    p.selected.some((s) => s.kind === kind && s.index === index);
  function onClick(e: MouseEvent) {
    const hit = (e.target as Element).closest("[data-select]")?.getAttribute("data-select");
    const [kind, index] = hit?.split(":") ?? [];
    if (kind === "status" || kind === "action") p.onSelect({ kind, index: Number(index) });
  }
  const unreachable = p.graph.statuses.filter((s) => p.unreachable.has(s.id));
  const initial = p.graph.statuses.find((s) => s.id === p.graph.initial);
  const label =
    `Ablaufdiagramm: ${p.graph.statuses.length} Status, ${p.graph.actions.length} Aktionen` +
    (initial ? `, Anfang bei „${initial.title}“` : "") +
    (unreachable.length > 0
      ? `. Nicht erreichbar: ${unreachable.map((s) => `„${s.title}“`).join(", ")}`
      : "") +
    ". Eine Textfassung steht unter dem Diagramm.";
  return (
    <section class="studio-section" aria-labelledby="process-diagram-heading">
      <h3 class="kern-title kern-title--small" id="process-diagram-heading">
        Diagramm
      </h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a mouse shortcut; the text version below offers every choice as a button */}
      <div class="studio-diagram" onClick={onClick}>
        <svg
          id="process-diagram"
          role="img"
          aria-label={label}
          width={diagram.width}
          height={diagram.height}
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
        >
          <defs>
            <marker
              id="studio-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" class="studio-arrowhead" />
            </marker>
          </defs>
          {diagram.edges.map((edge) => {
            const a = edge.action;
            const classes = [
              "studio-edge",
              a.automatic ? "studio-edge--automatic" : "",
              a.timer ? "studio-edge--timer" : "",
              isSelected("action", a.index) ? "studio-edge--selected" : "",
            ].join(" ");
            const d = pathOf(edge);
            return (
              <g
                key={edge.key}
                class={classes}
                data-action={a.id}
                data-select={`action:${a.index}`}
              >
                <title>{`${a.title}${manner(a)}`}</title>
                <path d={d} class="studio-edge__hit" />
                <path d={d} class="studio-edge__line" marker-end="url(#studio-arrow)" />
                <rect
                  class="studio-edge__label-bg"
                  x={edge.label.x - edge.label.width / 2}
                  y={edge.label.y - edge.label.height / 2}
                  width={edge.label.width}
                  height={edge.label.height}
                  rx={3}
                />
                <text class="studio-edge__label" x={edge.label.x} y={edge.label.y + 4}>
                  {shorten(a.title, 26)}
                </text>
              </g>
            );
          })}
          {diagram.nodes.map((n) => {
            const lost = p.unreachable.has(n.id);
            const classes = [
              "studio-node",
              `studio-node--${n.kind || "open"}`,
              lost ? "studio-node--unreachable" : "",
              n.id === p.graph.initial ? "studio-node--initial" : "",
              isSelected("status", n.index) ? "studio-node--selected" : "",
            ].join(" ");
            const sub = lost
              ? "nicht erreichbar"
              : `${n.id === p.graph.initial ? "Anfang · " : ""}${labelOf(STATUS_KINDS, n.kind)}`;
            return (
              <g
                key={n.id}
                class={classes}
                data-status={n.id}
                transform={`translate(${n.x - n.width / 2},${n.y - n.height / 2})`}
                data-select={`status:${n.index}`}
              >
                <title>{`${n.title} – ${sub}`}</title>
                <rect width={n.width} height={n.height} rx={8} class="studio-node__box" />
                <text class="studio-node__title" x={n.width / 2} y={19}>
                  {shorten(n.title)}
                </text>
                <text class="studio-node__sub" x={n.width / 2} y={35}>
                  {sub}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p class="kern-body kern-body--small studio-legend">
        Durchgezogen: von Personen ausgeführt · gestrichelt: automatisch · gepunktet: nach
        Fristablauf · rot umrandet: nicht erreichbar. Klicken Sie auf einen Status oder eine Aktion,
        um sie zu bearbeiten.
      </p>
      <h4 class="kern-label" id="process-text-heading">
        Ablauf als Text
      </h4>
      <ul
        class="studio-transitions"
        id="process-diagram-text"
        aria-labelledby="process-text-heading"
      >
        {initial ? <li>Anfang: {initial.title}</li> : null}
        {transitions(p.graph).map((t, i) => (
          <li key={i}>
            <button
              type="button"
              class="link-button"
              onClick={() => p.onSelect({ kind: "action", index: t.action.index })}
            >
              {t.from} → {t.action.title} → {t.to}
            </button>
            {t.action.automatic ? " (automatisch)" : ""}
            {t.action.timer ? ` (nach ${p.timers.get(t.action.index) || "Fristablauf"})` : ""}
          </li>
        ))}
      </ul>
      {unreachable.length > 0 ? (
        <div class="studio-unreachable" id="process-unreachable">
          <p class="kern-body">
            <strong>Nicht erreichbar</strong> – kein Antrag kann in diese Status gelangen, weil
            keine Aktion dorthin führt (vom Anfangsstatus aus gesehen):
          </p>
          <ul>
            {unreachable.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => p.onSelect({ kind: "status", index: s.index })}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
