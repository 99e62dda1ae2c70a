import { formFields } from "../definition/data-model.ts";
import type { ServiceDefinition } from "../definition/types.ts";

/** One entry of a comparison: what changed, and whether saved data or running work may break. */
export type Change = {
  id: string;
  change: "added" | "removed" | "changed";
  /** For `changed`: the properties that differ (`type`, `required`, `options`, …). */
  properties?: string[];
  /** True when data saved under the old version may not fit the new one. */
  breaking: boolean;
};

/** The differences between two versions of a definition. */
export type DefinitionDiff = {
  from: string;
  to: string;
  fields: Change[];
  statuses: Change[];
  actions: Change[];
  /** Fee items by id (a changed table or formula changes what future cases pay). */
  fees: Change[];
  /** Notices and other documents by id. */
  documents: Change[];
  /** The service's own text blocks by key. */
  textBlocks: Change[];
  /** Mail and postbox messages by id. */
  notifications: Change[];
  /** Catalogue facts (`meta`): one entry `meta` listing the properties that changed. */
  meta: Change[];
  breaking: boolean;
};

type Entry = { id: string; value: Record<string, unknown> };

function compare(
  before: Entry[],
  after: Entry[],
  isBreaking: (
    change: Change,
    old?: Record<string, unknown>,
    next?: Record<string, unknown>,
  ) => boolean,
): Change[] {
  const oldById = new Map(before.map((e) => [e.id, e.value]));
  const newById = new Map(after.map((e) => [e.id, e.value]));
  const changes: Change[] = [];
  for (const { id, value } of after) {
    const old = oldById.get(id);
    if (!old) {
      const change: Change = { id, change: "added", breaking: false };
      changes.push({ ...change, breaking: isBreaking(change, undefined, value) });
      continue;
    }
    const keys = new Set([...Object.keys(old), ...Object.keys(value)]);
    const properties = [...keys]
      .filter((k) => JSON.stringify(old[k]) !== JSON.stringify(value[k]))
      .sort();
    if (properties.length > 0) {
      const change: Change = { id, change: "changed", properties, breaking: false };
      changes.push({ ...change, breaking: isBreaking(change, old, value) });
    }
  }
  for (const { id } of before) {
    if (!newById.has(id)) changes.push({ id, change: "removed", breaking: true });
  }
  return changes;
}

function fieldEntries(def: ServiceDefinition): Entry[] {
  return formFields(def).map(({ field, group }) => ({
    id: group ? `${group.id}.${field.id}` : field.id,
    value: field.type === "group" ? { ...field, fields: undefined } : { ...field },
  }));
}

const BREAKING_FIELD_PROPERTIES = new Set(["type", "options", "codeList", "pattern", "accept"]);

function fieldBreaking(
  change: Change,
  old?: Record<string, unknown>,
  next?: Record<string, unknown>,
): boolean {
  if (change.change === "added") return next?.required === true;
  if (change.properties?.some((p) => BREAKING_FIELD_PROPERTIES.has(p))) return true;
  return (
    change.properties?.includes("required") === true &&
    next?.required === true &&
    old?.required !== true
  );
}

/**
 * Compares two versions of a definition: added, removed and changed fields (group
 * subfields as `group.field`), statuses, actions, fee items, documents, text blocks,
 * notifications and catalogue facts. Removing or retyping a field,
 * narrowing its options or making it required is breaking for saved drafts; removing
 * a status is breaking for cases that stand in it.
 */
export function diffDefinitions(
  before: ServiceDefinition,
  after: ServiceDefinition,
): DefinitionDiff {
  const fields = compare(fieldEntries(before), fieldEntries(after), fieldBreaking);
  const statusEntries = (def: ServiceDefinition) =>
    def.process.statuses.map((s) => ({ id: s.id, value: { ...s } }));
  const statuses = compare(
    statusEntries(before),
    statusEntries(after),
    (c) => c.properties?.includes("kind") === true,
  );
  const actionEntries = (def: ServiceDefinition) =>
    def.process.actions.map((a) => ({ id: a.id, value: { ...a } }));
  const actions = compare(actionEntries(before), actionEntries(after), () => false);
  const byId = <T extends { id: string }>(list: readonly T[] | undefined): Entry[] =>
    (list ?? []).map((x) => ({ id: x.id, value: { ...x } }));
  const byKey = (record: Readonly<Record<string, object>> | undefined): Entry[] =>
    Object.entries(record ?? {}).map(([id, value]) => ({ id, value: { ...value } }));
  const never = () => false;
  const fees = compare(byId(before.fees?.items), byId(after.fees?.items), never);
  const documents = compare(byId(before.documents), byId(after.documents), never);
  const textBlocks = compare(byKey(before.textBlocks), byKey(after.textBlocks), never);
  const notifications = compare(byId(before.notifications), byId(after.notifications), never);
  const meta = compare(
    [{ id: "meta", value: { ...before.meta } }],
    [{ id: "meta", value: { ...after.meta } }],
    never,
  );
  const breaking = [...fields, ...statuses].some((c) => c.breaking);
  return {
    from: before.version,
    to: after.version,
    fields,
    statuses,
    actions,
    fees,
    documents,
    textBlocks,
    notifications,
    meta,
    breaking,
  };
}
