import { addDays, type IsoDate, resolveDateBound } from "../calendar/dates.ts";
import type { ActionDef, FieldDef, LeafFieldDef, ServiceDefinition } from "../definition/types.ts";
import type { Problem } from "../problems.ts";
import { validateSubmission } from "./validate.ts";

/**
 * Sample values for trying a service out (the studio's notice preview and test run): a
 * plausible, valid value for every field, by its type and constraints — names, an address in
 * Musterstadt, a valid IBAN, the first option of a choice, a date inside its bounds. Rules the
 * generator cannot read (cross-field constraints, patterns) are met by trying further candidates
 * until the form validates, a few rounds at most; what still fails is left for the person to fix.
 * Pure and deterministic: the same definition and day give the same data.
 */
export function sampleData(
  def: ServiceDefinition,
  options: { today: IsoDate },
): Record<string, unknown> {
  const fields = def.form.pages.flatMap((p) => p.fields);
  const choice = new Map<string, number>();
  let data = sampleFieldSet(def, fields, options.today, choice);
  for (let round = 0; round < 6; round++) {
    const result = validateSubmission(def, data, { today: options.today });
    // fields the form does not ask for with these answers (visibleIf) are left out
    if (result.ok)
      return Object.fromEntries(Object.entries(data).filter(([k]) => k in result.data));
    const failing = failingRoots(result.errors);
    if (failing.size === 0) break;
    for (const id of failing) choice.set(id, (choice.get(id) ?? 0) + 1);
    data = sampleFieldSet(def, fields, options.today, choice);
  }
  return withoutComputed(fields, data);
}

/** Sample values for a caseworker's input of an action (`signatory`, `reason` …). */
export function sampleActionInput(
  def: ServiceDefinition,
  action: ActionDef,
  today: IsoDate,
): Record<string, unknown> {
  return sampleFieldSet(def, action.input ?? [], today, new Map());
}

/** Sample values for a set of fields; `choice` picks a later candidate for the named fields. */
function sampleFieldSet(
  def: ServiceDefinition,
  fields: readonly FieldDef[],
  today: IsoDate,
  choice: ReadonlyMap<string, number>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === "info" || ("computed" in field && field.computed)) continue;
    if (field.type === "group") {
      const count = Math.max(1, field.minItems ?? 1);
      out[field.id] = Array.from({ length: count }, () =>
        sampleFieldSet(def, field.fields, today, choice),
      );
      continue;
    }
    const candidates = sampleCandidates(def, field, today);
    if (candidates.length === 0) continue;
    const n = choice.get(field.id) ?? 0;
    out[field.id] = candidates[n % candidates.length];
  }
  return out;
}

function withoutComputed(fields: readonly FieldDef[], data: Record<string, unknown>) {
  const out = { ...data };
  for (const f of fields) if ("computed" in f && f.computed) delete out[f.id];
  return out;
}

/** The form fields named by validation errors (`dogs[0].name` -> `dogs`, and `name`). */
function failingRoots(errors: Problem[]): Set<string> {
  const ids = new Set<string>();
  for (const e of errors) {
    for (const part of e.path.split(/[.[\]]+/)) if (part && !/^\d+$/.test(part)) ids.add(part);
  }
  return ids;
}

const clamp = (value: number, min?: number, max?: number) =>
  Math.min(max ?? Number.POSITIVE_INFINITY, Math.max(min ?? Number.NEGATIVE_INFINITY, value));

/** Texts by what a field's id or label suggests it holds. */
const TEXT_HINTS: [RegExp, string][] = [
  [/vorname|given/i, "Erika"],
  [/nachname|family|surname/i, "Mustermann"],
  [/name/i, "Erika Mustermann"],
  [/straße|strasse|street/i, "Hauptstraße 12"],
  [/ort|city|gemeinde/i, "Musterstadt"],
  [
    /grund|reason|begründung|begruendung|bemerkung|note|comment/i,
    "Beispielbegründung für den Testlauf",
  ],
  [/nummer|number|nr\b|kennzeichen/i, "2026-0147"],
];

