import type { TabProps } from "../context.ts";

/** Gebühren (being built). */
export function FeesTab(_p: TabProps) {
  return <p class="kern-body">Gebühren: wird gebaut.</p>;
}
