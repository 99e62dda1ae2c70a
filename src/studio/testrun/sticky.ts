/**
 * State that outlives its component while the draft is open: the editor mounts only the shown
 * tab, and a test run or the chosen document should still be there after a look at another tab.
 * Kept per draft store (the owner), in memory only.
 */
import { useState } from "preact/hooks";

const kept = new WeakMap<object, Map<string, unknown>>();

export function useSticky<T>(
  owner: object,
  key: string,
  initial: T | (() => T),
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const map = kept.get(owner);
    if (map?.has(key)) return map.get(key) as T;
    return typeof initial === "function" ? (initial as () => T)() : initial;
  });
  function set(next: T) {
    let map = kept.get(owner);
    if (!map) {
      map = new Map();
      kept.set(owner, map);
    }
    map.set(key, next);
    setValue(next);
  }
  return [value, set];
}