function textCandidates(field: { id: string; label?: string }): string[] {
  const key = `${field.id} ${field.label ?? ""}`;
  const hinted = TEXT_HINTS.find(([re]) => re.test(key))?.[1];
  return [
    ...(hinted ? [hinted] : []),
    "Beispieltext",
    "Beispiel",
    "A",
    "1",
    "12345",
    "AB-1234",
    "ja",
  ];
}

function fitLength(text: string, min?: number, max?: number): string {
  let value = text;
  while (min !== undefined && value.length < min) value += ` ${text}`;
  if (max !== undefined && value.length > max) value = value.slice(0, max).trim() || "A";
  return value.slice(0, Math.max(max ?? value.length, 1));
}

/** Valid candidates for one field, the most plausible first. */
function sampleCandidates(def: ServiceDefinition, field: LeafFieldDef, today: IsoDate): unknown[] {
  switch (field.type) {
    case "text": {
      const texts = textCandidates(field).map((t) =>
        fitLength(t, field.minLength, field.maxLength),
      );
      if (!field.pattern) return texts;
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${field.pattern})$`, "u");
      } catch {
        return texts;
      }
      const example = patternExample(field.pattern);
      const fitting = [...(example ? [example] : []), ...texts].filter((t) => pattern.test(t));
      return fitting.length > 0 ? unique(fitting) : texts;
    }
    case "textarea":
      return textCandidates(field).map((t) =>
        fitLength(
          t === "Beispieltext" ? "Beispieltext für den Testlauf." : t,
          field.minLength,
          field.maxLength,
        ),
      );
    case "number":
      return unique([clamp(2.5, field.min, field.max), field.min, field.max, 1, 0]);
    case "integer":
      return unique([clamp(2, field.min, field.max), field.min, field.max, 1, 0]);
    case "money":
      return unique([clamp(5000, field.min, field.max), field.min, field.max, 100, 0]);
    case "date": {
      const min = field.min ? resolveDateBound(field.min, today) : undefined;
      const max = field.max ? resolveDateBound(field.max, today) : undefined;
      const birth = /geburt|birth/i.test(`${field.id} ${field.label}`);
      const preferred = birth ? "1985-04-12" : addDays(today, 14);
      const inside = (d: string) => (!min || d >= min) && (!max || d <= max);
      return unique(
        [preferred, today, addDays(today, 30), addDays(today, -30), min, max].filter(
          (d): d is string => d !== undefined && inside(d),
        ),
      ).concat(min ?? max ?? []);
    }
    case "time":
      return unique(
        ["10:00", field.min, field.max].filter(
          (t): t is string =>
            t !== undefined && (!field.min || t >= field.min) && (!field.max || t <= field.max),
        ),
      );
    case "boolean":
      return [true, false];
    case "select":
    case "radio": {
      return optionsOf(def, field).map((o) => o.value);
    }
    case "multiselect": {
      const values = optionsOf(def, field).map((o) => o.value);
      const count = Math.min(values.length, Math.max(1, field.minItems ?? 1));
      return [values.slice(0, count), ...values.slice(1).map((v) => [v])];
    }
    case "email":
      return ["erika.mustermann@example.org"];
    case "phone":
      return ["030 1234567"];
    case "postcode":
      return ["12345"];
    case "iban":
      return ["DE02120300000000202051"];
    case "address":
      return [{ street: "Hauptstraße", houseNumber: "12", postcode: "12345", city: "Musterstadt" }];
    case "personName":
      return [{ givenName: "Erika", familyName: "Mustermann" }];
    case "file": {
      const type = field.accept[0]?.replace(/\/\*$/, "/png") ?? "application/pdf";
      const extension = type.split("/")[1]?.replace(/[^a-z0-9]/g, "") || "pdf";
      return [
        {
          id: "00000000-0000-4000-8000-00000000beef",
          name: `beispiel.${extension}`,
          mimeType: type,
          size: Math.min(1024, field.maxSizeBytes),
        },
      ];
    }
    case "info":
      return [];
  }
}

function optionsOf(
  def: ServiceDefinition,
  field: { options?: { value: string }[]; codeList?: string },
): { value: string }[] {
  return field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [];
}

function unique<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}

/**
 * A draft with stand-ins for missing catalogue facts (description, LeiKa key, legal basis,
 * organisational unit …): they do not change a notice or a case, so the preview and the test
 * run work before the designer has filled them in. Everything else is left as it is.
 */
export function withStandInMeta(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const def = raw as Record<string, unknown>;
  const given =
    def.meta && typeof def.meta === "object" ? (def.meta as Record<string, unknown>) : {};
  const text = (v: unknown, standIn: string) => (typeof v === "string" && v.trim() ? v : standIn);
  const time = given.processingTime as { value?: unknown; unit?: unknown } | undefined;
  const meta: Record<string, unknown> = {
    ...given,
    title: text(given.title, "Neuer Dienst"),
    description: text(given.description, "Beschreibung folgt"),
    leikaKey:
      typeof given.leikaKey === "string" && /^99\d{12}$/.test(given.leikaKey)
        ? given.leikaKey
        : "99000000000000",
    legalBasis:
      Array.isArray(given.legalBasis) && given.legalBasis.length > 0
        ? given.legalBasis.map((l) => text(l, "Rechtsgrundlage folgt"))
        : ["Rechtsgrundlage folgt"],
    orgUnit: text(given.orgUnit, "noch offen"),
    processingTime:
      time && Number.isInteger(time.value) && (time.value as number) >= 1 && time.unit
        ? time
        : { value: 10, unit: "workingDays" },
    requiredDocuments: Array.isArray(given.requiredDocuments) ? given.requiredDocuments : [],
  };
  return { ...def, meta };
}

/**
 * A string matching a simple regular expression, built by walking it: the first alternative,
 * the first character of a class, the least repetitions (at least one for `*`/`+`). Enough for
 * the patterns forms use (plates, numbers, times); undefined for what it cannot read.
 */
export function patternExample(source: string): string | undefined {
  let i = 0;
  const s = source;
  function alternatives(): string {
    const first = sequence();
    while (s[i] === "|") {
      i++;
      sequence();
    }
    return first;
  }
  function sequence(): string {
    let out = "";
    while (i < s.length && s[i] !== "|" && s[i] !== ")") {
      const atom = atomExample();
      const [min] = quantifier();
      out += atom.repeat(min);
    }
    return out;
  }
  function quantifier(): [number] {
    const c = s[i];
    if (c === "?" || c === "*") {
      i++;
      if (s[i] === "?") i++;
      return [c === "*" ? 1 : 0];
    }
    if (c === "+") {
      i++;
      return [1];
    }
    const m = /^\{(\d+)(,\d*)?\}/.exec(s.slice(i));
    if (m) {
      i += m[0].length;
      return [Number(m[1])];
    }
    return [1];
  }
  function escaped(inClass: boolean): string {
    const c = s[i++];
    if (c === "d") return "1";
    if (c === "w") return "a";
    if (c === "s") return " ";
    if (c === "p" || c === "P") {
      const end = s.indexOf("}", i);
      i = end + 1;
      return "a";
    }
    if (!inClass && /[bB]/.test(c ?? "")) return "";
    return c ?? "";
  }
  function atomExample(): string {
    const c = s[i++];
    if (c === "^" || c === "$") return "";
    if (c === "\\") return escaped(false);
    if (c === ".") return "a";
    if (c === "(") {
      if (s[i] === "?") i += s[i + 1] === ":" ? 2 : 3;
      const inner = alternatives();
      if (s[i] !== ")") throw new Error("unbalanced");
      i++;
      return inner;
    }
    if (c === "[") {
      let negated = false;
      if (s[i] === "^") {
        negated = true;
        i++;
      }
      let first: string | undefined;
      while (i < s.length && s[i] !== "]") {
        let ch: string;
        if (s[i] === "\\") {
          i++;
          ch = escaped(true);
        } else ch = s[i++] ?? "";
        if (s[i] === "-" && s[i + 1] !== "]") i += 2 + (s[i + 1] === "\\" ? 1 : 0);
        first ??= ch;
      }
      i++;
      return negated ? "#" : (first ?? "");
    }
    return c ?? "";
  }
  try {
    const example = alternatives();
    return new RegExp(`^(?:${source})$`, "u").test(example) ? example : undefined;
  } catch {
    return undefined;
  }
}
