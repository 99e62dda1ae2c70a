import type { TabProps } from "../context.ts";

/** Testlauf (being built). */
export function TestRunTab(_p: TabProps) {
  return <p class="kern-body">Testlauf: wird gebaut.</p>;
}
