/** How serious a finding is: errors block publishing, warnings and infos do not. */
export type Severity = "error" | "warning" | "info";

/**
 * A problem found in a definition or in submitted data. `path` names the place
 * (`form.pages[0].fields[2].visibleIf`, `dogs[1].name`), `key` is a message key
 * from `messages.ts`, `params` fill its placeholders.
 */
export type Problem = {
  path: string;
  key: string;
  params?: Record<string, string | number>;
};

/** A linter finding: a problem with a severity. */
export type Finding = Problem & { severity: Severity };

/** Formats a path built from object keys and array indices: `a.b[2].c`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Joins a base path and a child key or index. */
export function childPath(base: string, part: string | number): string {
  if (typeof part === "number") return `${base}[${part}]`;
  return base === "" ? part : `${base}.${part}`;
}
