/**
 * The process and fee editors' FEEL input: the studio's shared `FeelInput` (completion of the
 * case's data names, syntax and unknown names checked as the designer types), with the names
 * the editor provides and the linter's message at its path.
 */
import { useContext } from "preact/hooks";
import { FeelNamesContext } from "../feel-names.ts";
import { FeelInput } from "../form/FeelInput.tsx";

export function Feel(p: {
  label: string;
  path: string;
  value: string | undefined;
  onInput: (v: string) => void;
  id?: string;
  hint?: string;
  /** The linter's message at `path`. */
  finding?: string;
  required?: boolean;
}) {
  const names = useContext(FeelNamesContext);
  return (
    <FeelInput
      id={p.id}
      label={p.required ? `${p.label} *` : p.label}
      path={p.path}
      hint={p.hint}
      value={p.value}
      names={names}
      message={p.finding}
      onInput={p.onInput}
    />
  );
}
