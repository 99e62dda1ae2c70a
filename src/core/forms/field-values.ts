import { isIsoDate, resolveDateBound } from "../calendar/dates.ts";
import type { LeafFieldDef, ServiceDefinition } from "../definition/types.ts";
import { childPath, type Problem } from "../problems.ts";
import {
  isEmailAddress,
  isGermanPostcode,
  isPhoneNumber,
  isValidIban,
  normaliseIban,
} from "./german.ts";

/** What reading one submitted value gives: the stored value (undefined when empty) and problems. */
export type ReadResult = { value: unknown; problems: Problem[] };

/** What field checks need besides the value. */
export type ReadContext = { def: ServiceDefinition; today: string };

/** Shared by every successful read: valid values, the common case, allocate no list. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);
const ok = (value: unknown): ReadResult => ({ value, problems: NO_PROBLEMS as Problem[] });
const fail = (path: string, key: string, params?: Problem["params"]): ReadResult => ({
  value: undefined,
  problems: [params ? { path, key, params } : { path, key }],
});

/** Whether a submitted value counts as not given. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && !/\S/.test(value)) ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Reads a non-empty submitted value of a leaf field: checks its JSON type and the
 * field's own constraints, and returns the value as stored (trimmed, normalised).
 */
export function readLeafValue(
  field: LeafFieldDef,
  raw: unknown,
  path: string,
  ctx: ReadContext,
): ReadResult {
  switch (field.type) {
    case "text":
    case "textarea":
      return readText(field, raw, path);
    case "number":
    case "integer":
    case "money":
      return readNumber(field, raw, path);
    case "date":
      return readDate(field, raw, path, ctx.today);
    case "time":
      return readTime(field, raw, path);
    case "boolean":
      return typeof raw === "boolean"
        ? ok(raw)
        : fail(path, "validation.type", { expected: "boolean" });
    case "select":
    case "radio":
    case "multiselect":
      return readChoice(field, raw, path, ctx.def);
    case "email":
      return readFormatted(raw, path, isEmailAddress, "validation.email");
    case "phone":
      return readFormatted(raw, path, isPhoneNumber, "validation.phone");
    case "postcode":
      return readFormatted(raw, path, isGermanPostcode, "validation.postcode");
    case "iban":
      return typeof raw === "string"
        ? readFormatted(normaliseIban(raw), path, isValidIban, "validation.iban")
        : fail(path, "validation.type", { expected: "string" });
    case "address":
      return readAddress(raw, path);
    case "personName":
      return readParts(raw, path, ["givenName", "familyName"], ["title", "birthName"]);
    case "file":
      return readFiles(field, raw, path);
    case "info":
      return fail(path, "validation.unknownField");
  }
}

function readText(
  field: { minLength?: number; maxLength?: number; pattern?: string },
  raw: unknown,
  path: string,
): ReadResult {
  if (typeof raw !== "string") return fail(path, "validation.type", { expected: "string" });
  const value = raw.trim();
  if (field.minLength !== undefined && value.length < field.minLength) {
    return fail(path, "validation.tooShort", { min: field.minLength });
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return fail(path, "validation.tooLong", { max: field.maxLength });
  }
  if (field.pattern !== undefined && !patternOf(field.pattern).test(value)) {
    return fail(path, "validation.pattern");
  }
  return ok(value);
}

const patterns = new Map<string, RegExp>();

/** Patterns must match the whole value; compiled once per pattern text. */
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

function readNumber(
  field: { type: "number" | "integer" | "money"; min?: number; max?: number },
  raw: unknown,
  path: string,
): ReadResult {
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return fail(path, "validation.type", {
      expected: field.type === "number" ? "number" : "integer",
    });
  }
  if (field.type !== "number" && !Number.isSafeInteger(raw)) {
    return fail(path, field.type === "money" ? "validation.moneyCents" : "validation.notInteger");
  }
  if (field.min !== undefined && raw < field.min)
    return fail(path, "validation.tooSmall", { min: field.min });
  if (field.max !== undefined && raw > field.max)
    return fail(path, "validation.tooLarge", { max: field.max });
  return ok(raw);
}

