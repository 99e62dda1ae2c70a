/**
 * The process as a graph, read defensively from a draft (statuses and actions may be
 * incomplete): reachability from the initial status, a text alternative, and an automatic
 * layout with dagre for the diagram. Pure: runs in the browser and under Node's test runner.
 */
import dagre from "@dagrejs/dagre";

export type StatusNode = { index: number; id: string; title: string; kind: string };
export type ActionEdge = {
  index: number;
  id: string;
  title: string;
  from: string[];
  to: string;
  automatic: boolean;
  timer: boolean;
};
export type ProcessGraph = { initial: string; statuses: StatusNode[]; actions: ActionEdge[] };

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The statuses and actions of a draft's process, whatever shape it is in. */
export function processGraph(process: unknown): ProcessGraph {
  const p = (process ?? {}) as Record<string, unknown>;
  const statuses = (Array.isArray(p.statuses) ? p.statuses : []).flatMap((s, index) =>
    s && typeof s === "object"
      ? [{ index, id: text(s.id), title: text(s.title) || text(s.id), kind: text(s.kind) }]
      : [],
  );
  const actions = (Array.isArray(p.actions) ? p.actions : []).flatMap((a, index) =>
    a && typeof a === "object"
      ? [
          {
            index,
            id: text(a.id),
            title: text(a.title) || text(a.id),
            from: Array.isArray(a.from) ? a.from.filter((x: unknown) => typeof x === "string") : [],
            to: text(a.to),
            automatic: a.automatic === true,
            timer: Boolean(a.timer),
          },
        ]
      : [],
  );
  return { initial: text(p.initialStatus), statuses, actions };
}

/** The ids of statuses a case can reach from the initial status by some sequence of actions. */
export function reachable(graph: ProcessGraph): Set<string> {
  const reached = new Set([graph.initial]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const a of graph.actions) {
      if (!reached.has(a.to) && a.from.some((s) => reached.has(s))) {
        reached.add(a.to);
        grown = true;
      }
    }
  }
  return reached;
}

/** The statuses no case can ever reach. */
export function unreachableStatuses(graph: ProcessGraph): StatusNode[] {
  const reached = reachable(graph);
  return graph.statuses.filter((s) => !reached.has(s.id));
}

/** One line of the diagram's text alternative: a transition from one status to another. */
export type Transition = { action: ActionEdge; from: string; to: string };

/** Every transition, with status titles, in the order of the actions. */
export function transitions(graph: ProcessGraph): Transition[] {
  const title = (id: string) => graph.statuses.find((s) => s.id === id)?.title ?? id;
  return graph.actions.flatMap((action) =>
    action.from.map((from) => ({ action, from: title(from), to: title(action.to) || "?" })),
  );
}

export type Point = { x: number; y: number };
export type LaidNode = StatusNode & { x: number; y: number; width: number; height: number };
export type LaidEdge = {
  key: string;
  action: ActionEdge;
  from: string;
  to: string;
  points: Point[];
  label: Point & { width: number; height: number };
};
export type Diagram = { width: number; height: number; nodes: LaidNode[]; edges: LaidEdge[] };

export const NODE_HEIGHT = 46;
const CHAR = 7.2;
const LABEL_CHAR = 6.4;
/** Titles longer than this are shortened in the diagram (the full title is in the text list). */
export const MAX_TITLE = 30;

export function shorten(title: string, max = MAX_TITLE): string {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

/**
 * Lays the graph out top to bottom: statuses as boxes, one edge per action and from-status
 * (an action leaving several statuses draws several arrows). Edges to unknown statuses are
 * left out; the editor reports them.
 */
export function layoutDiagram(graph: ProcessGraph): Diagram {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 56, edgesep: 16, marginx: 12, marginy: 12 });
  const ids = new Set<string>();
  for (const s of graph.statuses) {
    if (!s.id || ids.has(s.id)) continue;
    ids.add(s.id);
    const width = Math.max(130, Math.min(MAX_TITLE, s.title.length) * CHAR + 28);
    g.setNode(s.id, { width, height: NODE_HEIGHT });
  }
  const keys: { key: string; action: ActionEdge; from: string }[] = [];
  for (const action of graph.actions) {
    if (!ids.has(action.to)) continue;
    for (const from of new Set(action.from)) {
      if (!ids.has(from)) continue;
      const key = `${action.index}:${from}`;
      const label = shorten(action.title, 26);
      g.setEdge(
        from,
        action.to,
        { width: label.length * LABEL_CHAR + 10, height: 18, labelpos: "c" },
        key,
      );
      keys.push({ key, action, from });
    }
  }
  dagre.layout(g);
  const placed = new Set<string>();
  const nodes = graph.statuses.flatMap((s) => {
    const n = g.node(s.id);
    if (placed.has(s.id) || !n || n.x === undefined || n.y === undefined) return [];
    placed.add(s.id);
    return [{ ...s, x: n.x, y: n.y, width: n.width, height: n.height }];
  });
  const edges = keys.map(({ key, action, from }) => {
    const e = g.edge({ v: from, w: action.to, name: key });
    return {
      key,
      action,
      from,
      to: action.to,
      points: (e.points ?? []).map((p: Point) => ({ x: p.x, y: p.y })),
      label: { x: e.x ?? 0, y: e.y ?? 0, width: e.width ?? 0, height: e.height ?? 0 },
    };
  });
  const size = g.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, nodes, edges };
}
