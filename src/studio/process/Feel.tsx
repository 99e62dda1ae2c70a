/**
 * The process and fee editors' FEEL input: a monospaced text input with the syntax error
 * shown as the designer types (core `checkFeel`), else the linter's finding at its path.
 * One place to swap in the studio's shared FEEL input with name completion later.
 */
import { useMemo } from "preact/hooks";
import { checkFeel, formatMessage } from "../../core/index.ts";
import { TextInput } from "../ui.tsx";

export function Feel(p: {
  label: string;
  path: string;
  value: string | undefined;
  onInput: (v: string) => void;
  id?: string;
  hint?: string;
  /** The linter's message at `path`, shown when the syntax is fine. */
  finding?: string;
  required?: boolean;
}) {
  const source = p.value ?? "";
  const syntax = useMemo(() => {
    if (source.trim() === "") return undefined;
    const issue = checkFeel(source, () => undefined)[0];
    return issue ? formatMessage(issue.key, issue.params) : undefined;
  }, [source]);
  return (
    <TextInput
      id={p.id}
      label={p.label}
      path={p.path}
      hint={p.hint}
      required={p.required}
      mono
      value={source}
      error={syntax ?? p.finding}
      onInput={p.onInput}
      inputProps={{ spellcheck: false, autocomplete: "off" }}
    />
  );
}
