/**
 * Focusing the place a linter finding names once a tab has opened the item it is in. The
 * editor focuses right after switching tabs; a tab that first has to select an item renders
 * its form a moment later, so it focuses again (same rule: the longest matching data-path).
 */
export function focusPath(root: HTMLElement | null, path: string): void {
  if (!root) return;
  let best: HTMLElement | null = null;
  let bestLength = -1;
  for (const el of root.querySelectorAll<HTMLElement>("[data-path]")) {
    const p = el.dataset.path ?? "";
    const matches = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (matches && p.length > bestLength) {
      best = el;
      bestLength = p.length;
    }
  }
  if (!best || best === document.activeElement) return;
  best.focus();
  best.scrollIntoView({ block: "center" });
}

/** Focuses `path` inside `root` after the next two frames (after the selected form rendered). */
export function focusSoon(root: HTMLElement | null, path: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => focusPath(root, path)));
}
