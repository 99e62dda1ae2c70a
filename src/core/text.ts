/**
 * Text a database cannot store: NUL characters (PostgreSQL's text and jsonb refuse them) and
 * lone UTF-16 surrogates (no character at all). Such input is refused with a clear message
 * instead of failing later, when it is written.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnstorableText(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** The path of the first string inside `value` (keys included) that cannot be stored. */
export function findUnstorableText(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return hasUnstorableText(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const here = path === "" ? k : `${path}.${k}`;
      if (hasUnstorableText(k)) return here;
      const found = findUnstorableText(v, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
