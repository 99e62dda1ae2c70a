import type { TabProps } from "../context.ts";

/** Formular (being built). */
export function FormTab(_p: TabProps) {
  return <p class="kern-body">Formular: wird gebaut.</p>;
}
