import type { ServiceDefinition } from "../definition/types.ts";
import { type CompiledExpression, compileFeel } from "./feel.ts";

/** The expressions of one definition, each compiled on first use and then reused. */
export type RuleCache = { expression(source: string): CompiledExpression };

const caches = new WeakMap<ServiceDefinition, RuleCache>();

/**
 * The rule cache of a definition, keyed by the definition object itself: loaded
 * definitions are frozen, so a cache can never go stale, and it goes away with them.
 */
export function rulesOf(def: ServiceDefinition): RuleCache {
  let cache = caches.get(def);
  if (!cache) {
    const compiled = new Map<string, CompiledExpression>();
    cache = {
      expression(source) {
        let expression = compiled.get(source);
        if (!expression) {
          expression = compileFeel(source);
          compiled.set(source, expression);
        }
        return expression;
      },
    };
    caches.set(def, cache);
  }
  return cache;
}
