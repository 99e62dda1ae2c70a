/**
 * Renaming a field id together with the places that use it. FEEL expressions are rewritten only
 * where the parser says a name is read (core's `analyseFeel`, by position), so a string literal
 * or a property with the same spelling stays; placeholders `{{id}}`/`{{id.part}}` and ids that
 * name a field (`setData`, `forEach`) follow too. Places that cannot be rewritten safely
 * (expressions with a syntax error, names inside list filters, decision-table cells) are
 * counted, so the builder can say that they need a look (the linter names them).
 */
import { analyseFeel } from "../../core/index.ts";
import type { Def } from "../store.ts";
import { arr, uniqueId, usedIds } from "./fieldTypes.ts";

type Kind = "feel" | "unary" | "field" | "text";
type Visit = (holder: Def, key: string | number, kind: Kind) => void;

/** Calls `visit` for every place in a definition that can refer to a field id. */
function eachPlace(def: Def, visit: Visit): void {
  const at = (holder: Def | undefined, key: string | number, kind: Kind) => {
    if (holder && typeof holder[key] === "string") visit(holder, key, kind);
  };
  const field = (f: Def) => {
    if (!f || typeof f !== "object") return;
    for (const key of ["visibleIf", "requiredIf", "computed"]) at(f, key, "feel");
    for (const c of arr(f.constraints)) at(c, "rule", "feel");
    for (const sub of arr(f.fields)) field(sub);
  };
  for (const page of arr(def.form?.pages)) {
    at(page, "visibleIf", "feel");
    for (const f of arr(page?.fields)) field(f);
  }
  for (const action of arr(def.process?.actions)) {
    at(action, "guard", "feel");
    for (const f of arr(action?.input)) field(f);
    for (const e of arr(action?.effects)) {
      if (e?.type !== "setData") continue;
      at(e, "value", "feel");
      at(e, "field", "field");
    }
  }
  for (const item of arr(def.fees?.items)) {
    at(item, "when", "feel");
    at(item, "amount", "feel");
    arr(item?.table?.inputs).forEach((_, i) => {
      at(item.table.inputs, i, "feel");
    });
    for (const rule of arr(item?.table?.rules)) {
      at(rule, "amount", "feel");
      arr(rule?.when).forEach((_, i) => {
        at(rule.when, i, "unary");
      });
    }
  }
  for (const doc of arr(def.documents)) {
    for (const key of Object.keys(doc?.dates ?? {})) at(doc.dates, key, "feel");
    for (const block of arr(doc?.blocks)) {
      at(block, "if", "feel");
      at(block, "forEach", "field");
      at(block, "text", "text");
    }
  }
  for (const block of Object.values(def.textBlocks ?? {})) at(block as Def, "text", "text");
  for (const n of arr(def.notifications)) {
    at(n, "subject", "text");
    at(n, "body", "text");
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrites the names `from` read by a FEEL expression; null when that cannot be done safely. */
export function renameInExpression(
  source: string,
  from: string,
  to: string,
): { text: string; unsafe: boolean } {
  const analysis = analyseFeel(source);
  const mentions = new RegExp(`\\b${escapeRegExp(from)}\\b`).test(source);
  if (analysis.syntaxError) return { text: source, unsafe: mentions };
  const hits = analysis.refs.filter((r) => r.name === from).sort((a, b) => b.from - a.from);
  let text = source;
  for (const h of hits) text = text.slice(0, h.from) + to + text.slice(h.to);
  const unsafe = analysis.filterRefs.some((r) => r.name === from);
  return { text, unsafe };
}

/**
 * Renames the field id `from` to `to` everywhere it is used (mutates `def`, an immer draft).
 * Returns how many places were changed and how many need a manual look.
 */
export function renameReferences(
  def: Def,
  from: string,
  to: string,
): { changed: number; unsafe: number } {
  let changed = 0;
  let unsafe = 0;
  const word = new RegExp(`\\b${escapeRegExp(from)}\\b`);
  const placeholder = new RegExp(`(\\{\\{\\s*)${escapeRegExp(from)}(?=\\s*\\}\\}|\\.)`, "g");
  eachPlace(def, (holder, key, kind) => {
    const value = holder[key] as string;
    if (kind === "field") {
      if (value === from) {
        holder[key] = to;
        changed++;
      }
    } else if (kind === "text") {
      const next = value.replace(placeholder, `$1${to}`);
      if (next !== value) {
        holder[key] = next;
        changed++;
      }
    } else if (kind === "unary") {
      if (word.test(value)) unsafe++;
    } else {
      const result = renameInExpression(value, from, to);
      if (result.text !== value) {
        holder[key] = result.text;
        changed++;
      }
      if (result.unsafe) unsafe++;
    }
  });
  return { changed, unsafe };
}

/** How many places use the field id `id` (for the warning before removing a field). */
export function countReferences(def: Def, id: string): number {
  let count = 0;
  const word = new RegExp(`\\b${escapeRegExp(id)}\\b`);
  const placeholder = new RegExp(`\\{\\{\\s*${escapeRegExp(id)}(?=\\s*\\}\\}|\\.)`);
  eachPlace(def, (holder, key, kind) => {
    const value = holder[key] as string;
    if (
      kind === "field" ? value === id : kind === "text" ? placeholder.test(value) : word.test(value)
    )
      count++;
  });
  return count;
}

/**
 * A copy of a field with a new id, to go after the original. Rules of the copy that read the
 * original's value read the copy's; a group's subfields keep their ids (they are unique within
 * their group only), so the copy's rules stay as they were.
 */
export function duplicateField(field: Def, def: Def): Def {
  // a JSON copy: `field` may be an immer draft, which structuredClone cannot copy
  const copy = JSON.parse(JSON.stringify(field)) as Def;
  const old = typeof field.id === "string" ? field.id : "feld";
  copy.id = uniqueId(`${old}Kopie`, usedIds(def));
  if (typeof copy.label === "string" && copy.label) copy.label = `${copy.label} (Kopie)`;
  renameReferences({ form: { pages: [{ fields: [copy] }] } }, old, copy.id);
  return copy;
}