function readDate(
  field: { min?: string; max?: string },
  raw: unknown,
  path: string,
  today: string,
): ReadResult {
  if (typeof raw !== "string" || !isIsoDate(raw)) return fail(path, "validation.invalidDate");
  if (field.min !== undefined) {
    const min = resolveDateBound(field.min, today);
    if (raw < min) return fail(path, "validation.dateTooEarly", { min });
  }
  if (field.max !== undefined) {
    const max = resolveDateBound(field.max, today);
    if (raw > max) return fail(path, "validation.dateTooLate", { max });
  }
  return ok(raw);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function readTime(field: { min?: string; max?: string }, raw: unknown, path: string): ReadResult {
  if (typeof raw !== "string" || !TIME.test(raw.trim()))
    return fail(path, "validation.invalidTime");
  const value = raw.trim();
  if (field.min !== undefined && value < field.min)
    return fail(path, "validation.timeTooEarly", { min: field.min });
  if (field.max !== undefined && value > field.max)
    return fail(path, "validation.timeTooLate", { max: field.max });
  return ok(value);
}

function optionValues(
  field: { options?: { value: string }[]; codeList?: string },
  def: ServiceDefinition,
): { value: string }[] {
  return field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [];
}

function readChoice(
  field: Extract<LeafFieldDef, { type: "select" | "radio" | "multiselect" }>,
  raw: unknown,
  path: string,
  def: ServiceDefinition,
): ReadResult {
  const options = optionValues(field, def);
  const known = (v: unknown) => options.some((o) => o.value === v);
  if (field.type !== "multiselect") {
    if (typeof raw !== "string") return fail(path, "validation.type", { expected: "string" });
    return known(raw) ? ok(raw) : fail(path, "validation.invalidOption");
  }
  if (!Array.isArray(raw)) return fail(path, "validation.type", { expected: "list" });
  const problems: Problem[] = [];
  raw.forEach((v, i) => {
    if (!known(v)) problems.push({ path: childPath(path, i), key: "validation.invalidOption" });
  });
  if (new Set(raw).size !== raw.length) problems.push({ path, key: "validation.duplicateOption" });
  if (field.minItems !== undefined && raw.length < field.minItems) {
    problems.push({ path, key: "validation.tooFewItems", params: { min: field.minItems } });
  }
  if (field.maxItems !== undefined && raw.length > field.maxItems) {
    problems.push({ path, key: "validation.tooManyItems", params: { max: field.maxItems } });
  }
  return problems.length > 0 ? { value: undefined, problems } : ok(raw);
}

function readFormatted(
  raw: unknown,
  path: string,
  valid: (v: string) => boolean,
  key: string,
): ReadResult {
  if (typeof raw !== "string") return fail(path, "validation.type", { expected: "string" });
  const value = raw.trim();
  return valid(value) ? ok(value) : fail(path, key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an object of string parts: required parts must be given, unknown parts are refused. */
function readParts(raw: unknown, path: string, required: string[], optional: string[]): ReadResult {
  if (!isPlainObject(raw)) return fail(path, "validation.type", { expected: "object" });
  const problems: Problem[] = [];
  const value: Record<string, string> = {};
  for (const [key, part] of Object.entries(raw)) {
    const partPath = childPath(path, key);
    if (!required.includes(key) && !optional.includes(key)) {
      problems.push({ path: partPath, key: "validation.unknownField" });
    } else if (part !== undefined && part !== null && typeof part !== "string") {
      problems.push({ path: partPath, key: "validation.type", params: { expected: "string" } });
    } else if (typeof part === "string" && part.trim() !== "") {
      value[key] = part.trim();
    }
  }
  for (const key of required) {
    if (value[key] === undefined && !problems.some((p) => p.path === childPath(path, key))) {
      problems.push({ path: childPath(path, key), key: "validation.required" });
    }
  }
  return problems.length > 0 ? { value: undefined, problems } : ok(value);
}

const ADDRESS_REQUIRED = ["street", "houseNumber", "postcode", "city"];
const ADDRESS_OPTIONAL = ["addition", "country"];

function readAddress(raw: unknown, path: string): ReadResult {
  const result = readParts(raw, path, ADDRESS_REQUIRED, ADDRESS_OPTIONAL);
  const address = result.value as Record<string, string> | undefined;
  if (!address) return result;
  const german = address.country === undefined || address.country === "DE";
  if (german && !isGermanPostcode(address.postcode)) {
    return fail(childPath(path, "postcode"), "validation.postcode");
  }
  return result;
}

/** Files are references to uploads: the upload code checks the bytes, here the declared data. */
function readFiles(
  field: Extract<LeafFieldDef, { type: "file" }>,
  raw: unknown,
  path: string,
): ReadResult {
  const files = Array.isArray(raw) ? raw : [raw];
  const problems: Problem[] = [];
  const maxFiles = field.maxFiles ?? 1;
  if (files.length > maxFiles)
    problems.push({ path, key: "validation.tooManyFiles", params: { max: maxFiles } });
  files.forEach((file, i) => {
    const filePath = Array.isArray(raw) ? childPath(path, i) : path;
    problems.push(...checkFile(field, file, filePath));
  });
  return problems.length > 0 ? { value: undefined, problems } : ok(files);
}

function checkFile(
  field: Extract<LeafFieldDef, { type: "file" }>,
  file: unknown,
  path: string,
): Problem[] {
  if (
    !isPlainObject(file) ||
    typeof file.id !== "string" ||
    typeof file.name !== "string" ||
    typeof file.mimeType !== "string" ||
    typeof file.size !== "number" ||
    Object.keys(file).some((k) => !["id", "name", "mimeType", "size"].includes(k))
  ) {
    return [{ path, key: "validation.type", params: { expected: "file" } }];
  }
  const mimeType = file.mimeType;
  const accepted = field.accept.some((type) =>
    type.endsWith("/*") ? mimeType.startsWith(type.slice(0, -1)) : mimeType === type,
  );
  if (!accepted) {
    return [{ path, key: "validation.fileType", params: { accept: field.accept.join(", ") } }];
  }
  if (file.size > field.maxSizeBytes) {
    return [{ path, key: "validation.fileTooLarge", params: { max: field.maxSizeBytes } }];
  }
  return [];
}
