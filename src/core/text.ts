/**
 * Text a database cannot store: NUL characters (PostgreSQL's text and jsonb refuse them) and
 * lone UTF-16 surrogates (no character at all). Such input is refused with a clear message
 * instead of failing later, when it is written.
 */
export function hasUnstorableText(value: string): boolean {
  return value.includes("\u0000") || !value.isWellFormed();
}

/**
 * The path of the first string inside `value` (keys included) that cannot be stored, as
 * `dogs[1].name`. Runs over every submission: the path is only spelled out once one is found.
 */
export function findUnstorableText(value: unknown): string | undefined {
  const trail: (string | number)[] = [];
  if (!holdsUnstorable(value, trail)) return undefined;
  let path = "";
  for (let i = trail.length - 1; i >= 0; i--) {
    const step = trail[i];
    path += typeof step === "number" ? `[${step}]` : path === "" ? step : `.${step}`;
  }
  return path;
}

/** Whether `value` holds unstorable text; if so, `trail` ends with the way to it, innermost first. */
function holdsUnstorable(value: unknown, trail: (string | number)[]): boolean {
  if (typeof value === "string") return hasUnstorableText(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (holdsUnstorable(value[i], trail)) {
        trail.push(i);
        return true;
      }
    }
    return false;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (hasUnstorableText(key) || holdsUnstorable(record[key], trail)) {
        trail.push(key);
        return true;
      }
    }
  }
  return false;
}
