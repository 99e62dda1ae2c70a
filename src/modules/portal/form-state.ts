import {
  type CompiledExpression,
  compileFeel,
  decodeFormPost,
  type FieldDef,
  feelData,
  type ServiceDefinition,
} from "../../core/index.ts";

// The application form's state between pages, kept in the draft: merging one page's post into
// the draft's data, the add/remove buttons of repeating groups, and which pages and fields are
// visible now. Pure: no I/O, so the flow's rules are testable without a server.

export type FormData = Record<string, unknown>;
type Page = ServiceDefinition["form"]["pages"][number];
type GroupDef = Extract<FieldDef, { type: "group" }>;

const compiled = new Map<string, CompiledExpression | null>();

/** A FEEL condition, compiled once per source text; null when it does not compile. */
function expression(source: string): CompiledExpression | null {
  let e = compiled.get(source);
  if (e === undefined) {
    try {
      e = compileFeel(source);
    } catch {
      e = null;
    }
    if (compiled.size > 5000) compiled.clear();
    compiled.set(source, e);
  }
  return e;
}

/** Whether a `visibleIf` holds for the data (and a group item); like validation, null is false. */
export function holds(
  def: ServiceDefinition,
  source: string | undefined,
  data: FormData,
  item?: { group: string; index: number },
): boolean {
  if (!source) return true;
  const e = expression(source);
  if (!e) return false;
  try {
    const outer = feelData(def, data);
    let own: Record<string, unknown> = outer;
    if (item) {
      const items = outer[item.group];
      own = (Array.isArray(items) ? items[item.index] : undefined) ?? {};
    }
    return e.value(own, outer) === true;
  } catch {
    return false;
  }
}

/** The pages a citizen goes through with this data, in order. */
export function visiblePages(def: ServiceDefinition, data: FormData): Page[] {
  return def.form.pages.filter((p) => holds(def, p.visibleIf, data));
}

/** The page after `pageId`, or undefined when the summary comes next. */
export function nextPage(def: ServiceDefinition, data: FormData, pageId: string): Page | undefined {
  const pages = def.form.pages;
  const at = pages.findIndex((p) => p.id === pageId);
  return pages.slice(at + 1).find((p) => holds(def, p.visibleIf, data));
}

export function previousPage(
  def: ServiceDefinition,
  data: FormData,
  pageId: string,
): Page | undefined {
  const pages = def.form.pages;
  const at = pages.findIndex((p) => p.id === pageId);
  return pages
    .slice(0, Math.max(at, 0))
    .reverse()
    .find((p) => holds(def, p.visibleIf, data));
}

/** Ids of the fields (and group subfields, as `group[i].sub`) shown on a page for this data. */
export function shownFields(def: ServiceDefinition, page: Page, data: FormData): Set<string> {
  const shown = new Set<string>();
  for (const field of page.fields) {
    if (!holds(def, field.visibleIf, data)) continue;
    shown.add(field.id);
    if (field.type !== "group") continue;
    itemsOf(data, field).forEach((_, i) => {
      for (const sub of field.fields)
        if (holds(def, sub.visibleIf, data, { group: field.id, index: i }))
          shown.add(`${field.id}[${i}].${sub.id}`);
    });
  }
  return shown;
}

/** Field ids of a page whose values come from the post (not files, info or computed fields). */
function postedIds(page: Page): string[] {
  return page.fields
    .filter((f) => f.type !== "info" && f.type !== "file" && !("computed" in f && f.computed))
    .map((f) => f.id);
}

/**
 * Merges one page's post into the draft's data: the page's posted fields are replaced (a field
 * left empty is cleared), file values stay (they come from uploads), group items keep their
 * files by position. Names the page does not have are reported, not stored.
 */
