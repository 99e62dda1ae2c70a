import { formatMessage } from "../../core/index.ts";
import { TABS, type TabProps, tabFor } from "../context.ts";

const SEVERITY = { error: "Fehler", warning: "Hinweis", info: "Info" } as const;

/**
 * Every finding of the core linter (run in the browser on each change, the same check the
 * server runs before publishing), grouped by severity; each one jumps to its place.
 */
export function LintPanel({ store, state }: TabProps) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...state.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div class="studio-lint">
      <h2 class="kern-title kern-title--medium">Prüfung</h2>
      <p class="kern-body" role="status">
        {errors === 0
          ? "Keine Fehler: Der Dienst kann veröffentlicht werden."
          : `${errors} ${errors === 1 ? "Fehler verhindert" : "Fehler verhindern"} die Veröffentlichung.`}{" "}
        <span class="studio-muted">(geprüft in {state.lintMs.toFixed(1)} ms)</span>
      </p>
      {findings.length > 0 ? (
        <ul class="kern-list studio-findings">
          {findings.map((f, i) => {
            const tab = TABS.find((t) => t.id === tabFor(f.path))?.label;
            return (
              <li
                key={`${f.path}-${f.key}-${i}`}
                class={`studio-finding studio-finding--${f.severity}`}
              >
                <span class="studio-finding__severity">{SEVERITY[f.severity]}</span>{" "}
                <button type="button" class="link-button" onClick={() => store.jump(f.path)}>
                  {formatMessage(f.key, f.params)}
                </button>
                <div class="kern-body kern-body--small studio-muted">
                  {tab}
                  {f.path ? ` · ${f.path}` : ""}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
