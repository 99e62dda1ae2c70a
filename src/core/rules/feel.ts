import { evaluate, type FeelFunction, parseExpression, type Warning } from "feelin";

/** A reference to a variable in a FEEL expression: its name and the property path after it. */
export type NameReference = { name: string; path: string[]; from: number; to: number };

/** What is wrong with an expression, as a message key and parameters. */
export type FeelIssue = { key: string; params?: Record<string, string | number> };

/** The outcome of evaluating a compiled expression. */
export type FeelResult = { value: unknown; warnings: Warning[] };

/** A FEEL expression parsed once and callable many times. */
export type CompiledExpression = {
  source: string;
  /** Top-level names the expression reads from its context, in parameter order. */
  names: readonly string[];
  /**
   * Evaluates with names taken from `context`, or from `outer` when `context` lacks
   * them (an item of a repeating group inside its form).
   */
  evaluate(context: FeelContext, outer?: FeelContext): FeelResult;
  /** Like `evaluate`, without collecting warnings: the hot path of form validation. */
  value(context: FeelContext, outer?: FeelContext): unknown;
};

/** Values of FEEL names. */
export type FeelContext = Readonly<Record<string, unknown>>;

/** Functions that read the clock: forbidden, because the core must be deterministic. */
const CLOCK_FUNCTIONS = new Set(["now", "today"]);

type SyntaxNode = ReturnType<typeof parseExpression>["topNode"];

/**
 * Reads a FEEL expression's syntax tree and returns the syntax error (if any) and the
 * free variables it references (loop variables, function parameters and names inside
 * filters `list[...]`, which refer to the list's items, are left out).
 */
export function analyseFeel(source: string): FeelAnalysis {
  const hit = analyses.get(source);
  if (hit) return hit;
  const analysis = deepFreeze(analyseUncached(source));
  remember(analyses, source, analysis);
  return analysis;
}

/**
 * Parsing dominates checking and loading a definition, and the studio lints the whole definition
 * after every edit while nearly all of its expressions stay the same: analyses and compiled
 * expressions are kept by source text (both are pure functions of it; analyses are frozen).
 * Bounded, oldest first out.
 */
const CACHE_LIMIT = 20_000;
const analyses = new Map<string, FeelAnalysis>();
const compilations = new Map<string, CompiledExpression>();

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function analyseUncached(source: string): FeelAnalysis {
  const tree = parseExpression(source, {}, undefined);
  const state: WalkState = { source, refs: [], filterRefs: [], bound: new Set() };
  walk(tree.topNode, undefined, state);
  const refs = state.refs.filter((r) => !state.bound.has(r.name));
  const filterRefs = state.filterRefs.filter((r) => !state.bound.has(r.name));
  return state.syntaxError
    ? { syntaxError: state.syntaxError, refs, filterRefs }
    : { refs, filterRefs };
}

/** A name read inside a filter `list[...]`: an item property, `item`, or an outer name. */
export type FilterReference = NameReference & {
  /** The filtered list's variable name (`dogs` in `dogs[breed = "x"]`), "" if not a plain name. */
  list: string;
};

/** What `analyseFeel` finds in an expression. */
export type FeelAnalysis = {
  syntaxError?: FeelIssue;
  refs: NameReference[];
  filterRefs: FilterReference[];
};

type WalkState = {
  source: string;
  refs: NameReference[];
  filterRefs: FilterReference[];
  bound: Set<string>;
  syntaxError?: FeelIssue;
};

/** `filterList` is set inside a filter: the name of the list being filtered. */
function walk(node: SyntaxNode, filterList: string | undefined, state: WalkState): void {
  if (node.type.isError && !state.syntaxError) {
    state.syntaxError = { key: "rules.syntax", params: { position: node.from } };
  }
  if (node.name === "InExpression" || node.name === "FormalParameter") {
    const nameNode = node.getChild("Name") ?? node.getChild("ParameterName");
    if (nameNode) state.bound.add(state.source.slice(nameNode.from, nameNode.to).trim());
  }
  if (node.name === "VariableName") {
    const ref = variableReference(node, state.source);
    if (ref && filterList === undefined) state.refs.push(ref);
    else if (ref && filterList !== undefined) state.filterRefs.push({ ...ref, list: filterList });
  }
  let inner = filterList;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (node.name === "FilterExpression" && child.name === "[") {
      const list = node.firstChild;
      inner = list?.name === "VariableName" ? state.source.slice(list.from, list.to) : "";
    }
    walk(child, inner, state);
  }
}

function variableReference(node: SyntaxNode, source: string): NameReference | undefined {
  const name = source.slice(node.from, node.to);
  const parent = node.parent;
  if (parent?.name === "FunctionInvocation" && parent.firstChild?.from === node.from) {
    // a function name: builtins resolve at run time; clock functions are refused by checkFeel
    return CLOCK_FUNCTIONS.has(name)
      ? { name: `${name}()`, path: [], from: node.from, to: node.to }
      : undefined;
  }
  const path: string[] = [];
  let current: SyntaxNode = node;
  while (
    current.parent?.name === "PathExpression" &&
    current.parent.firstChild?.from === current.from &&
    current.parent.firstChild?.to === current.to
  ) {
    const pathName = current.parent.getChild("PathName");
    if (!pathName) break;
    path.push(source.slice(pathName.from, pathName.to));
    current = current.parent;
  }
  return { name, path, from: node.from, to: node.to };
}

/**
 * Checks an expression against the names it may use. `resolve` answers whether a
 * reference (name plus property path) exists; it returns an issue key when it does not.
 */
export function checkFeel(
  source: string,
  resolve: (ref: NameReference) => FeelIssue | undefined,
): FeelIssue[] {
  const { syntaxError, refs } = analyseFeel(source);
  if (syntaxError) return [syntaxError];
  const issues: FeelIssue[] = [];
  for (const ref of refs) {
    if (ref.name.endsWith("()")) {
      issues.push({ key: "rules.clockFunction", params: { name: ref.name } });
      continue;
    }
    const issue = resolve(ref);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * Compiles an expression into a FEEL function of its free variables, so that the
 * expression is parsed once and each evaluation is a plain function call. feelin
 * offers no compile step of its own; a FEEL `function(...)` value is one.
 * Throws on syntax errors — callers compile only definitions that passed `checkFeel`.
 */
export function compileFeel(source: string): CompiledExpression {
  const hit = compilations.get(source);
  if (hit) return hit;
  const compiled = compileUncached(source);
  remember(compilations, source, compiled);
  return compiled;
}

function compileUncached(source: string): CompiledExpression {
  const names = [...new Set(analyseFeel(source).refs.map((r) => r.name))].filter(
    (n) => !n.endsWith("()"),
  );
  const compiled = evaluate(`function(${names.join(", ")}) (${source})`, {});
  const fn = compiled.value as FeelFunction;
  // feelin collects run-time warnings in the array it returned at compile time
  const warnings = compiled.warnings;
  const call = (
    context: Readonly<Record<string, unknown>>,
    outer?: Readonly<Record<string, unknown>>,
  ) => {
    const args = new Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      args[i] = (name in context || !outer ? context[name] : outer[name]) ?? null;
    }
    try {
      return fn.fn(...args) ?? null;
    } catch {
      return null;
    }
  };
  return {
    source,
    names,
    evaluate(context, outer) {
      warnings.length = 0;
      const value = call(context, outer);
      const result = { value, warnings: warnings.slice() };
      warnings.length = 0;
      return result;
    },
    value(context, outer) {
      const value = call(context, outer);
      warnings.length = 0;
      return value;
    },
  };
}