export function mergePagePost(
  def: ServiceDefinition,
  page: Page,
  data: FormData,
  entries: [string, string][],
): { data: FormData; unknown: string[] } {
  const posted = decodeFormPost(def, entries, page.id);
  const own = new Set(page.fields.map((f) => f.id));
  const unknown = Object.keys(posted).filter((k) => !own.has(k));
  const merged: FormData = { ...data };
  for (const id of postedIds(page)) delete merged[id];
  for (const id of own) if (id in posted) merged[id] = posted[id];
  for (const field of page.fields) {
    if (field.type !== "group") continue;
    const before = Array.isArray(data[field.id]) ? (data[field.id] as FormData[]) : [];
    const after = Array.isArray(merged[field.id]) ? (merged[field.id] as FormData[]) : [];
    // Items without any posted value (all empty) still count: keep as many items as were shown.
    const items = Array.from({ length: Math.max(before.length, after.length) }, (_, i) => ({
      ...(after[i] ?? {}),
    }));
    for (const sub of field.fields.filter((s) => s.type === "file")) {
      items.forEach((item, i) => {
        if (before[i]?.[sub.id] !== undefined) item[sub.id] = before[i][sub.id];
      });
    }
    if (items.length > 0) merged[field.id] = items;
    for (const [i, item] of items.entries())
      for (const key of Object.keys(item))
        if (!field.fields.some((s) => s.id === key)) unknown.push(`${field.id}[${i}].${key}`);
  }
  return { data: merged, unknown };
}

/** The group with this id on the page, if any. */
export function groupOn(page: Page, id: string): GroupDef | undefined {
  const f = page.fields.find((x) => x.id === id);
  return f?.type === "group" ? f : undefined;
}

/** Adds an empty item to a repeating group (up to its maximum). */
export function addItem(data: FormData, group: GroupDef): FormData {
  const items = Array.isArray(data[group.id]) ? [...(data[group.id] as FormData[])] : [];
  if (group.maxItems !== undefined && items.length >= group.maxItems) return data;
  return { ...data, [group.id]: [...items, {}] };
}

/** Removes item `index` of a repeating group; the files of later items move with them. */
export function removeItem(data: FormData, group: GroupDef, index: number): FormData {
  const items = Array.isArray(data[group.id]) ? [...(data[group.id] as FormData[])] : [];
  if (index < 0 || index >= items.length) return data;
  items.splice(index, 1);
  return { ...data, [group.id]: items };
}

/** The items a group shows: at least one empty item so that the first can be entered. */
export function itemsOf(data: FormData, group: GroupDef): FormData[] {
  const items = Array.isArray(data[group.id]) ? (data[group.id] as FormData[]) : [];
  return items.length > 0 ? items : [{}];
}

/** Reads a value at a path like `dogs[0].dogReliefProof` or `sitePlan`. */
export function valueAt(data: FormData, path: string): unknown {
  const m = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!m) return undefined;
  if (m[2] === undefined) return data[m[1]];
  const items = data[m[1]];
  return Array.isArray(items) ? (items[Number(m[2])] as FormData | undefined)?.[m[3]] : undefined;
}

/** Sets (or with undefined, clears) a value at a path like `dogs[0].dogReliefProof`. */
export function setValueAt(data: FormData, path: string, value: unknown): FormData {
  const m = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!m) return data;
  const out = { ...data };
  if (m[2] === undefined) {
    if (value === undefined) delete out[m[1]];
    else out[m[1]] = value;
    return out;
  }
  const items = Array.isArray(out[m[1]]) ? [...(out[m[1]] as FormData[])] : [];
  const i = Number(m[2]);
  while (items.length <= i) items.push({});
  const item = { ...items[i] };
  if (value === undefined) delete item[m[3]];
  else item[m[3]] = value;
  items[i] = item;
  out[m[1]] = items;
  return out;
}

/** The file field definition at a path (top-level or in a group), if the page has one there. */
export function fileFieldAt(
  page: Page,
  path: string,
): Extract<FieldDef, { type: "file" }> | undefined {
  const m = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!m) return undefined;
  const f = page.fields.find((x) => x.id === m[1]);
  if (!f) return undefined;
  if (m[2] === undefined) return f.type === "file" ? f : undefined;
  if (f.type !== "group") return undefined;
  const sub = f.fields.find((s) => s.id === m[3]);
  return sub?.type === "file" ? sub : undefined;
}

/** An id usable in HTML and in `#fragment` links for a data path: `dogs[0].name` -> `dogs-0-name`. */
export function domId(path: string): string {
  return path.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-") || "fehler";
}
