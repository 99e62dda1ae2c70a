import type { TabProps } from "../context.ts";

/** Bescheide (being built). */
export function DocumentsTab(_p: TabProps) {
  return <p class="kern-body">Bescheide: wird gebaut.</p>;
}
