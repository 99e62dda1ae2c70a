import type { TabProps } from "../context.ts";

/** Ablauf (being built). */
export function ProcessTab(_p: TabProps) {
  return <p class="kern-body">Ablauf: wird gebaut.</p>;
}
